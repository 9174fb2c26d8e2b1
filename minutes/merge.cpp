#include "minutes/merge.hpp"

#include <algorithm>
#include <set>

#include "minutes/ids.hpp"
#include "minutes/part_merge.hpp"
#include "minutes/render_markdown.hpp"

namespace sv::minutes {
namespace {

constexpr std::string_view kAttendanceTitle = "Närvaro";
constexpr std::string_view kMinutesTitle = "Protokoll";

bool sameSections(const Minutes& a, const Minutes& b) {
  return detail::sameParts(a.sections, b.sections, [](const Section& s) { return s.key; });
}

using detail::pickSide;
using detail::Side;

// Ids taken from `mine` that clash with ids from `theirs` (or with each other) get new numbers.
void renumberSectionClashes(Minutes& merged, const std::vector<bool>& fromMine) {
  for (const char prefix :
       {detail::kObservationPrefix, detail::kActionPrefix, detail::kDecisionPrefix}) {
    long next = detail::highestId(merged, prefix);
    std::set<std::string> used;
    for (std::size_t i = 0; i < merged.sections.size(); ++i)
      if (!fromMine[i])
        detail::forEachId(merged.sections[i], prefix,
                          [&](const std::string& id) { used.insert(id); });
    for (std::size_t i = 0; i < merged.sections.size(); ++i)
      if (fromMine[i])
        detail::forEachId(merged.sections[i], prefix, [&](std::string& id) {
          if (!used.insert(id).second) {
            id = detail::makeId(prefix, ++next);
            used.insert(id);
          }
        });
  }
}

}  // namespace

MergeOutcome mergeMinutes(const Minutes& base, const Minutes& theirs, const Minutes& mine) {
  MergeOutcome outcome;
  if (!sameSections(base, theirs) || !sameSections(base, mine)) {
    outcome.conflicts.push_back(MergeConflict{MergeUnit::Document, 0, "",
                                              std::string(kMinutesTitle), renderMarkdown(theirs),
                                              renderMarkdown(mine)});
    return outcome;
  }

  Minutes merged = theirs;
  switch (pickSide(base.attendance, theirs.attendance, mine.attendance)) {
    case Side::Theirs:
      break;
    case Side::Mine:
      merged.attendance = mine.attendance;
      break;
    case Side::Conflict:
      outcome.conflicts.push_back(
          MergeConflict{MergeUnit::Attendance, 0, "", std::string(kAttendanceTitle),
                        renderAttendanceMarkdown(theirs), renderAttendanceMarkdown(mine)});
  }

  auto parts = detail::mergeParts(base.sections, theirs.sections, mine.sections);
  for (const std::size_t i : parts.conflicting) {
    const Section& t = theirs.sections[i];
    outcome.conflicts.push_back(MergeConflict{MergeUnit::Section, t.number, t.key, t.title,
                                              renderSectionMarkdown(t),
                                              renderSectionMarkdown(mine.sections[i])});
  }
  merged.sections = std::move(parts.merged);
  const std::vector<bool>& fromMine = parts.fromMine;
  if (!outcome.conflicts.empty()) return outcome;

  renumberSectionClashes(merged, fromMine);
  outcome.merged = std::move(merged);
  return outcome;
}

}  // namespace sv::minutes
