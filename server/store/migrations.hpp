// Numbered schema migrations, compiled into the binary from server/store/migrations/NNN_*.sql
// (SQLite: PRAGMA user_version records the last one applied; each runs in its own transaction)
// and server/store/migrations/postgresql/NNN_*.sql (PostgreSQL: the table schema_version).
#pragma once

#include "server/store/database.hpp"

namespace sv::store {

// Applies every migration newer than the database. Returns the schema version now in force.
int migrate(Connection& conn);

int latestSchemaVersion(Dialect dialect = Dialect::Sqlite);

}  // namespace sv::store
