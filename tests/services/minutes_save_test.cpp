// Saving the minutes (services/minutes_save.cpp) on a temporary store: a save is one pass from a
// minutes::Minutes; each refusal with its exact code and reason.
#include "minutes/edit.hpp"
#include "services/minutes_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::errorOf;
using test::MinutesFixture;
using test::valueOf;

TEST_CASE("minutes save: a change of the current version is a new version", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  auto doc = valueOf(f.minutes.get(f.secretary, id)).document;
  doc.sections.at(0).notes = "Mötet öppnades.";
  const auto saved = valueOf(f.minutes.save(f.secretary, id, "\"" + first + "\"", doc));
  REQUIRE(saved.saved);
  CHECK(saved.changed);
  CHECK_FALSE(saved.merged);
  CHECK(saved.saved->version != first);
  CHECK(valueOf(f.minutes.get(f.manager, id)).document.sections.at(0).notes == "Mötet öppnades.");
}

TEST_CASE("minutes save: the same minutes again make no new version", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  const auto doc = valueOf(f.minutes.get(f.secretary, id)).document;
  const auto saved = valueOf(f.minutes.save(f.secretary, id, first, doc));
  CHECK_FALSE(saved.changed);
  CHECK(saved.saved->version == first);
}

TEST_CASE("minutes save: a save from an older version merges other sections",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  f.saveNotes(id, first, "Mötet öppnades.");
  auto doc = valueOf(f.minutes.atVersion(f.secretary, id, first)).document;
  doc.sections.at(1).notes = "Något annat.";
  const auto saved = valueOf(f.minutes.save(f.secretary, id, first, doc));
  CHECK(saved.merged);
  REQUIRE(saved.saved);
  CHECK(saved.saved->document.sections.at(0).notes == "Mötet öppnades.");
  CHECK(saved.saved->document.sections.at(1).notes == "Något annat.");
}

TEST_CASE("minutes save: the same section changed on both sides is a conflict, not a save",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  const auto theirs = f.saveNotes(id, first, "Deras text.");
  auto doc = valueOf(f.minutes.atVersion(f.secretary, id, first)).document;
  doc.sections.at(0).notes = "Min text.";
  const auto saved = valueOf(f.minutes.save(f.secretary, id, first, doc));
  REQUIRE(saved.conflict);
  CHECK_FALSE(saved.saved);
  CHECK(saved.conflict->currentVersion == theirs);
}

TEST_CASE("minutes save: If-Match naming no version is refused", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  const auto doc = valueOf(f.minutes.get(f.secretary, id)).document;
  const auto e = errorOf(f.minutes.save(f.secretary, id, std::string(40, 'b'), doc));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::UnknownVersion);
}

TEST_CASE("minutes save: only the secretary, chair or contract manager changes the minutes",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  const auto doc = valueOf(f.minutes.get(f.adjuster, id)).document;
  const auto e = errorOf(f.minutes.save(f.adjuster, id, first, doc));
  CHECK(e.code == Errc::Forbidden);
  CHECK(e.reason == Reason::NotMinutesWriter);
}

TEST_CASE("minutes save: notes over the limit are too long, the limit in value",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  auto doc = valueOf(f.minutes.get(f.secretary, id)).document;
  doc.sections.at(0).notes = std::string(minutes::kMaxNotesBytes + 1, 'x');
  const auto e = errorOf(f.minutes.save(f.secretary, id, first, doc));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::TooLong);
  CHECK(e.value == std::to_string(minutes::kMaxNotesBytes));
  CHECK(e.field == "sections[0].notes");
}

TEST_CASE("minutes save: registered minutes never change again", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.approved(id);
  valueOf(f.minutes.registerMinutes(f.registrar, id));
  auto doc = valueOf(f.minutes.get(f.secretary, id)).document;
  doc.sections.at(0).notes = "Efteråt.";
  const auto e = errorOf(f.minutes.save(f.secretary, id, version, doc));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::DocumentRegistered);
}

TEST_CASE("minutes save: not started minutes are not found", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto e = errorOf(f.minutes.save(f.secretary, id, "", minutes::Minutes{}));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::MinutesNotStarted);
}

// Hardening issue, finding 5: the notes of the whole protocol are bounded, not only each §'s.
TEST_CASE("minutes save: notes of all sections over the protocol's bound change nothing",
          "[services][minutes][budget]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  auto doc = valueOf(f.minutes.get(f.secretary, id)).document;
  REQUIRE(doc.sections.size() >= 3);
  for (std::size_t i = 0; i < 3; ++i)
    doc.sections[i].notes = std::string(minutes::kMaxDocumentNotesBytes / 3 + 1, 'x');
  const auto e = errorOf(f.minutes.save(f.secretary, id, first, doc));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::NotesTooLong);
  CHECK(e.field == "sections[2].notes");
  CHECK(e.value == std::to_string(minutes::kMaxDocumentNotesBytes));
  CHECK(valueOf(f.minutes.get(f.secretary, id)).version == first);
  CHECK(valueOf(f.minutes.versions(f.secretary, id)).size() == 1);
}

TEST_CASE("minutes save: a merge of two saves within the bound that goes over it is refused",
          "[services][minutes][budget]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  const auto base = valueOf(f.minutes.get(f.secretary, id)).document;
  REQUIRE(base.sections.size() >= 4);
  // Each save alone is 130 000 bytes of notes, in sections of its own: they merge cleanly.
  auto mine = base;
  mine.sections[0].notes = std::string(minutes::kMaxNotesBytes, 'a');
  mine.sections[1].notes = std::string(30'000, 'b');
  auto theirs = base;
  theirs.sections[2].notes = std::string(minutes::kMaxNotesBytes, 'c');
  theirs.sections[3].notes = std::string(30'000, 'd');
  REQUIRE(2 * (minutes::kMaxNotesBytes + 30'000) > minutes::kMaxDocumentNotesBytes);
  const auto saved = valueOf(f.minutes.save(f.secretary, id, first, mine));
  REQUIRE(saved.saved);
  const auto e = errorOf(f.minutes.save(f.secretary, id, first, theirs));
  CHECK(e.reason == Reason::NotesTooLong);
  CHECK(valueOf(f.minutes.get(f.secretary, id)).version == saved.saved->version);
}

}  // namespace SV_TEST_FILE
