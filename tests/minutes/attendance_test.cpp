// Attendance as it happened (issue 19 point 9): a person with two roles (the chair who is also
// the adjuster) keeps both, in the JSON kept in git, under the one-adjuster-per-party rule, in
// every rendering and in the changes; versions stored before there could be two roles still read.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "minutes/edit.hpp"
#include "minutes/merge.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_html.hpp"
#include "minutes/render_markdown.hpp"
#include "minutes/section_diff.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
namespace test = sv::minutes::test;
using test::replaceOnce;

namespace {

// The fixture's meeting with its chair, Anna Berg, as the authority's adjuster too (Bo Ek, the
// adjuster before, is a participant).
Minutes chairWhoAdjusts() {
  Minutes m = test::editedMinutes();
  m.attendance[0].additionalRoles = {Role::Adjuster};
  m.attendance[1].role = Role::Participant;
  return m;
}

Error errorOf(const Result<Minutes>& r) {
  REQUIRE_FALSE(r);
  return r.error();
}

}  // namespace

TEST_CASE("attendance: every role of a person, the main one first", "[minutes][attendance]") {
  Attendee a{"Anna Berg", "", Party::Authority, Role::Chair, true, {Role::Adjuster}};
  CHECK(rolesOf(a) == std::vector<Role>{Role::Chair, Role::Adjuster});
  a.additionalRoles = {};
  CHECK(rolesOf(a) == std::vector<Role>{Role::Chair});
  a.role = Role::Participant;
  CHECK(rolesOf(a).empty());
}

TEST_CASE("attendance JSON: two roles survive a round trip on the attendee's line",
          "[minutes][attendance][json]") {
  const Minutes m = chairWhoAdjusts();
  const std::string json = toJson(m);
  CHECK_THAT(json, Catch::Contains("{\"name\": \"Anna Berg\", \"organization\": \"Östermalms "
                                   "stadsdelsförvaltning\", \"party\": \"authority\", \"role\": "
                                   "\"chair\", \"additional_roles\": [\"adjuster\"], \"present\": "
                                   "true},\n"));
  auto back = fromJson(json);
  REQUIRE(back);
  CHECK(*back == m);
  CHECK(back->attendance[0].additionalRoles == std::vector<Role>{Role::Adjuster});
  CHECK(toJson(*back) == json);
}

TEST_CASE("attendance JSON: a version stored without additional roles reads and keeps its bytes",
          "[minutes][attendance][json]") {
  // The line of an attendee exactly as the versions before issue 19 point 9 were written.
  const std::string stored = toJson(test::editedMinutes());
  CHECK(stored.find("additional_roles") == std::string::npos);
  CHECK_THAT(stored, Catch::Contains("{\"name\": \"Anna Berg\", \"organization\": \"Östermalms "
                                     "stadsdelsförvaltning\", \"party\": \"authority\", \"role\": "
                                     "\"chair\", \"present\": true},\n"));
  auto back = fromJson(stored);
  REQUIRE(back);
  for (const Attendee& a : back->attendance) CHECK(a.additionalRoles.empty());
  CHECK(toJson(*back) == stored);

  SECTION("an empty list or null is no additional role") {
    for (const char* empty : {"[]", "null"}) {
      INFO(empty);
      auto read = fromJson(
          replaceOnce(stored, "\"role\": \"chair\",",
                      "\"role\": \"chair\", \"additional_roles\": " + std::string(empty) + ","));
      REQUIRE(read);
      CHECK(toJson(*read) == stored);
    }
  }
}

TEST_CASE("attendance JSON: additional roles that cannot be read name their field",
          "[minutes][attendance][json]") {
  const std::string good = toJson(chairWhoAdjusts());
  const auto withRoles = [&](const std::string& list) {
    return fromJson(
        replaceOnce(good, "\"additional_roles\": [\"adjuster\"]", "\"additional_roles\": " + list));
  };
  auto e = errorOf(withRoles("\"adjuster\""));
  CHECK(e.code == Errc::Malformed);
  CHECK(e.field == "attendance[0].additional_roles");
  e = errorOf(withRoles("[\"adjuster\", 3]"));
  CHECK(e.code == Errc::Malformed);
  CHECK(e.field == "attendance[0].additional_roles[1]");
  e = errorOf(withRoles("[\"boss\"]"));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.field == "attendance[0].additional_roles[0]");
}

TEST_CASE("attendance edit: the chair may also be the adjuster", "[minutes][attendance][edit]") {
  const Minutes current = test::editedMinutes();
  const Minutes proposed = chairWhoAdjusts();
  auto result = applyEdit(current, proposed);
  REQUIRE(result);
  CHECK(result->attendance == proposed.attendance);
}

TEST_CASE("attendance edit: one adjuster per party, over every role",
          "[minutes][attendance][edit]") {
  const Minutes current = test::editedMinutes();
  SECTION("the chair adjusts while the party has its adjuster") {
    Minutes p = current;
    p.attendance[0].additionalRoles = {Role::Adjuster};
    const auto e = errorOf(applyEdit(current, p));
    CHECK(e.code == Errc::Invalid);
    CHECK(e.reason == Reason::OneAdjusterPerParty);
    CHECK(e.field == "attendance[1].role");
  }
  SECTION("the secretary adjusts besides the chair who adjusts") {
    Minutes p = chairWhoAdjusts();
    p.attendance[2].additionalRoles = {Role::Adjuster};
    const auto e = errorOf(applyEdit(current, p));
    CHECK(e.reason == Reason::OneAdjusterPerParty);
    CHECK(e.field == "attendance[2].additional_roles");
  }
  SECTION("the other party's adjuster is not counted") {
    Minutes p = chairWhoAdjusts();
    CHECK(p.attendance[3].party == Party::Provider);
    CHECK(p.attendance[3].role == Role::Adjuster);
    CHECK(applyEdit(current, p));
  }
}

TEST_CASE("attendance edit: additional roles are real roles, each once",
          "[minutes][attendance][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  SECTION("the main role again") {
    p.attendance[0].additionalRoles = {Role::Chair};
    CHECK(errorOf(applyEdit(current, p)).field == "attendance[0].additional_roles[0]");
  }
  SECTION("a role twice") {
    p.attendance[2].additionalRoles = {Role::Chair, Role::Chair};
    CHECK(errorOf(applyEdit(current, p)).field == "attendance[2].additional_roles[1]");
  }
  SECTION("participant, which everyone is") {
    p.attendance[2].additionalRoles = {Role::Participant};
    CHECK(errorOf(applyEdit(current, p)).field == "attendance[2].additional_roles[0]");
  }
  SECTION("an unknown role") {
    p.attendance[2].additionalRoles = {static_cast<Role>(9)};
    CHECK(errorOf(applyEdit(current, p)).field == "attendance[2].additional_roles[0]");
  }
  SECTION("further roles without a main one") {
    p.attendance[4].additionalRoles = {Role::Secretary};
    const auto e = errorOf(applyEdit(current, p));
    CHECK(e.code == Errc::Invalid);
    CHECK(e.field == "attendance[4].additional_roles[0]");
  }
}

TEST_CASE("attendance edit: a guest who is there already is refused with its reason",
          "[minutes][attendance][edit]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  p.attendance.push_back({"Bo Ek", "MAS", Party::Authority, Role::Participant, true});
  const auto e = errorOf(applyEdit(current, p));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::AttendeeListedTwice);
  CHECK(e.field == "attendance[5]");
}

TEST_CASE("attendance renderings say both roles", "[minutes][attendance][render]") {
  const Minutes m = chairWhoAdjusts();
  CHECK_THAT(renderMarkdown(m), Catch::Contains("\n- Anna Berg, ordförande, justerare\n"));
  CHECK_THAT(renderHtml(m), Catch::Contains("<li>Anna Berg, ordförande, justerare</li>"));
  CHECK_THAT(renderMarkdown(m), Catch::Contains("\n- Bo Ek\n"));
}

TEST_CASE("attendance changes: a role added is a change in words and merges",
          "[minutes][attendance][diff]") {
  const Minutes base = test::editedMinutes();
  const Minutes theirs = chairWhoAdjusts();
  const auto diff = compareForReading(base, theirs);
  REQUIRE(diff.attendance.size() == 2);
  CHECK(diff.attendance[0].change == RowChange::Changed);
  CHECK_THAT(diff.attendance[0].text, Catch::Contains("ordförande, justerare"));

  Minutes mine = base;
  mine.sections[0].notes = "Mötet öppnades 13.05.";
  const MergeOutcome outcome = mergeMinutes(base, theirs, mine);
  REQUIRE(outcome.clean());
  REQUIRE(outcome.merged);
  CHECK(outcome.merged->attendance == theirs.attendance);
  CHECK(outcome.merged->sections[0].notes == "Mötet öppnades 13.05.");
}

}  // namespace SV_TEST_FILE
