// The changes between two versions of the minutes as a person reviews them, per § in Swedish:
// the notes word by word, observations, actions, decisions and follow-ups as rows added, removed
// or changed, the meeting's time and place in sentences, attendance as rows. Built on the same
// matching as diff.hpp (sections by agenda key, items by id, attendees by party and name); the
// diff page renders it, git's own patch stays for the API and plain git.
#pragma once

#include <string>
#include <vector>

#include "minutes/diff.hpp"
#include "minutes/minutes.hpp"
#include "minutes/word_diff.hpp"

namespace sv::minutes {

enum class RowChange { Added, Removed, Changed };
enum class ItemKind { Observation, Action, Decision, Evaluation, Attendee };

// One item of a list that changed. `text` is the item in words as it is in the new version (as it
// was, for a removed one), e.g. "Ta fram rutin (ansvarig: Utföraren, Eva Ek; klart senast
// 2026-06-30)"; `words` compares those words between the versions (all Added or all Removed for an
// added or removed item).
struct ItemRow {
  ItemKind kind = ItemKind::Observation;
  RowChange change = RowChange::Changed;
  std::string text;
  std::vector<WordRun> words;
  bool operator==(const ItemRow&) const = default;
};

struct SectionDiff {
  int number = 0;        // in the new version, or in the old one for a removed §
  std::string title;     // likewise
  std::string oldTitle;  // the title before, when it changed; "" otherwise
  bool sectionAdded = false;
  bool sectionRemoved = false;
  bool notesChanged = false;
  std::vector<WordRun> notes;  // the notes (Markdown source) word by word, when they changed
  std::vector<ItemRow> rows;   // observations, actions, decisions, follow-ups, in that order
  bool operator==(const SectionDiff&) const = default;
};

struct ReadableDiff {
  // One sentence per changed fact of the meeting, e.g. "Platsen ändrades från Stadshuset till
  // Linnégården." or "Tiden ändrades från 2027-02-09 kl. 13.00 till 2027-02-16 kl. 13.00."
  std::vector<std::string> header;
  std::vector<ItemRow> attendance;    // kind Attendee
  std::vector<SectionDiff> sections;  // in the order of the new version, removed ones after
  // The lines of summarizeChanges for the signatures, the registry number and the reservations.
  std::vector<std::string> other;
  bool empty() const {
    return header.empty() && attendance.empty() && sections.empty() && other.empty();
  }
  bool operator==(const ReadableDiff&) const = default;
};

ReadableDiff compareForReading(const Minutes& from, const Minutes& to);

}  // namespace sv::minutes
