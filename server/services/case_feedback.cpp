// The end of a case (seed 002: "När analysen är godkänd sker återkoppling till verksamheten, och
// slutligen rapporteras resultatet till nämnden"): the contract manager's feedback to the
// provider, the case reported once its report to the committee is registered, and closed.
#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/services/case_notices.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<CaseView> CaseService::giveFeedback(const store::Principal& actor, std::int64_t caseId,
                                           const std::string& text) {
  const auto now = time_.now();
  auto ok = store_.write([&](store::Writing& c) -> Status {
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    if (auto w = requireCaseWriter(actor, *ctx, "gives the feedback"); !w) return w;
    if (ctx->state != minutes::CaseState::Feedback)
      return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                  "feedback is given once the analysis is in order", "", "give_feedback");
    if (auto t = minutes::checkCaseText(text, "text"); !t) return t;
    const std::string when = formatIsoUtc(now);
    store::markFeedbackGiven(c, caseId, when);
    store::insertCaseEvent(c, {0, caseId, "feedback", actor.userId, "", text, std::nullopt,
                               std::nullopt, when});
    tellFeedback(c, catalog_.mail, now, *ctx, text);
    store::appendAudit(c, auditBy(&actor, "case.feedback", "case", std::to_string(caseId)), now);
    return {};
  });
  if (!ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

Result<CaseView> CaseService::reportToCommittee(const store::Principal& actor,
                                                std::int64_t caseId) {
  Step step;
  step.transition = "report_to_committee";
  step.eventKind = "reported";
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

Result<CaseView> CaseService::close(const store::Principal& actor, std::int64_t caseId) {
  Step step;
  step.transition = "close";
  step.eventKind = "closed";
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

}  // namespace sv::services
