#include "agenda/holidays.hpp"

namespace sv::agenda {
namespace {

using namespace std::chrono;

// The first given weekday on or after a date: midsommar and alla helgons dag are defined so.
sys_days firstOnOrAfter(sys_days from, weekday wd) {
  return from + (wd - weekday{from});
}

}  // namespace

Date easterSunday(int y) {
  // The anonymous Gregorian computus (Meeus/Jones/Butcher).
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int monthNumber = (h + l - 7 * m + 114) / 31;
  const int dayNumber = (h + l - 7 * m + 114) % 31 + 1;
  return year{y} / month{unsigned(monthNumber)} / day{unsigned(dayNumber)};
}

bool isSwedishHoliday(Date date) {
  const unsigned mo = unsigned(date.month()), d = unsigned(date.day());
  const bool fixedDay = (mo == 1 && (d == 1 || d == 6)) || (mo == 5 && d == 1) ||
                        (mo == 6 && d == 6) ||
                        (mo == 12 && (d == 24 || d == 25 || d == 26 || d == 31));
  if (fixedDay) return true;

  const sys_days day = date;
  const int y = int(date.year());
  const sys_days easter = easterSunday(y);
  for (int offset : {-2, 0, 1, 39, 49})
    if (day == easter + days{offset}) return true;

  const sys_days midsummerDay = firstOnOrAfter(sys_days{year{y} / June / 20}, Saturday);
  if (day == midsummerDay || day == midsummerDay - days{1}) return true;
  return day == firstOnOrAfter(sys_days{year{y} / October / 31}, Saturday);
}

}  // namespace sv::agenda
