// The two series of migrations (SQLite's migrations/NNN_*.sql, PostgreSQL's
// migrations/postgresql/NNN_*.sql) stay twins: PostgreSQL's begins with the whole schema at 028,
// and every migration after it exists for both databases with the same number, so that a store
// on either is at the same version after the same release.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "server/store/migrations.hpp"

namespace sv::store::migration_files {
const std::map<std::string, std::string_view>& files();
}

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::store;

namespace {

// "migrations/postgresql/028_schema_1_records.sql" -> 28, per series.
std::set<int> numbersOf(bool postgres) {
  std::set<int> out;
  for (const auto& [name, sql] : migration_files::files()) {
    if (name.starts_with("migrations/postgresql/") != postgres) continue;
    out.insert(std::stoi(name.substr(name.rfind('/') + 1, 3)));
  }
  return out;
}

}  // namespace

TEST_CASE("every migration after PostgreSQL's schema has a twin for the other database",
          "[store][migrations]") {
  const auto sqlite = numbersOf(false);
  const auto postgres = numbersOf(true);
  REQUIRE_FALSE(postgres.empty());
  CHECK(*postgres.begin() == 28);
  std::set<int> sqliteSince;
  for (int n : sqlite)
    if (n >= 28) sqliteSince.insert(n);
  CHECK(sqliteSince == postgres);
  CHECK(latestSchemaVersion(Dialect::Sqlite) == latestSchemaVersion(Dialect::Postgresql));
}

}  // namespace SV_TEST_FILE
