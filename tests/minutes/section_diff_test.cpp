#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "minutes/section_diff.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;

namespace {

bool hasRun(const std::vector<WordRun>& runs, WordChange change, std::string_view text) {
  for (const auto& r : runs)
    if (r.change == change && r.text.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a changed § shows its notes word by word and its items as rows",
          "[minutes][section_diff]") {
  const Minutes from = test::editedMinutes();
  Minutes to = from;
  Section& s = to.sections[2];
  s.notes = test::replaceOnce(s.notes, "tio brukare", "tolv brukare");
  s.observations.push_back({"o9", "Ny iakttagelse om larm."});
  s.observations.erase(s.observations.begin());
  s.actions[0].dueDate = date(2026, 6, 30);

  const auto diff = compareForReading(from, to);
  CHECK(diff.header.empty());
  CHECK(diff.attendance.empty());
  REQUIRE(diff.sections.size() == 1);
  const SectionDiff& d = diff.sections[0];
  CHECK(d.number == 3);
  CHECK(d.title == "Förvaltningens uppföljning");
  CHECK(d.notesChanged);
  CHECK(hasRun(d.notes, WordChange::Removed, "tio"));
  CHECK(hasRun(d.notes, WordChange::Added, "tolv"));
  CHECK(hasRun(d.notes, WordChange::Same, "**genomförandeplaner**"));
  REQUIRE(d.rows.size() == 3);
  CHECK(d.rows[0].kind == ItemKind::Observation);
  CHECK(d.rows[0].change == RowChange::Added);
  CHECK(d.rows[0].text == "Ny iakttagelse om larm.");
  CHECK(d.rows[1].kind == ItemKind::Observation);
  CHECK(d.rows[1].change == RowChange::Removed);
  CHECK(d.rows[1].text == "Genomförandeplanerna följs inte upp var sjätte månad.");
  CHECK(d.rows[2].kind == ItemKind::Action);
  CHECK(d.rows[2].change == RowChange::Changed);
  CHECK(hasRun(d.rows[2].words, WordChange::Removed, "2026-05-31"));
  CHECK(hasRun(d.rows[2].words, WordChange::Added, "2026-06-30"));
  CHECK(hasRun(d.rows[2].words, WordChange::Same, "Se över alla genomförandeplaner"));
}

TEST_CASE("time, place and attendance changes are told in words", "[minutes][section_diff]") {
  const Minutes from = test::editedMinutes();
  Minutes to = from;
  to.header.location = "Linnégården, samlingsrummet";
  to.header.startsAt = from.header.startsAt + std::chrono::days{7};
  to.attendance[4].present = true;
  to.attendance.push_back(
      {"Maja MAS", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Participant, true});

  const auto diff = compareForReading(from, to);
  REQUIRE(diff.header.size() == 2);
  CHECK(diff.header[0] == "Tiden ändrades från 2026-03-12 kl. 13.00 till 2026-03-19 kl. 13.00.");
  CHECK(diff.header[1] ==
        "Platsen ändrades från Karlavägen 104, sal Ängen till Linnégården, samlingsrummet.");
  REQUIRE(diff.attendance.size() == 2);
  CHECK(diff.attendance[0].change == RowChange::Changed);
  CHECK(hasRun(diff.attendance[0].words, WordChange::Removed, "frånvarande"));
  CHECK(hasRun(diff.attendance[0].words, WordChange::Added, "närvarande"));
  CHECK(diff.attendance[1].change == RowChange::Added);
  CHECK(diff.attendance[1].text.starts_with("Maja MAS"));
  CHECK(diff.sections.empty());
}

TEST_CASE("equal versions compare as empty, an added § lists all it holds",
          "[minutes][section_diff]") {
  const Minutes m = test::editedMinutes();
  CHECK(compareForReading(m, m).empty());
  Minutes fewer = m;
  fewer.sections.erase(fewer.sections.begin() + 2);
  const auto diff = compareForReading(fewer, m);
  REQUIRE(diff.sections.size() == 1);
  CHECK(diff.sections[0].sectionAdded);
  CHECK(diff.sections[0].number == 3);
  CHECK(hasRun(diff.sections[0].notes, WordChange::Added, "genomförandeplaner"));
  CHECK(diff.sections[0].rows.size() == 5);
  for (const auto& r : diff.sections[0].rows) CHECK(r.change == RowChange::Added);
}

}  // namespace SV_TEST_FILE
