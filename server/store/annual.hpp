// The facts of an authority's year for the yearly summary to the committee (issue 15), read from
// SQLite into minutes::AnnualInput: each contract's meetings, minutes (the approvals that count,
// returns, notes of disagreement, registration), actions with their events, reports and cases, for
// the year and the year before it. Counting is minutes::computeAnnualFigures' alone; what a
// report's areas were assessed as lives in git, so the caller fills those from `reports`. The
// minutes' agenda items and observations come from the rows recorded at each save (migration
// 022); minutes saved before that have none, and the caller fills those from `unrecordedMinutes`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "minutes/annual_figures.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

// A report whose areas are read from its document: where it sits in the input.
struct AnnualReportRef {
  std::size_t contract = 0;  // index into input.contracts
  std::size_t report = 0;    // index into that contract's reports
  std::int64_t reportId = 0;
};

// Minutes whose agenda items are not recorded in SQLite yet: where they sit in the input.
struct AnnualMinutesRef {
  std::size_t contract = 0;  // index into input.contracts
  std::size_t minutes = 0;   // index into that contract's minutes
  std::int64_t meetingId = 0;
};

struct AnnualFacts {
  minutes::AnnualInput input;
  std::vector<AnnualReportRef> reports;
  std::vector<AnnualMinutesRef> unrecordedMinutes;
};

// The authority's contracts (only `providerId`'s when given), by title, with the facts between
// 1 January of the year before and 1 January of the year after (a day's margin either side for
// Swedish time; the counting decides the year), and every action still open at that start.
// None when there is no such authority.
std::optional<AnnualFacts> readAnnualFacts(Reading& c, std::int64_t authorityId,
                                           std::optional<std::int64_t> providerId, int year);

// The authority of the provider's first contract (by id); none without contracts.
std::optional<std::int64_t> firstAuthorityOfProvider(Reading& c, std::int64_t providerId);

}  // namespace sv::store
