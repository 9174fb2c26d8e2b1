#include "workflows/backoff.hpp"

#include <algorithm>

namespace sv {

TimePoint nextAttempt(const Backoff& backoff, int failures, TimePoint now) {
  auto delay = backoff.first;
  // Doubling stops at the ceiling, so a large count cannot overflow.
  for (int i = 1; i < failures && delay < backoff.ceiling; ++i) delay *= 2;
  return now + std::min(delay, backoff.ceiling);
}

}  // namespace sv
