#include <catch2/catch.hpp>

#include "workflows/backoff.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace std::chrono_literals;

TEST_CASE("backoff: a minute, then doubling, never past the ceiling", "[workflows][backoff]") {
  const Backoff b;  // a minute first, six hours at most
  const auto now = *parseDateTime("2026-12-03T12:00:00Z");
  CHECK(nextAttempt(b, 1, now) == now + 1min);
  CHECK(nextAttempt(b, 2, now) == now + 2min);
  CHECK(nextAttempt(b, 5, now) == now + 16min);
  CHECK(nextAttempt(b, 9, now) == now + 256min);
  CHECK(nextAttempt(b, 10, now) == now + 6h);
  CHECK(nextAttempt(b, 1'000'000, now) == now + 6h);
  CHECK(nextAttempt(b, 0, now) == now + 1min);  // a count below one is the first failure
  CHECK(nextAttempt({5s, 20s}, 4, now) == now + 20s);
}

}  // namespace SV_TEST_FILE
