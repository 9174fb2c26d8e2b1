// The one transaction every step of a case's lifecycle takes (CaseService::takeStep): the case
// read again inside it, the workflow asked with the facts as they are, the step's own record, the
// new state, the timeline's event and the audit entry.
#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Status CaseService::takeStep(const store::Principal& actor, std::int64_t caseId, Step step) {
  const auto now = time_.now();
  const std::string when = formatIsoUtc(now);
  return store_.write([&](store::Writing& c) -> Status {
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    auto facts = step.facts;
    facts.feedbackGiven = ctx->row.feedbackGiven;
    facts.reportState = ctx->row.reportState;
    facts.today = toStockholm(now).date;
    if (!facts.planDueOn && step.planDueOn)
      if (auto due = parseDate(*step.planDueOn)) facts.planDueOn = *due;
    auto next = minutes::knownCaseState(catalog_.caseWorkflow->take(
        step.transition, minutes::stateName(ctx->state), caseRolesOf(actor, *ctx), facts));
    if (!next) return std::unexpected(next.error());
    if (step.record)
      if (auto ok = step.record(c, *ctx, now); !ok) return ok;
    store::setCaseState(c, caseId, std::string(minutes::stateName(*next)), step.planDueOn, when);
    store::insertCaseEvent(c, {0, caseId, step.eventKind, actor.userId, "", step.text,
                               step.planDueOn, step.version, when});
    store::appendAudit(
        c,
        auditBy(&actor, "case." + step.transition, "case", std::to_string(caseId),
                auditDetail({{"from", std::string(minutes::stateName(ctx->state))},
                             {"to", std::string(minutes::stateName(*next))}}),
                step.version.value_or("")),
        now);
    return {};
  });
}

Result<CaseView> CaseService::startAnalysis(const store::Principal& actor, std::int64_t caseId) {
  Step step;
  step.transition = "start_analysis";
  step.eventKind = "analysis_started";
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

}  // namespace sv::services
