// The report becomes final once every comment of the fact-check is answered and every
// supplement decided: the fact-check record is committed beside the report (faktagranskning.md,
// part of the final record), the required improvements become actions, and the provider gets the
// feedback (seed 000) while the registrars learn that a report waits for them.
#include "minutes/report_record.hpp"
#include "server/services/actions.hpp"
#include "server/services/report_context.hpp"
#include "server/services/report_notices.hpp"

namespace sv::services {

Result<ReportView> ReportService::finalize(const store::Principal& actor, std::int64_t reportId) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  // Roles and state first: the record is gathered only for a step that may be taken.
  if (auto may = catalog_.reportWorkflow->mayTry("finalize", minutes::stateName(ctx->state),
                                                 reportRolesOf(actor, *ctx));
      !may)
    return std::unexpected(may.error());
  auto record = recordOf(*ctx);
  if (!record) return std::unexpected(record.error());
  Step step;
  step.transition = "finalize";
  step.files = {{"reports/" + std::to_string(reportId) + "/faktagranskning.md",
                 minutes::renderRecordMarkdown(*record)}};
  step.message =
      "Rapporten slutlig: faktagranskningen och kompletteringarna förda till "
      "rapporten";
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    const int added =
        ActionService::recordFinalReport(c, record->report, reportId, w.ctx.contract, w.now);
    tellReportFinal(c, catalog_.mail, w.now, w.ctx);
    return std::pair<std::string, std::string>{"actions", std::to_string(added)};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  return get(actor, reportId);
}

}  // namespace sv::services
