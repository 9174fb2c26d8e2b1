// What every minutes page shows of its meeting and of a version: the protocol page, the edit
// form and the history (minutes_pages.cpp, minutes_edit_pages.cpp, minutes_history_pages.cpp) build
// on these.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "server/web/pages.hpp"

namespace sv::web {

// /moten/{id}/protokoll
std::string minutesPath(std::int64_t meetingId);

// The meeting's secretary or chair (of the authority), or the contract manager: who writes the
// minutes and handles the comments of a review.
bool writesMinutes(const store::Principal& p, const services::Meeting& m);

// The meeting's day in Swedish ("12 maj 2026").
std::string meetingDate(const services::Meeting& m);

// The contract and meeting, for the breadcrumbs and headings of every minutes page.
void addMeeting(Data& data, const services::Meeting& m, const services::Catalog& catalog);

struct VersionFacts {
  int number = 0;  // 1 for the first version
  std::string when;
  std::string author;
  std::string message;
};

// The facts of each version by its id, numbered from the first.
std::map<std::string, VersionFacts> versionFacts(
    const std::vector<store::DocumentVersion>& versions);

// A version as the templates show it: full and short id, number, when and by whom.
Data versionData(const std::string& version, const std::map<std::string, VersionFacts>& facts);

// The lines of a diff's summary ("Avsnitt 3 ändrat"), one per template row.
Data summaryData(const std::vector<std::string>& summary);

}  // namespace sv::web
