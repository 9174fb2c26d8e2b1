#include "server/store/migrations.hpp"

#include <map>
#include <string>
#include <string_view>

namespace sv::store::migration_files {
const std::map<std::string, std::string_view>& files();
}

namespace sv::store {
namespace {

// "migrations/003_minutes.sql" -> 3
int numberOf(const std::string& name) {
  const auto slash = name.rfind('/');
  return std::stoi(name.substr(slash == std::string::npos ? 0 : slash + 1, 3));
}

// SQLite's migrations are migrations/NNN_*.sql; PostgreSQL's are migrations/postgresql/NNN_*.sql,
// beginning with the whole schema at version 28 (when PostgreSQL came; three files) and from then
// on a twin of each SQLite migration (tests/store/migrations_test.cpp holds the two series to the
// same numbers).
bool belongsTo(const std::string& name, Dialect dialect) {
  const bool postgres = name.starts_with("migrations/postgresql/");
  return dialect == Dialect::Postgresql ? postgres : !postgres;
}

// The same, on PostgreSQL: all pending migrations in one transaction (its DDL is transactional),
// under the store's write lock, so that two processes starting at once migrate once.
int migratePostgres(Connection& conn) {
  conn.exec("BEGIN; SELECT pg_advisory_xact_lock(32476745087414891)");
  try {
    conn.exec("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
    int current = 0;
    {
      auto version = conn.prepare("SELECT max(version) FROM schema_version");
      if (version.step() && !version.isNull(0)) current = static_cast<int>(version.int64(0));
    }
    // A version may come in several files (028's schema is three), applied in name order.
    const int from = current;
    for (const auto& [name, sql] : migration_files::files()) {
      if (!belongsTo(name, Dialect::Postgresql) || numberOf(name) <= from) continue;
      conn.exec(std::string(sql));
      current = std::max(current, numberOf(name));
    }
    conn.exec("DELETE FROM schema_version; INSERT INTO schema_version VALUES (" +
              std::to_string(current) + "); COMMIT");
    return current;
  } catch (...) {
    conn.exec("ROLLBACK");
    throw;
  }
}

}  // namespace

int latestSchemaVersion(Dialect dialect) {
  int latest = 0;
  for (const auto& [name, sql] : migration_files::files())
    if (belongsTo(name, dialect)) latest = std::max(latest, numberOf(name));
  return latest;
}

int migrate(Connection& conn) {
  if (conn.dialect() == Dialect::Postgresql) return migratePostgres(conn);
  int current = 0;
  {
    auto version = conn.prepare("PRAGMA user_version");
    version.step();
    current = static_cast<int>(version.int64(0));
  }
  for (const auto& [name, sql] : migration_files::files()) {  // std::map: in file-name order
    const int number = numberOf(name);
    if (!belongsTo(name, Dialect::Sqlite) || number <= current) continue;
    // Foreign keys off around the migration (the pragma does nothing inside a transaction), so
    // that a migration may rebuild a table others refer to; they are checked before COMMIT.
    conn.exec("PRAGMA foreign_keys = OFF");
    conn.exec("BEGIN IMMEDIATE");
    try {
      conn.exec(std::string(sql));
      auto broken = conn.prepare("PRAGMA foreign_key_check");
      if (broken.step())
        throw DatabaseError(
            SQLITE_CONSTRAINT_FOREIGNKEY,
            "migration " + name + " leaves a foreign key broken in table '" + broken.text(0) + "'");
      conn.exec("PRAGMA user_version = " + std::to_string(number));
      conn.exec("COMMIT");
    } catch (...) {
      conn.exec("ROLLBACK");
      conn.exec("PRAGMA foreign_keys = ON");
      throw;
    }
    conn.exec("PRAGMA foreign_keys = ON");
    current = number;
  }
  return current;
}

}  // namespace sv::store
