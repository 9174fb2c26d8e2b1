// The store writes one SQL for SQLite and PostgreSQL; SQLite's parameters become PostgreSQL's
// here (server/store/postgres.hpp), outside quoted text and identifiers only.
#include <catch2/catch.hpp>

#include "server/store/postgres.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using sv::store::postgresParameters;

TEST_CASE("SQLite's parameters become PostgreSQL's", "[store][postgresql_sql]") {
  CHECK(postgresParameters("SELECT a FROM t WHERE id = ?1 AND b = ?2 OR c = ?1") ==
        "SELECT a FROM t WHERE id = $1 AND b = $2 OR c = $1");
  CHECK(postgresParameters("WHERE a = ? AND b = ?") == "WHERE a = $1 AND b = $2");
  // A bare ? is one past the largest number so far, as SQLite numbers it (the audit log's query
  // has ?1-?3 of its own and the tenant scope's plain ? after them).
  CHECK(postgresParameters("WHERE id > ?1 AND x = ?3 AND y = ? AND z = ?") ==
        "WHERE id > $1 AND x = $3 AND y = $4 AND z = $5");
  CHECK(postgresParameters("LIMIT ?12 OFFSET ?13") == "LIMIT $12 OFFSET $13");
}

TEST_CASE("a ? inside text or a quoted name stays as it is", "[store][postgresql_sql]") {
  CHECK(postgresParameters("SELECT '?1', 'it''s ?', \"odd?name\" FROM t WHERE a = ?") ==
        "SELECT '?1', 'it''s ?', \"odd?name\" FROM t WHERE a = $1");
  CHECK(postgresParameters("SELECT 'a?' || ? || '?b'") == "SELECT 'a?' || $1 || '?b'");
}

}  // namespace SV_TEST_FILE
