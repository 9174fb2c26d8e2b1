#!/usr/bin/env bash
# GET /api/v1/meetings/1/minutes.html on samverkan (the whole protocol as an HTML page, rendered
# once per version and then served from the service's cache, behind the bearer-token check)
# against nginx serving the same bytes as a static file, under wrk on loopback, interleaved. A third
# server, bare_poco (tests/bench/bare_poco.cpp: Poco's HTTPServer with samverkan's thread settings
# answering the same bytes and headers from memory), shows what Poco itself allows on the machine.
# Issue 4's aim: at least half of nginx's rate; issue 11's (point 9): at least 0.95x bare Poco on
# the ~50 KB protocol of tests/bench/minutes_protocol.py, gzip when the client accepts it
# (against nginx's gzip_static serving `gzip -k -9` of the same bytes), and 256 keep-alive
# connections all served with a p99 under 50 ms. Prints Markdown tables on stdout.
#
# Rows, each run interleaved (nginx, samverkan, bare Poco) in every round:
#   plain  BENCH_CONNECTIONS connections, no Accept-Encoding;
#   gzip   the same with "Accept-Encoding: gzip" (wrk -H). nginx has gzip_static on and a
#          minutes.html.gz beside minutes.html (if its build lacks ngx_http_gzip_static_module:
#          "gzip on; gzip_comp_level 1;", named in the table); bare Poco answers samverkan's
#          compressed bytes, or the .gz file while samverkan does not compress. If samverkan's
#          answer has no "Content-Encoding: gzip", its cells say so instead of a figure;
#   many   BENCH_MANY keep-alive connections to samverkan and bare Poco (all served? p99).
#
#   tests/bench/minutes_page.sh <build-dir>     (run.sh runs it last; BENCH_MINUTES_PAGE=0 skips)
#
# Environment (defaults in brackets):
#   BENCH_PROTOCOL        full: the protocol filled to BENCH_PROTOCOL_BYTES through the API
#                         (minutes_protocol.py); empty: the minutes as started from the agenda [full]
#   BENCH_PROTOCOL_BYTES  size of minutes.md for the full protocol [50000]
#   BENCH_SEED            seed of the protocol's text [11]
#   BENCH_GZIP            0 skips the gzip row [1]
#   BENCH_MANY            connections of the many-connections row; 0 skips it [256]
#   BENCH_DURATION [10], BENCH_RUNS [3], BENCH_THREADS [2], BENCH_CONNECTIONS [32],
#   BENCH_NGINX_WORKERS [auto], BENCH_KEEP [0], as for run.sh.
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
many=${BENCH_MANY:-256}
protocol=${BENCH_PROTOCOL:-full}
protocol_bytes=${BENCH_PROTOCOL_BYTES:-50000}
seed=${BENCH_SEED:-11}
use_gzip=${BENCH_GZIP:-1}
nginx_workers=${BENCH_NGINX_WORKERS:-auto}
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ "$protocol" == full || "$protocol" == empty ]] || die "BENCH_PROTOCOL is full or empty (got '$protocol')"
for n in "$duration" "$runs" "$threads" "$connections" "$protocol_bytes"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || die "BENCH_* counts must be positive integers (got '$n')"
done
[[ "$many" =~ ^[0-9]+$ && "$seed" =~ ^[0-9]+$ ]] || die "BENCH_MANY and BENCH_SEED must be integers"
for tool in wrk curl gzip python3 "$nginx_bin"; do
  command -v "$tool" > /dev/null 2>&1 || die "missing tool: $tool"
done

# shellcheck source=tests/bench/workspace.sh
source "$here/workspace.sh"
bench_workspace minutes-page

# shellcheck source=tests/bench/nginx.sh
source "$here/nginx.sh"
# shellcheck source=tests/bench/demo_server.sh
source "$here/demo_server.sh"

# --- samverkan with the demo data and the protocol --------------------------------------------
start_demo_server "$tmp"
login=$(curl -fsS --max-time 10 -H 'Content-Type: application/json' \
  -d '{"username":"anna.avtal","password":"samverkan-demo"}' "$sv/api/v1/session") ||
  die "login as anna.avtal failed"
token=$(printf '%s' "$login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
export BENCH_TOKEN=$token
auth=(-H "Authorization: Bearer $token")
if [[ "$protocol" == full ]]; then
  python3 "$here/minutes_protocol.py" --port "$sv_port" --token "$token" --bytes "$protocol_bytes" \
    --seed "$seed" > "$tmp/protocol.json" || die "filling the protocol failed"
  md_bytes=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["markdown_bytes"])' \
    "$tmp/protocol.json")
  echo "minutes_page: protocol filled: $(cat "$tmp/protocol.json")" >&2
else
  code=$(curl -sS -o "$tmp/publish.json" -w '%{http_code}' -X POST "${auth[@]}" \
    "$sv/api/v1/meetings/1/agenda/publish")
  [[ "$code" == 200 || "$code" == 201 ]] || die "publishing the agenda answered $code: $(cat "$tmp/publish.json")"
  code=$(curl -sS -o "$tmp/start.json" -w '%{http_code}' -X POST "${auth[@]}" \
    "$sv/api/v1/meetings/1/minutes")
  [[ "$code" == 200 || "$code" == 201 ]] || die "starting the minutes answered $code: $(cat "$tmp/start.json")"
  version=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$tmp/start.json")
  md_bytes=$(curl -fsS "${auth[@]}" "$sv/api/v1/meetings/1/minutes/versions/$version?format=md" | wc -c)
fi
page="$sv/api/v1/meetings/1/minutes.html"

mkdir -p "$tmp/www"
code=$(curl -sS -o "$tmp/www/minutes.html" -D "$tmp/head_samverkan" -w '%{http_code}' "${auth[@]}" "$page")
[[ "$code" == 200 ]] || die "GET minutes.html answered $code"
bytes=$(stat -c %s "$tmp/www/minutes.html")

# Does samverkan compress? The answer to Accept-Encoding: gzip, kept as it came.
sv_gzip=0
gz_bytes_sv=
if [[ "$use_gzip" == 1 ]]; then
  code=$(curl -sS -o "$tmp/samverkan.html.gz" -D "$tmp/head_samverkan_gz" -w '%{http_code}' \
    "${auth[@]}" -H 'Accept-Encoding: gzip' "$page")
  [[ "$code" == 200 ]] || die "GET minutes.html with Accept-Encoding: gzip answered $code"
  if tr -d '\r' < "$tmp/head_samverkan_gz" | grep -qi '^content-encoding: *gzip'; then
    sv_gzip=1
    gzip -dc < "$tmp/samverkan.html.gz" | cmp -s - "$tmp/www/minutes.html" ||
      die "samverkan's gzip answer does not unpack to the page"
    gz_bytes_sv=$(stat -c %s "$tmp/samverkan.html.gz")
  fi
  gzip -k -9 "$tmp/www/minutes.html"
fi
chmod -R a+rX "$tmp/www"

# --- nginx, set up as run.sh does, serving the page as text/html -------------------------------
nginx_gzip=
if [[ "$use_gzip" == 1 ]]; then
  if "$nginx_bin" -V 2>&1 | grep -q -- '--with-http_gzip_static_module'; then
    nginx_gzip="gzip_static on;"
  else
    echo "minutes_page: this nginx has no gzip_static module; compressing with gzip_comp_level 1" >&2
    nginx_gzip="gzip on; gzip_comp_level 1;"
  fi
fi
ng_port=$(free_port)
start_nginx "$tmp/nginx" "$ng_port" "$nginx_workers" "$tmp/www" text/html "$nginx_gzip"
ng="http://127.0.0.1:$ng_port"
wait_http "$ng/minutes.html" "$ng_pid" nginx || { cat "$tmp/nginx/error.log" >&2; exit 1; }
size=$(curl -fsS -o /dev/null -w '%{size_download}' "$ng/minutes.html")
[[ "$size" == "$bytes" ]] || die "nginx served $size bytes, samverkan $bytes"
if [[ "$use_gzip" == 1 ]]; then
  curl -fsS -o "$tmp/nginx.html.gz" -D "$tmp/head_nginx_gz" -H 'Accept-Encoding: gzip' "$ng/minutes.html"
  tr -d '\r' < "$tmp/head_nginx_gz" | grep -qi '^content-encoding: *gzip' ||
    die "nginx did not compress ($nginx_gzip)"
  gzip -dc < "$tmp/nginx.html.gz" | cmp -s - "$tmp/www/minutes.html" ||
    die "nginx's gzip answer does not unpack to the page"
  gz_bytes_ng=$(stat -c %s "$tmp/nginx.html.gz")
fi

# --- bare Poco, with samverkan's settings, the same bytes and the same headers ----------------
# start_bare NAME BODY HEADERS: sets bare_url.
start_bare() {
  local port
  port=$(free_port)
  "$bare_bin" --config="$tmp/samverkan.properties" --port="$port" --body="$2" --headers="$3" \
    > "$tmp/$1.log" 2>&1 &
  local p=$!
  pids+=("$p")
  bare_url="http://127.0.0.1:$port/minutes.html"
  wait_http "$bare_url" "$p" "$1" || { cat "$tmp/$1.log" >&2; exit 1; }
}
start_bare bare_poco "$tmp/www/minutes.html" "$tmp/head_samverkan"
bare=$bare_url
size=$(curl -fsS -o /dev/null -w '%{size_download}' "$bare")
[[ "$size" == "$bytes" ]] || die "bare_poco served $size bytes, samverkan $bytes"
if [[ "$use_gzip" == 1 ]]; then
  # samverkan's compressed answer when it has one; until then the .gz file nginx serves, with
  # samverkan's headers and Content-Encoding added.
  if [[ "$sv_gzip" == 1 ]]; then
    start_bare bare_poco_gz "$tmp/samverkan.html.gz" "$tmp/head_samverkan_gz"
  else
    { cat "$tmp/head_samverkan"; printf 'Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n'; } \
      > "$tmp/head_bare_gz"
    start_bare bare_poco_gz "$tmp/www/minutes.html.gz" "$tmp/head_bare_gz"
  fi
  bare_gz=$bare_url
  gz_bytes_bare=$(curl -fsS -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$bare_gz")
fi

# --- wrk, interleaved --------------------------------------------------------------------------
# one_run ROW SERVER URL CONNECTIONS [wrk args...]: appends "ROW SERVER rps p99_ms non2xx errors
# bytes_per_answer" to runs.txt.
one_run() {
  local row=$1 server=$2 url=$3 conns=$4
  shift 4
  local raw="$tmp/wrk-$row-$server-$round.txt"
  wrk "-t$threads" "-c$conns" "-d${duration}s" --latency -s "$here/bearer.lua" "$@" "$url" \
    > "$raw" 2>&1 &
  local p=$!
  pids+=("$p")
  wait "$p" || { cat "$raw" >&2; die "wrk failed against $url"; }
  kill -0 "$sv_pid" 2> /dev/null || die "samverkan died"
  awk -v row="$row" -v server="$server" '
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
    /^Transfer\/sec:/ { t = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
                        t *= (u == "KB" ? 1024 : u == "MB" ? 1048576 : u == "GB" ? 1073741824 : 1) }
    END { printf "%s %s %s %s %s %s %.0f\n", row, server, rps, p99, n, e, (rps > 0 ? t / rps : 0) }
  ' "$raw" >> "$tmp/runs.txt"
  echo "minutes_page: round $round: $(tail -1 "$tmp/runs.txt")" >&2
  # wrk's Transfer/sec over req/s: the bytes of one answer, headers included. A gzip row that
  # carries the whole page was not compressed (the header did not reach the server).
  if [[ "$row" == gzip ]]; then
    local per
    per=$(tail -1 "$tmp/runs.txt" | cut -d' ' -f7)
    ((per < bytes)) || die "$server answered $per bytes a request in the gzip row: not compressed"
  fi
}
gz=(-H 'Accept-Encoding: gzip')
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for url in "$page" "$ng/minutes.html" "$bare"; do
  wrk -t"$threads" -c"$connections" -d2s -s "$here/bearer.lua" "$url" > /dev/null 2>&1 || true
done
: > "$tmp/runs.txt"
for ((round = 1; round <= runs; round++)); do
  one_run plain nginx "$ng/minutes.html" "$connections"
  one_run plain samverkan "$page" "$connections"
  one_run plain bare_poco "$bare" "$connections"
  if [[ "$use_gzip" == 1 ]]; then
    one_run gzip nginx "$ng/minutes.html" "$connections" "${gz[@]}"
    if [[ "$sv_gzip" == 1 ]]; then one_run gzip samverkan "$page" "$connections" "${gz[@]}"; fi
    one_run gzip bare_poco "$bare_gz" "$connections" "${gz[@]}"
  fi
  if [[ "$many" -gt 0 ]]; then
    one_run many samverkan "$page" "$many"
    one_run many bare_poco "$bare" "$many"
  fi
done

nginx_version=$("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///')
about="$(git -C "$repo" rev-parse --short HEAD 2> /dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ)"
about+=", $(nproc) cores"
export REPORT_RUNS="$tmp/runs.txt" REPORT_BYTES="$bytes" REPORT_MD="$md_bytes" \
  REPORT_PROTOCOL="$protocol" REPORT_LOAD="$load_before" REPORT_THREADS="$threads" \
  REPORT_DURATION="$duration" REPORT_CONNECTIONS="$connections" REPORT_MANY="$many" \
  REPORT_NGINX="$nginx_version" REPORT_NGINX_GZIP="$nginx_gzip" REPORT_SV_GZIP="$sv_gzip" \
  REPORT_GZ_SV="$gz_bytes_sv" REPORT_GZ_NG="${gz_bytes_ng:-}" REPORT_GZ_BARE="${gz_bytes_bare:-}" \
  REPORT_ABOUT="$about"
python3 "$here/minutes_page_report.py"
