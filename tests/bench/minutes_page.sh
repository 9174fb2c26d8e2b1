#!/usr/bin/env bash
# GET /api/v1/meetings/1/minutes.html on samverkan (the whole protocol as an HTML page, rendered
# once per version and then served from the service's cache, behind the bearer-token check)
# against nginx serving the same bytes as a static file, under wrk on loopback, interleaved. A third
# server, bare_poco (tests/bench/bare_poco.cpp: Poco's HTTPServer with samverkan's thread settings
# answering the same bytes and headers from memory), shows what Poco itself allows on the machine.
# Issue 4's aim: at least half of nginx's rate. Prints a Markdown table on stdout.
#
#   tests/bench/minutes_page.sh <build-dir>     (run.sh runs it last; BENCH_MINUTES_PAGE=0 skips)
#
# Environment: BENCH_DURATION [10], BENCH_RUNS [3], BENCH_THREADS [2], BENCH_CONNECTIONS [32],
# BENCH_NGINX_WORKERS [auto], BENCH_KEEP [0], as for run.sh.
set -euo pipefail

die() { echo "minutes_page: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 <build-dir>"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "$1" 2>/dev/null && pwd) || die "no build folder: $1"
server_bin="$build/server/samverkan"
[[ -x "$server_bin" ]] || die "no server binary at $server_bin"
bare_bin="$build/tests/bench/bare_poco"
[[ -x "$bare_bin" ]] || die "no $bare_bin (run: cmake --build $1 --target bare_poco)"
duration=${BENCH_DURATION:-10}
runs=${BENCH_RUNS:-3}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}
nginx_workers=${BENCH_NGINX_WORKERS:-auto}
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for tool in wrk curl python3 "$nginx_bin"; do
  command -v "$tool" > /dev/null 2>&1 || die "missing tool: $tool"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/samverkan-minutes-page.XXXXXX")
chmod 755 "$tmp"
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "minutes_page: kept $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=tests/bench/nginx.sh
source "$here/nginx.sh"

# --- samverkan with the demo data -------------------------------------------------------------
sv_port=$(free_port)
{
  cat "$repo/config/samverkan.properties"
  echo
  echo "samverkan.config_dir = $repo/config"
  echo "logging.loggers.req.name = samverkan.request"
  echo "logging.loggers.req.level = warning"
} > "$tmp/samverkan.properties"
mkdir -p "$tmp/data"
(
  cd "$repo"
  SAMVERKAN_PORT=$sv_port SAMVERKAN_DATA_DIR="$tmp/data" \
    exec "$server_bin" --demo --config="$tmp/samverkan.properties"
) > "$tmp/server.log" 2>&1 &
sv_pid=$!
pids+=("$sv_pid")
sv="http://127.0.0.1:$sv_port"
wait_http "$sv/healthz" "$sv_pid" samverkan || { cat "$tmp/server.log" >&2; exit 1; }

login=$(curl -fsS --max-time 10 -H 'Content-Type: application/json' \
  -d '{"username":"anna.avtal","password":"samverkan-demo"}' "$sv/api/v1/session") ||
  die "login as anna.avtal failed"
token=$(printf '%s' "$login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
export BENCH_TOKEN=$token
auth=(-H "Authorization: Bearer $token")
code=$(curl -sS -o "$tmp/publish.json" -w '%{http_code}' -X POST "${auth[@]}" \
  "$sv/api/v1/meetings/1/agenda/publish")
[[ "$code" == 200 || "$code" == 201 ]] || die "publishing the agenda answered $code: $(cat "$tmp/publish.json")"
code=$(curl -sS -o "$tmp/start.json" -w '%{http_code}' -X POST "${auth[@]}" \
  "$sv/api/v1/meetings/1/minutes")
[[ "$code" == 200 || "$code" == 201 ]] || die "starting the minutes answered $code: $(cat "$tmp/start.json")"

mkdir -p "$tmp/www"
code=$(curl -sS -o "$tmp/www/minutes.html" -D "$tmp/head_samverkan" -w '%{http_code}' "${auth[@]}" \
  "$sv/api/v1/meetings/1/minutes.html")
[[ "$code" == 200 ]] || die "GET minutes.html answered $code"
chmod -R a+rX "$tmp/www"
bytes=$(stat -c %s "$tmp/www/minutes.html")

# --- nginx, set up as run.sh does, serving the page as text/html -------------------------------
ng_port=$(free_port)
start_nginx "$tmp/nginx" "$ng_port" "$nginx_workers" "$tmp/www" text/html
ng="http://127.0.0.1:$ng_port"
wait_http "$ng/minutes.html" "$ng_pid" nginx || { cat "$tmp/nginx/error.log" >&2; exit 1; }
size=$(curl -fsS -o /dev/null -w '%{size_download}' "$ng/minutes.html")
[[ "$size" == "$bytes" ]] || die "nginx served $size bytes, samverkan $bytes"

# --- bare Poco, with samverkan's settings, the same bytes and the same headers ----------------
bare_port=$(free_port)
"$bare_bin" --config="$tmp/samverkan.properties" --port="$bare_port" --body="$tmp/www/minutes.html" \
  --headers="$tmp/head_samverkan" > "$tmp/bare.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
bare="http://127.0.0.1:$bare_port"
wait_http "$bare/minutes.html" "$bare_pid" bare_poco || { cat "$tmp/bare.log" >&2; exit 1; }
size=$(curl -fsS -o /dev/null -w '%{size_download}' "$bare/minutes.html")
[[ "$size" == "$bytes" ]] || die "bare_poco served $size bytes, samverkan $bytes"

# --- wrk, interleaved --------------------------------------------------------------------------
wrk_cmd=(wrk "-t$threads" "-c$connections" "-d${duration}s" --latency -s "$here/bearer.lua")
# one_run SERVER URL: prints "rps p99_ms non2xx errors".
one_run() {
  local raw="$tmp/wrk-$1-$round.txt"
  "${wrk_cmd[@]}" "$2" > "$raw" 2>&1 &
  local p=$!
  pids+=("$p")
  wait "$p" || { cat "$raw" >&2; die "wrk failed against $2"; }
  kill -0 "$sv_pid" 2> /dev/null || die "samverkan died"
  awk '
    function ms(v) {
      if (v ~ /us$/) return (v + 0) / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /s$/) return (v + 0) * 1000
      return "NA"
    }
    BEGIN { n = 0; e = 0 }
    /^Requests\/sec:/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { n = $NF }
    /Socket errors:/ { gsub(",", ""); e = $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %s\n", rps, p99, n, e }
  ' "$raw"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for url in "$sv/api/v1/meetings/1/minutes.html" "$ng/minutes.html" "$bare/minutes.html"; do
  wrk -t"$threads" -c"$connections" -d2s -s "$here/bearer.lua" "$url" > /dev/null 2>&1 || true
done
: > "$tmp/runs.txt"
for ((round = 1; round <= runs; round++)); do
  echo "nginx $(one_run nginx "$ng/minutes.html")" >> "$tmp/runs.txt"
  echo "samverkan $(one_run samverkan "$sv/api/v1/meetings/1/minutes.html")" >> "$tmp/runs.txt"
  echo "bare_poco $(one_run bare_poco "$bare/minutes.html")" >> "$tmp/runs.txt"
  echo "minutes_page: round $round: $(tail -3 "$tmp/runs.txt" | tr '\n' ' ')" >&2
done

python3 - "$tmp/runs.txt" "$bytes" "$load_before" "${wrk_cmd[*]}" "$("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///')" << 'PY'
import statistics, sys
runs, body, load, cmd, ngv = sys.argv[1:6]
rows = {"nginx": [], "samverkan": [], "bare_poco": []}
for line in open(runs):
    server, rps, p99, non2xx, errors = line.split()
    rows[server].append((float(rps), float(p99), int(non2xx), int(errors)))
med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v)) for k, v in rows.items()}
bad = sum(r[2] + r[3] for v in rows.values() for r in v)
fmt = lambda x: f"{x:,.0f}".replace(",", " ")
print("### GET /api/v1/meetings/1/minutes.html vs nginx (minutes_page.sh)\n")
print(f"- `{cmd}`, interleaved nginx/samverkan/bare Poco, {len(rows['nginx'])} runs each, medians; "
      f"nginx {ngv} serving the same bytes as a static file; bare Poco (bare_poco) answering the "
      f"same bytes and headers from memory with samverkan's thread settings; load average before "
      f"{load}; non-2xx responses and socket errors over all runs: {bad}\n")
print("| Request | Body bytes | samverkan req/s | nginx req/s | ratio req/s | samverkan p99 ms | nginx p99 ms | ratio p99 | bare Poco req/s | bare Poco / nginx | samverkan / bare Poco |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
s, n, b = med["samverkan"], med["nginx"], med["bare_poco"]
print(f"| GET /api/v1/meetings/1/minutes.html (bearer token) | {body} | {fmt(s[0])} | {fmt(n[0])} | "
      f"**{s[0] / n[0]:.2f}** | {s[1]:.2f} | {n[1]:.2f} | {s[1] / n[1]:.2f} | {fmt(b[0])} | "
      f"{b[0] / n[0]:.2f} | {s[0] / b[0]:.2f} |")
print("\nEach run (req/s / p99 ms): " + "; ".join(
    f"{k} " + ", ".join(f"{fmt(r[0])} / {r[1]:.2f}" for r in v) for k, v in rows.items()))
PY
