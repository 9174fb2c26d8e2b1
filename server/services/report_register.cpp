// The registrar registers a final report: the next number in the authority's register (the
// protocols' series), the report, its supplements and its attachments sealed in the same
// transaction, and a git tag named by the number on the version.
#include "minutes/registry_number.hpp"
#include "server/services/case_service.hpp"
#include "server/services/report_context.hpp"
#include "server/store/approvals.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<ReportView> ReportService::registerReport(const store::Principal& actor,
                                                 std::int64_t reportId) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  std::optional<store::ReportRegistryRow> registered;
  TimePoint at;
  Step step;
  step.transition = "register";
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    store::ReportRegistryRow row;
    row.authorityId = w.ctx.contract.authorityId;
    row.year = static_cast<int>(toStockholm(w.now).date.year());
    row.seq = store::nextRegistrySeq(c, row.authorityId, row.year);
    row.number = catalog_.registryFormatFor(w.ctx.contract.authorityName).format(row.year, row.seq);
    row.reportId = reportId;
    row.contractId = w.ctx.contract.id;
    row.repository = w.ctx.repository;
    row.version = w.version;
    row.tag = minutes::tagNameOf(row.number);
    row.registeredBy = actor.userId;
    row.registeredAt = w.when;
    store::insertReportRegistry(c, row);
    // The report and everything attached to it close here; the attachments' triggers refuse
    // any change once the document they are sealed with is sealed.
    store::DocumentStore::seal(c, w.ctx.repository, w.ctx.document, "registered as " + row.number,
                               w.now);
    // A case's report closes the case's material and its plan with it (migration 021's
    // triggers): what the committee was told is what the record keeps.
    if (w.ctx.row.caseId) {
      const auto reason = "registered with the case's report " + row.number;
      store::DocumentStore::seal(c, w.ctx.repository, CaseService::documentOf(*w.ctx.row.caseId),
                                 reason, w.now);
      if (store::DocumentStore::currentVersionIn(
              c, w.ctx.repository, CaseService::planDocumentOf(*w.ctx.row.caseId)))
        store::DocumentStore::seal(c, w.ctx.repository,
                                   CaseService::planDocumentOf(*w.ctx.row.caseId), reason, w.now);
    }
    registered = row;
    at = w.now;
    return std::pair<std::string, std::string>{"number", row.number};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  // The tag follows the acknowledged registration; should this fail, start-up puts it back.
  (void)store_.documents().tagVersion(
      registered->repository, registered->tag, registered->version, {actor.name, actor.email},
      "Diarieförd som " + registered->number + " av " + actor.name, at);
  return get(actor, reportId);
}

}  // namespace sv::services
