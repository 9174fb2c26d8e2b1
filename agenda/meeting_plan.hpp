// The meeting year: when a contract's samverkansmöten fall in a calendar year.
//
// The year is cut into `meetingsPerYear` periods of whole months, as even as whole months allow
// (4 → Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec; 5 → 2, 2, 3, 2, 3 months). Each meeting is put in the
// middle month of its period (the earlier of the two middle months when the period has an even
// number of months: quarterly gives Feb, May, Aug, Nov; twice a year Mar and Sep; once a year
// June), on the `weekInMonth`-th `weekday` of that month at `startTime` Swedish time.
// A date on a Swedish holiday moves one week later (or, if that leaves the period, one week
// earlier), until it is a working day.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "workflows/clock.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::agenda {

struct PlanRule {
  std::chrono::weekday weekday = std::chrono::Tuesday;
  int weekInMonth = 2;  // 1..4: the first to fourth such weekday of the month; 5: the last one
  std::chrono::minutes startTime{13 * 60};  // Swedish wall-clock time, minutes after midnight
  std::chrono::minutes duration{120};
};

struct PlannedMeeting {
  int slot;            // 1..meetingsPerYear, the period's number: the store's idempotency key
  Date date;           // the Swedish calendar date
  TimePoint startsAt;  // UTC
  TimePoint endsAt;    // UTC, startsAt + duration
};

// Meetings inside the contract period only: one whose date is before contractStart or after
// contractEnd is left out, and the others keep their slot numbers, so planning the same year
// twice yields the same slots.
// Errors (all Errc::Invalid, field in brackets): OutOfRange for a year outside 1900..2999
// ["year", value the year], meetingsPerYear outside 1..12 ["meetings_per_year"] and a bad rule:
// weekInMonth outside 1..5 ["week_in_month"], weekday not valid ["weekday"], startTime outside
// 00:00..23:59 ["start_time"], duration outside 1..1440 minutes ["duration"]; NotADate for a
// period day that does not exist ["starts_on"]; EndsBeforeStart ["ends_on"].
Result<std::vector<PlannedMeeting>> planYear(int year, int meetingsPerYear, Date contractStart,
                                             std::optional<Date> contractEnd, const PlanRule& rule);

}  // namespace sv::agenda
