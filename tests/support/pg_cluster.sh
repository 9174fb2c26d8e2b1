#!/usr/bin/env bash
# A temporary PostgreSQL for tests, in a folder of its own:
#   tests/support/pg_cluster.sh start DIR   prints the port, writes DIR/port; database `samverkan`,
#                                           user `samverkan` (trust), on 127.0.0.1 and a socket in DIR
#   tests/support/pg_cluster.sh stop DIR    stops it (fast); nothing to stop is not an error
#   tests/support/pg_cluster.sh remove DIR  stops it at once and removes DIR: for a test cluster
#                                           that is thrown away (no shutdown checkpoint to wait for)
#   tests/support/pg_cluster.sh ensure DIR  the cluster in DIR running, made with start if there is
#                                           none, started again if it stopped (make run STORE=postgresql)
#   tests/support/pg_cluster.sh standby PRIMARY DIR
#                                           a streaming standby of the running cluster in PRIMARY,
#                                           in DIR on a port of its own (printed); from then on
#                                           PRIMARY acknowledges a commit only once the standby has
#                                           it (synchronous replication), so a failover loses none
#   tests/support/pg_cluster.sh crash DIR   stops it as a crash would (immediate: no checkpoint)
#   tests/support/pg_cluster.sh promote DIR makes the standby in DIR a primary, and waits for it
# PostgreSQL refuses to run as root, and CI runs as root: then the cluster is the `postgres`
# user's (DIR is given to it); anyone else runs it as themselves. fsync stays on, because the
# store's durability is what the tests are about. The binaries are PG_BINDIR's, or pg_config's.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|remove|ensure|crash|promote DIR, or $0 standby PRIMARY DIR" >&2
  exit 2
}
command=${1:-}
if [ "$command" = standby ]; then
  [ $# -eq 3 ] || usage
  primary=$2
  dir=$3
else
  [ $# -eq 2 ] || usage
  dir=$2
fi

bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  if command -v pg_config > /dev/null && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
    bindir=$(pg_config --bindir)
  else
    bindir=$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
fi
if [ ! -x "$bindir/pg_ctl" ]; then
  echo "pg_cluster: no PostgreSQL server binaries (install Debian's postgresql)" >&2
  exit 1
fi

# Runs a server binary as the cluster's owner, from DIR (the owner may not enter the caller's
# working folder).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

stop_cluster() {  # mode
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m "$1" -w -t 60 stop > /dev/null 2>&1 || true
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# DIR made, empty of a cluster, and the owner's (sets dir to its absolute path).
new_dir() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ -e "$dir/data" ]; then
    echo "pg_cluster: $dir/data exists already" >&2
    exit 1
  fi
  if [ "$(id -u)" = 0 ]; then
    if ! id postgres > /dev/null 2>&1; then
      echo "pg_cluster: running as root needs the postgres user (Debian's postgresql)" >&2
      exit 1
    fi
    chown postgres: "$dir"
    chmod 700 "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "pg_cluster: the postgres user cannot reach $dir (a parent folder is closed)" >&2
      exit 1
    fi
  fi
}

case $command in
  start)
    new_dir
    # Whatever fails from here leaves nothing running.
    trap 'stop_cluster immediate' ERR
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U samverkan -E UTF8 --locale=C.UTF-8 \
      > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # The port is free when asked and taken a moment later; another process may take it between.
    started=no
    for attempt in 1 2 3; do
      port=$(free_port)
      {
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $port"
        echo "unix_socket_directories = '$dir'"
        echo "fsync = on"
        echo "max_connections = 100"
      } | as_owner tee "$dir/data/postgresql.auto.conf" > /dev/null
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null; then
        started=yes
        break
      fi
      echo "pg_cluster: start on port $port failed (attempt $attempt)" >&2
    done
    if [ "$started" != yes ]; then
      tail -n 20 "$dir/server.log" >&2 || true
      stop_cluster immediate
      exit 1
    fi
    "$bindir/psql" -X -q -h "$dir" -p "$port" -U samverkan -d postgres -v ON_ERROR_STOP=1 \
      -c 'CREATE DATABASE samverkan' > /dev/null
    echo "$port" | as_owner tee "$dir/port" > /dev/null
    trap - ERR
    echo "$port"
    ;;
  ensure)
    if [ ! -e "$dir/data" ]; then
      exec "$0" start "$dir"
    fi
    dir=$(cd "$dir" && pwd)
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status > /dev/null 2>&1; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null
    fi
    cat "$dir/port"
    ;;
  standby)
    primary=$(cd "$primary" && pwd)
    primary_port=$(cat "$primary/port")
    new_dir
    trap 'stop_cluster immediate' ERR
    # -R: the copy starts as a standby that streams from the primary (primary_conninfo and
    # standby.signal); its own settings follow, and the later of two lines wins.
    as_owner "$bindir/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U samverkan -D "$dir/data" \
      -R -X stream -c fast > "$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; exit 1; }
    port=$(free_port)
    {
      echo "port = $port"
      echo "unix_socket_directories = '$dir'"
    } | as_owner tee -a "$dir/data/postgresql.auto.conf" > /dev/null
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start > /dev/null
    echo "$port" | as_owner tee "$dir/port" > /dev/null
    # Only now, or the standby would have copied it and, once promoted, wait for a standby of
    # its own that there is not.
    "$bindir/psql" -X -q -h "$primary" -p "$primary_port" -U samverkan -d postgres \
      -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET synchronous_standby_names = '*'" \
      -c 'SELECT pg_reload_conf()' > /dev/null
    # Streaming before it returns: a commit on the primary from now on waits for the standby.
    for _ in $(seq 100); do
      streaming=$("$bindir/psql" -X -A -t -h "$primary" -p "$primary_port" -U samverkan -d postgres \
        -c "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")
      [ "$streaming" = 1 ] && break
      sleep 0.1
    done
    if [ "$streaming" != 1 ]; then
      echo "pg_cluster: the standby in $dir does not stream from $primary" >&2
      stop_cluster immediate
      exit 1
    fi
    trap - ERR
    echo "$port"
    ;;
  crash)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_cluster immediate
    ;;
  promote)
    dir=$(cd "$dir" && pwd)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -w -t 60 promote > /dev/null
    ;;
  stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_cluster fast
    ;;
  remove)
    # A fast stop writes a shutdown checkpoint: after a suite's hundred databases (each a copy of
    # the template, logged in full) CI waited 45-67 s for it, for a folder deleted the next moment.
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_cluster immediate
    rm -rf "$dir"
    ;;
  *)
    usage
    ;;
esac
