// The yearly summary's observations per agenda item for minutes saved before migration 022 (issue
// 15). A save records its minutes' items in SQLite (store/minutes_items.hpp); older minutes have
// none, so the first summary that needs them reads each one's current version from git once and
// records its items, and every later summary counts them from SQLite like the rest.
#pragma once

#include <string>
#include <vector>

#include "server/store/annual.hpp"
#include "server/store/store.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct UnrecordedMinutes {
  store::AnnualMinutesRef at;
  std::string repository;
  std::string path;  // "meetings/12/minutes.json"
  std::string version;
};

// Inside the summary's read transaction: the current version of each of `facts`' minutes whose
// items are not recorded (a registered protocol's current version is its registered one).
std::vector<UnrecordedMinutes> locateUnrecordedMinutes(store::Reading& c,
                                                       const store::AnnualFacts& facts);

// After it: each one read from git and parsed, its items put into `facts` and recorded, all in one
// write transaction (rows a save recorded in between stay: they are of a newer version).
// Errors: the git read's (NotFound when the version's file is missing), the parse's (Malformed).
Status fillUnrecordedMinutes(store::Store& store, const std::vector<UnrecordedMinutes>& located,
                             store::AnnualFacts& facts);

}  // namespace sv::services
