// The store a test opens, on either database: SQLite in the test's folder, or, when
// SAMVERKAN_TEST_POSTGRESQL_DIR names a running test cluster (tests/support/pg_cluster.sh; CTest
// starts one for the runs named "… on postgresql"), a PostgreSQL database of the test's own. The
// same test code runs against both stores (issue 18: parameterised, not copied).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "server/store/store.hpp"

namespace sv::test {

// Whether this run's stores are PostgreSQL's.
bool onPostgresql();

// Options for Store::open on `dir`. On PostgreSQL the database is named after the folder and
// made on first use, so a test that opens the same folder twice (a restart) finds its data again.
store::StoreOptions testStore(const std::filesystem::path& dir, int readConnections = 1);

// The test's database opened around the store, as someone who can write to it but is not the
// server would (an administrator of the file or of the database server): SQLite's samverkan.db in
// `dir`, or the PostgreSQL database testStore(dir) names. For the tests that tamper with the
// record and show it is found.
class RawDatabase {
 public:
  explicit RawDatabase(const std::filesystem::path& dir);
  ~RawDatabase();
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  // Runs the statements; the database's message when it refuses, empty when it did them.
  std::string exec(const std::string& sql);
  // Every row of a query, each column as text (NULL as empty).
  std::vector<std::vector<std::string>> rows(const std::string& sql);
  // Drops the trigger `name` of `table`, in the database's own words.
  std::string dropTrigger(const std::string& name, const std::string& table);

 private:
  struct Open;
  std::unique_ptr<Open> open_;
};

}  // namespace sv::test
