// The outputs of the minutes (services/minutes_page.cpp, minutes_pdf.cpp, minutes_archive.cpp) on
// a temporary store: the page and the PDF cached under what they show, the archive for
// registered minutes only.
#include "services/minutes_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

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

// Hardening issue, finding 5: a PDF costs a rendering once for what it shows, not per request.
TEST_CASE("minutes PDF: rendered once for what it shows, again when that changes",
          "[services][minutes][pdf]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  const auto pdf = valueOf(f.minutes.pdf(f.manager, id));
  REQUIRE(pdf.bytes);
  CHECK(pdf.bytes->starts_with("%PDF-"));
  // Two hours later, for the other party: the same file. A new rendering would carry the new
  // time as its creation date, so the bytes themselves show it was not made again.
  f.time.advance(std::chrono::hours{2});
  const auto again = valueOf(f.minutes.pdf(f.adjuster, id));
  CHECK(again.bytes == pdf.bytes);
  CHECK(*again.bytes == *pdf.bytes);
  CHECK(again.fileName == pdf.fileName);
  // A new version: rendered again.
  f.saveNotes(id, first, "Mötet öppnades.");
  const auto saved = valueOf(f.minutes.pdf(f.manager, id));
  CHECK(saved.bytes != pdf.bytes);
  CHECK(*saved.bytes != *pdf.bytes);
  CHECK(valueOf(f.minutes.pdf(f.manager, id)).bytes == saved.bytes);
  // Submitted: the same version, another mark on its pages.
  valueOf(f.minutes.submit(f.secretary, id));
  const auto submitted = valueOf(f.minutes.pdf(f.manager, id));
  CHECK(submitted.bytes != saved.bytes);
  CHECK(valueOf(f.minutes.pdf(f.adjuster, id)).bytes == submitted.bytes);
}

TEST_CASE("minutes PDF: a kept file is never handed to someone who may not see the meeting",
          "[services][minutes][pdf]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  REQUIRE(valueOf(f.minutes.pdf(f.manager, id)).bytes);
  const auto other =
      f.accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"});
  REQUIRE(other);
  const auto stranger = f.person("olle", other->id, {"provider_rep"});
  CHECK(errorOf(f.minutes.pdf(stranger, id)).code == Errc::NotFound);
}

TEST_CASE("minutes PDF: not started minutes have no PDF", "[services][minutes][pdf]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto e = errorOf(f.minutes.pdf(f.manager, id));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::MinutesNotStarted);
}

}  // namespace SV_TEST_FILE
