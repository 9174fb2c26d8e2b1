#!/usr/bin/env bash
# CTest "store: postgresql schema": the PostgreSQL schema (server/store/migrations/postgresql/)
# equals the one the SQLite migrations leave behind, and its triggers refuse what SQLite's refuse
# (schema_compare.py). On a temporary PostgreSQL (tests/support/pg_cluster.sh), stopped and
# removed however the test ends.
#   tests/store/pg_schema_test.sh [SOURCE_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=${1:-$(cd "$here/../.." && pwd)}
migrations=$source_dir/server/store/migrations

work=$(mktemp -d)
# The cluster's owner (postgres, when this runs as root) must be able to enter the folder.
chmod 711 "$work"
trap '"$source_dir/tests/support/pg_cluster.sh" remove "$work/pg" || true; rm -rf "$work"' EXIT

port=$("$source_dir/tests/support/pg_cluster.sh" start "$work/pg")

# PostgreSQL's schema starts at 028 (the whole schema); every later file is one migration's twin.
for file in "$migrations"/postgresql/[0-9][0-9][0-9]_*.sql; do
  psql -X -q -h 127.0.0.1 -p "$port" -U samverkan -d samverkan -v ON_ERROR_STOP=1 \
    --single-transaction -f "$file" > /dev/null
done

# SQLite's as the store's runner makes it (server/store/migrations.cpp): each migration in its own
# transaction, foreign keys off around it and checked before the commit.
for file in "$migrations"/[0-9][0-9][0-9]_*.sql; do
  {
    echo "PRAGMA foreign_keys = OFF;"
    echo "BEGIN;"
    cat "$file"
    echo ";"
    echo "PRAGMA user_version = $((10#$(basename "$file" | cut -c1-3)));"
    echo "COMMIT;"
  } | sqlite3 -bail "$work/sqlite.db"
  broken=$(sqlite3 "$work/sqlite.db" "PRAGMA foreign_key_check")
  if [ -n "$broken" ]; then
    echo "migration $(basename "$file") leaves a foreign key broken: $broken" >&2
    exit 1
  fi
done

python3 "$here/schema_compare.py" --sqlite "$work/sqlite.db" --host 127.0.0.1 --port "$port" \
  --user samverkan --dbname samverkan
