// The outputs of the minutes (services/minutes_page.cpp, minutes_archive.cpp) on a temporary
// store: the page cached under its stamp, the archive for registered minutes only.
#include "services/minutes_fixture.hpp"

using namespace sv;
using test::errorOf;
using test::MinutesFixture;
using test::valueOf;

TEST_CASE("minutes page: the same page until the minutes change", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  const auto page = valueOf(f.minutes.html(f.manager, id));
  CHECK(page.html->starts_with("<!DOCTYPE html>"));
  CHECK(valueOf(f.minutes.html(f.manager, id)).html == page.html);
  f.saveNotes(id, first, "Mötet öppnades.");
  const auto changed = valueOf(f.minutes.html(f.manager, id));
  CHECK(changed.etag != page.etag);
  CHECK(changed.html->find("Mötet öppnades.") != std::string::npos);
}

TEST_CASE("minutes page: not started minutes have no page", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto e = errorOf(f.minutes.html(f.manager, id));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::MinutesNotStarted);
}

TEST_CASE("minutes archive: only registered minutes have an archival package",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.approved(id);
  const auto e = errorOf(f.minutes.archive(f.manager, id));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::MinutesNotRegistered);
}
