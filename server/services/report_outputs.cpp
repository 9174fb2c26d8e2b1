// A follow-up report's outputs: the PDF with its record (fact-check, supplements, attachments)
// and, once registered, the archival package (an E-ARK SIP in a BagIt zip like the minutes',
// eark_sip.hpp) with the report as committed, the record, the PDF (PDF/A-2 as rendered, sealed),
// metadata, the audit entries and the attachments.
#include <Poco/JSON/Object.h>

#include <tuple>

#include "minutes/registry_number.hpp"
#include "server/pdf/report_pdf.hpp"
#include "server/services/archive.hpp"
#include "server/services/archive_parts.hpp"
#include "server/services/report_context.hpp"
#include "server/services/seal.hpp"
#include "server/store/accounts.hpp"
#include "server/store/attachments.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string titleOf(const minutes::FollowUpReport& r) {
  return std::string(minutes::swedishKind(r.header.kind)) + " " + std::to_string(r.header.year) +
         " – " + r.header.contractTitle;
}

// ASCII letters, digits, '-' and '.': "SDN-2026-0005.pdf" once registered, before that
// "uppfoljning-2026-<id>.pdf".
std::string pdfName(const ReportContext& ctx) {
  if (ctx.row.registryNumber) return minutes::tagNameOf(*ctx.row.registryNumber) + ".pdf";
  return "uppfoljning-" + std::to_string(ctx.row.year) + "-" + std::to_string(ctx.row.id) + ".pdf";
}

}  // namespace

Result<ReportPdf> ReportService::pdf(const store::Principal& viewer, std::int64_t reportId) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  auto record = recordOf(*ctx);
  if (!record) return std::unexpected(record.error());
  pdf::ReportPdfOptions options;
  options.title = titleOf(record->report);
  options.createdAt = *parseDateTime(ctx->row.updatedAt);
  options.stateMark = pdf::reportStateMarkOf(ctx->state);
  // The registered report is the record, sealed as in its archival package; a draft is not.
  const bool registered = ctx->state == minutes::ReportState::Registered && ctx->row.registryNumber;
  if (registered && catalog_.seal) options.sealSubject = catalog_.seal->subject();
  auto bytes = pdf::renderReportPdf(*record, options);
  if (!bytes) return std::unexpected(bytes.error());
  if (registered) {
    auto sealed = sealRegistered(catalog_.seal, std::move(*bytes), *ctx->row.registryNumber,
                                 options.createdAt);
    if (!sealed) return std::unexpected(sealed.error());
    return ReportPdf{std::move(*sealed), pdfName(*ctx)};
  }
  return ReportPdf{std::move(*bytes), pdfName(*ctx)};
}

Result<std::pair<std::string, std::string>> ReportService::archive(const store::Principal& viewer,
                                                                   std::int64_t reportId) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  if (ctx->state != minutes::ReportState::Registered)
    return fail(Errc::Conflict, Reason::ReportNotRegistered,
                "only a registered report has an archival package");
  auto record = recordOf(*ctx);
  if (!record) return std::unexpected(record.error());
  store::ReportRegistryRow reg;
  std::vector<store::AuditRecord> audit;
  std::vector<store::AttachmentRow> attachments;
  std::string registrar;
  store_.read([&](store::Reading& c) {
    reg = *store::registryOfReport(c, reportId);
    const auto by = store::findUser(c, store::TenantScope::system(), reg.registeredBy);
    registrar = by ? by->name : "";
    store::AuditQuery q;
    q.objectType = "report";
    q.objectId = std::to_string(reportId);
    q.limit = 100000;
    audit = store::listAudit(c, q);
    attachments = store::listAttachmentsSealedWith(c, ctx->repository, ctx->document);
    return 0;
  });
  const std::string title = titleOf(record->report);
  pdf::ReportPdfOptions options{title, *parseDateTime(reg.registeredAt), "", std::nullopt};
  if (catalog_.seal) options.sealSubject = catalog_.seal->subject();
  // PDF/A-2 as rendered (server/pdf/pdfa.hpp), with the authority's e-seal (services/seal.hpp).
  auto rendered = pdf::renderReportPdf(*record, options);
  if (!rendered) return std::unexpected(rendered.error());
  auto pdfa = sealRegistered(catalog_.seal, std::move(*rendered), reg.number, options.createdAt);
  if (!pdfa) return std::unexpected(pdfa.error());
  // The report as the reader takes it (the sealed PDF, the text as committed, the attachments)
  // is the representation; the record beside it is metadata (eark_sip.hpp).
  std::vector<BagFile> representation;
  std::vector<BagFile> other;
  for (const auto& [file, path, into] :
       {std::tuple{"report.md", ctx->path("md"), &representation},
        std::tuple{"report.json", ctx->path("json"), &other},
        std::tuple{"faktagranskning.md",
                   "reports/" + std::to_string(reportId) + "/faktagranskning.md", &other},
        std::tuple{"mall.followup", "reports/" + std::to_string(reportId) + "/mall.followup",
                   &other}}) {
    auto bytes = store_.documents().readFile(ctx->repository, reg.version, path);
    if (!bytes) return std::unexpected(bytes.error());
    into->push_back({file, std::move(*bytes)});
  }
  Poco::JSON::Object meta(Poco::JSON_PRESERVE_KEY_ORDER);
  meta.set("registry_number", reg.number);
  meta.set("registered_at", reg.registeredAt);
  meta.set("registered_by", registrar);
  meta.set("registered_version", reg.version);
  meta.set("repository", reg.repository);
  meta.set("tag", reg.tag);
  meta.set("year", ctx->row.year);
  meta.set("kind", ctx->row.kind);
  meta.set("contract", ctx->contract.title);
  meta.set("contract_reference", ctx->contract.reference);
  meta.set("authority", ctx->contract.authorityName);
  meta.set("provider", ctx->contract.providerName);
  meta.set("committed", committedEntry(ctx->path("json"), "report.json"));
  representation.push_back({"report.pdf", std::move(*pdfa)});
  other.push_back({"metadata.json", prettyJson(meta)});
  other.push_back({"audit.json", prettyJson(auditJson(audit))});
  if (ctx->row.caseId) {
    auto ofCase = addCaseFiles(store_, ctx->repository, *ctx->row.caseId, other);
    if (!ofCase) return std::unexpected(ofCase.error());
    attachments.insert(attachments.end(), ofCase->begin(), ofCase->end());
  }
  auto listed = addAttachmentFiles(store_, attachments, representation);
  if (!listed) return std::unexpected(listed.error());
  other.push_back({"bilagor.json", prettyJson(*listed)});
  std::vector<SipEvent> events = auditEvents(audit);
  events.push_back(registrationEvent(reg.registeredAt, registrar, reg.number, reg.version));
  if (auto sealed = sealEvent(catalog_.seal, reg.registeredAt, "report.pdf"))
    events.push_back(*sealed);
  const std::string name = minutes::tagNameOf(reg.number);
  const SipInput sip{name,
                     "Samverkan registered follow-up report",
                     std::string(minutes::swedishKind(record->report.header.kind)),
                     title,
                     reg.number,
                     ctx->contract.authorityName,
                     reg.registeredAt,
                     formatIsoUtc(time_.now()),
                     std::move(representation),
                     std::move(other),
                     std::move(events)};
  BagInfo info{ctx->contract.authorityName, reg.number, formatDate(toStockholm(time_.now()).date),
               title};
  return sipInBag(name, info, sip);
}

}  // namespace sv::services
