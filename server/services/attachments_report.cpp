// Attachments (bilagor) of a follow-up report and of its supplements (seed 004: the provider's
// supplements come with documents; the registrar keeps them with the report). The report's own
// are added by its writer; a supplement's by the provider who sends it (or the contract manager)
// until it is decided. All of them close with the report when it is registered.
#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "server/services/attachments_rules.hpp"
#include "server/services/report_service.hpp"
#include "server/store/reports.hpp"

namespace sv::services {

Result<Attachment> AttachmentService::uploadToReport(const store::Principal& who,
                                                     std::int64_t reportId,
                                                     std::optional<int> supplement,
                                                     const AttachmentUpload& file) {
  store::AttachmentRow row;
  auto checked = store_.read([&](store::Reading& c) -> Status {
    auto report = store::findReport(c, store::TenantScope::of(who), reportId);
    if (!report) return fail(Errc::NotFound, "no such report");
    auto contract = contractFor(c, who, report->contractId);
    if (!contract) return fail(Errc::NotFound, "no such report");
    row.contractId = contract->id;
    if (!supplement) {
      if (!managesContract(who, *contract))
        return fail(Errc::Forbidden, Reason::NotReportWriter,
                    "only the authority's contract manager attaches files to the report");
      return {};
    }
    auto found = store::findSupplement(c, reportId, *supplement);
    if (!found) return fail(Errc::NotFound, "no such supplement");
    const bool provider =
        who.organizationId == contract->providerId && who.has(store::Role::ProviderRep);
    if (!provider && !managesContract(who, *contract))
      return fail(Errc::Forbidden, Reason::RoleMissingForTransition,
                  "only the provider sends a supplement's files", "", "send_supplement");
    if (found->decidedAt)
      return fail(Errc::Conflict, Reason::SupplementDecided, "the supplement is decided");
    return {};
  });
  if (!checked) return std::unexpected(checked.error());
  row.repository = AgendaService::repositoryOf(row.contractId);
  row.sealedWith = ReportService::documentOf(reportId);
  row.document =
      supplement ? ReportService::supplementDocumentOf(reportId, *supplement) : row.sealedWith;
  return commitUpload(who, std::move(row), file);
}

Result<std::vector<Attachment>> AttachmentService::listOfReport(const store::Principal& viewer,
                                                                std::int64_t reportId) {
  return store_.read([&](store::Reading& c) -> Result<std::vector<Attachment>> {
    auto report = store::findReport(c, store::TenantScope::of(viewer), reportId);
    if (!report) return fail(Errc::NotFound, "no such report");
    std::vector<Attachment> out;
    for (const auto& row :
         store::listAttachmentsSealedWith(c, AgendaService::repositoryOf(report->contractId),
                                          ReportService::documentOf(reportId)))
      out.push_back(attachmentOf(row, store::attachmentSealed(c, row)));
    return out;
  });
}

}  // namespace sv::services
