#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "minutes/lifecycle.hpp"
#include "tests/minutes/workflow_files.hpp"
#include "workflows/names.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;

namespace {

workflows::WorkflowDefinition shippedDefinition() {
  return sv::minutes::test::shippedWorkflowDefinition("minutes");
}

workflows::Workflow<LifecycleFacts> shippedWorkflow() {
  auto wf = workflows::Workflow<LifecycleFacts>::create(shippedDefinition(), lifecycleGuards(),
                                                        workflows::knownRoles());
  REQUIRE(wf);
  return *wf;
}

const std::set<std::string> kAuthorityAdjuster{"contract_manager", "authority_adjuster"};
const std::set<std::string> kProviderAdjuster{"provider_rep", "provider_adjuster"};

}  // namespace

TEST_CASE("submitting needs an adjuster from each party", "[minutes][lifecycle]") {
  const auto wf = shippedWorkflow();
  LifecycleFacts facts{"v1", true, false, {}, std::nullopt, ""};
  auto refused = wf.take("submit", "draft", {"secretary"}, facts);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::Conflict);
  facts.providerAdjusterSet = true;
  CHECK(wf.take("submit", "draft", {"secretary"}, facts) == "in_review");
  CHECK(wf.take("submit", "draft", {"provider_rep"}, facts).error().code == Errc::Forbidden);
}

TEST_CASE("the minutes are approved when both parties approved the current version",
          "[minutes][lifecycle]") {
  const auto wf = shippedWorkflow();
  LifecycleFacts facts{"v2", true, true, {{Party::Provider, "v2"}}, "v2", ""};
  CHECK(wf.take("approve", "in_review", kProviderAdjuster, facts) == "in_review");
  facts.approvals.push_back({Party::Authority, "v2"});
  CHECK(wf.take("approve", "in_review", kAuthorityAdjuster, facts) == "approved");
}

TEST_CASE("an approval of an old version is refused", "[minutes][lifecycle]") {
  const auto wf = shippedWorkflow();
  LifecycleFacts facts{"v2", true, true, {{Party::Provider, "v1"}}, "v1", ""};
  auto refused = wf.take("approve", "in_review", kProviderAdjuster, facts);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::Conflict);
  CHECK(refused.error().field == "version");
}

TEST_CASE("approvals of an older version do not count", "[minutes][lifecycle]") {
  LifecycleFacts facts{
      "v2", true, true, {{Party::Provider, "v1"}, {Party::Authority, "v2"}}, std::nullopt, ""};
  CHECK_FALSE(bothPartiesApproved(facts));
  facts.approvals.push_back({Party::Provider, "v2"});
  CHECK(bothPartiesApproved(facts));
}

TEST_CASE("only a registrar registers, only approved minutes", "[minutes][lifecycle]") {
  const auto wf = shippedWorkflow();
  LifecycleFacts facts{
      "v2", true, true, {{Party::Provider, "v2"}, {Party::Authority, "v2"}}, std::nullopt, ""};
  CHECK(wf.take("register", "approved", {"registrar"}, facts) == "registered");
  CHECK(wf.take("register", "approved", {"contract_manager"}, facts).error().code ==
        Errc::Forbidden);
  CHECK(wf.take("register", "in_review", {"registrar"}, facts).error().code == Errc::Conflict);
  CHECK(wf.take("approve", "registered", kProviderAdjuster, facts).error().code == Errc::Conflict);
}

TEST_CASE("a return needs a comment", "[minutes][lifecycle]") {
  const auto wf = shippedWorkflow();
  LifecycleFacts facts{"v1", true, true, {}, std::nullopt, "  "};
  CHECK(wf.take("return", "in_review", kProviderAdjuster, facts).error().field == "comment");
  facts.comment = "§ 6 stämmer inte";
  CHECK(wf.take("return", "in_review", kProviderAdjuster, facts) == "draft");
}

TEST_CASE("the minutes' states by name, both ways", "[minutes][lifecycle]") {
  for (const auto s : {MinutesState::Draft, MinutesState::InReview, MinutesState::Approved,
                       MinutesState::Registered})
    CHECK(parseMinutesState(stateName(s)) == s);
  CHECK(stateName(MinutesState::InReview) == "in_review");
  CHECK_FALSE(parseMinutesState("Draft"));
  CHECK_FALSE(parseMinutesState(""));
}

TEST_CASE("the shipped workflow names exactly the states the server knows",
          "[minutes][lifecycle]") {
  CHECK(checkStatesOf(shippedDefinition()));
}

TEST_CASE("a workflow with another set of states is refused at start-up", "[minutes][lifecycle]") {
  auto extra = shippedDefinition();
  extra.states.push_back("archived");
  auto e = checkStatesOf(extra);
  REQUIRE_FALSE(e);
  CHECK(e.error().reason == Reason::UnknownChoice);
  CHECK(e.error().value == "archived");

  auto missing = shippedDefinition();
  std::erase(missing.states, "approved");
  e = checkStatesOf(missing);
  REQUIRE_FALSE(e);
  CHECK(e.error().value == "approved");

  auto elsewhere = shippedDefinition();
  elsewhere.initial = "in_review";
  e = checkStatesOf(elsewhere);
  REQUIRE_FALSE(e);
  CHECK(e.error().value == "in_review");
}

TEST_CASE("the engine's answer becomes a state, an unknown one an internal error",
          "[minutes][lifecycle]") {
  CHECK(knownState(Result<std::string>("approved")) == MinutesState::Approved);
  CHECK(knownState(Result<std::string>("archived")).error().code == Errc::Internal);
  const Result<std::string> refused = fail(Errc::Conflict, Reason::TransitionNotAllowed, "no");
  CHECK(knownState(refused).error().reason == Reason::TransitionNotAllowed);
}

}  // namespace SV_TEST_FILE
