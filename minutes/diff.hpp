// What changed between two versions of the minutes, per section, in words a person reads:
// for the version history, the diff view and the git commit message.
#pragma once

#include <string>
#include <vector>

#include "minutes/minutes.hpp"

namespace sv::minutes {

enum class ChangeUnit {
  Header,         // the meeting's facts ("Mötesuppgifter")
  Attendance,     // "Närvaro"
  Section,        // one §
  Signatures,     // "Justering"
  Registration,   // the registry number
  Disagreements,  // "Reservationer"
};

// Items are matched by id (observations, actions, decisions), by action id (evaluations) or by
// name and party (attendees). `changed` counts matched items whose content differs; `reordered`
// says the matched items are in another order.
struct ItemChanges {
  int added = 0;
  int removed = 0;
  int changed = 0;
  bool reordered = false;
  bool any() const { return added != 0 || removed != 0 || changed != 0 || reordered; }
  bool operator==(const ItemChanges&) const = default;
};

struct SectionChange {
  ChangeUnit unit = ChangeUnit::Section;
  int number = 0;     // the § number (in `to`, or in `from` for a removed section); 0 otherwise
  std::string key;    // the agenda key for a Section; "" otherwise
  std::string title;  // the section's title, or "Närvaro", "Mötesuppgifter", "Justering",
                      // "Diarienummer", "Reservationer"
  bool sectionAdded = false;    // only in `to`
  bool sectionRemoved = false;  // only in `from`
  bool notesChanged = false;
  ItemChanges observations, actions, decisions, evaluations;
  ItemChanges attendees;  // for Attendance
  // One line in Swedish, e.g. "§ 6 Förvaltningens uppföljning: anteckningar ändrade,
  // 1 iakttagelse tillagd", "Närvaro: 1 deltagare ändrad", "Justering ändrad".
  std::string text;
  bool operator==(const SectionChange&) const = default;
};

// One entry per changed unit, in document order: header, attendance, sections (matched by key,
// in the order of `to`, removed ones after), signatures, registration, disagreements.
// Empty when nothing changed.
std::vector<SectionChange> summarizeChanges(const Minutes& from, const Minutes& to);

// A one-line commit message: "Protokoll: § 6 ändrad, § 7 ändrad", with "närvaro ändrad",
// "mötesuppgifter ändrade", "justering ändrad", "diarienummer ändrat", "reservationer ändrade",
// "§ n tillagd"/"§ n borttagen" as they apply; "Protokoll: inga ändringar" when nothing changed.
// (A first version has nothing to compare with; its message is the caller's, e.g. "Protokoll
// skapat".)
std::string describeChanges(const Minutes& from, const Minutes& to);

}  // namespace sv::minutes
