#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "minutes/diff.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;

TEST_CASE("the summary names each changed section and what changed", "[minutes][diff]") {
  const Minutes from = test::editedMinutes();
  Minutes to = from;
  to.sections[2].notes += "\nTillägg.";
  to.sections[2].observations.push_back({"o3", "Ny iakttagelse."});
  to.sections[4].actions = {
      {"a3", "Första", Party::Provider, "", date(2026, 6, 1)},
      {"a4", "Andra", Party::Provider, "", date(2026, 6, 1)},
  };
  to.sections[4].decisions = {{"d2", "Ett beslut."}};

  const auto changes = summarizeChanges(from, to);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].unit == ChangeUnit::Section);
  CHECK(changes[0].number == 3);
  CHECK(changes[0].key == "authority_follow_up");
  CHECK(changes[0].title == "Förvaltningens uppföljning");
  CHECK(changes[0].notesChanged);
  CHECK(changes[0].observations == ItemChanges{1, 0, 0, false});
  CHECK_FALSE(changes[0].actions.any());
  CHECK(changes[0].text ==
        "§ 3 Förvaltningens uppföljning: anteckningar ändrade, 1 iakttagelse tillagd");
  CHECK(changes[1].number == 5);
  CHECK(changes[1].text == "§ 5 Övriga frågor: 2 åtgärder tillagda, 1 beslut tillagt");
  CHECK(describeChanges(from, to) == "Protokoll: § 3 ändrad, § 5 ändrad");
}

TEST_CASE("removed, changed and reordered items are counted", "[minutes][diff]") {
  const Minutes from = test::editedMinutes();
  Minutes to = from;
  Section& s = to.sections[2];
  s.observations.erase(s.observations.begin());
  std::swap(s.actions[0], s.actions[1]);
  s.decisions[0].text = "Ändrat beslut.";
  to.sections[3].evaluations[1].comment = "Alla har nu gått utbildningen.";
  to.sections[3].evaluations[1].outcome = Outcome::Accepted;
  to.sections[3].evaluations[1].newDueDate.reset();

  const auto changes = summarizeChanges(from, to);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].observations == ItemChanges{0, 1, 0, false});
  CHECK(changes[0].actions == ItemChanges{0, 0, 0, true});
  CHECK(changes[0].decisions == ItemChanges{0, 0, 1, false});
  CHECK(changes[0].text ==
        "§ 3 Förvaltningens uppföljning: 1 iakttagelse borttagen, åtgärder i ny ordning, "
        "1 beslut ändrat");
  CHECK(changes[1].text == "§ 4 Uppföljning av åtgärder: 1 uppföljning ändrad");
}

TEST_CASE("attendance and the other parts are summarized too", "[minutes][diff]") {
  const Minutes from = test::editedMinutes();
  Minutes to = from;
  to.attendance[4].present = true;
  to.attendance.push_back({"Gäst", "", Party::Authority, Role::Participant, true});
  to.signatures = {{Party::Authority, "Bo Ek", "b41f", test::meetingStart(), false}};
  to.registryNumber = "SDN 2026/0042";

  const auto changes = summarizeChanges(from, to);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].unit == ChangeUnit::Attendance);
  CHECK(changes[0].attendees == ItemChanges{1, 0, 1, false});
  CHECK(changes[0].text == "Närvaro: 1 deltagare tillagd, 1 deltagare ändrad");
  CHECK(changes[1].unit == ChangeUnit::Signatures);
  CHECK(changes[1].text == "Justering ändrad");
  CHECK(changes[2].unit == ChangeUnit::Registration);
  CHECK(changes[2].text == "Diarienummer SDN 2026/0042");
  CHECK(describeChanges(from, to) ==
        "Protokoll: närvaro ändrad, justering ändrad, diarienummer ändrat");
}

TEST_CASE("no changes, no summary", "[minutes][diff]") {
  const Minutes m = test::editedMinutes();
  CHECK(summarizeChanges(m, m).empty());
  CHECK(describeChanges(m, m) == "Protokoll: inga ändringar");
}

TEST_CASE("the first save of new minutes", "[minutes][diff]") {
  const auto changes = summarizeChanges(test::freshMinutes(), test::editedMinutes());
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].text == "§ 1 Mötets öppnande: anteckningar ändrade");
  CHECK(changes[1].text ==
        "§ 3 Förvaltningens uppföljning: anteckningar ändrade, 2 iakttagelser tillagda, "
        "2 åtgärder tillagda, 1 beslut tillagt");
  CHECK(changes[2].text == "§ 4 Uppföljning av åtgärder: 2 uppföljningar ändrade");
}

}  // namespace SV_TEST_FILE
