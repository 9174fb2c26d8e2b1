// When to try again after a failed delivery: exponential backoff from a first delay, doubled per
// failure up to a ceiling, so a mail server that is down for hours is not hammered and one that
// hiccuped is tried again within a minute. Pure: the sender gives the count and the time.
#pragma once

#include <chrono>

#include "workflows/clock.hpp"

namespace sv {

struct Backoff {
  std::chrono::seconds first{60};
  std::chrono::seconds ceiling{std::chrono::hours(6)};
};

// The time of the next attempt after the `failures`-th failure (1 for the first) at `now`:
// now + first·2^(failures−1), at most now + ceiling.
TimePoint nextAttempt(const Backoff& backoff, int failures, TimePoint now);

}  // namespace sv
