#include <catch2/catch.hpp>

#include "agenda/holidays.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using sv::agenda::testing::date;

TEST_CASE("Easter Sunday follows the Gregorian computus", "[agenda]") {
  const std::pair<int, const char*> cases[] = {
      {2000, "2000-04-23"}, {2019, "2019-04-21"}, {2024, "2024-03-31"}, {2025, "2025-04-20"},
      {2026, "2026-04-05"}, {2027, "2027-03-28"}, {2038, "2038-04-25"}, {2285, "2285-03-22"},
  };
  for (const auto& [year, expected] : cases) {
    INFO(year);
    CHECK(formatDate(easterSunday(year)) == expected);
  }
}

TEST_CASE("Swedish holidays of 2026", "[agenda]") {
  const char* holidays[] = {
      "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01",
      "2026-05-14", "2026-05-24", "2026-06-06", "2026-06-19", "2026-06-20", "2026-10-31",
      "2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31",
  };
  for (const char* day : holidays) {
    INFO(day);
    CHECK(isSwedishHoliday(date(day)));
  }
  const char* workdays[] = {"2026-01-02", "2026-01-07", "2026-04-02", "2026-04-07",
                            "2026-05-13", "2026-06-18", "2026-06-26", "2026-11-01",
                            "2026-12-23", "2026-12-30", "2026-03-12"};
  for (const char* day : workdays) {
    INFO(day);
    CHECK_FALSE(isSwedishHoliday(date(day)));
  }
}

TEST_CASE("moving holidays follow their weekday rule", "[agenda]") {
  // Midsommarafton is the Friday from 19 to 25 June; alla helgons dag the Saturday from
  // 31 October to 6 November.
  CHECK(isSwedishHoliday(date("2025-06-20")));
  CHECK(isSwedishHoliday(date("2025-06-21")));
  CHECK_FALSE(isSwedishHoliday(date("2025-06-19")));
  CHECK(isSwedishHoliday(date("2025-11-01")));
  CHECK(isSwedishHoliday(date("2027-06-25")));
  CHECK(isSwedishHoliday(date("2027-11-06")));
}

}  // namespace SV_TEST_FILE
