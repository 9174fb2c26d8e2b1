#include <catch2/catch.hpp>

#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace std::chrono;

namespace {

TimePoint utc(const char* iso) {
  auto t = parseDateTime(iso);
  INFO(iso);
  REQUIRE(t);
  return *t;
}

Date localDate(const char* iso) {
  auto d = parseDate(iso);
  REQUIRE(d);
  return *d;
}

}  // namespace

TEST_CASE("Swedish time switches at 01:00 UTC on the last Sundays of March and October",
          "[workflows][time]") {
  struct Case {
    const char* instant;
    int offsetMinutes;
  };
  const Case cases[] = {
      {"2026-01-15T12:00:00Z", 60},  {"2026-07-15T12:00:00Z", 120}, {"2026-03-29T00:59:59Z", 60},
      {"2026-03-29T01:00:00Z", 120}, {"2026-10-25T00:59:59Z", 120}, {"2026-10-25T01:00:00Z", 60},
      {"2025-03-30T00:59:59Z", 60},  {"2025-03-30T01:00:00Z", 120}, {"2025-10-26T00:59:59Z", 120},
      {"2025-10-26T01:00:00Z", 60},
  };
  for (const auto& c : cases) {
    INFO(c.instant);
    CHECK(stockholmOffset(utc(c.instant)) == minutes{c.offsetMinutes});
  }
}

TEST_CASE("UTC instants become Swedish wall-clock time", "[workflows][time]") {
  struct Case {
    const char* instant;
    const char* shown;
  };
  const Case cases[] = {
      {"2026-03-12T12:00:00Z", "2026-03-12 kl. 13.00"},
      {"2026-07-14T11:00:00Z", "2026-07-14 kl. 13.00"},
      {"2026-03-29T00:59:00Z", "2026-03-29 kl. 01.59"},
      {"2026-03-29T01:00:00Z", "2026-03-29 kl. 03.00"},  // 02.00 to 02.59 do not exist
      {"2026-10-25T00:30:00Z", "2026-10-25 kl. 02.30"},  // the first 02.30
      {"2026-10-25T01:30:00Z", "2026-10-25 kl. 02.30"},  // the second 02.30
      {"2026-10-25T02:00:00Z", "2026-10-25 kl. 03.00"},
      {"2026-12-31T23:30:00Z", "2027-01-01 kl. 00.30"},
      {"2026-06-30T22:15:00Z", "2026-07-01 kl. 00.15"},
  };
  for (const auto& c : cases) {
    INFO(c.instant);
    CHECK(formatSwedishDateTime(utc(c.instant)) == c.shown);
  }
  const LocalDateTime local = toStockholm(utc("2026-03-29T01:00:00Z"));
  CHECK(local.date == localDate("2026-03-29"));
  CHECK(local.timeOfDay == hours{3});
}

TEST_CASE("Swedish wall-clock time becomes UTC, also on the switch days", "[workflows][time]") {
  struct Case {
    const char* date;
    int hour;
    int minute;
    const char* instant;
  };
  const Case cases[] = {
      {"2026-01-13", 13, 0, "2026-01-13T12:00:00Z"},
      {"2026-07-14", 13, 0, "2026-07-14T11:00:00Z"},
      {"2026-03-29", 1, 59, "2026-03-29T00:59:00Z"},
      {"2026-03-29", 2, 30, "2026-03-29T01:30:00Z"},  // missing hour, read as winter time
      {"2026-03-29", 3, 0, "2026-03-29T01:00:00Z"},
      {"2026-03-29", 13, 0, "2026-03-29T11:00:00Z"},
      {"2026-10-25", 2, 0, "2026-10-25T00:00:00Z"},  // twice that night: the first is taken
      {"2026-10-25", 2, 30, "2026-10-25T00:30:00Z"},
      {"2026-10-25", 3, 0, "2026-10-25T02:00:00Z"},
      {"2026-10-25", 13, 0, "2026-10-25T12:00:00Z"},
      {"2026-10-24", 13, 0, "2026-10-24T11:00:00Z"},
      {"2027-01-01", 0, 30, "2026-12-31T23:30:00Z"},
  };
  for (const auto& c : cases) {
    INFO(c.date << " " << c.hour << ":" << c.minute);
    CHECK(fromStockholm(localDate(c.date), hours{c.hour} + minutes{c.minute}) == utc(c.instant));
  }
}

TEST_CASE("dates and times are read strictly", "[workflows][time]") {
  CHECK(formatDate(localDate("2024-02-29")) == "2024-02-29");
  for (const char* bad : {"2026-02-30", "2025-02-29", "2026-2-3", "2026/02/03", "", "20260203",
                          "2026-13-01", "2026-00-10", "2026-01-0x"}) {
    INFO(bad);
    auto d = parseDate(bad);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::Invalid);
  }

  CHECK(utc("2026-03-12T13:00") == utc("2026-03-12T12:00:00Z"));
  CHECK(utc("2026-07-01T13:00") == utc("2026-07-01T11:00:00Z"));
  CHECK(utc("2026-03-12T13:00:00+01:00") == utc("2026-03-12T12:00:00Z"));
  CHECK(utc("2026-03-12T08:00:00-04:00") == utc("2026-03-12T12:00:00Z"));
  CHECK(formatIsoUtc(utc("2026-03-12T13:00:45")) == "2026-03-12T12:00:45Z");
  for (const char* bad : {"2026-03-12", "2026-03-12 13:00", "2026-03-12T25:00", "2026-03-12T13:60",
                          "2026-03-12T13:00:00+1", "2026-03-12T13:00Q"}) {
    INFO(bad);
    auto t = parseDateTime(bad);
    REQUIRE_FALSE(t);
    CHECK(t.error().code == Errc::Invalid);
  }
}

TEST_CASE("dates for storage are UTC calendar dates", "[workflows][time]") {
  CHECK(dateOf(utc("2026-06-30T22:15:00Z")) == localDate("2026-06-30"));
  CHECK(startOfDayUtc(localDate("2026-03-12")) == utc("2026-03-12T00:00:00Z"));
}

// Found by tests/fuzz (agenda_json, minutes_json): a meeting in 4050 overflowed the nanoseconds of
// a TimePoint (UndefinedBehaviorSanitizer: signed integer overflow in std::chrono).
TEST_CASE("dates and times outside 1900-2199 are refused, not overflowed", "[workflows][fuzz]") {
  for (const char* text : {"4050-05-13", "2379-05-12", "2263-01-01", "2200-01-01", "1899-12-31",
                           "0000-01-01", "9999-12-31"}) {
    INFO(text);
    CHECK_FALSE(parseDate(text));
    CHECK_FALSE(parseDateTime(std::string(text) + "T11:00:00Z"));
  }
  CHECK(parseDate("1900-01-01"));
  CHECK(parseDate("2199-12-31"));
  CHECK(formatIsoUtc(utc("2199-12-31T23:59:59Z")) == "2199-12-31T23:59:59Z");
}

}  // namespace SV_TEST_FILE
