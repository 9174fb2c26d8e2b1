// The provider's action plan as one form (/arenden/{id}/atgardsplan, issue 14): the causes and
// analysis in the provider's words, and a row per point with what will be done, who is
// responsible and by when, with blank rows for new points. Saved against the version it was
// loaded from, since two of the provider's people may write it: a save on an older version
// changes nothing and shows the form again with the editor's text kept. Sending the plan
// (POST /arenden/{id}/atgardsplan/skicka) sends it as it is saved.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "server/web/case_parts.hpp"
#include "server/web/form_fields.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

// Blank rows for new points: enough for a usual save; each save offers new ones again.
constexpr std::size_t kNewPlanRows = 3;

const std::map<std::string, std::string> kCasePlanFlashes{
    {"sparad", "Åtgärdsplanen är sparad. Skicka den till förvaltningen när den är klar."},
    {"oforandrad", "Inget var ändrat, så ingen ny version sparades."},
};

std::string rowPrefix(std::size_t k) {
  return "items-" + std::to_string(k);
}

// Blank stays "not given" (Date{}), as does a date that does not parse: applyPlanEdit refuses
// both with the field named.
Date postedPlanDate(const std::string& text) {
  if (text::isBlank(text)) return Date{};
  auto d = parseDate(oneLine(text));
  return d ? *d : Date{};
}

// The plan the form describes: the summary and every row that is not wholly blank, in order (a
// point is removed by emptying its row).
minutes::ActionPlan planFromForm(const minutes::ActionPlan& base, const http::FormBody& form) {
  minutes::ActionPlan out = base;
  out.summary = multiLine(form.value("summary"));
  out.items.clear();
  for (std::size_t k = 0; k <= minutes::kMaxPlanItems + kNewPlanRows; ++k) {
    const std::string p = rowPrefix(k);
    if (!form.has(p + "-text")) break;
    const std::string text = form.value(p + "-text");
    const std::string responsible = form.value(p + "-responsible");
    const std::string due = form.value(p + "-due_date");
    if (text::isBlank(text) && text::isBlank(responsible) && text::isBlank(due)) continue;
    out.items.push_back({oneLine(form.value(p + "-id")), multiLine(text), oneLine(responsible),
                         postedPlanDate(due)});
  }
  return out;
}

// "items[2].due_date" as the form's "items-2-due_date" (the form is shown from the plan the
// error is about, so row 2 is item 2); "summary" as it is.
std::string fieldIdOf(const std::string& field) {
  std::string out;
  for (char c : field) {
    if (c == '[' || c == '.') {
      out += '-';
    } else if (c != ']') {
      out += c;
    }
  }
  return out;
}

Data rowData(std::size_t k, const minutes::PlanItem& item, const std::string& invalidId,
             const services::CaseView& view) {
  const std::string p = rowPrefix(k);
  Data row;
  row.set("number", std::to_string(k + 1));
  row.set("id", form::field(p + "-id", item.id, invalidId));
  row.set("text", form::field(p + "-text", item.text, invalidId));
  row.set("responsible", form::field(p + "-responsible", item.responsible, invalidId));
  row.set("due_date", form::field(p + "-due_date",
                                  item.dueDate.ok() ? formatDate(item.dueDate) : "", invalidId));
  // The authority's comments on this point from earlier rounds, to revise by.
  auto comments = list();
  for (const auto& c : view.planComments) {
    if (item.id.empty() || c.part != item.id) continue;
    Data d;
    d.set("name", c.userName);
    d.set("when", swedishDateTime(c.createdAt));
    d.set("text", c.text);
    comments.push_back(d);
  }
  row.set("has_comments", !comments.is_empty_list());
  row.set("comments", comments);
  return row;
}

http::Reply planPage(const http::Request& req, Services& s, std::int64_t id,
                     std::optional<minutes::ActionPlan> shown = std::nullopt,
                     std::optional<std::string> version = std::nullopt,
                     std::optional<FormError> error = std::nullopt) {
  auto& cases = *s.cases;
  auto view = cases.get(req.principal(), id);
  if (!view) return failurePage(req, view.error());
  if (!view->mayWritePlan) {
    if (auto may = cases.mayEditPlan(req.principal(), id); !may)
      return errorPage(req, 403, "Du har inte behörighet",
                       "Bara utförarens företrädare skriver åtgärdsplanen. Du kan läsa den på "
                       "ärendets sida.");
    return errorPage(req, 409, "Åtgärdsplanen kan inte ändras nu",
                     "Ingen åtgärdsplan är begärd i ärendet just nu. En plan som är skickad "
                     "ändras bara om förvaltningen skickar tillbaka den.");
  }
  const auto& row = view->item.row;
  if (!shown) shown = view->plan ? view->plan->plan : minutes::ActionPlan{};
  if (!version) version = view->plan ? view->plan->version : std::string();

  Page page{
      .title = "Åtgärdsplan – " + row.title, .templateName = "case_plan", .current = "arenden"};
  page.flash = flashOf(req, kCasePlanFlashes);
  Data& data = page.data;
  data.set("case", caseRowData(view->item));
  data.set("version", *version);
  data.set("version_short", shortVersion(*version));
  data.set("has_version", !version->empty());
  const std::string invalidId = error ? error->field : std::string();
  data.set("summary", form::field("summary", shown->summary, invalidId));
  auto rows = list();
  for (std::size_t k = 0; k < shown->items.size(); ++k)
    rows.push_back(rowData(k, shown->items[k], invalidId, *view));
  for (std::size_t n = 0; n < kNewPlanRows; ++n) {
    Data r = rowData(shown->items.size() + n, minutes::PlanItem{}, invalidId, *view);
    r.set("fresh", true);
    rows.push_back(r);
  }
  data.set("rows", rows);
  auto general = list();
  for (const auto& c : view->planComments) {
    if (!c.part.empty()) continue;
    Data d;
    d.set("name", c.userName);
    d.set("when", swedishDateTime(c.createdAt));
    d.set("text", c.text);
    general.push_back(d);
  }
  data.set("has_general_comments", !general.is_empty_list());
  data.set("general_comments", general);
  data.set("can_submit", view->plan.has_value() && !view->plan->plan.items.empty());
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerCasePlanPages(http::Router& router, Services& s) {
  if (!s.cases) return;
  auto& cases = *s.cases;

  addPage(router, "GET", "/arenden/{id}/atgardsplan", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return planPage(req, s, *id);
  });

  addPage(router, "POST", "/arenden/{id}/atgardsplan", [&s, &cases](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    const auto& viewer = req.principal();
    auto form = formOf(req);
    // Roles before fields: a person who may not write the plan learns that, not a field error.
    if (auto may = cases.mayEditPlan(viewer, *id); !may) {
      if (may.error().code != Errc::Forbidden) return failurePage(req, may.error());
      return planPage(req, s, *id);
    }
    auto view = cases.get(viewer, *id);
    if (!view) return failurePage(req, view.error());
    const auto base = view->plan ? view->plan->plan : minutes::ActionPlan{};
    const auto mine = planFromForm(base, form);
    const std::string version = form.value("version");
    auto saved = cases.savePlan(viewer, *id, version, mine);
    if (!saved) {
      const auto& e = saved.error();
      if (e.code == Errc::Internal || e.code == Errc::NotFound) return failurePage(req, e);
      if (e.reason == Reason::VersionMovedOn) {
        // The editor's text stays in the form, on the version saved meanwhile: saving again
        // makes the editor's plan the next version, after reading what changed.
        const std::string current = view->plan ? view->plan->version : std::string();
        return planPage(req, s, *id, mine, current, caseFormError("plan", e, "", std::move(form)));
      }
      return planPage(req, s, *id, mine, version,
                      caseFormError("plan", e, fieldIdOf(e.field), std::move(form)));
    }
    return redirect(casePath(*id) +
                    "/atgardsplan?klart=" + (saved->changed ? "sparad" : "oforandrad"));
  });

  addPage(router, "POST", "/arenden/{id}/atgardsplan/skicka", [&s, &cases](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto sent = cases.submitPlan(req.principal(), *id);
    return afterCasePost(req, s, *id, sent ? Status{} : Status{std::unexpected(sent.error())},
                         "submit_plan", "", formOf(req), "plan-skickad", "#atgardsplan");
  });
}

}  // namespace sv::web
