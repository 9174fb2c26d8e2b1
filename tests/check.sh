#!/usr/bin/env bash
# make test: every test in as little time as 2 cores allow (CI runs it, .ci/run, and has 20 minutes).
#   tests/check.sh MAKE BUILD SANITIZE_BUILD FUZZ_BUILD FUZZ_SMOKE_SECONDS
# The plain tree is built before this runs (make build). Then two rounds:
#  1. the suite on the plain tree but for its tests in a browser, and beside it the sanitized tree
#     and then the fuzz tree being built;
#  2. the whole suite on the sanitized tree (ASan, UBSan, LeakSanitizer; $SANITIZE_ENV), four
#     tests at a time, and beside it every fuzz target run for FUZZ_SMOKE_SECONDS, four at a time
#     (each runs its seconds whatever its share of the cores; two at a time made the smoke
#     7 x 30 s).
# Why beside: a suite waits on the servers, browsers and mail server it starts part of its time,
# and what it leaves is enough for a build or the fuzzers. These run at a lower priority (nice),
# so the tests keep the pace they have alone. Both builds are in the first round: the plain suite
# is over long before the sanitized build (133 s against 249 s on a fresh clone), and the second
# round's suite, four at a time, leaves the cores little else (idle 1 % of its 250 s).
set -uo pipefail
make=$1 build=$2 sanitize=$3 fuzz=$4 seconds=$5
here=$(cd "$(dirname "$0")" && pwd)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
status=0

report() {  # name exit-code log
  if [ "$2" = 0 ]; then echo "===== $1: passed"; else echo "===== $1: FAILED (exit $2)"; status=1; fi
  cat "$3"
}

start=$SECONDS
# The use cases on PostgreSQL are left to make test-plain and make test-postgresql (tests/CMakeLists.txt).
# The tests in Chromium (label browser) run once, in round 2 against the sanitized server: Chromium
# is most of what they cost (web_journeys alone: 37 CPU-seconds in 22 s, 12 of them counted to
# the test's own processes), they used 264 CPU-seconds of a suite's ~500, and round 1 is as long as
# the sanitized build that runs beside it on what the suite leaves (273 s alone, 529 s beside the
# whole suite on a fresh clone).
(cd "$build" && ctest --output-on-failure -j 2 --timeout 600 -LE "use_cases_on_postgresql|browser") \
  > "$logs/plain" 2>&1 &
plain=$!
nice -n 10 "$make" --no-print-directory sanitize-build > "$logs/builds" 2>&1
built=$?
nice -n 10 "$make" --no-print-directory fuzz-build > "$logs/fuzz" 2>&1
fuzz_built=$?
wait $plain
report "the suite" $? "$logs/plain"
report "the sanitized build" $built "$logs/builds"
report "the fuzz build" $fuzz_built "$logs/fuzz"
echo "===== round 1 took $((SECONDS - start)) s"
[ $built = 0 ] || exit 1

start=$SECONDS
# Four tests at a time: at two, the sanitized suite alone left the cores idle 7 % of its 325 s
# (tests waiting on their servers, browsers and mail server); at four it took 250 s, idle 1 %.
# shellcheck disable=SC2086  # SANITIZE_ENV is NAME=value words
(cd "$sanitize" && env ${SANITIZE_ENV:-} ctest --output-on-failure -j 4 --timeout 900) \
  > "$logs/sanitized" 2>&1 &
sanitized=$!
fuzzed=1
if [ $fuzz_built = 0 ]; then
  # Beside the suite four at a time, the smoke runs about a third of the inputs it ran beside it
  # two at a time (markdown_html: 1 129 against 3 299 in its 30 s): it shares the cores with the
  # tests in Chromium, which start first. At nice 5 it ran no more (894) and the round took 34 s
  # longer. make fuzz (ten minutes a target) is the thorough run; this one catches a regression
  # on the seeds and what 30 s of mutation reach.
  nice -n 10 "$here/fuzz/run.sh" "$fuzz" "$seconds" 4 > "$logs/smoke" 2>&1
  fuzzed=$?
else
  echo "not run: the fuzz build failed" > "$logs/smoke"
fi
wait $sanitized
report "the suite under the sanitizers" $? "$logs/sanitized"
report "the fuzz smoke" $fuzzed "$logs/smoke"
echo "===== round 2 took $((SECONDS - start)) s"
exit $status
