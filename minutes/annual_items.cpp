#include "minutes/annual_items.hpp"

#include <algorithm>

namespace sv::minutes {

std::vector<AgendaItemFact> agendaItemsOf(const Minutes& m) {
  std::vector<AgendaItemFact> out;
  out.reserve(m.sections.size());
  for (const Section& s : m.sections)
    out.push_back({s.key, s.title, static_cast<int>(s.observations.size())});
  return out;
}

std::vector<ItemObservationRow> observationRows(const PeriodFigures& figures) {
  const auto& now = figures.current.observations;
  const auto& before = figures.previous.observations;
  auto find = [](const std::vector<ItemObservations>& items, const std::string& key) {
    const auto at =
        std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.key == key; });
    return at == items.end() ? nullptr : &*at;
  };
  std::vector<ItemObservationRow> out;
  for (const ItemObservations& i : now) {
    const auto* old = find(before, i.key);
    out.push_back({i.key, i.title, i.minutes, i.observations,
                   old ? std::optional(old->observations) : std::nullopt});
  }
  for (const ItemObservations& i : before)
    if (!find(now, i.key))
      out.push_back({i.key, i.title, std::nullopt, std::nullopt, i.observations});
  return out;
}

}  // namespace sv::minutes
