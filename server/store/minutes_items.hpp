// The agenda items of each meeting's minutes with their number of observations (migration 022),
// kept so that the yearly summary counts observations per agenda item from SQLite instead of
// reading every protocol from git. One set of rows a meeting: the current version's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "minutes/annual_figures.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

// In the transaction that records `version` as the minutes' current version (start, save): the
// rows become those of `items`, whatever was there.
void recordMinutesItems(Writing& c, std::int64_t meetingId, const std::string& version,
                        const std::vector<minutes::AgendaItemFact>& items);

// For minutes saved before migration 022, their items read from git by the caller at `version`:
// written only while the minutes still have no recorded version (a save in between has recorded
// its own, newer items, which stay). True when written.
bool fillMinutesItems(Writing& c, std::int64_t meetingId, const std::string& version,
                      const std::vector<minutes::AgendaItemFact>& items);

// The version whose items are recorded; none when none are (or there are no minutes).
std::optional<std::string> recordedItemsVersion(Reading& c, std::int64_t meetingId);

}  // namespace sv::store
