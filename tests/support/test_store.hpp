// The store a test opens, on either database: SQLite in the test's folder, or, when
// SAMVERKAN_TEST_POSTGRESQL_DIR names a running test cluster (tests/support/pg_cluster.sh; CTest
// starts one for the runs named "… on postgresql"), a PostgreSQL database of the test's own. The
// same test code runs against both stores (issue 18: parameterised, not copied).
#pragma once

#include <filesystem>

#include "server/store/store.hpp"

namespace sv::test {

// Whether this run's stores are PostgreSQL's.
bool onPostgresql();

// Options for Store::open on `dir`. On PostgreSQL the database is named after the folder and
// made on first use, so a test that opens the same folder twice (a restart) finds its data again.
store::StoreOptions testStore(const std::filesystem::path& dir, int readConnections = 1);

}  // namespace sv::test
