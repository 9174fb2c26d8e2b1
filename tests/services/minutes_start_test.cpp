// Starting and reading the minutes (services/minutes_start.cpp, minutes_read.cpp) on a temporary
// store: one behaviour a test, the exact code and reason of each refusal.
#include <algorithm>

#include "services/minutes_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::errorOf;
using test::MinutesFixture;
using test::valueOf;

TEST_CASE("minutes start: the secretary starts a draft from the published agenda",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto view = valueOf(f.minutes.start(f.secretary, id));
  CHECK(view.state == minutes::MinutesState::Draft);
  CHECK_FALSE(view.version.empty());
  CHECK_FALSE(view.document.sections.empty());
  CHECK(valueOf(f.minutes.get(f.manager, id)).version == view.version);
}

TEST_CASE("minutes start: a provider representative does not write the minutes",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto e = errorOf(f.minutes.start(f.providerRep, id));
  CHECK(e.code == Errc::Forbidden);
  CHECK(e.reason == Reason::NotMinutesWriter);
}

TEST_CASE("minutes start: a second start is refused", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  const auto e = errorOf(f.minutes.start(f.secretary, id));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::MinutesAlreadyStarted);
}

TEST_CASE("minutes start: not before the agenda is published", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting(true, false);
  const auto e = errorOf(f.minutes.start(f.secretary, id));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::AgendaNotPublished);
}

TEST_CASE("minutes read: minutes not started are not found", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto e = errorOf(f.minutes.get(f.manager, id));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::MinutesNotStarted);
}

TEST_CASE("minutes read: a version that is not one of the minutes' is not found",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  const auto e = errorOf(f.minutes.atVersion(f.manager, id, std::string(40, 'a')));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::UnknownVersion);
}

TEST_CASE("minutes read: another tenant does not see the meeting", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  const auto otherProvider =
      f.accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"})->id;
  const auto stranger = f.person("nils", otherProvider, {"provider_rep"});
  const auto e = errorOf(f.minutes.get(stranger, id));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::None);
}

TEST_CASE("minutes start: each § has the number its item has on the agenda (issue 19 point 9)",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting(true, false);
  valueOf(f.agendas.addItem(f.manager, id, "Vikarier under sommaren", ""));
  valueOf(f.agendas.addItem(f.adjuster, id, "Nytt larmsystem", ""));
  const auto published = valueOf(f.agendas.publish(f.manager, id));
  const auto numbers = agenda::sectionNumbers(published.agenda);
  const auto view = valueOf(f.minutes.start(f.secretary, id));
  REQUIRE(view.document.sections.size() == numbers.size());
  for (const auto& section : view.document.sections) {
    INFO(section.key);
    CHECK(section.number == numbers.at(section.key));
  }
  // Övriga frågor is 10, its added items 11 and 12, Nästa möte 13: in the agenda's Markdown too.
  CHECK(numbers.at("next_meeting") == 13);
  CHECK_THAT(published.markdown, Catch::Contains("11. Vikarier under sommaren (övrig fråga") &&
                                     Catch::Contains("12. Nytt larmsystem (övrig fråga") &&
                                     Catch::Contains("13. Nästa möte"));
  CHECK_THAT(view.markdown,
             Catch::Contains("§ 11 Vikarier under sommaren") && Catch::Contains("§ 13 Nästa möte"));
}

// Issue 19 point 9: a participant with two roles is both in the minutes, the most significant
// role first.
TEST_CASE("minutes start: the chair who is also the adjuster has both roles",
          "[services][minutes][attendance]") {
  MinutesFixture f;
  auto m = valueOf(f.meetings.create(f.manager, f.contract,
                                     {"2026-05-12T13:00", std::nullopt, "Eken, matsalen"}));
  services::MeetingChange change;
  change.participants = std::vector<services::ParticipantInput>{{f.secretary.userId, "secretary"},
                                                                {f.manager.userId, "adjuster"},
                                                                {f.manager.userId, "chair"},
                                                                {f.adjuster.userId, "adjuster"}};
  valueOf(f.meetings.change(f.manager, m.row.id, change));
  valueOf(f.agendas.publish(f.manager, m.row.id));

  const auto view = valueOf(f.minutes.start(f.secretary, m.row.id));
  const auto& attendance = view.document.attendance;
  REQUIRE(attendance.size() == 3);
  const auto anna = std::ranges::find(attendance, f.manager.name, &minutes::Attendee::name);
  REQUIRE(anna != attendance.end());
  CHECK(anna->role == minutes::Role::Chair);
  CHECK(anna->additionalRoles == std::vector<minutes::Role>{minutes::Role::Adjuster});
  const auto ulla = std::ranges::find(attendance, f.adjuster.name, &minutes::Attendee::name);
  REQUIRE(ulla != attendance.end());
  CHECK(ulla->role == minutes::Role::Adjuster);
  CHECK(ulla->additionalRoles.empty());
  CHECK_THAT(view.markdown, Catch::Contains(", ordförande, justerare\n"));
  // Both roles are in the version kept in git, and the minutes save again as they are.
  const auto stored = valueOf(f.minutes.atVersion(f.manager, m.row.id, view.version));
  CHECK(stored.document.attendance == attendance);
  CHECK_FALSE(
      valueOf(f.minutes.save(f.secretary, m.row.id, view.version, stored.document)).changed);
}

}  // namespace SV_TEST_FILE
