// The follow-up report's lifecycle as config/workflows/report.workflow and the guards in
// minutes/report_lifecycle.cpp make it: who takes which step, and when the guards refuse.
#include <catch2/catch.hpp>

#include "minutes/report_lifecycle.hpp"
#include "tests/minutes/fixtures.hpp"
#include "tests/minutes/workflow_files.hpp"
#include "workflows/names.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using sv::minutes::test::date;

namespace {

workflows::Workflow<ReportLifecycleFacts> shipped() {
  auto wf = workflows::Workflow<ReportLifecycleFacts>::create(
      sv::minutes::test::shippedWorkflowDefinition("report"), reportLifecycleGuards(),
      workflows::knownRoles());
  REQUIRE(wf);
  return *wf;
}

const std::set<std::string> kManager{"contract_manager"};
const std::set<std::string> kProvider{"provider_rep"};
const std::set<std::string> kRegistrar{"registrar"};

ReportLifecycleFacts ready() {
  ReportLifecycleFacts f;
  f.today = date(2026, 11, 2);
  return f;
}

}  // namespace

TEST_CASE("report lifecycle: the shipped workflow names exactly the server's states",
          "[minutes][report]") {
  const auto definition = sv::minutes::test::shippedWorkflowDefinition("report");
  CHECK(checkReportStatesOf(definition));
  auto missing = definition;
  missing.states.pop_back();
  const auto refused = checkReportStatesOf(missing);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().value == "registered");
  auto elsewhere = definition;
  elsewhere.initial = "final";
  CHECK_FALSE(checkReportStatesOf(elsewhere));
  for (auto s : {ReportState::Draft, ReportState::FactCheck, ReportState::Answered,
                 ReportState::Final, ReportState::Registered})
    CHECK(parseReportState(stateName(s)) == s);
  CHECK_FALSE(parseReportState("approved"));
}

TEST_CASE("report lifecycle: draft to registered, each step by its role", "[minutes][report]") {
  const auto wf = shipped();
  auto facts = ready();
  CHECK(wf.take("send_for_fact_check", "draft", kManager, facts).value() == "fact_check");
  const auto provider = wf.take("send_for_fact_check", "draft", kProvider, facts);
  REQUIRE_FALSE(provider);
  CHECK(provider.error().reason == Reason::RoleMissingForTransition);
  CHECK(wf.take("answer_fact_check", "fact_check", kProvider, facts).value() == "answered");
  CHECK_FALSE(wf.take("answer_fact_check", "fact_check", kManager, facts));
  CHECK(wf.take("finalize", "answered", kManager, facts).value() == "final");
  const auto early = wf.take("finalize", "draft", kManager, facts);
  REQUIRE_FALSE(early);
  CHECK(early.error().reason == Reason::TransitionNotAllowed);
  CHECK(wf.take("register", "final", kRegistrar, facts).value() == "registered");
  CHECK_FALSE(wf.take("register", "final", kManager, facts));
}

TEST_CASE("report lifecycle: the guards say what is missing", "[minutes][report]") {
  const auto wf = shipped();
  auto facts = ready();
  facts.unassessedArea = "staffing";
  const auto unassessed = wf.take("send_for_fact_check", "draft", kManager, facts);
  REQUIRE_FALSE(unassessed);
  CHECK(unassessed.error().reason == Reason::AreaNotAssessed);
  CHECK(unassessed.error().value == "staffing");

  facts = ready();
  facts.openComments = 2;
  const auto comments = wf.take("finalize", "answered", kManager, facts);
  REQUIRE_FALSE(comments);
  CHECK(comments.error().reason == Reason::CommentsOpen);
  CHECK(comments.error().value == "2");

  facts = ready();
  facts.openSupplements = 1;
  const auto supplements = wf.take("finalize", "answered", kManager, facts);
  REQUIRE_FALSE(supplements);
  CHECK(supplements.error().reason == Reason::SupplementsOpen);
  // What the page offers follows the same guards.
  CHECK(wf.available("answered", kManager, facts).empty());
}

TEST_CASE("report lifecycle: the deadline closes a fact-check the day after its last day",
          "[minutes][report]") {
  const auto wf = shipped();
  auto facts = ready();
  facts.factCheckDueOn = factCheckDueOn(date(2026, 10, 19), kDefaultFactCheckDays);
  CHECK(*facts.factCheckDueOn == date(2026, 11, 2));
  facts.today = date(2026, 11, 2);  // the last day: still open
  CHECK(wf.settle("fact_check", facts) == "fact_check");
  facts.today = date(2026, 11, 3);
  CHECK(wf.settle("fact_check", facts) == "answered");
  // Only a fact-check is closed by time.
  CHECK(wf.settle("draft", facts) == "draft");
  facts.factCheckDueOn.reset();
  CHECK(wf.settle("fact_check", facts) == "fact_check");
}

}  // namespace SV_TEST_FILE
