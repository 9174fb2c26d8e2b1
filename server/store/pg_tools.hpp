// A PostgreSQL store's backup and restore through PostgreSQL's own tools: pg_dump takes one
// consistent snapshot of the database while servers write (a repeatable-read transaction), in
// its custom format; pg_restore loads it into an empty database with the data before the triggers
// and indexes, so the record is loaded as it stood, not replayed. Inside the store only
// (Store::backup, Store::restorePostgresql).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "workflows/result.hpp"

namespace sv::store {

// A connection string for a tool's command line, where any local user can read it (ps, /proc):
// every keyword of `connection` but its password, which goes to the tool's environment
// (PGPASSWORD) instead. Errors: Invalid with libpq's words when it does not parse.
struct ToolConnection {
  std::string conninfo;
  std::map<std::string, std::string> env;
};
Result<ToolConnection> toolConnection(const std::string& connection);

// pg_dump of the database `connection` names into `file`. Errors: Internal with pg_dump's words.
Status dumpDatabase(const std::string& connection, const std::filesystem::path& file);

// pg_restore of `file` into the database `connection` names, which must hold no table: one
// transaction, stopped at the first error (nothing is left half-loaded). Errors: Conflict (the
// database holds tables already), Internal with pg_restore's words.
Status restoreDatabase(const std::string& connection, const std::filesystem::path& file);

}  // namespace sv::store
