// The authority's decision on the plan the provider sent (seed 002: "Om analysen inte godkänns
// begärs en åtgärdsplan och en ny analys görs"): returned with a comment per point and a new last
// day, or accepted, when every point becomes an action of the contract that is followed at the
// next meetings like an action agreed at a meeting, and the case is analysed again.
#include <set>

#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/services/case_notices.hpp"
#include "server/store/actions.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

// The round waiting for a decision, inside the step's transaction.
Result<store::CasePlanRow> pendingRound(store::Reading& c, std::int64_t caseId) {
  auto rounds = store::listCasePlans(c, caseId);
  if (rounds.empty() || rounds.back().decision != "pending")
    return fail(Errc::Conflict, Reason::TransitionNotAllowed, "no plan waits for a decision");
  return rounds.back();
}

}  // namespace

Result<CaseView> CaseService::returnPlan(const store::Principal& actor, std::int64_t caseId,
                                         std::vector<review::NewComment> comments,
                                         const std::string& planDueOn) {
  auto ctx = store_.read([&](store::Reading& c) -> Result<CaseContext> {
    auto found = readCaseContext(c, actor, caseId);
    if (!found) return found;
    auto may = catalog_.caseWorkflow->mayTry("return_action_plan",
                                             minutes::stateName(found->state),
                                             caseRolesOf(actor, *found));
    if (!may) return std::unexpected(may.error());
    return found;
  });
  if (!ctx) return std::unexpected(ctx.error());
  auto plan = currentPlan(*ctx);
  if (!plan) return std::unexpected(plan.error());
  std::set<std::string> parts{""};
  if (*plan)
    for (const auto& item : (*plan)->plan.items) parts.insert(item.id);
  auto checked = review::checkComments(std::move(comments), parts);
  if (!checked) return std::unexpected(checked.error());
  auto due = minutes::checkPlanDueOn(planDueOn, toStockholm(time_.now()).date, "plan_due_on");
  if (!due) return std::unexpected(due.error());

  Step step;
  step.transition = "return_action_plan";
  step.eventKind = "action_plan_returned";
  step.planDueOn = formatDate(*due);
  step.facts.planDueOn = *due;
  step.facts.planComments = static_cast<int>(checked->size());
  step.text = std::to_string(checked->size()) +
              (checked->size() == 1 ? " synpunkt på planen" : " synpunkter på planen");
  if (*plan) step.version = (*plan)->version;
  const std::string dueText = *step.planDueOn;
  step.record = [&, dueText](store::Writing& c, const CaseContext& at, TimePoint now) -> Status {
    auto round = pendingRound(c, caseId);
    if (!round) return std::unexpected(round.error());
    const std::string when = formatIsoUtc(now);
    if (!store::decideCasePlan(c, caseId, round->round, "returned", actor.userId, when))
      return fail(Errc::Conflict, Reason::TransitionNotAllowed, "the plan was decided already");
    std::vector<std::string> quoted;
    for (const auto& given : *checked) {
      review::Comment comment;
      comment.part = given.part;
      comment.version = round->version;  // the version the provider sent
      comment.userId = actor.userId;
      comment.party = Party::Authority;
      comment.text = given.text;
      comment.createdAt = when;
      store::insertReviewComment(c, at.plan(), comment);
      std::string point = "Planen som helhet";
      if (*plan)
        for (const auto& item : (*plan)->plan.items)
          if (item.id == given.part) point = "Punkt " + item.id + " (" + item.text + ")";
      quoted.push_back(point + ": " + given.text);
    }
    tellPlanRequested(c, catalog_.mail, now, at, dueText, quoted);
    return {};
  };
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

Result<CaseView> CaseService::acceptPlan(const store::Principal& actor, std::int64_t caseId) {
  auto ctx = store_.read([&](store::Reading& c) { return readCaseContext(c, actor, caseId); });
  if (!ctx) return std::unexpected(ctx.error());
  auto plan = currentPlan(*ctx);
  if (!plan) return std::unexpected(plan.error());
  Step step;
  step.transition = "accept_action_plan";
  step.eventKind = "action_plan_accepted";
  if (*plan) step.version = (*plan)->version;
  step.record = [&](store::Writing& c, const CaseContext& at, TimePoint now) -> Status {
    auto round = pendingRound(c, caseId);
    if (!round) return std::unexpected(round.error());
    // The plan read before the transaction must be the version sent in this round.
    if (!*plan || (*plan)->version != round->version)
      return fail(Errc::Conflict, Reason::VersionMovedOn, "the plan changed meanwhile");
    const std::string when = formatIsoUtc(now);
    if (!store::decideCasePlan(c, caseId, round->round, "accepted", actor.userId, when))
      return fail(Errc::Conflict, Reason::TransitionNotAllowed, "the plan was decided already");
    int added = 0;
    for (const auto& item : (*plan)->plan.items) {
      store::ActionRow row;
      row.contractId = at.contract.id;
      row.originCaseId = caseId;
      row.originItem = item.id;
      row.text = item.text;
      row.responsibleParty = Party::Provider;
      row.responsiblePerson = item.responsible;
      row.dueOn = formatDate(item.dueDate);
      row.agreedAt = when;
      row.createdAt = when;
      const auto id = store::insertActionFromCase(c, row);
      if (!id) continue;
      ++added;
      store::insertActionEvent(c, {0, *id, agenda::ActionEventKind::Created, std::nullopt, "",
                                   std::nullopt, row.text, std::nullopt, row.dueOn, when});
      store::appendAudit(c,
                         auditBy(&actor, "action.create", "action", std::to_string(*id),
                                 auditDetail({{"contract_id", std::to_string(at.contract.id)},
                                              {"case_id", std::to_string(caseId)},
                                              {"point", item.id},
                                              {"due_on", row.dueOn}})),
                         now);
    }
    tellPlanAccepted(c, catalog_.mail, now, at, added);
    return {};
  };
  if (auto ok = takeStep(actor, caseId, std::move(step)); !ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

}  // namespace sv::services
