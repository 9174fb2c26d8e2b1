#include <catch2/catch.hpp>

#include "agenda/holidays.hpp"
#include "agenda/meeting_plan.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using namespace std::chrono;
using sv::agenda::testing::date;
using sv::agenda::testing::utc;

namespace {

std::vector<PlannedMeeting> plan(int year, int perYear, const char* start = "2020-01-01",
                                 std::optional<const char*> end = std::nullopt,
                                 PlanRule rule = {}) {
  auto result =
      planYear(year, perYear, date(start), end ? std::optional(date(*end)) : std::nullopt, rule);
  INFO((result ? std::string() : result.error().detail));
  REQUIRE(result);
  return *result;
}

std::vector<std::string> datesOf(const std::vector<PlannedMeeting>& meetings) {
  std::vector<std::string> out;
  for (const auto& m : meetings) out.push_back(formatDate(m.date));
  return out;
}

std::vector<int> slotsOf(const std::vector<PlannedMeeting>& meetings) {
  std::vector<int> out;
  for (const auto& m : meetings) out.push_back(m.slot);
  return out;
}

int quarterOf(Date d) {
  return int((unsigned(d.month()) - 1) / 3) + 1;
}

}  // namespace

TEST_CASE("four meetings a year fall one in each quarter, on the second Tuesday", "[agenda]") {
  const auto meetings = plan(2026, 4);
  CHECK(datesOf(meetings) ==
        std::vector<std::string>{"2026-02-10", "2026-05-12", "2026-08-11", "2026-11-10"});
  CHECK(slotsOf(meetings) == std::vector<int>{1, 2, 3, 4});
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const auto& m = meetings[i];
    CHECK(quarterOf(m.date) == int(i) + 1);
    CHECK(int(m.date.year()) == 2026);
    CHECK(weekday{sys_days{m.date}} == Tuesday);
    CHECK(formatSwedishTime(m.startsAt) == "13.00");
    CHECK(m.endsAt - m.startsAt == minutes{120});
    CHECK(toStockholm(m.startsAt).date == m.date);
  }
}

TEST_CASE("other yearly frequencies spread over the year", "[agenda]") {
  CHECK(datesOf(plan(2026, 1)) == std::vector<std::string>{"2026-06-09"});
  CHECK(datesOf(plan(2026, 2)) == std::vector<std::string>{"2026-03-10", "2026-09-08"});
  CHECK(datesOf(plan(2026, 3)) ==
        std::vector<std::string>{"2026-02-10", "2026-06-09", "2026-10-13"});

  const auto monthly = plan(2026, 12);
  REQUIRE(monthly.size() == 12);
  for (std::size_t i = 0; i < monthly.size(); ++i) {
    CHECK(unsigned(monthly[i].date.month()) == i + 1);
    CHECK(monthly[i].slot == int(i) + 1);
  }
  for (int n = 1; n <= 12; ++n) {
    INFO(n);
    const auto meetings = plan(2027, n);
    CHECK(meetings.size() == std::size_t(n));
    for (std::size_t i = 1; i < meetings.size(); ++i)
      CHECK(sys_days{meetings[i - 1].date} < sys_days{meetings[i].date});
  }
}

TEST_CASE("a meeting at 13.00 Swedish time is 12.00 UTC in winter and 11.00 UTC in summer",
          "[agenda]") {
  const auto monthly = plan(2026, 12);
  CHECK(monthly[0].startsAt == utc("2026-01-13T12:00:00Z"));
  CHECK(monthly[6].startsAt == utc("2026-07-14T11:00:00Z"));
  CHECK(monthly[6].endsAt == utc("2026-07-14T13:00:00Z"));
  // March's second Tuesday is before the switch on 29 March, April's after it.
  CHECK(monthly[2].startsAt == utc("2026-03-10T12:00:00Z"));
  CHECK(monthly[3].startsAt == utc("2026-04-14T11:00:00Z"));
  // October's second Tuesday is before the switch back on 25 October, November's after it.
  CHECK(monthly[9].startsAt == utc("2026-10-13T11:00:00Z"));
  CHECK(monthly[10].startsAt == utc("2026-11-10T12:00:00Z"));
}

TEST_CASE("the contract period cuts meetings off and the others keep their slots", "[agenda]") {
  const auto cut = plan(2026, 4, "2026-04-01", "2026-09-30");
  CHECK(datesOf(cut) == std::vector<std::string>{"2026-05-12", "2026-08-11"});
  CHECK(slotsOf(cut) == std::vector<int>{2, 3});

  // The bounds are inclusive: a contract starting on the meeting day keeps it.
  CHECK(slotsOf(plan(2026, 4, "2026-05-12", "2026-08-11")) == std::vector<int>{2, 3});
  CHECK(slotsOf(plan(2026, 4, "2026-05-13")) == std::vector<int>{3, 4});
  CHECK(plan(2026, 4, "2027-01-01").empty());
  CHECK(plan(2026, 4, "2020-01-01", "2025-12-31").empty());
}

TEST_CASE("planning the same year twice gives the same meetings", "[agenda]") {
  PlanRule rule;
  rule.weekday = Thursday;
  rule.weekInMonth = 3;
  rule.startTime = hours{9} + minutes{30};
  rule.duration = minutes{90};
  const auto first = plan(2026, 4, "2026-03-01", std::nullopt, rule);
  const auto second = plan(2026, 4, "2026-03-01", std::nullopt, rule);
  REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].slot == second[i].slot);
    CHECK(first[i].startsAt == second[i].startsAt);
    CHECK(first[i].endsAt == second[i].endsAt);
  }
  CHECK(formatSwedishTime(first[0].startsAt) == "09.30");
  CHECK(first[0].endsAt - first[0].startsAt == minutes{90});
}

TEST_CASE("a meeting on a holiday moves a week later, or earlier when later leaves the period",
          "[agenda]") {
  struct Case {
    int year;
    weekday day;
    int week;
    const char* nominal;
    const char* planned;
  };
  const Case cases[] = {
      {2026, Friday, 1, "2026-05-01", "2026-05-08"},    // första maj
      {2026, Friday, 1, "2026-04-03", "2026-04-10"},    // långfredagen
      {2026, Monday, 1, "2026-04-06", "2026-04-13"},    // annandag påsk
      {2026, Thursday, 2, "2026-05-14", "2026-05-21"},  // Kristi himmelsfärds dag
      {2026, Friday, 3, "2026-06-19", "2026-06-26"},    // midsommarafton
      {2027, Friday, 1, "2027-01-01", "2027-01-08"},    // nyårsdagen
      {2026, Tuesday, 1, "2026-01-06", "2026-01-13"},   // trettondedag jul
      {2026, Thursday, 4, "2026-12-24", "2026-12-17"},  // julafton, then nyårsafton: earlier
      {2025, Friday, 5, "2025-12-26", "2025-12-19"},    // annandag jul, the last Friday
  };
  for (const auto& c : cases) {
    INFO(c.nominal);
    REQUIRE(isSwedishHoliday(date(c.nominal)));
    PlanRule rule;
    rule.weekday = c.day;
    rule.weekInMonth = c.week;
    const auto meetings = plan(c.year, 12, "2020-01-01", std::nullopt, rule);
    const unsigned monthNumber = unsigned(date(c.nominal).month());
    CHECK(formatDate(meetings[monthNumber - 1].date) == c.planned);
    for (const auto& m : meetings) CHECK_FALSE(isSwedishHoliday(m.date));
  }
}

TEST_CASE("bad plans are refused with the field named", "[agenda]") {
  struct Case {
    const char* name;
    int year;
    int perYear;
    const char* end;
    PlanRule rule;
    const char* field;
  };
  PlanRule badWeek;
  badWeek.weekInMonth = 0;
  PlanRule badWeek6;
  badWeek6.weekInMonth = 6;
  PlanRule badDay;
  badDay.weekday = weekday{9};
  PlanRule badStart;
  badStart.startTime = hours{24};
  PlanRule negativeStart;
  negativeStart.startTime = minutes{-1};
  PlanRule badDuration;
  badDuration.duration = minutes{0};
  PlanRule longDuration;
  longDuration.duration = hours{25};
  const Case cases[] = {
      {"0 a year", 2026, 0, nullptr, {}, "meetings_per_year"},
      {"13 a year", 2026, 13, nullptr, {}, "meetings_per_year"},
      {"-4 a year", 2026, -4, nullptr, {}, "meetings_per_year"},
      {"year", 1066, 4, nullptr, {}, "year"},
      {"ends before start", 2026, 4, "2025-12-31", {}, "ends_on"},
      {"week 0", 2026, 4, nullptr, badWeek, "week_in_month"},
      {"week 6", 2026, 4, nullptr, badWeek6, "week_in_month"},
      {"weekday", 2026, 4, nullptr, badDay, "weekday"},
      {"start 24:00", 2026, 4, nullptr, badStart, "start_time"},
      {"start -1", 2026, 4, nullptr, negativeStart, "start_time"},
      {"duration 0", 2026, 4, nullptr, badDuration, "duration"},
      {"duration 25h", 2026, 4, nullptr, longDuration, "duration"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto result = planYear(c.year, c.perYear, date("2026-01-01"),
                           c.end ? std::optional(date(c.end)) : std::nullopt, c.rule);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Errc::Invalid);
    CHECK(result.error().field == c.field);
  }
}

}  // namespace SV_TEST_FILE
