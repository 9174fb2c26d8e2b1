// The event-driven case's lifecycle as config/workflows/follow_up_case.workflow and the guards in
// minutes/case_lifecycle.cpp make it: who takes which step, and when the guards refuse.
#include <catch2/catch.hpp>

#include "minutes/case_lifecycle.hpp"
#include "minutes/follow_up_case.hpp"
#include "tests/minutes/fixtures.hpp"
#include "tests/minutes/workflow_files.hpp"
#include "workflows/names.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using sv::minutes::test::date;

namespace {

workflows::Workflow<CaseLifecycleFacts> shipped() {
  auto wf = workflows::Workflow<CaseLifecycleFacts>::create(
      sv::minutes::test::shippedWorkflowDefinition("follow_up_case"), caseLifecycleGuards(),
      workflows::knownRoles());
  REQUIRE(wf);
  return *wf;
}

const std::set<std::string> kManager{"contract_manager"};
const std::set<std::string> kProvider{"provider_rep"};
const std::set<std::string> kDirector{"director"};

const Date kToday = date(2026, 3, 10);

CaseLifecycleFacts facts() {
  CaseLifecycleFacts f;
  f.today = kToday;
  return f;
}

CaseLifecycleFacts withText(std::string text) {
  auto f = facts();
  f.text = std::move(text);
  return f;
}

CaseLifecycleFacts planRequest(std::optional<Date> due) {
  auto f = withText("Rutinen för nyckelhantering följs inte.");
  f.planDueOn = due;
  return f;
}

void requireRefusal(const Result<std::string>& r, Errc code, Reason reason,
                    const std::string& field = {}) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == code);
  CHECK(r.error().reason == reason);
  CHECK(r.error().field == field);
}

}  // namespace

TEST_CASE("case lifecycle: the shipped workflow validates with the server's roles and guards",
          "[minutes][case]") {
  const auto definition = sv::minutes::test::shippedWorkflowDefinition("follow_up_case");
  CHECK(workflows::validateWorkflow(definition, workflows::knownRoles(),
                                    workflows::caseGuardNames()));
  CHECK(definition.initial == "collecting");
  // A guard the case lifecycle does not register is refused, so the file cannot name one.
  auto guards = workflows::caseGuardNames();
  guards.erase(std::string(workflows::guards::kPlanHasActions));
  CHECK_FALSE(workflows::validateWorkflow(definition, workflows::knownRoles(), guards));
}

TEST_CASE("case lifecycle: the shipped workflow names exactly the server's states",
          "[minutes][case]") {
  const auto definition = sv::minutes::test::shippedWorkflowDefinition("follow_up_case");
  CHECK(checkCaseStatesOf(definition));

  auto missing = definition;
  missing.states.erase(std::find(missing.states.begin(), missing.states.end(), "feedback"));
  const auto noFeedback = checkCaseStatesOf(missing);
  REQUIRE_FALSE(noFeedback);
  CHECK(noFeedback.error().code == Errc::Invalid);
  CHECK(noFeedback.error().reason == Reason::UnknownChoice);
  CHECK(noFeedback.error().field == "states");
  CHECK(noFeedback.error().value == "feedback");

  auto unknown = definition;
  unknown.states.push_back("escalated");
  const auto escalated = checkCaseStatesOf(unknown);
  REQUIRE_FALSE(escalated);
  CHECK(escalated.error().reason == Reason::UnknownChoice);
  CHECK(escalated.error().value == "escalated");

  auto elsewhere = definition;
  elsewhere.initial = "analysis";
  const auto start = checkCaseStatesOf(elsewhere);
  REQUIRE_FALSE(start);
  CHECK(start.error().reason == Reason::UnknownChoice);
  CHECK(start.error().value == "analysis");

  for (auto s :
       {CaseState::Collecting, CaseState::Analysis, CaseState::ActionPlanRequested,
        CaseState::ActionPlanReceived, CaseState::Feedback, CaseState::Reported, CaseState::Closed})
    CHECK(parseCaseState(stateName(s)) == s);
  CHECK(stateName(CaseState::ActionPlanRequested) == "action_plan_requested");
  CHECK(swedishCaseState(CaseState::ActionPlanRequested) == "Åtgärdsplan begärd");
  CHECK(swedishCaseState(CaseState::Reported) == "Rapporterad till nämnden");
  CHECK(swedishCaseState(CaseState::Collecting) == "Material inhämtas");
  CHECK_FALSE(parseCaseState("open"));
}

TEST_CASE("case lifecycle: an answered state is known or an internal error", "[minutes][case]") {
  CHECK(knownCaseState(Result<std::string>("feedback")).value() == CaseState::Feedback);
  const auto strange = knownCaseState(Result<std::string>("escalated"));
  REQUIRE_FALSE(strange);
  CHECK(strange.error().code == Errc::Internal);
  const auto refused = knownCaseState(
      Result<std::string>(fail(Errc::Conflict, Reason::TransitionNotAllowed, "no", "", "close")));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == Reason::TransitionNotAllowed);
}

TEST_CASE("case lifecycle: each step is taken by its role", "[minutes][case]") {
  const auto wf = shipped();
  requireRefusal(wf.take("start_analysis", "collecting", kProvider, facts()), Errc::Forbidden,
                 Reason::RoleMissingForTransition);
  const auto providerRequests =
      wf.take("request_action_plan", "analysis", kProvider, planRequest(date(2026, 4, 9)));
  requireRefusal(providerRequests, Errc::Forbidden, Reason::RoleMissingForTransition);
  CHECK(providerRequests.error().value == "request_action_plan");
  auto plan = facts();
  plan.planItems = 2;
  requireRefusal(wf.take("submit_action_plan", "action_plan_requested", kManager, plan),
                 Errc::Forbidden, Reason::RoleMissingForTransition);
  requireRefusal(wf.take("close", "reported", kDirector, facts()), Errc::Forbidden,
                 Reason::RoleMissingForTransition);
  const auto early = wf.take("close", "feedback", kManager, facts());
  requireRefusal(early, Errc::Conflict, Reason::TransitionNotAllowed);
  CHECK(early.error().value == "close");
}

TEST_CASE("case lifecycle: an analysis comes with its text", "[minutes][case]") {
  const auto wf = shipped();
  requireRefusal(wf.take("analysis_ok", "analysis", kManager, withText(" \n")), Errc::Invalid,
                 Reason::Missing, "text");
  requireRefusal(wf.take("request_action_plan", "analysis", kManager, planRequest(std::nullopt)),
                 Errc::Invalid, Reason::Missing, "plan_due_on");
  auto noText = planRequest(date(2026, 4, 9));
  noText.text.clear();
  requireRefusal(wf.take("request_action_plan", "analysis", kManager, noText), Errc::Invalid,
                 Reason::Missing, "text");
  requireRefusal(wf.take("analysis_ok", "analysis", kManager,
                         withText(std::string(kMaxCaseTextBytes + 1, 'x'))),
                 Errc::Invalid, Reason::TooLong, "text");
}

TEST_CASE("case lifecycle: the action plan's last day is given and not past", "[minutes][case]") {
  const auto wf = shipped();
  const auto past =
      wf.take("request_action_plan", "analysis", kManager, planRequest(date(2026, 3, 9)));
  requireRefusal(past, Errc::Invalid, Reason::OutOfRange, "plan_due_on");
  CHECK(past.error().value == "2026-03-10");
  CHECK(wf.take("request_action_plan", "analysis", kManager, planRequest(kToday)).value() ==
        "action_plan_requested");
}

TEST_CASE("case lifecycle: a plan is sent with actions, returned with comments",
          "[minutes][case]") {
  const auto wf = shipped();
  requireRefusal(wf.take("submit_action_plan", "action_plan_requested", kProvider, facts()),
                 Errc::Conflict, Reason::PlanEmpty, "items");

  auto noComments = facts();
  noComments.planDueOn = date(2026, 4, 1);
  requireRefusal(wf.take("return_action_plan", "action_plan_received", kManager, noComments),
                 Errc::Invalid, Reason::Missing, "comments");
  auto noNewDay = facts();
  noNewDay.planComments = 1;
  requireRefusal(wf.take("return_action_plan", "action_plan_received", kManager, noNewDay),
                 Errc::Invalid, Reason::Missing, "plan_due_on");
}

TEST_CASE("case lifecycle: the committee hears of it after feedback and a registered report",
          "[minutes][case]") {
  const auto wf = shipped();
  auto f = facts();
  f.reportState = "registered";
  requireRefusal(wf.take("report_to_committee", "feedback", kManager, f), Errc::Conflict,
                 Reason::FeedbackMissing, "feedback");

  f.feedbackGiven = true;
  f.reportState = "final";
  const auto final = wf.take("report_to_committee", "feedback", kManager, f);
  requireRefusal(final, Errc::Conflict, Reason::CaseReportNotRegistered, "report");
  CHECK(final.error().value == "final");

  f.reportState.reset();
  const auto none = wf.take("report_to_committee", "feedback", kManager, f);
  requireRefusal(none, Errc::Conflict, Reason::CaseReportNotRegistered, "report");
  CHECK(none.error().value == "none");

  f.reportState = "registered";
  CHECK(wf.take("report_to_committee", "feedback", kManager, f).value() == "reported");
}

TEST_CASE("case lifecycle: the whole loop, with a plan returned once", "[minutes][case]") {
  const auto wf = shipped();
  std::string state = wf.initial();
  CHECK(state == "collecting");
  CHECK(wf.available(state, kManager, facts()) == std::vector<std::string>{"start_analysis"});
  state = wf.take("start_analysis", state, kManager, facts()).value();
  CHECK(state == "analysis");
  state = wf.take("request_action_plan", state, kManager, planRequest(date(2026, 4, 9))).value();
  CHECK(state == "action_plan_requested");

  auto plan = facts();
  plan.planItems = 1;
  state = wf.take("submit_action_plan", state, kProvider, plan).value();
  CHECK(state == "action_plan_received");

  auto revision = facts();
  revision.planComments = 2;
  revision.planDueOn = date(2026, 4, 20);
  state = wf.take("return_action_plan", state, kManager, revision).value();
  CHECK(state == "action_plan_requested");

  plan.planItems = 3;
  state = wf.take("submit_action_plan", state, kProvider, plan).value();
  CHECK(state == "action_plan_received");
  state = wf.take("accept_action_plan", state, kManager, facts()).value();
  CHECK(state == "analysis");
  state = wf.take("analysis_ok", state, kManager, withText("Åtgärderna är genomförda.")).value();
  CHECK(state == "feedback");

  auto reported = facts();
  reported.feedbackGiven = true;
  reported.reportState = "registered";
  state = wf.take("report_to_committee", state, kManager, reported).value();
  CHECK(state == "reported");
  state = wf.take("close", state, kManager, facts()).value();
  CHECK(state == "closed");
  CHECK(wf.available(state, kManager, facts()).empty());
  CHECK(knownCaseState(Result<std::string>(state)).value() == CaseState::Closed);
}

TEST_CASE("case lifecycle: a case goes stale, a plan overdue", "[minutes][case]") {
  const Date last = date(2026, 2, 8);
  CHECK_FALSE(isStale(CaseState::Analysis, last, date(2026, 3, 10), kDefaultCaseStaleDays));
  CHECK(isStale(CaseState::Analysis, last, date(2026, 3, 11), kDefaultCaseStaleDays));
  CHECK(isStale(CaseState::Reported, last, date(2026, 6, 1), kDefaultCaseStaleDays));
  CHECK_FALSE(isStale(CaseState::Closed, last, date(2026, 6, 1), kDefaultCaseStaleDays));
  CHECK(isStale(CaseState::Collecting, last, date(2026, 2, 10), 1));

  const Date due = date(2026, 4, 9);
  CHECK_FALSE(isPlanOverdue(CaseState::ActionPlanRequested, due, due));
  CHECK(isPlanOverdue(CaseState::ActionPlanRequested, due, date(2026, 4, 10)));
  CHECK_FALSE(isPlanOverdue(CaseState::ActionPlanReceived, due, date(2026, 4, 10)));
  CHECK_FALSE(isPlanOverdue(CaseState::ActionPlanRequested, std::nullopt, date(2026, 4, 10)));
}

}  // namespace SV_TEST_FILE
