// The contract manager's edit form of a follow-up report (/uppfoljningar/{id}/redigera): the
// method, the visits and each area's assessment, findings and improvements as one form, saved
// against the version it was made from. A save on an older version merges what others saved
// meanwhile in other areas, or shows the conflicts with the editor's text kept in the form.
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "minutes/markdown_html.hpp"
#include "server/web/minutes_form.hpp"
#include "server/web/report_form.hpp"
#include "server/web/report_parts.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

// A conflict's texts start with their own "## …" heading: under the conflict's h3 and the h4
// naming whose text it is, that becomes an h5.
constexpr int kReportConflictOffset = 3;

const std::map<std::string, std::string> kReportEditFlashes{
    {"startad",
     "Uppföljningen är påbörjad från mallen för avtalets verksamhet. Fyll i metod, besök och "
     "bedömningen av varje område."},
    {"sparad", "Rapporten är sparad."},
    {"sammanfogad",
     "Rapporten är sparad. Någon annan hade sparat ändringar i andra delar under tiden; de finns "
     "kvar och är sammanfogade med dina."},
    {"oforandrad", "Inget var ändrat, så ingen ny version sparades."},
};

http::Reply reportEditPage(const http::Request& req, Services& s, std::int64_t id,
                           std::optional<minutes::FollowUpReport> shown = std::nullopt,
                           std::string version = {}, std::optional<FormError> error = std::nullopt,
                           const std::vector<minutes::ReportMergeConflict>& conflicts = {}) {
  auto& reports = *s.reports;
  const auto& viewer = req.principal();
  auto view = reports.get(viewer, id);
  if (!view) return failurePage(req, view.error());
  if (auto may = reports.mayEdit(viewer, id); !may) {
    if (may.error().code != Errc::Forbidden) return failurePage(req, may.error());
    return errorPage(req, 403, "Du har inte behörighet",
                     "Bara förvaltningens avtalsansvariga för avtalet skriver "
                     "uppföljningsrapporten. Du kan läsa den på rapportens sida.");
  }
  const auto state = view->summary.state;
  if (state != minutes::ReportState::Draft && state != minutes::ReportState::Answered)
    return errorPage(req, 409, "Rapporten kan inte ändras nu",
                     state == minutes::ReportState::FactCheck
                         ? "Rapporten är ute på faktagranskning hos utföraren. Den kan ändras "
                           "igen när utföraren har svarat eller svarstiden har gått ut."
                         : "Rapporten är slutlig och ändras inte längre. Du kan läsa den och "
                           "hämta den som PDF från rapportens sida.");
  if (version.empty()) version = view->version;
  if (!shown) shown = view->document;

  const auto& sum = view->summary;
  Page page{.title = "Redigera " + reportKindWord(sum.kind) + " " + std::to_string(sum.year) +
                     " – " + sum.contractTitle,
            .templateName = "report_edit",
            .current = "uppfoljningar"};
  page.flash = flashOf(req, kReportEditFlashes);
  Data& data = page.data;
  data.set("report", reportRowData(sum));
  data.set("version", version);
  data.set("version_short", shortVersion(version));
  auto conflictList = list();
  for (const auto& c : conflicts) {
    Data d;
    d.set("title", c.title);
    // Both texts are the part as Markdown, shown rendered through the one safe renderer.
    d.set("theirs_html", minutes::markdownToSafeHtml(c.theirs, kReportConflictOffset));
    d.set("mine_html", minutes::markdownToSafeHtml(c.mine, kReportConflictOffset));
    conflictList.push_back(d);
  }
  data.set("conflicts", conflictList);
  data.set("has_conflicts", !conflicts.empty());
  addReportForm(data, *shown, error ? error->field : std::string());
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerReportEditPages(http::Router& router, Services& s) {
  if (!s.reports) return;
  auto& reports = *s.reports;

  addPage(router, "GET", "/uppfoljningar/{id}/redigera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    return reportEditPage(req, s, *id);
  });

  addPage(router, "POST", "/uppfoljningar/{id}/redigera", [&s, &reports](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    const auto& viewer = req.principal();
    auto form = formOf(req);
    const std::string version = form.value("version");
    // Roles before fields: a person who may not write the report learns that, not a field error.
    if (auto may = reports.mayEdit(viewer, *id); !may) {
      if (may.error().code != Errc::Forbidden) return failurePage(req, may.error());
      return reportEditPage(req, s, *id);
    }
    auto base = reports.atVersion(viewer, *id, version);
    if (!base) {
      if (base.error().code == Errc::Internal) return failurePage(req, base.error());
      return reportEditPage(req, s, *id, std::nullopt, {},
                            FormError{"report",
                                      "Formuläret hör till en version av rapporten som inte finns. "
                                      "Ladda om sidan och skriv in dina ändringar igen.",
                                      "", std::move(form), 409});
    }
    const auto mine = reportFromForm(base->document, form);
    auto saved = reports.save(viewer, *id, version, mine);
    if (!saved) {
      const auto& e = saved.error();
      if (e.code == Errc::Internal || e.code == Errc::NotFound) return failurePage(req, e);
      return reportEditPage(req, s, *id, mine, version,
                            reportFormError("report", e, fieldIdOf(e.field), std::move(form)));
    }
    if (saved->conflict) {
      const auto& current = saved->conflict->currentVersion;
      auto now = reports.atVersion(viewer, *id, current);
      if (!now) return failurePage(req, now.error());
      return reportEditPage(
          req, s, *id, keepEditorsReport(base->document, now->document, mine), current,
          FormError{"report",
                    "Någon annan har sparat ändringar i samma del av rapporten medan "
                    "du skrev, så inget sparades. Din text finns kvar i formuläret. "
                    "Jämför den med den sparade texten under Krockar, rätta det som "
                    "behövs och spara igen.",
                    "", std::move(form), 409},
          saved->conflict->conflicts);
    }
    const std::string done = !saved->changed ? "oforandrad"
                             : saved->merged ? "sammanfogad"
                                             : "sparad";
    return redirect(reportPath(*id) + "/redigera?klart=" + done);
  });
}

}  // namespace sv::web
