// A follow-up report's outputs: the PDF with its record (fact-check, supplements, attachments)
// and, once registered, the archival package (a BagIt zip like the minutes', archive.hpp) with the
// report as committed, the record, the PDF (PDF/A-2 as rendered), metadata, the audit entries
// and the attachments.
#include <Poco/JSON/Object.h>

#include "minutes/registry_number.hpp"
#include "server/pdf/report_pdf.hpp"
#include "server/services/archive.hpp"
#include "server/services/archive_parts.hpp"
#include "server/services/report_context.hpp"
#include "server/services/seal.hpp"
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
  auto bytes = pdf::renderReportPdf(*record, options);
  if (!bytes) return std::unexpected(bytes.error());
  // The registered report is the record, sealed as in its archival package; a draft is not.
  if (ctx->state == minutes::ReportState::Registered && ctx->row.registryNumber) {
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
  store_.read([&](store::Reading& c) {
    reg = *store::registryOfReport(c, reportId);
    store::AuditQuery q;
    q.objectType = "report";
    q.objectId = std::to_string(reportId);
    q.limit = 100000;
    audit = store::listAudit(c, q);
    attachments = store::listAttachmentsSealedWith(c, ctx->repository, ctx->document);
    return 0;
  });
  const std::string title = titleOf(record->report);
  pdf::ReportPdfOptions options{title, *parseDateTime(reg.registeredAt), ""};
  // PDF/A-2 as rendered (server/pdf/pdfa.hpp), with the authority's e-seal (services/seal.hpp).
  auto rendered = pdf::renderReportPdf(*record, options);
  if (!rendered) return std::unexpected(rendered.error());
  auto pdfa = sealRegistered(catalog_.seal, std::move(*rendered), reg.number, options.createdAt);
  if (!pdfa) return std::unexpected(pdfa.error());
  std::vector<BagFile> payload;
  for (const auto& [file, path] :
       {std::pair{"report.md", ctx->path("md")}, std::pair{"report.json", ctx->path("json")},
        std::pair{"faktagranskning.md",
                  "reports/" + std::to_string(reportId) + "/faktagranskning.md"},
        std::pair{"mall.followup", "reports/" + std::to_string(reportId) + "/mall.followup"}}) {
    auto bytes = store_.documents().readFile(ctx->repository, reg.version, path);
    if (!bytes) return std::unexpected(bytes.error());
    payload.push_back({file, std::move(*bytes)});
  }
  Poco::JSON::Object meta(Poco::JSON_PRESERVE_KEY_ORDER);
  meta.set("registry_number", reg.number);
  meta.set("registered_at", reg.registeredAt);
  meta.set("registered_version", reg.version);
  meta.set("repository", reg.repository);
  meta.set("tag", reg.tag);
  meta.set("year", ctx->row.year);
  meta.set("kind", ctx->row.kind);
  meta.set("contract", ctx->contract.title);
  meta.set("contract_reference", ctx->contract.reference);
  meta.set("authority", ctx->contract.authorityName);
  meta.set("provider", ctx->contract.providerName);
  payload.push_back({"report.pdf", std::move(*pdfa)});
  payload.push_back({"metadata.json", prettyJson(meta)});
  payload.push_back({"audit.json", prettyJson(auditJson(audit))});
  if (ctx->row.caseId) {
    auto ofCase = addCaseFiles(store_, ctx->repository, *ctx->row.caseId, payload);
    if (!ofCase) return std::unexpected(ofCase.error());
    attachments.insert(attachments.end(), ofCase->begin(), ofCase->end());
  }
  auto listed = addAttachmentFiles(store_, attachments, payload);
  if (!listed) return std::unexpected(listed.error());
  payload.push_back({"bilagor.json", prettyJson(*listed)});
  const std::string name = minutes::tagNameOf(reg.number);
  BagInfo info{ctx->contract.authorityName, reg.number, formatDate(toStockholm(time_.now()).date),
               title};
  return std::pair{name + ".zip", writeBag(name, info, payload)};
}

}  // namespace sv::services
