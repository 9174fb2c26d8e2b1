#!/usr/bin/env bash
# HTTP frame benchmark: GET /api/v1/me and GET /healthz on samverkan against nginx serving a static
# file of the same size, in the same run, under wrk on loopback. Also /api/v1/me with many idle
# keep-alive connections held open. Then the domain benchmarks (<build-dir>/tests/bench/domain_bench:
# agenda generation, agenda saves, planning a year for 500 contracts, in-process against the real
# store). Writes <build-dir>/bench/results.md and prints it.
#
#   tests/bench/run.sh <build-dir>          (what `make bench` runs)
#
# Environment (defaults in brackets):
#   BENCH_DURATION       seconds per wrk run [10]
#   BENCH_RUNS           runs per row; the median is reported [3]
#   BENCH_THREADS        wrk threads [2]
#   BENCH_CONNECTIONS    wrk connections [32]
#   BENCH_IDLE           idle keep-alive connections for the idle check [200]
#   BENCH_NGINX_WORKERS  nginx worker_processes [auto]
#   BENCH_KEEP           1 keeps the temporary folder (server and nginx logs, domain data) [0]
#   BENCH_DOMAIN         0 skips the domain benchmarks [1]
#   BENCH_MINUTES_SAVE   0 skips minutes_save.sh (issue 11: saves over HTTP on a ~50 KB protocol
#                        against git add + commit; BENCH_SAVES, BENCH_TMP, … in its head) [1]
#   (search_bench, issue 19: the register's search over 20 000 protocols, runs with the domain
#   benchmarks, after documents_bench: about 2 minutes, most of it filling the index)
#   (annual_bench, issue 15: the yearly summary of one authority-year as JSON, HTML and PDF over
#   ten years of a large city, after search_bench: a few minutes, most of it committing the 4 000
#   protocols of the two years it reads)
#   (markdown_bench, hardening finding 5: 512 KiB of each pathological Markdown pattern as
#   minutes.html and minutes.pdf, after annual_bench: under a minute)
#   BENCH_MINUTES_PAGE   0 skips minutes_page.sh (minutes.html against bare Poco and nginx, plain,
#                        gzip and 256 connections; BENCH_PROTOCOL=empty|full, … in its head) [1]
#
# With the defaults a run takes about 3 min: 3 rounds of 5 wrk runs of 10 s, plus warm-up, then
# 20 s to 2 min of domain benchmarks (most of it fsyncs, whose cost varies on shared disks). Then
# documents_bench, minutes_save.sh (200 saves and commits: under a minute) and minutes_page.sh
# (3 rounds of 7 wrk runs of 10 s: about 4 min).
set -euo pipefail

die() { echo "bench: $*" >&2; exit 1; }

[[ $# -eq 1 ]] || die "usage: $0 <build-dir>"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=$(cd "$1" 2>/dev/null && pwd) || die "no build folder: $1"
server_bin="$build/server/samverkan"
[[ -x "$server_bin" ]] || die "no server binary at $server_bin (run: cmake --build $1 --target samverkan)"
domain=${BENCH_DOMAIN:-1}
domain_bin="$build/tests/bench/domain_bench"
if [[ "$domain" == 1 && ! -x "$domain_bin" ]]; then
  die "no $domain_bin (run: make bench, or cmake --build $1 --target benches; or set BENCH_DOMAIN=0)"
fi

duration=${BENCH_DURATION:-10}
runs=${BENCH_RUNS:-3}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}
idle_count=${BENCH_IDLE:-200}
nginx_workers=${BENCH_NGINX_WORKERS:-auto}
for n in "$duration" "$runs" "$threads" "$connections" "$idle_count"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || die "BENCH_* counts must be positive integers (got '$n')"
done

missing=()
for tool in wrk nginx curl python3; do
  command -v "$tool" > /dev/null 2>&1 || [[ -x "/usr/sbin/$tool" ]] || missing+=("$tool")
done
if ((${#missing[@]})); then
  die "missing tools: ${missing[*]} (Debian: apt-get install wrk nginx-light curl python3)"
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

out="$build/bench"
mkdir -p "$out/raw"
rm -f "$out"/raw/*.txt
# shellcheck source=tests/bench/workspace.sh
source "$here/workspace.sh"
bench_before_cleanup() {
  if [[ -f "$tmp/server.log" ]]; then cp "$tmp/server.log" "$out/server.log"; fi
  if [[ -f "$tmp/nginx/error.log" ]]; then cp "$tmp/nginx/error.log" "$out/nginx-error.log"; fi
}
bench_workspace bench

# shellcheck source=tests/bench/nginx.sh
source "$here/nginx.sh"

# --- samverkan --------------------------------------------------------------------------------
sv_port=$(free_port)
password="bench-$(date +%s)-password"
# The repository configuration, with the one-line-per-request logger lowered to warning.
{
  cat "$repo/config/samverkan.properties"
  echo
  echo "# tests/bench/run.sh: no per-request log lines during the benchmark."
  echo "samverkan.config_dir = $repo/config"
  echo "logging.loggers.req.name = samverkan.request"
  echo "logging.loggers.req.level = warning"
} > "$tmp/samverkan.properties"
mkdir -p "$tmp/data"
(
  cd "$repo"
  SAMVERKAN_PORT=$sv_port SAMVERKAN_DATA_DIR="$tmp/data" SAMVERKAN_ADMIN_PASSWORD=$password \
    exec "$server_bin" --config="$tmp/samverkan.properties"
) > "$tmp/server.log" 2>&1 &
sv_pid=$!
pids+=("$sv_pid")
sv="http://127.0.0.1:$sv_port"
if ! wait_http "$sv/healthz" "$sv_pid" samverkan; then
  cat "$tmp/server.log" >&2
  exit 1
fi

login=$(curl -fsS --max-time 10 -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$sv/api/v1/session") ||
  die "login failed: $(cat "$tmp/server.log")"
token=$(printf '%s' "$login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
export BENCH_TOKEN=$token

# The exact bodies become nginx's static files: the same bytes, the same Content-Type.
mkdir -p "$tmp/www/api/v1"
code=$(curl -sS -o "$tmp/www/api/v1/me" -D "$tmp/head_me_samverkan" -w '%{http_code}' \
  -H "Authorization: Bearer $token" "$sv/api/v1/me")
[[ "$code" == 200 ]] || die "GET /api/v1/me answered $code"
code=$(curl -sS -o "$tmp/www/healthz" -D "$tmp/head_healthz_samverkan" -w '%{http_code}' "$sv/healthz")
[[ "$code" == 200 ]] || die "GET /healthz answered $code"
chmod -R a+rX "$tmp/www"
bytes_me=$(stat -c %s "$tmp/www/api/v1/me")
bytes_healthz=$(stat -c %s "$tmp/www/healthz")

# --- nginx ------------------------------------------------------------------------------------
# worker_processes auto (one worker per core, 2 here) by default: samverkan's thread pool may use
# every core, so nginx gets them too. Keep-alive limits match config/samverkan.properties.
ng_port=$(free_port)
start_nginx "$tmp/nginx" "$ng_port" "$nginx_workers" "$tmp/www" application/json
ng="http://127.0.0.1:$ng_port"
if ! wait_http "$ng/healthz" "$ng_pid" nginx; then
  cat "$tmp/nginx/error.log" "$tmp/nginx/stdout.log" >&2 || true
  exit 1
fi
for path in api/v1/me healthz; do
  name=${path##*/}
  size=$(curl -fsS -o /dev/null -D "$tmp/head_${name}_nginx" -w '%{size_download}' "$ng/$path")
  [[ "$size" == "$(stat -c %s "$tmp/www/$path")" ]] || die "nginx served $size bytes for /$path"
done

# --- wrk runs ---------------------------------------------------------------------------------
printf 'scenario\tserver\tround\trps\tp99_ms\trequests\tnon2xx\tsock_connect\tsock_read\tsock_write\tsock_timeout\traw\n' \
  > "$out/runs.tsv"
: > "$out/idle.jsonl"
wrk_base=(wrk "-t$threads" "-c$connections" "-d${duration}s" --latency)

# parse_wrk FILE: the tab-separated figures of one wrk output.
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return (v + 0) / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return (v + 0) * 60000
      if (v ~ /s$/) return (v + 0) * 1000
      return "NA"
    }
    BEGIN { rps = "NA"; p99 = "NA"; reqs = 0; non2xx = 0; c = 0; r = 0; w = 0; t = 0 }
    /^Requests\/sec:/ { rps = $2 }
    /^ +99%/ { p99 = ms($2) }
    / requests in / { reqs = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); c = $4; r = $6; w = $8; t = $10 }
    END { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", rps, p99, reqs, non2xx, c, r, w, t }
  ' "$1"
}

# bench SCENARIO SERVER ROUND URL [wrk args...]
bench() {
  local scenario=$1 server=$2 round=$3 url=$4
  shift 4
  local raw="$out/raw/$scenario-$server-$round.txt"
  # In the background, so that a signal stops the benchmark at once (bash runs traps during wait).
  "${wrk_base[@]}" "$@" "$url" > "$raw" 2>&1 &
  local wrk_pid=$!
  pids+=("$wrk_pid")
  if ! wait "$wrk_pid"; then
    cat "$raw" >&2
    die "wrk failed against $url"
  fi
  kill -0 "$sv_pid" 2> /dev/null || { cat "$tmp/server.log" >&2; die "samverkan died during $scenario"; }
  local figures
  figures=$(parse_wrk "$raw")
  printf '%s\t%s\t%s\t%s\t%s\n' "$scenario" "$server" "$round" "$figures" "raw/${raw##*/}" >> "$out/runs.tsv"
  printf 'bench: %-8s %-9s run %s: %s req/s, p99 %s ms\n' "$scenario" "$server" "$round" \
    "$(cut -f1 <<< "$figures")" "$(cut -f2 <<< "$figures")" >&2
}

auth=(-s "$here/bearer.lua")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: samverkan on $sv, nginx on $ng; $runs rounds of ${duration}s runs" >&2

# Warm-up, not counted: caches, page cache, SQLite statements, thread pools.
for url in "$sv/api/v1/me" "$ng/api/v1/me"; do
  wrk -t"$threads" -c"$connections" -d2s "${auth[@]}" "$url" > /dev/null 2>&1 &
  pids+=("$!")
  wait "$!" || true
done

idle_pid=
start_idle() {
  rm -f "$tmp/idle.ready"
  python3 "$here/idle_connections.py" --port "$sv_port" --count "$idle_count" --path /healthz \
    --ready-file "$tmp/idle.ready" > "$tmp/idle.out" 2> "$tmp/idle.err" &
  idle_pid=$!
  pids+=("$idle_pid")
  local i
  for ((i = 0; i < 600; i++)); do
    [[ -f "$tmp/idle.ready" ]] && return 0
    kill -0 "$idle_pid" 2> /dev/null || { cat "$tmp/idle.err" >&2; die "idle_connections.py exited"; }
    sleep 0.1
  done
  die "the $idle_count idle connections were not all open after 60 s"
}
stop_idle() {
  kill -TERM "$idle_pid" 2> /dev/null || true
  wait "$idle_pid" 2> /dev/null || true
  cat "$tmp/idle.out" >> "$out/idle.jsonl"
  if [[ -s "$tmp/idle.err" ]]; then
    echo "bench: idle_connections.py reported:" >&2
    sort "$tmp/idle.err" | uniq -c | sort -rn | head -5 >&2
  fi
  idle_pid=
}

for ((round = 1; round <= runs; round++)); do
  bench me nginx "$round" "$ng/api/v1/me" "${auth[@]}"
  bench me samverkan "$round" "$sv/api/v1/me" "${auth[@]}"
  start_idle
  bench me_idle samverkan "$round" "$sv/api/v1/me" "${auth[@]}"
  stop_idle
  bench healthz nginx "$round" "$ng/healthz"
  bench healthz samverkan "$round" "$sv/healthz"
done

# --- report -----------------------------------------------------------------------------------
head_bytes() { tr -d '\r' < "$1" | awk 'NF { n += length($0) + 2 } END { print n + 2 }'; }
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "kernel=$(uname -r)"
  echo "load_before=$load_before"
  echo "runs=$runs"
  echo "idle=$idle_count"
  echo "wrk_cmd=${wrk_base[*]}"
  echo "nginx_workers=$nginx_workers"
  echo "nginx_version=$("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///')"
  echo "bytes_me=$bytes_me"
  echo "bytes_healthz=$bytes_healthz"
  for f in head_me_samverkan head_me_nginx head_healthz_samverkan head_healthz_nginx; do
    echo "$f=$(head_bytes "$tmp/$f")"
  done
} > "$out/meta.txt"
python3 "$here/report.py" --runs "$out/runs.tsv" --meta "$out/meta.txt" --idle "$out/idle.jsonl" \
  > "$out/results.md"
errors=$(grep -c -E ' (ERROR|CRITICAL|FATAL|Error|Critical|Fatal) ' "$tmp/server.log" || true)
if [[ "$errors" != 0 ]]; then
  echo "bench: the server logged $errors error lines; see $out/server.log" >&2
fi

# --- domain benchmarks ------------------------------------------------------------------------
# In-process against the real store in a temporary data folder; Markdown on stdout.
rm -f "$out/domain.md"
if [[ "$domain" == 1 ]]; then
  # The HTTP servers are done with: stopped, so that they do not share the cores with the run.
  for pid in "$sv_pid" "$ng_pid"; do kill "$pid" 2> /dev/null || true; done
  for pid in "$sv_pid" "$ng_pid"; do wait "$pid" 2> /dev/null || true; done
  domain_args=(--tmp "$tmp")
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then domain_args+=(--keep); fi
  echo "bench: domain benchmarks: $domain_bin ${domain_args[*]}" >&2
  "$domain_bin" "${domain_args[@]}" > "$out/domain.md" &
  domain_pid=$!
  pids+=("$domain_pid")
  wait "$domain_pid" || die "domain_bench failed"
  { echo; cat "$out/domain.md"; } >> "$out/results.md"
fi
echo
cat "$out/results.md"
echo
echo "bench: written to $out/results.md (raw wrk output in $out/raw/)" >&2
# Issue 4 and 6 (minutes saves against the git command line; overdue actions and carry-over): in-process.
# Issue 18: then ten such cities in one store, a shared service's size (5 000 contracts, 200 000
# meetings, 1 000 000 actions; BENCH_MUNICIPALITIES=1 skips it, another number sets it).
municipalities=${BENCH_MUNICIPALITIES:-10}
if [[ "$domain" == 1 && -x "$build/tests/bench/documents_bench" ]]; then
  "$build/tests/bench/documents_bench" --tmp "$tmp" | tee "$out/documents.md"
  if [[ "$municipalities" != 1 ]]; then
    "$build/tests/bench/documents_bench" --tmp "$tmp" --saves 20 --municipalities "$municipalities" |
      tee "$out/documents-municipalities.md"
  fi
fi
# Issue 18: the same on PostgreSQL, in a temporary cluster of its own (tests/support/pg_cluster.sh,
# fsync on, on the same disk), removed after (BENCH_POSTGRESQL=0 skips).
if [[ "$domain" == 1 && "${BENCH_POSTGRESQL:-1}" != 0 && -x "$build/tests/bench/documents_bench" ]]; then
  pg_dir=$(mktemp -d "$tmp/pg-XXXXXX")
  chmod 711 "$tmp" "$pg_dir"
  pg_port=$("$here/../support/pg_cluster.sh" start "$pg_dir/cluster") || die "no PostgreSQL cluster"
  pg="host=$pg_dir/cluster port=$pg_port user=samverkan"
  "$build/tests/bench/documents_bench" --tmp "$tmp" --postgresql "$pg dbname=samverkan" |
    tee "$out/documents-postgresql.md" || true
  if [[ "$municipalities" != 1 ]] &&
    psql -X -q "$pg dbname=postgres" -c 'CREATE DATABASE municipalities' > /dev/null; then
    "$build/tests/bench/documents_bench" --tmp "$tmp" --saves 20 --municipalities "$municipalities" \
      --postgresql "$pg dbname=municipalities" | tee "$out/documents-municipalities-postgresql.md" || true
  fi
  "$here/../support/pg_cluster.sh" remove "$pg_dir/cluster"
fi
# Issue 18: minutes saves per second through two processes on one PostgreSQL against one, behind
# nginx (about a minute; BENCH_PROCESSES=0 skips; BENCH_CLIENTS, BENCH_SECONDS, BENCH_ROUNDS).
if [[ "$domain" == 1 && "${BENCH_POSTGRESQL:-1}" != 0 && "${BENCH_PROCESSES:-1}" != 0 &&
  -x "$build/tests/bench/processes_bench" ]]; then
  "$build/tests/bench/processes_bench" "[.bench]" | tee "$out/processes.md" || true
fi
# Issue 19, point 12: the register searched with FTS5 over 20 000 registered protocols, in-process.
if [[ "$domain" == 1 && -x "$build/tests/bench/search_bench" ]]; then "$build/tests/bench/search_bench" --tmp "$tmp" | tee "$out/search.md"; fi
# Issue 15, point 6: the yearly summary of one authority-year (JSON, HTML, PDF) over ten years of a
# large city, in-process through the routes' handlers.
if [[ "$domain" == 1 && -x "$build/tests/bench/annual_bench" ]]; then "$build/tests/bench/annual_bench" --tmp "$tmp" | tee "$out/annual.md"; fi
# Hardening issue, finding 5: 512 KiB of each pathological Markdown pattern as minutes.html and
# minutes.pdf, in-process (under a minute).
if [[ "$domain" == 1 && -x "$build/tests/bench/markdown_bench" ]]; then "$build/tests/bench/markdown_bench" | tee "$out/markdown.md"; fi
# The scripts below start their own servers: this run's samverkan and nginx are done with.
for pid in "$sv_pid" "$ng_pid"; do kill "$pid" 2> /dev/null || true; done
for pid in "$sv_pid" "$ng_pid"; do wait "$pid" 2> /dev/null || true; done
# Issue 11, point 9: saves over HTTP on a ~50 KB protocol against git add + commit (BENCH_MINUTES_SAVE=0 skips).
if [[ "${BENCH_MINUTES_SAVE:-1}" != 0 ]]; then "$here/minutes_save.sh" "$build" | tee "$out/minutes_save.md"; fi
# Issues 4 and 11: GET …/minutes.html against bare Poco and nginx serving the same bytes (BENCH_MINUTES_PAGE=0 skips).
if [[ "${BENCH_MINUTES_PAGE:-1}" != 0 ]]; then "$here/minutes_page.sh" "$build" | tee "$out/minutes_page.md"; fi
