// The reasons the minutes' rules give (applyEdit, the lifecycle's guards, the JSON reader, the
// workflow engine): the web pages say it in Swedish by reason and value, so each is exact.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "minutes/edit.hpp"
#include "minutes/lifecycle.hpp"
#include "minutes/minutes_json.hpp"
#include "workflows/names.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;

namespace {

template <class T>
Error errorOf(const Result<T>& r) {
  REQUIRE_FALSE(r);
  return r.error();
}

workflows::Workflow<LifecycleFacts> shippedWorkflow() {
  const char* env = std::getenv("SAMVERKAN_SOURCE_DIR");
  const std::string dir =
      env ? env : std::string(__FILE__).substr(0, std::string(__FILE__).rfind("/tests/"));
  std::ifstream in(dir + "/config/workflows/minutes.workflow");
  std::stringstream text;
  text << in.rdbuf();
  auto definition = workflows::parseWorkflow(text.str());
  REQUIRE(definition);
  auto wf = workflows::Workflow<LifecycleFacts>::create(*definition, lifecycleGuards(),
                                                        workflows::knownRoles());
  REQUIRE(wf);
  return *wf;
}

}  // namespace

TEST_CASE("edit reasons: text too long names the limit", "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.sections[0].notes = std::string(kMaxNotesBytes + 1, 'x');
  const auto e = errorOf(applyEdit(current, p));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::TooLong);
  CHECK(e.value == std::to_string(kMaxNotesBytes));
}

TEST_CASE("edit reasons: invalid UTF-8 and control characters", "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.sections[0].notes = "Mötet \xC3\x28 öppnades";
  CHECK(errorOf(applyEdit(current, p)).reason == Reason::InvalidUtf8);
  p.sections[0].notes = std::string("halv\0text", 9);
  CHECK(errorOf(applyEdit(current, p)).reason == Reason::ControlCharacter);
}

TEST_CASE("edit reasons: an action needs a due date", "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.sections[2].actions[0].dueDate = Date{};
  CHECK(errorOf(applyEdit(current, p)).reason == Reason::ActionNeedsDueDate);
}

TEST_CASE("edit reasons: an unknown responsible party", "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.sections[2].actions[0].responsibleParty = static_cast<Party>(7);
  CHECK(errorOf(applyEdit(current, p)).reason == Reason::ResponsiblePartyUnknown);
}

TEST_CASE("edit reasons: the evaluations' due dates", "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  auto& e = p.sections[3].evaluations[0];
  SECTION("accepted with a new due date") {
    e.outcome = Outcome::Accepted;
    e.newDueDate = test::date(2026, 6, 30);
    CHECK(errorOf(applyEdit(current, p)).reason == Reason::AcceptedHasNoDueDate);
  }
  SECTION("insufficient without one") {
    e.outcome = Outcome::Insufficient;
    e.newDueDate.reset();
    CHECK(errorOf(applyEdit(current, p)).reason == Reason::InsufficientNeedsDueDate);
  }
  SECTION("not a date") {
    e.outcome = Outcome::Insufficient;
    e.newDueDate = test::date(2026, 2, 30);
    const auto error = errorOf(applyEdit(current, p));
    CHECK(error.reason == Reason::NotADate);
    CHECK(error.value == "YYYY-MM-DD");
  }
}

TEST_CASE("edit reasons: the follow-up of earlier actions is not the editor's",
          "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.sections[3].evaluations.pop_back();
  CHECK(errorOf(applyEdit(current, p)).reason == Reason::FollowUpChanged);
}

TEST_CASE("edit reasons: an id used twice", "[minutes][reasons]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.sections[2].decisions.push_back(p.sections[2].decisions[0]);
  CHECK(errorOf(applyEdit(current, p)).reason == Reason::DuplicateKey);
}

TEST_CASE("edit reasons: registered minutes", "[minutes][reasons]") {
  Minutes current = test::editedMinutes();
  current.registryNumber = "SDN 2026/1";
  const auto e = errorOf(applyEdit(current, current));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::DocumentRegistered);
}

TEST_CASE("lifecycle reasons: the guards", "[minutes][reasons]") {
  const auto wf = shippedWorkflow();
  const std::set<std::string> provider{"provider_rep", "provider_adjuster"};
  LifecycleFacts facts{"v2", false, true, {}, std::nullopt, ""};
  CHECK(errorOf(wf.take("submit", "draft", {"secretary"}, facts)).reason ==
        Reason::AuthorityAdjusterMissing);
  facts = {"v2", true, false, {}, std::nullopt, ""};
  CHECK(errorOf(wf.take("submit", "draft", {"secretary"}, facts)).reason ==
        Reason::ProviderAdjusterMissing);
  facts = {"v2", true, true, {}, "", ""};
  CHECK(errorOf(wf.take("approve", "in_review", provider, facts)).reason ==
        Reason::VersionNotNamed);
  facts = {"v2", true, true, {}, "v1", ""};
  const auto old = errorOf(wf.take("approve", "in_review", provider, facts));
  CHECK(old.reason == Reason::VersionMovedOn);
  CHECK(old.value == "v2");
  facts = {"v2", true, true, {}, std::nullopt, " "};
  CHECK(errorOf(wf.take("return", "in_review", provider, facts)).reason == Reason::CommentMissing);
  facts.comment = std::string(20001, 'x');
  const auto longComment = errorOf(wf.take("return", "in_review", provider, facts));
  CHECK(longComment.reason == Reason::TooLong);
  CHECK(longComment.value == "20000");
}

TEST_CASE("lifecycle reasons: the engine names the transition refused", "[minutes][reasons]") {
  const auto wf = shippedWorkflow();
  LifecycleFacts facts{"v2", true, true, {}, "v2", ""};
  const auto role = errorOf(wf.take("approve", "in_review", {"provider_rep"}, facts));
  CHECK(role.code == Errc::Forbidden);
  CHECK(role.reason == Reason::RoleMissingForTransition);
  CHECK(role.value == "approve");
  const auto state = errorOf(wf.take("submit", "in_review", {"secretary"}, facts));
  CHECK(state.code == Errc::Conflict);
  CHECK(state.reason == Reason::TransitionNotAllowed);
  CHECK(state.value == "submit");
}

TEST_CASE("json reasons: the minutes under a member of the body", "[minutes][reasons]") {
  const Minutes m = test::editedMinutes();
  auto read = fromJsonMember("{\"minutes\": " + toJson(m) + "}", "minutes");
  REQUIRE(read);
  CHECK(*read == m);
  const auto missing = errorOf(fromJsonMember("{\"other\": 1}", "minutes"));
  CHECK(missing.code == Errc::Invalid);
  CHECK(missing.reason == Reason::Missing);
  CHECK(missing.field == "minutes");
  CHECK(errorOf(fromJsonMember("{", "minutes")).code == Errc::Malformed);
  CHECK(errorOf(fromJsonMember("[]", "minutes")).code == Errc::Malformed);
}

}  // namespace SV_TEST_FILE
