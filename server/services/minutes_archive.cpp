// The archival package of registered minutes: a BagIt zip (archive.hpp) with the protocol as
// Markdown, HTML and PDF/A-2 (the renderer's own output, server/pdf/pdfa.hpp), the files as
// committed, metadata, approvals and the audit entries, laid out as an E-ARK SIP (eark_sip.hpp)
// under data/<name>/.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

#include "agenda/agenda.hpp"
#include "minutes/registry_number.hpp"
#include "minutes/render_html.hpp"
#include "minutes/render_markdown.hpp"
#include "minutes/render_page.hpp"
#include "server/pdf/protocol_pdf.hpp"
#include "server/services/archive.hpp"
#include "server/services/archive_parts.hpp"
#include "server/services/eark_sip.hpp"
#include "server/services/minutes_service.hpp"
#include "server/services/seal.hpp"
#include "server/store/approvals.hpp"
#include "server/store/attachments.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

Poco::JSON::Object metadataOf(const MinutesContext& ctx, const store::RegistryRow& reg) {
  Poco::JSON::Object meta(Poco::JSON_PRESERVE_KEY_ORDER);
  meta.set("registry_number", reg.number);
  meta.set("registered_at", reg.registeredAt);
  meta.set("registered_by", reg.registeredByName);
  meta.set("approved_version", reg.version);
  meta.set("repository", reg.repository);
  meta.set("tag", reg.tag);
  Poco::JSON::Object contract(Poco::JSON_PRESERVE_KEY_ORDER);
  contract.set("id", ctx.contract.id);
  contract.set("title", ctx.contract.title);
  contract.set("reference", ctx.contract.reference);
  contract.set("service_area", ctx.contract.serviceArea);
  contract.set("authority", ctx.contract.authorityName);
  contract.set("provider", ctx.contract.providerName);
  meta.set("contract", contract);
  Poco::JSON::Object meeting(Poco::JSON_PRESERVE_KEY_ORDER);
  meeting.set("id", ctx.meeting.id);
  meeting.set("starts_at", ctx.meeting.startsAt);
  meeting.set("location", ctx.meeting.location);
  meta.set("meeting", meeting);
  meta.set("committed", committedEntry(ctx.path("json"), "minutes.json"));
  return meta;
}

Poco::JSON::Array approvalsOf(const std::vector<store::ApprovalRow>& rows) {
  Poco::JSON::Array approvals;
  for (const auto& a : rows) {
    Poco::JSON::Object aj(Poco::JSON_PRESERVE_KEY_ORDER);
    aj.set("party", std::string(agenda::toString(a.party)));
    aj.set("name", a.userName);
    aj.set("version", a.version);
    aj.set("approved_at", a.approvedAt);
    aj.set("note", a.note);
    aj.set("method", a.method);
    aj.set("superseded_at",
           a.supersededAt ? Poco::Dynamic::Var(*a.supersededAt) : Poco::Dynamic::Var());
    approvals.add(aj);
  }
  return approvals;
}

// PREMIS events: each audited action, each approval with the version it approved, the
// registration and the seal.
std::vector<SipEvent> eventsOf(const std::vector<store::AuditRecord>& audit,
                               const std::vector<store::ApprovalRow>& approvals,
                               const store::RegistryRow& reg, const pdf::SealKey* seal) {
  std::vector<SipEvent> events = auditEvents(audit);
  for (const auto& a : approvals)
    events.push_back({"approval", a.approvedAt, a.userName, std::string(agenda::toString(a.party)),
                      "approved version " + a.version +
                          (a.supersededAt ? " (superseded " + *a.supersededAt + ")" : "")});
  events.push_back(
      registrationEvent(reg.registeredAt, reg.registeredByName, reg.number, reg.version));
  if (auto sealed = sealEvent(seal, reg.registeredAt, "protocol.pdf")) events.push_back(*sealed);
  return events;
}

}  // namespace

Result<std::pair<std::string, std::string>> MinutesService::archive(const store::Principal& viewer,
                                                                    std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (ctx->state != minutes::MinutesState::Registered)
    return fail(Errc::Conflict, Reason::MinutesNotRegistered,
                "only registered minutes have an archival package");
  auto signedMinutes = signedAt(*ctx);
  if (!signedMinutes) return std::unexpected(signedMinutes.error());
  const minutes::Minutes& doc = signedMinutes->doc;
  store::RegistryRow reg;
  std::vector<store::ApprovalRow> approvals;
  std::vector<store::AuditRecord> audit;
  std::vector<store::AttachmentRow> attachments;
  store_.read([&](store::Reading& c) {
    reg = *store::registryOfMeeting(c, meetingId);
    approvals = store::listApprovals(c, meetingId);
    store::AuditQuery q;
    q.objectType = "meeting";
    q.objectId = std::to_string(meetingId);
    q.limit = 100000;
    audit = store::listAudit(c, q);
    attachments = store::listMeetingAttachments(c, meetingId);
    return 0;
  });
  const std::string title = minutesDocumentTitle(doc);
  pdf::PdfOptions options{title, *parseDateTime(reg.registeredAt), {}, signedMinutes->attachments};
  if (catalog_.seal) options.sealSubject = catalog_.seal->subject();
  auto rendered = pdf::renderProtocolPdf(doc, options);
  if (!rendered) return std::unexpected(rendered.error());
  // PDF/A-2a with the authority's e-seal (services/seal.hpp).
  auto pdfa = sealRegistered(catalog_.seal, std::move(*rendered), reg.number, options.createdAt);
  if (!pdfa) return std::unexpected(pdfa.error());
  auto committedJson = store_.documents().readFile(ctx->repository, reg.version, ctx->path("json"));
  if (!committedJson) return std::unexpected(committedJson.error());
  auto committedMd = store_.documents().readFile(ctx->repository, reg.version, ctx->path("md"));
  if (!committedMd) return std::unexpected(committedMd.error());

  const std::string name = minutes::tagNameOf(reg.number);
  BagInfo info{ctx->contract.authorityName, reg.number, formatDate(toStockholm(time_.now()).date),
               title};
  std::vector<BagFile> representation{
      {"protocol.md", minutes::renderMarkdown(doc)},
      {"protocol.html",
       minutes::renderPage({title, minutes::renderHtml(doc), signedMinutes->attachments})},
      {"protocol.pdf", *pdfa}};
  auto listed = addAttachmentFiles(store_, attachments, representation);
  if (!listed) return std::unexpected(listed.error());
  std::vector<BagFile> other{{"minutes.md", *committedMd},
                             {"minutes.json", *committedJson},
                             {"metadata.json", prettyJson(metadataOf(*ctx, reg))},
                             {"approvals.json", prettyJson(approvalsOf(approvals))},
                             {"audit.json", prettyJson(auditJson(audit))},
                             {"bilagor.json", prettyJson(*listed)}};
  const SipInput sip{name,
                     "Samverkan registered minutes",
                     "Protokoll",
                     title,
                     reg.number,
                     ctx->contract.authorityName,
                     reg.registeredAt,
                     formatIsoUtc(time_.now()),
                     std::move(representation),
                     std::move(other),
                     eventsOf(audit, approvals, reg, catalog_.seal)};
  return sipInBag(name, info, sip);
}

}  // namespace sv::services
