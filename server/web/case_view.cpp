// The event-driven case's page (/arenden/{id}): its facts, the timeline with who did what and
// when, who was told of the acute case, the action plan as it is now with the authority's
// comments beside each point (all rounds), the plan's rounds, the actions the accepted plan made,
// the files, and the forms of what the viewer may do now (`view.available`, mayWrite,
// mayWritePlan). Every form posts to a route of case_step_pages.cpp or case_plan_pages.cpp and
// comes back here with its error.
#include <algorithm>
#include <chrono>
#include <map>
#include <utility>

#include "minutes/markdown_html.hpp"
#include "server/web/case_parts.hpp"
#include "server/web/form_fields.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::web {
namespace {

// Texts of the timeline and the plan sit under an h2 (and an h3 for a point): a "#" the writer
// typed becomes an h4, below them.
constexpr int kTextHeadingOffset = 3;

const std::map<std::string, std::string> kCaseViewFlashes{
    {"oppnat", "Ärendet är öppnat. Utföraren har fått besked."},
    {"oppnat-akut",
     "Ärendet är öppnat som akut. Utföraren, förvaltningschefen och nämndsekreteraren har fått "
     "besked."},
    {"anteckning", "Anteckningen är sparad i ärendets tidslinje."},
    {"akut",
     "Ärendet är markerat som akut. Förvaltningschefen och nämndsekreteraren har fått "
     "besked."},
    {"analys", "Analysen är påbörjad."},
    {"godtagbart", "Analysen är sparad: godtagbart. Nästa steg är återkoppling till utföraren."},
    {"plan-begard", "Analysen är sparad och en åtgärdsplan är begärd. Utföraren har fått besked."},
    {"plan-skickad", "Åtgärdsplanen är skickad till förvaltningen."},
    {"plan-tillbaka", "Åtgärdsplanen är skickad tillbaka till utföraren med dina synpunkter."},
    {"plan-godtagen",
     "Åtgärdsplanen är godtagen. Dess punkter är nu åtgärder som följs upp på samverkansmötena."},
    {"aterkoppling", "Återkopplingen är sparad."},
    {"rapporterad", "Ärendet är rapporterat till nämnden."},
    {"avslutat", "Ärendet är avslutat."},
    {"bilaga", "Filen är bifogad."},
};

using form::dateText;

bool failedOn(const std::optional<FormError>& error, const std::string& form) {
  return error && error->form == form;
}

// A text field of a form on the page: its id, name, value (kept after a failed post) and whether
// the error is about it.
Data caseTextField(const std::string& id, const std::string& form, const std::string& name,
                   const std::optional<FormError>& error, const std::string& fallback = {}) {
  Data d;
  d.set("id", id);
  d.set("name", name);
  d.set("value", kept(error, form, name, fallback));
  d.set("invalid", failedOn(error, form) && error->field == id);
  return d;
}

// The round a comment was made in, by the version it was made on.
std::string roundOf(const std::vector<store::CasePlanRow>& rounds, const std::string& version) {
  for (const auto& r : rounds)
    if (r.version == version) return std::to_string(r.round);
  return {};
}

Data commentsOf(const services::CaseView& view, const std::string& part) {
  auto out = list();
  for (const auto& c : view.planComments) {
    if (c.part != part) continue;
    Data d;
    d.set("name", c.userName);
    d.set("when", swedishDateTime(c.createdAt));
    d.set("text", c.text);
    const std::string round = roundOf(view.plans, c.version);
    d.set("has_round", !round.empty());
    d.set("round", round);
    out.push_back(d);
  }
  return out;
}

void addTimeline(Data& data, const services::CaseView& view) {
  auto events = list();
  for (const auto& e : view.events) {
    Data d;
    d.set("what", caseEventWord(e.kind));
    d.set("kind", e.kind);
    d.set("who", e.userName);
    d.set("when", swedishDateTime(e.at));
    d.set("has_text", !e.text.empty());
    d.set("text_html", minutes::markdownToSafeHtml(e.text, kTextHeadingOffset));
    d.set("has_due_on", e.dueOn.has_value());
    d.set("due_on", e.dueOn.value_or(""));
    events.push_back(d);
  }
  data.set("events", events);
  auto notices = list();
  for (const auto& n : view.notices) {
    Data d;
    d.set("name", n.userName);
    d.set("role", caseLeaderRoleWord(n.role));
    d.set("when", swedishDateTime(n.at));
    notices.push_back(d);
  }
  data.set("notices", notices);
  data.set("has_notices", !view.notices.empty());
}

void addPlan(Data& data, const services::CaseView& view) {
  auto rounds = list();
  for (const auto& r : view.plans) {
    Data d;
    d.set("round", std::to_string(r.round));
    d.set("by", r.submittedByName);
    d.set("at", swedishDateTime(r.submittedAt));
    d.set("version", shortVersion(r.version));
    d.set("decision", r.decision == "accepted"   ? std::string("Godtagen")
                      : r.decision == "returned" ? std::string("Skickad tillbaka")
                                                 : std::string("Väntar på förvaltningen"));
    d.set("decided", r.decidedAt.has_value());
    d.set("decided_by", r.decidedByName);
    d.set("decided_at", swedishDateTime(r.decidedAt.value_or("")));
    rounds.push_back(d);
  }
  data.set("rounds", rounds);
  data.set("has_rounds", !view.plans.empty());
  data.set("has_plan", view.plan.has_value());
  if (!view.plan) return;
  const auto& plan = view.plan->plan;
  Data p;
  p.set("version", shortVersion(view.plan->version));
  p.set("has_summary", !plan.summary.empty());
  p.set("summary_html", minutes::markdownToSafeHtml(plan.summary, kTextHeadingOffset));
  auto items = list();
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const auto& item = plan.items[i];
    Data d;
    d.set("id", item.id);
    d.set("number", std::to_string(i + 1));
    d.set("anchor", "punkt-" + item.id);
    d.set("text_html", minutes::markdownToSafeHtml(item.text, kTextHeadingOffset + 1));
    d.set("responsible", item.responsible);
    d.set("due", dateText(item.dueDate));
    auto comments = commentsOf(view, item.id);
    d.set("has_comments", !comments.is_empty_list());
    d.set("comments", comments);
    items.push_back(d);
  }
  p.set("items", items);
  p.set("has_items", !plan.items.empty());
  auto general = commentsOf(view, "");
  p.set("has_general_comments", !general.is_empty_list());
  p.set("general_comments", general);
  data.set("plan", p);
}

void addActions(Data& data, const services::CaseView& view) {
  auto actions = list();
  for (const auto& a : view.actions) {
    Data d;
    d.set("href", "/atgarder#atgard-" + std::to_string(a.id));
    d.set("text", a.text);
    d.set("responsible", a.responsiblePerson);
    d.set("due", a.dueOn);
    d.set("status", actionStatusWord(a.status));
    actions.push_back(d);
  }
  data.set("actions", actions);
  data.set("has_actions", !view.actions.empty());
}

// The return form: a field per point of the plan, one for the plan as a whole, a new last day.
Data returnForm(const services::CaseView& view, const std::string& defaultDue,
                const std::optional<FormError>& error) {
  const std::string form = "return_plan";
  Data f;
  auto points = list();
  if (view.plan) {
    const auto& items = view.plan->plan.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string name = "point-" + items[i].id;
      Data d = caseTextField(name, form, name, error);
      d.set("number", std::to_string(i + 1));
      d.set("text", items[i].text);
      points.push_back(d);
    }
  }
  f.set("points", points);
  f.set("comment", caseTextField("return_comment", form, "comment", error));
  f.set("due", caseTextField("return_plan_due_on", form, "plan_due_on", error, defaultDue));
  return f;
}

void addForms(Data& data, const services::CaseView& view, Date today,
              const std::optional<FormError>& error) {
  const auto may = [&](const char* step) {
    return std::ranges::find(view.available, step) != view.available.end();
  };
  const auto& row = view.item.row;
  const auto state = view.item.state;
  const bool feedbackState = state == minutes::CaseState::Feedback;
  const std::string defaultDue =
      formatDate(Date{std::chrono::sys_days{today} + std::chrono::days{minutes::kDefaultPlanDays}});
  data.set("can_note", view.mayWrite);
  data.set("note", caseTextField("note_text", "note", "text", error));
  data.set("can_mark_acute", view.mayWrite && row.urgency != "acute");
  data.set("acute", caseTextField("acute_text", "acute", "text", error));
  data.set("can_start_analysis", may("start_analysis"));
  const bool conclude = may("analysis_ok") || may("request_action_plan");
  data.set("can_conclude", conclude);
  if (conclude) {
    Data f;
    const std::string outcome = kept(error, "conclude", "outcome", "ok");
    f.set("ok", outcome != "not_ok");
    f.set("not_ok", outcome == "not_ok");
    f.set("outcome_invalid", failedOn(error, "conclude") && error->field == "analysis_outcome");
    f.set("text", caseTextField("analysis_text", "conclude", "text", error));
    f.set("due",
          caseTextField("analysis_plan_due_on", "conclude", "plan_due_on", error, defaultDue));
    data.set("conclude", f);
  }
  data.set("can_edit_plan", view.mayWritePlan);
  data.set("can_submit_plan", may("submit_action_plan"));
  data.set("can_return_plan", may("return_action_plan"));
  if (may("return_action_plan")) data.set("return_plan", returnForm(view, defaultDue, error));
  data.set("can_accept_plan", may("accept_action_plan"));
  data.set("can_give_feedback", view.mayWrite && feedbackState);
  data.set("feedback", caseTextField("feedback_text", "feedback", "text", error));
  data.set("can_start_report",
           view.mayWrite && feedbackState && row.feedbackGiven && !row.reportId.has_value());
  data.set("can_report", may("report_to_committee"));
  data.set("can_close", may("close"));
  // The provider's steps (the plan, its files) sit in their own sections: this one is the
  // authority's, and is left out when it would be empty.
  data.set("has_forms", view.mayWrite || may("start_analysis") || conclude ||
                            may("return_action_plan") || may("accept_action_plan") ||
                            may("report_to_committee") || may("close"));
}

}  // namespace

http::Reply casePage(const http::Request& req, Services& s, std::int64_t id,
                     std::optional<FormError> error) {
  if (!s.cases) return notFoundPage(req);
  const auto& viewer = req.principal();
  auto view = s.cases->get(viewer, id);
  if (!view) return failurePage(req, view.error());
  const auto& row = view->item.row;
  Page page{.title = row.title, .templateName = "case", .current = "arenden"};
  page.flash = flashOf(req, kCaseViewFlashes);
  Data& data = page.data;
  Data c = caseRowData(view->item);
  c.set("reference", row.contractReference);
  c.set("opened_by", row.openedByName);
  c.set("opened_at", swedishDateTime(row.openedAt));
  c.set("progressed_at", swedishDateTime(row.progressedAt));
  c.set("description_html", minutes::markdownToSafeHtml(row.description, kTextHeadingOffset));
  c.set("feedback_given", row.feedbackGiven);
  c.set("has_report", row.reportId.has_value());
  c.set("report_href", row.reportId ? pathOf("/uppfoljningar/", *row.reportId) : std::string());
  data.set("case", c);
  addTimeline(data, *view);
  addPlan(data, *view);
  addActions(data, *view);
  addForms(data, *view, toStockholm(s.time.now()).date, error);
  data.set("attachments", caseAttachmentsData(req, s, *view));
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace sv::web
