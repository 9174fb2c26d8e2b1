#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "minutes/edit.hpp"
#include "minutes/merge.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;

namespace {

// `base` edited by `change`, through applyEdit like every save.
template <class F>
Minutes edit(const Minutes& base, F change) {
  Minutes proposed = base;
  change(proposed);
  auto result = applyEdit(base, proposed);
  REQUIRE(result);
  return *result;
}

}  // namespace

TEST_CASE("changes to different sections merge", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  const Minutes theirs =
      edit(base, [](Minutes& m) { m.sections[0].notes = "Mötet öppnades 13.05."; });
  const Minutes mine = edit(base, [](Minutes& m) {
    m.sections[4].notes = "Inga övriga frågor.";
    m.attendance[4].present = true;
  });
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  REQUIRE(outcome.clean());
  REQUIRE(outcome.merged);
  CHECK(outcome.merged->sections[0].notes == "Mötet öppnades 13.05.");
  CHECK(outcome.merged->sections[4].notes == "Inga övriga frågor.");
  CHECK(outcome.merged->attendance[4].present);
  CHECK(outcome.merged->sections[2] == base.sections[2]);
}

TEST_CASE("different changes to the same section conflict, with both texts", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  const Minutes theirs =
      edit(base, [](Minutes& m) { m.sections[2].notes = "Förvaltningen granskade tio planer."; });
  const Minutes mine = edit(base, [](Minutes& m) {
    m.sections[2].observations.push_back({"", "Bemanningen är låg på helger."});
    m.sections[5].notes = "Ordföranden avslutade mötet.";
  });
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  CHECK_FALSE(outcome.clean());
  CHECK_FALSE(outcome.merged);
  REQUIRE(outcome.conflicts.size() == 1);
  const MergeConflict& c = outcome.conflicts[0];
  CHECK(c.unit == MergeUnit::Section);
  CHECK(c.sectionNumber == 3);
  CHECK(c.key == "authority_follow_up");
  CHECK(c.title == "Förvaltningens uppföljning");
  CHECK(c.theirs.starts_with("## § 3 Förvaltningens uppföljning\n"));
  CHECK_THAT(c.theirs, Catch::Contains("Förvaltningen granskade tio planer."));
  CHECK_THAT(c.theirs, !Catch::Contains("Bemanningen är låg på helger."));
  CHECK_THAT(c.mine, Catch::Contains("Bemanningen är låg på helger."));
  CHECK_THAT(c.mine, Catch::Contains("genomförandeplaner"));
}

TEST_CASE("identical changes on both sides merge", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  const auto change = [](Minutes& m) {
    m.sections[1].notes = "Föregående protokoll lades till handlingarna.";
  };
  const Minutes theirs = edit(base, change);
  const Minutes mine = edit(base, change);
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  REQUIRE(outcome.merged);
  CHECK(*outcome.merged == theirs);
}

TEST_CASE("nothing changed on one side gives the other side", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  const Minutes mine =
      edit(base, [](Minutes& m) { m.sections[3].evaluations[0].comment = "Bra."; });
  REQUIRE(mergeMinutes(base, base, mine).merged);
  CHECK(*mergeMinutes(base, base, mine).merged == mine);
  CHECK(*mergeMinutes(base, mine, base).merged == mine);
}

TEST_CASE("attendance is one unit of the merge", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  const Minutes theirs = edit(base, [](Minutes& m) { m.attendance[4].present = true; });
  const Minutes mine = edit(base, [](Minutes& m) { m.attendance[2].present = false; });
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  REQUIRE(outcome.conflicts.size() == 1);
  const MergeConflict& c = outcome.conflicts[0];
  CHECK(c.unit == MergeUnit::Attendance);
  CHECK(c.sectionNumber == 0);
  CHECK(c.title == "Närvaro");
  CHECK(c.theirs.starts_with("## Närvarande\n"));
  CHECK_THAT(c.mine, Catch::Contains("Frånvarande:\n\n- Cecilia Dahl, sekreterare"));
}

TEST_CASE("new items with the same id in different sections get distinct ids", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();  // o1, o2, a1, a2, d1 in § 3
  const Minutes theirs = edit(base, [](Minutes& m) {
    m.sections[0].observations.push_back({"", "Deras"});
  });
  const Minutes mine = edit(base, [](Minutes& m) {
    m.sections[4].observations.push_back({"", "Min"});
  });
  REQUIRE(theirs.sections[0].observations[0].id == "o3");
  REQUIRE(mine.sections[4].observations[0].id == "o3");
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  REQUIRE(outcome.merged);
  CHECK(outcome.merged->sections[0].observations[0].id == "o3");
  CHECK(outcome.merged->sections[4].observations[0].id == "o4");
  CHECK(outcome.merged->sections[4].observations[0].text == "Min");
}

TEST_CASE("the parts nobody edits come from theirs", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  Minutes theirs = base;
  theirs.signatures = {{Party::Authority, "Bo Ek", "b41f", test::meetingStart(), false}};
  const Minutes mine = edit(base, [](Minutes& m) { m.sections[0].notes = "Ändrat."; });
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  REQUIRE(outcome.merged);
  CHECK(outcome.merged->signatures == theirs.signatures);
  CHECK(outcome.merged->sections[0].notes == "Ändrat.");
}

TEST_CASE("minutes of different agendas do not merge", "[minutes][merge]") {
  const Minutes base = test::editedMinutes();
  Minutes mine = base;
  mine.sections.pop_back();
  const MergeOutcome outcome = mergeMinutes(base, base, mine);
  REQUIRE(outcome.conflicts.size() == 1);
  CHECK(outcome.conflicts[0].unit == MergeUnit::Document);
  CHECK(outcome.conflicts[0].title == "Protokoll");
  CHECK_THAT(outcome.conflicts[0].theirs, Catch::Contains("## § 6 Mötets avslutande"));
  CHECK_THAT(outcome.conflicts[0].mine, !Catch::Contains("## § 6 Mötets avslutande"));
}

}  // namespace SV_TEST_FILE
