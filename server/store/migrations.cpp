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

}  // namespace

int latestSchemaVersion() {
  int latest = 0;
  for (const auto& [name, sql] : migration_files::files())
    latest = std::max(latest, numberOf(name));
  return latest;
}

int migrate(Connection& conn) {
  int current = 0;
  {
    auto version = conn.prepare("PRAGMA user_version");
    version.step();
    current = static_cast<int>(version.int64(0));
  }
  for (const auto& [name, sql] : migration_files::files()) {  // std::map: in file-name order
    const int number = numberOf(name);
    if (number <= current) continue;
    // Foreign keys off around the migration (the pragma does nothing inside a transaction), so
    // that a migration may rebuild a table others refer to; they are checked before COMMIT.
    conn.exec("PRAGMA foreign_keys = OFF");
    conn.exec("BEGIN IMMEDIATE");
    try {
      conn.exec(std::string(sql));
      auto broken = conn.prepare("PRAGMA foreign_key_check");
      if (broken.step())
        throw DatabaseError(SQLITE_CONSTRAINT_FOREIGNKEY, "migration " + name + " leaves a foreign key broken in table '" +
                            broken.text(0) + "'");
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
