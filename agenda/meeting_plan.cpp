#include "agenda/meeting_plan.hpp"

#include "agenda/holidays.hpp"

namespace sv::agenda {
namespace {

using namespace std::chrono;

struct Period {
  int firstMonth;  // 1..12
  int monthCount;
};

Period periodOf(int index, int count) {
  const int first = 12 * index / count;
  const int next = 12 * (index + 1) / count;
  return {first + 1, next - first};
}

sys_days nominalDate(int y, int monthNumber, const PlanRule& rule) {
  const year_month ym = year{y} / month{unsigned(monthNumber)};
  if (rule.weekInMonth == 5) return sys_days{ym / rule.weekday[last]};
  return sys_days{ym / rule.weekday[unsigned(rule.weekInMonth)]};
}

bool inPeriod(sys_days day, int y, const Period& p) {
  const year_month_day ymd{day};
  const int m = int(unsigned(ymd.month()));
  return int(ymd.year()) == y && m >= p.firstMonth && m < p.firstMonth + p.monthCount;
}

// Later weeks first, since a meeting moved forward gives people more time to prepare; earlier
// weeks only when the later ones leave the period (a late-December rule, for instance).
sys_days avoidHolidays(sys_days day, int y, const Period& p) {
  for (int step : {0, 7, 14, 21, -7, -14, -21}) {
    const sys_days candidate = day + days{step};
    if (inPeriod(candidate, y, p) && !isSwedishHoliday(year_month_day{candidate})) return candidate;
  }
  return day;
}

Status checkRule(const PlanRule& rule) {
  if (!rule.weekday.ok()) return fail(Errc::Invalid, Reason::OutOfRange, "the weekday is not valid", "weekday");
  if (rule.weekInMonth < 1 || rule.weekInMonth > 5)
    return fail(Errc::Invalid, Reason::OutOfRange, "the week in the month is 1 to 4, or 5 for the last",
                "week_in_month");
  if (rule.startTime < minutes{0} || rule.startTime >= hours{24})
    return fail(Errc::Invalid, Reason::OutOfRange, "the start time is between 00:00 and 23:59", "start_time");
  if (rule.duration < minutes{1} || rule.duration > hours{24})
    return fail(Errc::Invalid, Reason::OutOfRange, "a meeting lasts between 1 minute and 24 hours", "duration");
  return {};
}

}  // namespace

Result<std::vector<PlannedMeeting>> planYear(int y, int meetingsPerYear, Date contractStart,
                                             std::optional<Date> contractEnd,
                                             const PlanRule& rule) {
  if (y < 1900 || y > 2999) return fail(Errc::Invalid, Reason::OutOfRange, "the year is out of range", "year",
                std::to_string(y));
  if (meetingsPerYear < 1 || meetingsPerYear > 12)
    return fail(Errc::Invalid, Reason::OutOfRange, "a contract has 1 to 12 meetings a year", "meetings_per_year");
  if (!contractStart.ok() || (contractEnd && !contractEnd->ok()))
    return fail(Errc::Invalid, Reason::NotADate, "the contract period has a date that does not exist",
                "starts_on", "YYYY-MM-DD");
  if (contractEnd && sys_days{*contractEnd} < sys_days{contractStart})
    return fail(Errc::Invalid, Reason::EndsBeforeStart, "the contract ends before it starts", "ends_on");
  if (auto ok = checkRule(rule); !ok) return std::unexpected(ok.error());

  std::vector<PlannedMeeting> meetings;
  for (int i = 0; i < meetingsPerYear; ++i) {
    const Period period = periodOf(i, meetingsPerYear);
    const int middle = period.firstMonth + (period.monthCount - 1) / 2;
    const sys_days day = avoidHolidays(nominalDate(y, middle, rule), y, period);
    if (day < sys_days{contractStart} || (contractEnd && day > sys_days{*contractEnd})) continue;
    const TimePoint startsAt = fromStockholm(year_month_day{day}, rule.startTime);
    meetings.push_back({i + 1, year_month_day{day}, startsAt, startsAt + rule.duration});
  }
  return meetings;
}

}  // namespace sv::agenda
