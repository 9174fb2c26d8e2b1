#include <algorithm>
#include <set>

#include "minutes/part_merge.hpp"
#include "minutes/report.hpp"

namespace sv::minutes {

namespace {

constexpr std::string_view kOverviewTitle = "Metod och besök";
constexpr std::string_view kReportTitle = "Rapport";

struct Overview {
  const std::string& method;
  const std::vector<Visit>& visits;
  bool operator==(const Overview& o) const { return method == o.method && visits == o.visits; }
};

Overview overviewOf(const FollowUpReport& r) {
  return Overview{r.method, r.visits};
}

// Improvements taken from `mine` whose ids clash with ids kept from `theirs` (both sides added
// one in different areas) get numbers above every id in use.
void renumberAreaClashes(FollowUpReport& merged, const std::vector<bool>& fromMine) {
  std::set<std::string> used;
  long next = 0;
  for (const auto& area : merged.areas)
    for (const auto& i : area.improvements) next = std::max(next, improvementNumber(i.id));
  for (std::size_t a = 0; a < merged.areas.size(); ++a)
    if (!fromMine[a])
      for (const auto& i : merged.areas[a].improvements) used.insert(i.id);
  for (std::size_t a = 0; a < merged.areas.size(); ++a)
    if (fromMine[a])
      for (auto& i : merged.areas[a].improvements)
        if (!used.insert(i.id).second) {
          i.id = "i" + std::to_string(++next);
          used.insert(i.id);
        }
}

}  // namespace

ReportMergeOutcome mergeReports(const FollowUpReport& base, const FollowUpReport& theirs,
                                const FollowUpReport& mine) {
  ReportMergeOutcome outcome;
  const auto keyOf = [](const ReportArea& a) -> const std::string& { return a.key; };
  if (!detail::sameParts(base.areas, theirs.areas, keyOf) ||
      !detail::sameParts(base.areas, mine.areas, keyOf)) {
    outcome.conflicts.push_back(
        ReportMergeConflict{ReportMergeUnit::Document, "", std::string(kReportTitle),
                            renderReportMarkdown(theirs), renderReportMarkdown(mine)});
    return outcome;
  }
  FollowUpReport merged = theirs;
  switch (detail::pickSide(overviewOf(base), overviewOf(theirs), overviewOf(mine))) {
    case detail::Side::Theirs:
      break;
    case detail::Side::Mine:
      merged.method = mine.method;
      merged.visits = mine.visits;
      break;
    case detail::Side::Conflict:
      outcome.conflicts.push_back(
          ReportMergeConflict{ReportMergeUnit::Overview, "", std::string(kOverviewTitle),
                              renderOverviewMarkdown(theirs), renderOverviewMarkdown(mine)});
  }
  auto parts = detail::mergeParts(base.areas, theirs.areas, mine.areas);
  for (const std::size_t i : parts.conflicting)
    outcome.conflicts.push_back(ReportMergeConflict{
        ReportMergeUnit::Area, theirs.areas[i].key, theirs.areas[i].title,
        renderAreaMarkdown(theirs.areas[i]), renderAreaMarkdown(mine.areas[i])});
  if (!outcome.conflicts.empty()) return outcome;
  merged.areas = std::move(parts.merged);
  renumberAreaClashes(merged, parts.fromMine);
  outcome.merged = std::move(merged);
  return outcome;
}

}  // namespace sv::minutes
