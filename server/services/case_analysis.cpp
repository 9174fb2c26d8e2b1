// The authority's analysis of a case (seed 002: "sedan genomförs en analys. Om analysen inte
// godkänns begärs en åtgärdsplan och en ny analys görs"): the contract manager writes what the
// material shows and concludes: in order, on to feedback; not in order, the provider is asked for
// an action plan by a last day.
#include "server/services/case_context.hpp"
#include "server/services/case_notices.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<CaseView> CaseService::concludeAnalysis(const store::Principal& actor, std::int64_t caseId,
                                               const std::string& outcome,
                                               const std::string& text,
                                               const std::string& planDueOn) {
  // Roles before fields: both conclusions are the contract manager's, from the analysis.
  auto allowed = store_.read([&](store::Reading& c) -> Status {
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    auto may = catalog_.caseWorkflow->mayTry("analysis_ok", minutes::stateName(ctx->state),
                                             caseRolesOf(actor, *ctx));
    if (!may) return std::unexpected(may.error());
    return {};
  });
  if (!allowed) return std::unexpected(allowed.error());
  const auto conclusion = minutes::parseAnalysisOutcome(outcome);
  if (!conclusion)
    return fail(Errc::Invalid, Reason::UnknownChoice, "the outcome is ok or not_ok", "outcome",
                outcome);
  if (auto t = minutes::checkCaseText(text, "text"); !t) return std::unexpected(t.error());

  Step step;
  step.text = text;
  step.facts.text = text;
  if (*conclusion == minutes::AnalysisOutcome::Ok) {
    step.transition = "analysis_ok";
    step.eventKind = "analysis_ok";
  } else {
    auto due = minutes::checkPlanDueOn(planDueOn, toStockholm(time_.now()).date, "plan_due_on");
    if (!due) return std::unexpected(due.error());
    step.transition = "request_action_plan";
    step.eventKind = "action_plan_requested";
    step.planDueOn = formatDate(*due);
    step.facts.planDueOn = *due;
    const std::string dueText = *step.planDueOn;
    step.record = [&, dueText](store::Writing& c, const CaseContext& ctx, TimePoint now) -> Status {
      tellPlanRequested(c, catalog_.mail, now, ctx, dueText, {});
      return {};
    };
  }
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

}  // namespace sv::services
