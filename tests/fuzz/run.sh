#!/usr/bin/env bash
# Runs every libFuzzer target for a while: `tests/fuzz/run.sh <build dir> <seconds per target> [jobs]`.
# Each target starts from its seeds in tests/fuzz/corpus/<target> and keeps what it finds in
# <build dir>/fuzz-corpus/<target> (the seeds in git are not changed). A crash, a leak, a sanitizer
# report, an input over the time limit or a broken invariant stops that target and leaves the
# input in <build dir>/fuzz-findings/<target>; the script then fails. At the end a line per target
# with its executions, so the note can say how much fuzzing found nothing.
set -euo pipefail
build=${1:?build dir}
seconds=${2:-60}
jobs=${3:-2}
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$build" && pwd)
work="$build/fuzz-corpus"
findings="$build/fuzz-findings"
logs="$build/fuzz-logs"
mkdir -p "$work" "$findings" "$logs"

targets=()
for seeds in "$here"/corpus/*/; do targets+=("$(basename "$seeds")"); done

run_one() {
  local t=$1
  mkdir -p "$work/$t" "$findings/$t"
  # -timeout: one input slower than this is a finding (pathological input: linear time is the
  # promise). -rss_limit_mb: so is one that needs this much memory. -max_len: larger than a
  # protocol's section, smaller than the body limit, so each run tries many inputs.
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=262144 -print_final_stats=1 -artifact_prefix="$findings/$t/" \
      "$work/$t" "$here/corpus/$t" > "$logs/$t.log" 2>&1; then
    echo "ok"
  else
    echo "FAILED"
  fi
}

export -f run_one
export build work findings logs here seconds
status=0
results=$(printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'echo "{} $(run_one {})"')
while read -r target result; do
  execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$logs/$target.log" | grep -Eo '[0-9]+$' || echo 0)
  printf '%-22s %-7s %12s executions in %ss\n' "$target" "$result" "$execs" "$seconds"
  if [ "$result" != ok ]; then
    status=1
    echo "--- $logs/$target.log (end):"
    tail -40 "$logs/$target.log"
  fi
done < <(printf '%s\n' "$results" | sort)
exit $status
