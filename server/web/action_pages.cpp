// The actions (åtgärder) of the viewer's contracts (/atgarder): what is still open, the overdue and
// the soon due said in words, what has been reported and evaluated, and for the responsible party
// a form per action to report what has been done.
#include <algorithm>
#include <map>

#include "server/http/multipart.hpp"
#include "server/services/actions.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {
namespace {

const std::map<std::string, std::string> kActionFlashes{
    {"rapporterad",
     "Rapporten är skickad. Förvaltningen bedömer den, eller parterna vid nästa möte."},
    {"bilaga", "Filen är bifogad till rapporten om åtgärden."},
};

std::string reportForm(std::int64_t actionId) {
  return "report-" + std::to_string(actionId);
}

std::string eventWord(const store::ActionEventRow& e) {
  switch (e.kind) {
    case agenda::ActionEventKind::Created:
      return "Skapad";
    case agenda::ActionEventKind::Report:
      return "Rapport";
    case agenda::ActionEventKind::Change:
      return "Ändrad";
    case agenda::ActionEventKind::Evaluation:
      break;
  }
  if (e.outcome == agenda::ActionStatus::Accepted) return "Bedömd: godtagen";
  if (e.outcome == agenda::ActionStatus::Insufficient) return "Bedömd: otillräcklig";
  return "Bedömd";
}

// The responsible party reports: the provider's people for the provider's actions, the
// contract manager for the authority's (the service has the last word).
bool mayReport(const store::Principal& p, const store::ActionRow& row) {
  if (row.status != agenda::ActionStatus::Open) return false;
  if (row.responsibleParty == Party::Provider) return p.has(store::Role::ProviderRep);
  return p.has(store::Role::ContractManager) &&
         p.organizationKind == store::OrganizationKind::Authority;
}

Data actionData(const store::Principal& viewer, const services::ActionView& v,
                const std::optional<FormError>& error,
                const std::vector<services::Attachment>& files = {}) {
  const auto& row = v.row;
  Data d;
  d.set("id", std::to_string(row.id));
  d.set("text", row.text);
  d.set("contract", row.contractTitle);
  d.set("contract_id", std::to_string(row.contractId));
  d.set("responsible", partyWord(row.responsibleParty) +
                           (row.responsiblePerson.empty() ? "" : ", " + row.responsiblePerson));
  d.set("due", row.dueOn);
  d.set("status", actionStatusWord(row.status));
  d.set("status_key", std::string(agenda::toString(row.status)));
  d.set("overdue", v.overdue);
  d.set("due_soon", v.dueSoon && !v.overdue);
  d.set("origin", services::ActionService::originOf(row));
  d.set("has_origin_meeting", row.originMeetingId.has_value());
  // To the § where the action was decided (the protocol's "paragraf-n" heading), not the top.
  d.set("origin_href",
        row.originMeetingId
            ? "/moten/" + std::to_string(*row.originMeetingId) + "/protokoll" +
                  (row.originSection ? "#paragraf-" + std::to_string(*row.originSection) : "")
            : std::string());
  auto events = list();
  for (const auto& e : v.events) {
    if (e.kind == agenda::ActionEventKind::Created) continue;
    Data x;
    x.set("what", eventWord(e));
    x.set("who", e.userName);
    x.set("has_who", !e.userName.empty());
    x.set("when", swedishDateTime(e.at));
    x.set("text", e.text);
    x.set("has_text", !text::isBlank(e.text));
    x.set("new_due", e.newDueOn.value_or(""));
    x.set("has_new_due", e.newDueOn.has_value() && e.kind == agenda::ActionEventKind::Evaluation);
    events.push_back(x);
  }
  d.set("events", events);
  d.set("has_events", std::ranges::any_of(v.events, [](const store::ActionEventRow& e) {
          return e.kind != agenda::ActionEventKind::Created;
        }));
  const bool can = mayReport(viewer, row);
  d.set("can_report", can);
  const std::string form = reportForm(row.id);
  const bool failed = error && error->form == form;
  d.set("report_text", kept(error, form, "text"));
  d.set("report_failed", failed);
  d.set("report_message", failed ? error->message : std::string());
  // The files of the action's report (what was done, with its evidence), and the form to add one
  // while the action is open: the provider's people, or the authority's contract manager.
  auto fileRows = list();
  for (const auto& a : files) {
    Data f;
    f.set("id", std::to_string(a.id));
    f.set("name", a.fileName);
    f.set("size", sizeInWords(a.size));
    f.set("by", a.uploadedByName);
    fileRows.push_back(f);
  }
  d.set("files", fileRows);
  d.set("has_files", !files.empty());
  d.set("can_attach", row.status != agenda::ActionStatus::Accepted &&
                          (viewer.has(store::Role::ProviderRep) ||
                           (viewer.has(store::Role::ContractManager) &&
                            viewer.organizationKind == store::OrganizationKind::Authority)));
  return d;
}

// The open actions a page at a time, soonest due first (so the overdue ones lead, as they are
// due before the others), and the closed ones a page at a time, the last accepted first: a
// city's contract manager has tens of thousands of actions (BENCHMARKS.md, "One store for ten
// municipalities"). Each list has its own page parameter (sida, avslutade).
constexpr std::int64_t kOpenPerPage = 50;
constexpr std::int64_t kClosedPerPage = 20;

http::Reply actionsPage(const http::Request& req, Services& s,
                        std::optional<FormError> error = std::nullopt) {
  const auto& viewer = req.principal();
  const int number = pageNumber(req);
  services::ActionFilter openFilter;
  openFilter.openOnly = true;
  auto open = s.actions.page(viewer, openFilter,
                             {kOpenPerPage, static_cast<std::int64_t>(number - 1) * kOpenPerPage});
  if (!open) return failurePage(req, open.error());
  services::ActionFilter overdueFilter;
  overdueFilter.overdueOnly = true;
  auto overdue = s.actions.page(viewer, overdueFilter, {0, 0});  // the count alone
  if (!overdue) return failurePage(req, overdue.error());
  services::ActionFilter closedFilter;
  closedFilter.status = "accepted";
  closedFilter.latestFirst = true;
  const int closedNumber = pageNumber(req, "avslutade");
  auto closed = s.actions.page(
      viewer, closedFilter,
      {kClosedPerPage, static_cast<std::int64_t>(closedNumber - 1) * kClosedPerPage});
  if (!closed) return failurePage(req, closed.error());
  Page page{.title = "Åtgärder", .templateName = "actions", .current = "atgarder"};
  page.flash = flashOf(req, kActionFlashes);

  auto openRows = list();
  for (const auto& v : open->rows) {
    std::vector<services::Attachment> files;
    if (s.attachments)
      if (auto listed = s.attachments->listOfAction(viewer, v.row.id)) files = std::move(*listed);
    openRows.push_back(actionData(viewer, v, error, files));
  }
  auto closedRows = list();
  for (const auto& v : closed->rows) closedRows.push_back(actionData(viewer, v, error));
  Data& data = page.data;
  data.set("open", openRows);
  data.set("has_open", !open->rows.empty());
  data.set("beyond", open->rows.empty() && open->total > 0);  // a page past the last
  data.set("closed", closedRows);
  data.set("has_closed", closed->total > 0);
  data.set("closed_rows", !closed->rows.empty());
  data.set("closed_text",
           closed->total > kClosedPerPage
               ? std::to_string(closed->total) + " godtagna åtgärder, de senast godtagna först."
               : std::string());
  // Each list's links keep the page the other list is on (either left out when it is the first).
  const std::string openAt = number > 1 ? "sida=" + std::to_string(number) + "&" : "";
  const std::string closedAt = closedNumber > 1 ? "&avslutade=" + std::to_string(closedNumber) : "";
  setPager(data, "closed_", closedNumber, closed->total, kClosedPerPage,
           "/atgarder?" + openAt + "avslutade=", "#avslutade");
  const auto total = open->total;
  std::string summary = total == 1 ? "1 öppen åtgärd" : std::to_string(total) + " öppna åtgärder";
  if (overdue->total > 0)
    summary += ", varav " + std::to_string(overdue->total) +
               (overdue->total == 1 ? " försenad" : " försenade");
  data.set("summary", summary + ".");
  setPager(data, "", number, total, kOpenPerPage, "/atgarder?sida=", closedAt + "#oppna");
  page.error = std::move(error);
  return render(req, std::move(page));
}

}  // namespace

void registerActionPages(http::Router& router, Services& s) {
  addPage(router, "GET", "/atgarder", [&s](http::Request& req) { return actionsPage(req, s); });

  addPage(router, "POST", "/atgarder/{id}/rapportera", [&s](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto form = formOf(req);
    auto result = s.actions.report(req.principal(), *id, multiLine(form.value("text")));
    if (!result) {
      const auto& e = result.error();
      if (endsThePage(e)) return failurePage(req, e);
      const std::string name = reportForm(*id);
      return actionsPage(req, s, formError(name, e, name + "-text", std::move(form)));
    }
    return redirect("/atgarder?klart=rapporterad#atgard-" + std::to_string(*id));
  });

  if (!s.attachments) return;
  auto& attachments = *s.attachments;
  // Room for the form around the file: part headers, the boundary and the CSRF token.
  addUploadPage(router, "/atgarder/{id}/bilagor", attachments.maxBytes() + 64 * 1024,
                [&s, &attachments](http::Request& req) {
                  auto id = req.idParam("id");
                  if (!id) return notFoundPage(req);
                  auto form = http::MultipartForm::parse(req);
                  services::AttachmentUpload up;
                  up.to = services::AttachedTo::ActionReport;
                  if (form)
                    for (const auto& f : form->files())
                      if (f.field == "file" && up.bytes.empty()) {
                        up.fileName = f.fileName;
                        up.bytes = f.bytes;
                      }
                  auto added = attachments.uploadToAction(req.principal(), *id, up);
                  if (!added) {
                    const auto& e = added.error();
                    if (endsThePage(e)) return failurePage(req, e);
                    return actionsPage(
                        req, s, formError(reportForm(*id), e, reportForm(*id) + "-file", {}));
                  }
                  return redirect("/atgarder?klart=bilaga#atgard-" + std::to_string(*id));
                });
}

}  // namespace sv::web
