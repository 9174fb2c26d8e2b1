// Three-way merge of two edits of the same minutes, for a save whose If-Match names an older
// version than the current one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/minutes.hpp"

namespace sv::minutes {

enum class MergeUnit {
  Section,     // one § of the protocol
  Attendance,  // the attendance list, as one unit ("Närvaro")
  Document,    // the sections themselves differ (not the same agenda): nothing can be merged
};

struct MergeConflict {
  MergeUnit unit = MergeUnit::Section;
  int sectionNumber = 0;  // the § number; 0 unless unit is Section
  std::string key;        // the section's agenda key; "" unless unit is Section
  std::string title;      // the section's title, "Närvaro", or "Protokoll" for Document
  std::string theirs;     // that unit of `theirs` as Markdown (renderSectionMarkdown,
  std::string mine;       // renderAttendanceMarkdown, or renderMarkdown for Document)
  bool operator==(const MergeConflict&) const = default;
};

struct MergeOutcome {
  std::optional<Minutes> merged;         // set if and only if there is no conflict
  std::vector<MergeConflict> conflicts;  // in document order: attendance first, then by §
  bool clean() const { return conflicts.empty(); }
};

// `base` is the version both edits started from, `theirs` the current version (saved by someone
// else meanwhile), `mine` the new edit (already through applyEdit against `base`). Units are the
// attendance list and each section: a unit changed (compared to base) on one side only is taken
// from that side, one changed identically on both sides is taken once, one changed differently
// on both sides is a conflict. The header, signatures, disagreements and registry number are
// taken from `theirs`. If both sides added items in different sections and gave them the same id,
// the ones from `mine` get new ids above every id in use. If the three do not have the same
// sections (keys, in order), the outcome is a single Document conflict.
MergeOutcome mergeMinutes(const Minutes& base, const Minutes& theirs, const Minutes& mine);

}  // namespace sv::minutes
