// A PostgreSQL store's backup and restore through PostgreSQL's own tools: pg_dump takes one
// consistent snapshot of the database while servers write (a repeatable-read transaction), in
// its custom format; pg_restore loads it into an empty database with the data before the triggers
// and indexes, so the record is loaded as it stood, not replayed. Inside the store only
// (Store::backup, Store::restorePostgresql).
#pragma once

#include <filesystem>
#include <string>

#include "workflows/result.hpp"

namespace sv::store {

// pg_dump of the database `connection` names into `file`. Errors: Internal with pg_dump's words.
Status dumpDatabase(const std::string& connection, const std::filesystem::path& file);

// pg_restore of `file` into the database `connection` names, which must hold no table: one
// transaction, stopped at the first error (nothing is left half-loaded). Errors: Conflict (the
// database holds tables already), Internal with pg_restore's words.
Status restoreDatabase(const std::string& connection, const std::filesystem::path& file);

}  // namespace sv::store
