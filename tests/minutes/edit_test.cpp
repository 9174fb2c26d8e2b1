#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "minutes/edit.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;

namespace {

void requireError(const Result<Minutes>& result, Errc code, const std::string& field,
                  const std::string& detailPart = {}) {
  REQUIRE_FALSE(result);
  CHECK(result.error().code == code);
  CHECK(result.error().field == field);
  if (!detailPart.empty()) CHECK_THAT(result.error().detail, Catch::Contains(detailPart));
}

}  // namespace

TEST_CASE("createMinutes numbers the sections and prefills evaluations", "[minutes][edit]") {
  const Minutes m = test::freshMinutes();
  REQUIRE(m.sections.size() == 6);
  CHECK(m.sections[0].number == 1);
  CHECK(m.sections[5].number == 6);
  CHECK(m.sections[5].key == "closing");
  REQUIRE(m.sections[3].evaluations.size() == 2);
  const Evaluation& e = m.sections[3].evaluations[0];
  CHECK(e.actionId == 17);
  CHECK(e.actionText == "Ta fram en rutin för läkemedelshantering");
  CHECK(e.responsiblePerson == "Per Persson");
  CHECK(e.dueDate == date(2026, 1, 31));
  CHECK(e.origin == "Protokoll 2025-12-10, § 3");
  CHECK(e.outcome == Outcome::None);
  CHECK_FALSE(e.newDueDate);
  CHECK(m.signatures.empty());
  CHECK_FALSE(m.registryNumber);
}

TEST_CASE("an edit assigns ids to new items and keeps them afterwards", "[minutes][edit]") {
  const Minutes first = test::editedMinutes();
  const Section& s = first.sections[2];
  CHECK(s.observations[0].id == "o1");
  CHECK(s.observations[1].id == "o2");
  CHECK(s.actions[0].id == "a1");
  CHECK(s.actions[1].id == "a2");
  CHECK(s.decisions[0].id == "d1");

  Minutes proposed = first;
  proposed.sections[4].observations.push_back({"", "Lokalerna behöver ses över."});
  proposed.sections[2].actions.pop_back();  // a2, the highest, is deleted
  proposed.sections[2].actions.push_back(
      {"", "Ny åtgärd", Party::Provider, "Per Persson", date(2026, 6, 1)});
  auto second = applyEdit(first, proposed);
  REQUIRE(second);
  CHECK(second->sections[4].observations[0].id == "o3");
  CHECK(second->sections[2].actions[0].id == "a1");
  CHECK(second->sections[2].actions[1].id == "a3");  // not a2 again: a2 is in `current`
}

TEST_CASE("an edit cannot change what is not the editor's", "[minutes][edit]") {
  Minutes current = test::editedMinutes();
  current.signatures = {{Party::Authority, "Bo Ek", "b41f", test::meetingStart(), false}};
  current.disagreements = {{Party::Provider, "Per Persson", "Reservation."}};
  Minutes proposed = current;
  proposed.header.location = "Någon annanstans";
  proposed.header.meetingId = 7;
  proposed.signatures.push_back(
      {Party::Provider, "Per Persson", "b41f", test::meetingStart(), false});
  proposed.disagreements.clear();
  proposed.registryNumber = "SDN 2026/9999";
  proposed.sections[3].evaluations[0].actionText = "Något annat";
  proposed.sections[3].evaluations[0].origin = "påhittat";
  proposed.sections[3].evaluations[0].comment = "Ny kommentar";
  auto result = applyEdit(current, proposed);
  REQUIRE(result);
  CHECK(result->header == current.header);
  CHECK(result->signatures == current.signatures);
  CHECK(result->disagreements == current.disagreements);
  CHECK_FALSE(result->registryNumber);
  CHECK(result->sections[3].evaluations[0].actionText ==
        "Ta fram en rutin för läkemedelshantering");
  CHECK(result->sections[3].evaluations[0].origin == "Protokoll 2025-12-10, § 3");
  CHECK(result->sections[3].evaluations[0].comment == "Ny kommentar");
}

TEST_CASE("the sections follow the agenda", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();

  SECTION("a section removed") {
    Minutes p = current;
    p.sections.erase(p.sections.begin() + 2);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2]",
                 "§ 3 'Förvaltningens uppföljning' (authority_follow_up) cannot be removed");
  }
  SECTION("the last section removed") {
    Minutes p = current;
    p.sections.pop_back();
    requireError(applyEdit(current, p), Errc::Invalid, "sections[5]", "Mötets avslutande");
  }
  SECTION("sections reordered") {
    Minutes p = current;
    std::swap(p.sections[3], p.sections[4]);
    p.sections[3].number = 4;
    p.sections[4].number = 5;
    requireError(applyEdit(current, p), Errc::Invalid, "sections[3].key",
                 "cannot be reordered: position 4 is § 4 'Uppföljning av åtgärder'");
  }
  SECTION("a section added") {
    Minutes p = current;
    p.sections.push_back(Section{7, "extra", "Extra punkt", "", {}, {}, {}, {}});
    requireError(applyEdit(current, p), Errc::Invalid, "sections[6]",
                 "'Extra punkt' (extra) is not on the meeting's agenda");
  }
  SECTION("a section replaced") {
    Minutes p = current;
    p.sections[4].key = "surprise";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[4]",
                 "§ 5 'Övriga frågor' (other) cannot be removed");
  }
  SECTION("a section renamed") {
    Minutes p = current;
    p.sections[2].title = "Uppföljning";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].title",
                 "Förvaltningens uppföljning");
  }
  SECTION("a section renumbered") {
    Minutes p = current;
    p.sections[2].number = 9;
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].number", "is 3");
  }
}

TEST_CASE("actions need a text, a due date and a party", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("no due date") {
    p.sections[2].actions[0].dueDate = Date{};
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[0].due_date",
                 "needs a due date");
  }
  SECTION("a due date that does not exist") {
    p.sections[2].actions[1].dueDate = date(2026, 2, 30);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[1].due_date");
  }
  SECTION("blank text") {
    p.sections[2].actions[0].text = " \n ";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[0].text", "empty");
  }
  SECTION("an unknown party") {
    p.sections[2].actions[0].responsibleParty = static_cast<Party>(7);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[0].responsible_party");
  }
  SECTION("an empty observation") {
    p.sections[0].observations.push_back({"", ""});
    requireError(applyEdit(current, p), Errc::Invalid, "sections[0].observations[0].text", "empty");
  }
}

TEST_CASE("text must be valid UTF-8 without control characters", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("notes") {
    p.sections[0].notes = "Mötet \xC3\x28 öppnades";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[0].notes", "not valid UTF-8");
  }
  SECTION("an overlong encoding") {
    p.sections[2].observations[1].text = "\xC0\xBCscript";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].observations[1].text",
                 "not valid UTF-8");
  }
  SECTION("a surrogate") {
    p.sections[2].decisions[0].text = "\xED\xA0\x80";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].decisions[0].text",
                 "not valid UTF-8");
  }
  SECTION("an attendee's name") {
    p.attendance.push_back({"G\xE4st", "", Party::Provider, Role::Participant, true});
    requireError(applyEdit(current, p), Errc::Invalid, "attendance[5].name", "not valid UTF-8");
  }
  SECTION("a NUL in a comment") {
    p.sections[3].evaluations[1].comment = std::string("halv\0text", 9);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[3].evaluations[1].comment",
                 "control character");
  }
  SECTION("a line break in a responsible person") {
    p.sections[2].actions[0].responsiblePerson = "Per\nPersson";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[0].responsible_person",
                 "control character");
  }
  SECTION("line breaks and tabs in notes are fine") {
    p.sections[0].notes = "Rad ett\r\n\tRad två\n";
    CHECK(applyEdit(current, p));
  }
}

TEST_CASE("the limits on size", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("notes of exactly the limit are accepted, one byte more is not") {
    p.sections[1].notes = std::string(kMaxNotesBytes, 'x');
    CHECK(applyEdit(current, p));
    p.sections[1].notes += 'x';
    requireError(applyEdit(current, p), Errc::Invalid, "sections[1].notes",
                 "longer than 100000 bytes");
  }
  SECTION("200 observations are accepted, 201 are not") {
    p.sections[4].observations.assign(kMaxListItems, Observation{"", "Iakttagelse"});
    auto ok = applyEdit(current, p);
    REQUIRE(ok);
    CHECK(ok->sections[4].observations.back().id == "o202");
    p.sections[4].observations.push_back({"", "En för mycket"});
    requireError(applyEdit(current, p), Errc::Invalid, "sections[4].observations", "at most 200");
  }
  SECTION("201 decisions") {
    p.sections[4].decisions.assign(kMaxListItems + 1, Decision{"", "Beslut"});
    requireError(applyEdit(current, p), Errc::Invalid, "sections[4].decisions", "at most 200");
  }
  SECTION("a long action text") {
    p.sections[2].actions[0].text = std::string(kMaxTextBytes + 1, 'a');
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[0].text",
                 "longer than 10000 bytes");
  }
}

TEST_CASE("ids are well formed and unique", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("an id of another kind") {
    p.sections[2].actions[0].id = "o5";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].actions[0].id");
  }
  SECTION("a malformed id") {
    p.sections[2].observations[0].id = "o01";
    requireError(applyEdit(current, p), Errc::Invalid, "sections[2].observations[0].id");
  }
  SECTION("an id used twice in different sections") {
    p.sections[4].decisions.push_back({"d1", "Samma id"});
    requireError(applyEdit(current, p), Errc::Invalid, "sections[4].decisions[0].id", "used twice");
  }
  SECTION("an id the client chose is kept") {
    p.sections[4].decisions.push_back({"d40", "Eget id"});
    p.sections[4].decisions.push_back({"", "Nytt"});
    auto result = applyEdit(current, p);
    REQUIRE(result);
    CHECK(result->sections[4].decisions[0].id == "d40");
    CHECK(result->sections[4].decisions[1].id == "d41");
  }
}

TEST_CASE("attendance: presence and roles change, nobody disappears", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("presence and role change, a guest is added") {
    p.attendance[4].present = true;
    p.attendance[2].role = Role::Participant;
    p.attendance.push_back(
        {"Gäst Gästsson", "Revisionen", Party::Authority, Role::Participant, true});
    auto result = applyEdit(current, p);
    REQUIRE(result);
    CHECK(result->attendance == p.attendance);
  }
  SECTION("an attendee removed") {
    p.attendance.erase(p.attendance.begin() + 1);
    requireError(applyEdit(current, p), Errc::Invalid, "attendance", "'Bo Ek' cannot be removed");
  }
  SECTION("a second adjuster for a party") {
    p.attendance[0].role = Role::Adjuster;
    requireError(applyEdit(current, p), Errc::Invalid, "attendance[1].role", "one adjuster");
  }
  SECTION("an attendee listed twice") {
    p.attendance.push_back(p.attendance[0]);
    p.attendance.back().role = Role::Participant;
    requireError(applyEdit(current, p), Errc::Invalid, "attendance[5]", "listed twice");
  }
  SECTION("an unknown role") {
    p.attendance[3].role = static_cast<Role>(9);
    requireError(applyEdit(current, p), Errc::Invalid, "attendance[3].role");
  }
}

TEST_CASE("evaluations follow the carried actions", "[minutes][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("one removed") {
    p.sections[3].evaluations.pop_back();
    requireError(applyEdit(current, p), Errc::Invalid, "sections[3].evaluations",
                 "cannot be added, removed or reordered");
  }
  SECTION("reordered") {
    std::swap(p.sections[3].evaluations[0], p.sections[3].evaluations[1]);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[3].evaluations");
  }
  SECTION("accepted with a new due date") {
    p.sections[3].evaluations[0].newDueDate = date(2026, 9, 1);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[3].evaluations[0].new_due_date",
                 "accepted");
  }
  SECTION("a new due date that is no date") {
    p.sections[3].evaluations[1].newDueDate = date(2026, 13, 1);
    requireError(applyEdit(current, p), Errc::Invalid, "sections[3].evaluations[1].new_due_date");
  }
}

TEST_CASE("registered minutes never change", "[minutes][edit]") {
  Minutes current = test::editedMinutes();
  current.registryNumber = "SDN 2026/0042";
  auto result = applyEdit(current, current);
  REQUIRE_FALSE(result);
  CHECK(result.error().code == Errc::Conflict);
}

}  // namespace SV_TEST_FILE
