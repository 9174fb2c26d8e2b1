// The agenda items (§§) of a protocol as the yearly summary counts them (issue 15: observations
// per agenda item): each section's key and title with the number of the administration's
// observations recorded under it, in the protocol's order. Every section is there, also one
// without observations, because the summary also counts the minutes that had the item.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/annual_figures.hpp"
#include "minutes/minutes.hpp"

namespace sv::minutes {

std::vector<AgendaItemFact> agendaItemsOf(const Minutes& m);

// A row of the observations table of the page and the PDF: an agenda item with this year's
// minutes and observations and last year's observations, none for a year without the item.
struct ItemObservationRow {
  std::string key;
  std::string title;
  std::optional<int> minutes;
  std::optional<int> observations;
  std::optional<int> previousObservations;
  bool operator==(const ItemObservationRow&) const = default;
};

// This year's items in their order, then last year's items that this year did not have.
std::vector<ItemObservationRow> observationRows(const PeriodFigures& figures);

}  // namespace sv::minutes
