#include "minutes/merge.hpp"

#include <algorithm>
#include <set>

#include "minutes/ids.hpp"
#include "minutes/render_markdown.hpp"

namespace sv::minutes {
namespace {

constexpr std::string_view kAttendanceTitle = "Närvaro";
constexpr std::string_view kDocumentTitle = "Protokoll";

bool sameSections(const Minutes& a, const Minutes& b) {
  return std::equal(a.sections.begin(), a.sections.end(), b.sections.begin(), b.sections.end(),
                    [](const Section& x, const Section& y) { return x.key == y.key; });
}

enum class Side { Theirs, Mine, Conflict };

// Which side a unit comes from; Theirs also when neither or both changed it alike.
template <class T>
Side pick(const T& base, const T& theirs, const T& mine) {
  if (mine == base || mine == theirs) return Side::Theirs;
  if (theirs == base) return Side::Mine;
  return Side::Conflict;
}

// Ids taken from `mine` that clash with ids from `theirs` (or with each other) get new numbers.
void renumberClashes(Minutes& merged, const std::vector<bool>& fromMine) {
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
                                              std::string(kDocumentTitle), renderMarkdown(theirs),
                                              renderMarkdown(mine)});
    return outcome;
  }

  Minutes merged = theirs;
  switch (pick(base.attendance, theirs.attendance, mine.attendance)) {
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

  std::vector<bool> fromMine(merged.sections.size(), false);
  for (std::size_t i = 0; i < merged.sections.size(); ++i) {
    const Section& t = theirs.sections[i];
    const Section& m = mine.sections[i];
    switch (pick(base.sections[i], t, m)) {
      case Side::Theirs:
        break;
      case Side::Mine:
        merged.sections[i] = m;
        fromMine[i] = true;
        break;
      case Side::Conflict:
        outcome.conflicts.push_back(MergeConflict{MergeUnit::Section, t.number, t.key, t.title,
                                                  renderSectionMarkdown(t),
                                                  renderSectionMarkdown(m)});
    }
  }
  if (!outcome.conflicts.empty()) return outcome;

  renumberClashes(merged, fromMine);
  outcome.merged = std::move(merged);
  return outcome;
}

}  // namespace sv::minutes
