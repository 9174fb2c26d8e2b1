// The provider's action plan (åtgärdsplan): a git document of its own ("cases/<id>/plan", the
// Markdown and the canonical JSON in one commit by the person who saved), written by the
// provider's people while a plan is asked for, and sent as the exact version the authority then
// accepts or returns. One party writes it, so a save that did not start from the current version
// is refused rather than merged.
#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/services/case_notices.hpp"
#include "server/store/audit.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

Status refuseUnlessRequested(const CaseContext& ctx, const char* step) {
  if (ctx.state != minutes::CaseState::ActionPlanRequested)
    return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                "no action plan is asked for in this case now", "", step);
  return {};
}

}  // namespace

Status CaseService::mayEditPlan(const store::Principal& actor, std::int64_t caseId) {
  auto ctx = store_.read([&](store::Reading& c) { return readCaseContext(c, actor, caseId); });
  if (!ctx) return std::unexpected(ctx.error());
  if (!mayWritePlan(actor, *ctx))
    return fail(Errc::Forbidden, Reason::NotPlanWriter,
                "only the provider's people write the action plan");
  return {};
}

Result<PlanSaveResult> CaseService::savePlan(const store::Principal& actor, std::int64_t caseId,
                                             const std::string& ifMatch,
                                             const minutes::ActionPlan& proposed) {
  auto ctx = store_.read([&](store::Reading& c) { return readCaseContext(c, actor, caseId); });
  if (!ctx) return std::unexpected(ctx.error());
  if (!mayWritePlan(actor, *ctx))
    return fail(Errc::Forbidden, Reason::NotPlanWriter,
                "only the provider's people write the action plan");
  if (auto r = refuseUnlessRequested(*ctx, "save_action_plan"); !r)
    return std::unexpected(r.error());
  auto current = currentPlan(*ctx);
  if (!current) return std::unexpected(current.error());
  const std::string expected = *current ? (*current)->version : "";
  if (ifMatch != expected)
    return fail(Errc::Conflict, Reason::VersionMovedOn,
                "the plan was saved by someone else since; load it again", "If-Match", expected);
  const auto base = *current ? (*current)->plan
                             : minutes::createActionPlan(caseId, ctx->row.title,
                                                         ctx->contract.title,
                                                         ctx->contract.providerName);
  auto next = minutes::applyPlanEdit(base, proposed);
  if (!next) return std::unexpected(next.error());
  if (*current && *next == (*current)->plan) return PlanSaveResult{**current, false};

  const auto now = time_.now();
  const auto doc = ctx->plan();
  store::DocumentCommit commit;
  commit.repository = doc.repository;
  commit.document = doc.document;
  commit.files = {{doc.document + ".md", minutes::renderActionPlanMarkdown(*next)},
                  {doc.document + ".json", minutes::toJson(*next)}};
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = "Åtgärdsplan i ärende " + std::to_string(caseId) + " sparad";
  commit.at = now;
  commit.expectedVersion = expected;
  auto version = store_.documents().commit(
      commit, [&](store::Writing& c, const std::string& v) -> Status {
        auto again = readCaseContext(c, actor, caseId);
        if (!again) return std::unexpected(again.error());
        if (auto r = refuseUnlessRequested(*again, "save_action_plan"); !r) return r;
        store::touchCase(c, caseId, formatIsoUtc(now));
        store::appendAudit(c, auditBy(&actor, "case.save_plan", "case", std::to_string(caseId),
                                      "{}", v),
                           now);
        return {};
      });
  if (!version) return std::unexpected(version.error());
  PlanView saved{*version, std::move(*next), {}};
  saved.markdown = minutes::renderActionPlanMarkdown(saved.plan);
  return PlanSaveResult{std::move(saved), true};
}

Result<CaseView> CaseService::submitPlan(const store::Principal& actor, std::int64_t caseId) {
  auto ctx = store_.read([&](store::Reading& c) { return readCaseContext(c, actor, caseId); });
  if (!ctx) return std::unexpected(ctx.error());
  auto current = currentPlan(*ctx);
  if (!current) return std::unexpected(current.error());
  Step step;
  step.transition = "submit_action_plan";
  step.eventKind = "action_plan_submitted";
  step.facts.planItems = *current ? static_cast<int>((*current)->plan.items.size()) : 0;
  if (*current) step.version = (*current)->version;
  const auto sent = step.version;
  step.record = [&, sent](store::Writing& c, const CaseContext& at, TimePoint now) -> Status {
    const auto doc = at.plan();
    // The version sent is the one the provider saw: a save in between moves it on.
    if (store::DocumentStore::currentVersionIn(c, doc.repository, doc.document) != sent)
      return fail(Errc::Conflict, Reason::VersionMovedOn, "the plan was saved again meanwhile");
    const int round = store::insertCasePlan(c, caseId, *sent, actor.userId, formatIsoUtc(now));
    tellPlanSubmitted(c, catalog_.mail, now, at, round);
    return {};
  };
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

}  // namespace sv::services
