// Sweden's civil time and the date formats people read. Instants are kept in UTC everywhere;
// they become Swedish wall-clock time only when shown ("2026-03-12 kl. 13.00") or when a person
// gives one. libstdc++ 12 has no time-zone database, and Sweden follows the EU rule (CET, with
// CEST from the last Sunday of March to the last Sunday of October, switching at 01:00 UTC), so
// the rule is written out here.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv {

using Date = std::chrono::year_month_day;

struct LocalDateTime {
  Date date;
  std::chrono::minutes timeOfDay;  // minutes since local midnight
};

// The offset of Swedish time from UTC at an instant: 60 or 120 minutes.
std::chrono::minutes stockholmOffset(TimePoint utc);

LocalDateTime toStockholm(TimePoint utc);

// A wall-clock time in Sweden to an instant. In the hour that happens twice in October the first
// (summer-time) one is taken; a time in the missing hour of March is read as winter time.
TimePoint fromStockholm(Date date, std::chrono::minutes timeOfDay);

std::string formatDate(Date d);                  // 2026-03-12
std::string formatSwedishDateTime(TimePoint t);  // 2026-03-12 kl. 13.00
std::string formatSwedishTime(TimePoint t);      // 13.00
std::string formatIsoUtc(TimePoint t);           // 2026-03-12T12:00:00Z

// 2026-03-12; a date that does not exist (2026-02-30), or lies outside 1900-2199, is refused.
Result<Date> parseDate(std::string_view text);
// 2026-03-12T13:00:00Z, 2026-03-12T13:00:00+01:00, or 2026-03-12T13:00 read as Swedish time.
Result<TimePoint> parseDateTime(std::string_view text);

Date dateOf(TimePoint utc);  // the UTC calendar date, for storage keys
TimePoint startOfDayUtc(Date d);

}  // namespace sv
