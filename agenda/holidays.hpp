// Swedish public holidays (allmänna helgdagar) and the days treated as such in working life
// (midsommarafton, julafton, nyårsafton), so that no meeting is proposed on them.
#pragma once

#include "workflows/stockholm_time.hpp"

namespace sv::agenda {

// Gregorian Easter Sunday of a year.
Date easterSunday(int year);

// Nyårsdagen, trettondedag jul, långfredagen, påskdagen, annandag påsk, första maj, Kristi
// himmelsfärds dag, pingstdagen, nationaldagen, midsommarafton, midsommardagen, alla helgons dag,
// julafton, juldagen, annandag jul, nyårsafton.
bool isSwedishHoliday(Date date);

}  // namespace sv::agenda
