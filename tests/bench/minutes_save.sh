#!/usr/bin/env bash
# Issue 11, point 9: a minutes save over HTTP (PUT /api/v1/meetings/1/minutes with If-Match, one
# section's notes changed) on a ~50 KB protocol, against `git add` + `git commit` of the same two
# files (minutes.md, minutes.json as the server committed them) on the command line with
# core.fsync=all, in the same run. samverkan runs with --demo in a temporary data folder; the git
# repository is a sibling of that folder, so both are on the same file system. The protocol and
# the timing: tests/bench/minutes_protocol.py and tests/bench/minutes_save.py (their head comments
# say exactly what is timed). Prints a Markdown table on stdout.
#
#   tests/bench/minutes_save.sh <build-dir>     (run.sh runs it; BENCH_MINUTES_SAVE=0 skips)
#
# Environment (defaults in brackets):
#   BENCH_SAVES           timed saves, and as many git commits [200]
#   BENCH_WARMUP          untimed rounds before them (12: each section once) [12]
#   BENCH_PROTOCOL_BYTES  size of minutes.md to fill the protocol to [50000]
#   BENCH_SEED            seed of the protocol's text [11]
#   BENCH_TMP             where the temporary folder goes (data folder and git repository; put it
#                         on the disk the server would use, or the fsync figures mean nothing)
#                         [$TMPDIR or /tmp]
#   BENCH_STRACE_SAVES    after the timed rounds, this many saves and commits more under
#                         strace, counting fsync + fdatasync calls per save and per commit; 0 (or
#                         no strace installed) skips [20]
#   BENCH_KEEP            1 keeps the temporary folder [0]
set -euo pipefail

die() { echo "minutes_save: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 <build-dir>"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "$1" 2>/dev/null && pwd) || die "no build folder: $1"
server_bin="$build/server/samverkan"
[[ -x "$server_bin" ]] || die "no server binary at $server_bin (run: cmake --build $1 --target samverkan)"
saves=${BENCH_SAVES:-200}
warmup=${BENCH_WARMUP:-12}
bytes=${BENCH_PROTOCOL_BYTES:-50000}
seed=${BENCH_SEED:-11}
strace_saves=${BENCH_STRACE_SAVES:-20}
command -v strace > /dev/null 2>&1 || strace_saves=0
for n in "$saves" "$bytes"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || die "BENCH_SAVES and BENCH_PROTOCOL_BYTES must be positive integers"
done
[[ "$warmup" =~ ^[0-9]+$ && "$seed" =~ ^[0-9]+$ && "$strace_saves" =~ ^[0-9]+$ ]] ||
  die "BENCH_WARMUP, BENCH_SEED and BENCH_STRACE_SAVES must be integers"
for tool in git curl python3; do
  command -v "$tool" > /dev/null 2>&1 || die "missing tool: $tool"
done

# shellcheck source=tests/bench/workspace.sh
source "$here/workspace.sh"
bench_workspace minutes-save "${BENCH_TMP:-${TMPDIR:-/tmp}}"

# shellcheck source=tests/bench/nginx.sh
source "$here/nginx.sh"
# shellcheck source=tests/bench/demo_server.sh
source "$here/demo_server.sh"
start_demo_server "$tmp"

fs=$(findmnt -n -o FSTYPE -T "$tmp" 2> /dev/null || stat -f -c %T "$tmp")
echo "minutes_save: samverkan (pid $sv_pid) on $sv, $saves saves, data and git in $tmp ($fs)" >&2
about="Server: \`$server_bin\` (commit $(git -C "$repo" rev-parse --short HEAD 2> /dev/null || echo '?'),"
about+=" $(grep -o 'CMAKE_BUILD_TYPE:STRING=.*' "$build/CMakeCache.txt" 2> /dev/null | cut -d= -f2)),"
about+=" git $(git --version | cut -d' ' -f3), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)."
python3 "$here/minutes_save.py" --port "$sv_port" --git-dir "$tmp/git" --tmp "$tmp" \
  --saves "$saves" --warmup "$warmup" --bytes "$bytes" --seed "$seed" --fs "$fs" --about "$about" \
  --strace "$strace_saves" --server-pid "$sv_pid" &
client=$!
pids+=("$client")
wait "$client" || { tail -20 "$tmp/server.log" >&2; die "minutes_save.py failed"; }
kill -0 "$sv_pid" 2> /dev/null || { cat "$tmp/server.log" >&2; die "samverkan died"; }
errors=$(grep -c -E ' (ERROR|CRITICAL|FATAL|Error|Critical|Fatal) ' "$tmp/server.log" || true)
if [[ "$errors" != 0 ]]; then echo "minutes_save: the server logged $errors error lines" >&2; fi
