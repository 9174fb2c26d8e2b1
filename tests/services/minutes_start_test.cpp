// Starting and reading the minutes (services/minutes_start.cpp, minutes_read.cpp) on a temporary
// store: one behaviour a test, the exact code and reason of each refusal.
#include "services/minutes_fixture.hpp"

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
  CHECK_THAT(published.markdown,
             Catch::Contains("11. Vikarier under sommaren (övrig fråga") &&
                 Catch::Contains("12. Nytt larmsystem (övrig fråga") &&
                 Catch::Contains("13. Nästa möte"));
  CHECK_THAT(view.markdown, Catch::Contains("§ 11 Vikarier under sommaren") &&
                                Catch::Contains("§ 13 Nästa möte"));
}
