# shellcheck shell=bash
# Sourced by the benchmark scripts: a scratch folder and the processes started in it, stopped and
# removed however the script ends (finished, failed, Ctrl-C, killed).
#
# bench_workspace NAME [BASE]   sets tmp (a new folder under BASE, default $TMPDIR or /tmp,
#                               readable by nginx's workers) and pids=(); the helpers that start
#                               servers (nginx.sh, demo_server.sh) append to pids.
# A script that wants something saved before the folder goes defines bench_before_cleanup.
# BENCH_KEEP=1 keeps the folder for a look afterwards.

bench_workspace() {
  bench_name=$1
  tmp=$(mktemp -d "${2:-${TMPDIR:-/tmp}}/samverkan-$1.XXXXXX")
  # nginx workers may run as another user (nobody, when started as root): they must reach it.
  chmod 755 "$tmp"
  pids=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

bench_cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  if declare -F bench_before_cleanup > /dev/null; then bench_before_cleanup || true; fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    echo "$bench_name: kept $tmp" >&2
  else
    rm -rf "$tmp"
  fi
  exit "$status"
}
