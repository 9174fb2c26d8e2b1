// Minutes of a realistic meeting for the tests of the minutes module.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "minutes/edit.hpp"
#include "minutes/minutes.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes::test {

// How many times `part` stands in `text` (overlapping ones too).
inline std::size_t occurrences(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

inline Date date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// 2026-03-12 kl. 13.00 in Stockholm (12:00 UTC).
inline TimePoint meetingStart() {
  return fromStockholm(date(2026, 3, 12), std::chrono::hours{13});
}

inline MinutesHeader sampleHeader() {
  return MinutesHeader{
      .meetingId = 42,
      .contractTitle = "Hemtjänst Östermalm",
      .contractReference = "SDN 2025/0042",
      .authorityName = "Östermalms stadsdelsförvaltning",
      .providerName = "Omsorg i Norr AB",
      .startsAt = meetingStart(),
      .location = "Karlavägen 104, sal Ängen",
  };
}

inline std::vector<Attendee> sampleAttendance() {
  return {
      {"Anna Berg", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Chair, true},
      {"Bo Ek", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Adjuster, true},
      {"Cecilia Dahl", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Secretary, true},
      {"Per Persson", "Omsorg i Norr AB", Party::Provider, Role::Adjuster, true},
      {"Lisa Ström", "Omsorg i Norr AB", Party::Provider, Role::Participant, false},
  };
}

// Six agenda items; § 4 follows up two actions from the previous meeting.
inline Minutes freshMinutes() {
  std::vector<SectionSeed> seeds = {
      {"opening", "Mötets öppnande", {}},
      {"previous_minutes", "Föregående protokoll", {}},
      {"authority_follow_up", "Förvaltningens uppföljning", {}},
      {"action_follow_up",
       "Uppföljning av åtgärder",
       {
           {17, "Ta fram en rutin för läkemedelshantering", Party::Provider, "Per Persson",
            date(2026, 1, 31), "Protokoll 2025-12-10, § 3"},
           {18, "Utbilda personalen i dokumentation", Party::Provider, "", date(2026, 2, 28),
            "Protokoll 2025-12-10, § 3"},
       }},
      {"other", "Övriga frågor", {}},
      {"closing", "Mötets avslutande", {}},
  };
  return createMinutes(sampleHeader(), sampleAttendance(), std::move(seeds));
}

// The fresh minutes after a secretary's first save.
inline Minutes editedMinutes() {
  Minutes m = freshMinutes();
  m.sections[0].notes = "Ordföranden öppnade mötet och hälsade alla välkomna.";
  Section& followUp = m.sections[2];
  followUp.notes =
      "Förvaltningen har granskat **genomförandeplaner** för tio brukare.\n\n"
      "- Tre saknade aktuell uppföljning\n- Två saknade brukarens underskrift\n";
  followUp.observations = {
      {"", "Genomförandeplanerna följs inte upp var sjätte månad."},
      {"", "Avvikelser rapporteras men analyseras sällan."},
  };
  followUp.actions = {
      {"", "Se över alla genomförandeplaner", Party::Provider, "Per Persson", date(2026, 5, 31)},
      {"", "Återkoppla resultatet av granskningen", Party::Authority, "Anna Berg",
       date(2026, 4, 15)},
  };
  followUp.decisions = {{"", "Nästa uppföljning sker vid mötet i juni."}};
  Section& actions = m.sections[3];
  actions.evaluations[0].outcome = Outcome::Accepted;
  actions.evaluations[0].comment = "Rutinen är införd och känd av personalen.";
  actions.evaluations[1].outcome = Outcome::Insufficient;
  actions.evaluations[1].comment = "Hälften av personalen har gått utbildningen.";
  actions.evaluations[1].newDueDate = date(2026, 4, 30);
  auto result = applyEdit(freshMinutes(), m);
  REQUIRE(result);
  return *result;
}

inline std::string replaceOnce(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

}  // namespace sv::minutes::test
