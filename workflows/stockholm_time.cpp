#include "workflows/stockholm_time.hpp"

#include <charconv>
#include <cstdio>

namespace sv {
namespace {

// The years a date may lie in (parseDate).
constexpr int kFirstDateYear = 1900;
constexpr int kLastDateYear = 2199;

using namespace std::chrono;

sys_days lastSunday(year y, month m) {
  const sys_days last = sys_days{y / m / std::chrono::last};
  const weekday wd{last};
  return last - days{(wd - Sunday).count()};
}

bool isSummerTime(TimePoint utc) {
  const year y = year_month_day{floor<days>(utc)}.year();
  const TimePoint start = lastSunday(y, March) + hours{1};
  const TimePoint end = lastSunday(y, October) + hours{1};
  return utc >= start && utc < end;
}

bool readInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

std::chrono::minutes stockholmOffset(TimePoint utc) {
  return isSummerTime(utc) ? minutes{120} : minutes{60};
}

LocalDateTime toStockholm(TimePoint utc) {
  const auto local = floor<minutes>(utc) + stockholmOffset(utc);
  const auto day = floor<days>(local);
  return {year_month_day{day}, duration_cast<minutes>(local - day)};
}

TimePoint fromStockholm(Date date, std::chrono::minutes timeOfDay) {
  const TimePoint wall = sys_days{date} + timeOfDay;
  const TimePoint asSummer = wall - minutes{120};
  if (isSummerTime(asSummer)) return asSummer;
  return wall - minutes{60};
}

std::string formatDate(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  return buf;
}

std::string formatSwedishTime(TimePoint t) {
  const auto local = toStockholm(t);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d.%02d", int(local.timeOfDay.count() / 60),
                int(local.timeOfDay.count() % 60));
  return buf;
}

std::string formatSwedishDateTime(TimePoint t) {
  return formatDate(toStockholm(t).date) + " kl. " + formatSwedishTime(t);
}

std::string formatIsoUtc(TimePoint t) {
  const auto secs = floor<seconds>(t);
  const auto day = floor<days>(secs);
  const hh_mm_ss hms{secs - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", formatDate(year_month_day{day}).c_str(),
                int(hms.hours().count()), int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

Result<Date> parseDate(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !readInt(text.substr(0, 4), y) ||
      !readInt(text.substr(5, 2), m) || !readInt(text.substr(8, 2), d))
    return fail(Errc::Invalid, "a date is written YYYY-MM-DD");
  const Date date{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!date.ok()) return fail(Errc::Invalid, "there is no such date");
  // A TimePoint counts nanoseconds and ends in 2262: a date past it would overflow when it becomes
  // a time (found by tests/fuzz). No meeting, deadline or record lies outside these years.
  if (y < kFirstDateYear || y > kLastDateYear)
    return fail(Errc::Invalid, "a date lies in 1900-2199");
  return date;
}

Result<TimePoint> parseDateTime(std::string_view text) {
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':')
    return fail(Errc::Invalid, "a time is written YYYY-MM-DDTHH:MM");
  auto date = parseDate(text.substr(0, 10));
  if (!date) return std::unexpected(date.error());
  int h = 0, mi = 0, s = 0;
  if (!readInt(text.substr(11, 2), h) || !readInt(text.substr(14, 2), mi) || h > 23 || mi > 59)
    return fail(Errc::Invalid, "a time is written YYYY-MM-DDTHH:MM");
  std::string_view rest = text.substr(16);
  if (rest.size() >= 3 && rest[0] == ':') {
    if (!readInt(rest.substr(1, 2), s) || s > 59)
      return fail(Errc::Invalid, "a time is written YYYY-MM-DDTHH:MM:SS");
    rest.remove_prefix(3);
  }
  const auto clock = hours{h} + minutes{mi};
  if (rest.empty()) return fromStockholm(*date, clock) + seconds{s};
  if (rest == "Z") return TimePoint{sys_days{*date} + clock + seconds{s}};
  int oh = 0, om = 0;
  if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
      readInt(rest.substr(1, 2), oh) && readInt(rest.substr(4, 2), om) && oh < 15 && om < 60) {
    const auto offset = minutes{oh * 60 + om} * (rest[0] == '-' ? -1 : 1);
    return TimePoint{sys_days{*date} + clock + seconds{s} - offset};
  }
  return fail(Errc::Invalid, "the time zone of a time is Z or +HH:MM");
}

Date dateOf(TimePoint utc) {
  return year_month_day{floor<days>(utc)};
}

TimePoint startOfDayUtc(Date d) {
  return sys_days{d};
}

}  // namespace sv
