// The yearly summary as a record: its text (minutes/annual_narrative) as JSON and Markdown, the
// checks of each part, and its lifecycle as config/workflows/annual_report.workflow and the guards
// in minutes/annual_lifecycle.cpp make it: who takes which step, and when the guards refuse.
#include <catch2/catch.hpp>

#include "minutes/annual_lifecycle.hpp"
#include "minutes/annual_narrative.hpp"
#include "tests/minutes/workflow_files.hpp"
#include "workflows/names.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;

namespace {

workflows::Workflow<AnnualLifecycleFacts> shipped() {
  auto wf = workflows::Workflow<AnnualLifecycleFacts>::create(
      sv::minutes::test::shippedWorkflowDefinition("annual_report"), annualLifecycleGuards(),
      workflows::knownRoles());
  REQUIRE(wf);
  return *wf;
}

const std::set<std::string> kManager{"contract_manager"};
const std::set<std::string> kDirector{"director"};
const std::set<std::string> kRegistrar{"registrar"};

AnnualLifecycleFacts written() {
  AnnualLifecycleFacts f;
  f.currentVersion = "v2";
  return f;
}

}  // namespace

TEST_CASE("annual narrative: JSON and Markdown, each part checked", "[annual][annual_record]") {
  const AnnualNarrative n{"Året i korthet.\n\nTvå stycken.", "", "Nämnden föreslås godkänna."};
  auto back = narrativeFromJson(narrativeToJson(n));
  REQUIRE(back);
  CHECK(*back == n);
  const auto md = narrativeToMarkdown(n, "Södermalm", 2026);
  CHECK(md.starts_with("# Årsrapport 2026 till nämnden – Södermalm\n"));
  CHECK(md.find("## Sammanfattning\n\nÅret i korthet.\n\nTvå stycken.\n") != std::string::npos);
  CHECK(md.find("Bedömning") == std::string::npos);  // a blank part is left out with its heading
  CHECK(md.find("## Förslag till beslut\n\nNämnden föreslås godkänna.\n") != std::string::npos);

  CHECK(missingNarrativePart(n) == std::optional<std::string>("assessment"));
  CHECK(missingNarrativePart({"a", "b", " \n"}) == std::optional<std::string>("proposal"));
  CHECK_FALSE(missingNarrativePart({"a", "b", "c"}));

  auto bell = checkNarrative({"a", std::string("b\x07"), "c"});
  REQUIRE_FALSE(bell);
  CHECK(bell.error().reason == Reason::ControlCharacter);
  CHECK(bell.error().field == "assessment");
  auto longText = checkNarrative({std::string(kMostNarrativeBytes + 1, 'x'), "", ""});
  REQUIRE_FALSE(longText);
  CHECK(longText.error().reason == Reason::TooLong);
  CHECK(longText.error().field == "summary");

  // A stored file with another key, or a part that is not a string, is not half read.
  CHECK_FALSE(narrativeFromJson(R"({"summary":"a","assessment":"b"})"));
  CHECK_FALSE(narrativeFromJson(R"({"summary":"a","assessment":"b","proposal":"c","x":"d"})"));
  auto notText = narrativeFromJson(R"({"summary":1,"assessment":"b","proposal":"c"})");
  REQUIRE_FALSE(notText);
  CHECK(notText.error().field == "summary");
}

TEST_CASE("annual lifecycle: the shipped workflow's roles and guards", "[annual][annual_record]") {
  const auto wf = shipped();
  CHECK(checkAnnualStatesOf(sv::minutes::test::shippedWorkflowDefinition("annual_report")));

  // Sent for approval only by the contract manager, and only with every part written.
  auto facts = written();
  CHECK(wf.take("submit", "draft", kManager, facts) == "submitted");
  auto notManager = wf.take("submit", "draft", kDirector, facts);
  REQUIRE_FALSE(notManager);
  CHECK(notManager.error().reason == Reason::RoleMissingForTransition);
  facts.missingPart = "proposal";
  auto missing = wf.take("submit", "draft", kManager, facts);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == Reason::NarrativeMissing);
  CHECK(missing.error().value == "proposal");

  // Returned only with a comment, by the director.
  facts = written();
  auto silent = wf.take("return", "submitted", kDirector, facts);
  REQUIRE_FALSE(silent);
  CHECK(silent.error().reason == Reason::CommentMissing);
  facts.comment = "Komplettera bedömningen.";
  CHECK(wf.take("return", "submitted", kDirector, facts) == "draft");
  CHECK_FALSE(wf.take("return", "submitted", kManager, facts));

  // Approved on the current version only.
  facts = written();
  auto unnamed = wf.take("approve", "submitted", kDirector, facts);
  REQUIRE_FALSE(unnamed);
  CHECK(unnamed.error().reason == Reason::VersionNotNamed);
  facts.approving = "v1";
  auto old = wf.take("approve", "submitted", kDirector, facts);
  REQUIRE_FALSE(old);
  CHECK(old.error().reason == Reason::VersionMovedOn);
  facts.approving = "v2";
  CHECK(wf.take("approve", "submitted", kDirector, facts) == "approved");

  // Registered by the registrar, once approved; nothing after.
  CHECK(wf.take("register", "approved", kRegistrar, written()) == "registered");
  auto early = wf.take("register", "submitted", kRegistrar, written());
  REQUIRE_FALSE(early);
  CHECK(early.error().reason == Reason::TransitionNotAllowed);
  CHECK(
      wf.available("registered", {"contract_manager", "director", "registrar"}, written()).empty());
}

}  // namespace SV_TEST_FILE
