# shellcheck shell=bash disable=SC2154
# Sourced by minutes_page.sh and minutes_save.sh: samverkan started with --demo in a fresh data
# folder, with the repository's configuration and the one-line-per-request logger lowered to
# warning (no log lines during a benchmark).
#   start_demo_server <work-dir>
# Sets sv_port, sv_pid, sv (the base URL) and appends the pid to the caller's pids array; needs the
# caller's repo, server_bin and die(), and free_port and wait_http from nginx.sh. The data folder is
# <work-dir>/data and the log <work-dir>/server.log. BENCH_PROPERTIES adds lines to the
# configuration, e.g. BENCH_PROPERTIES='samverkan.git.retired_pack_seconds = 5'.
start_demo_server() {
  local dir=$1
  sv_port=$(free_port)
  {
    cat "$repo/config/samverkan.properties"
    echo
    echo "samverkan.config_dir = $repo/config"
    echo "logging.loggers.req.name = samverkan.request"
    echo "logging.loggers.req.level = warning"
    if [[ -n "${BENCH_PROPERTIES:-}" ]]; then echo "$BENCH_PROPERTIES"; fi
  } > "$dir/samverkan.properties"
  mkdir -p "$dir/data"
  (
    cd "$repo" || exit 1
    SAMVERKAN_PORT=$sv_port SAMVERKAN_DATA_DIR="$dir/data" \
      exec "$server_bin" --demo --config="$dir/samverkan.properties"
  ) > "$dir/server.log" 2>&1 &
  sv_pid=$!
  pids+=("$sv_pid")
  sv="http://127.0.0.1:$sv_port"
  wait_http "$sv/healthz" "$sv_pid" samverkan || { cat "$dir/server.log" >&2; die "samverkan did not start"; }
}
