#include <catch2/catch.hpp>

#include "server/store/database.hpp"
#include "server/store/migrations.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

std::int64_t pragma(Reading& c, const std::string& name) {
  auto s = c.prepare("PRAGMA " + name);
  s.step();
  return s.int64(0);
}

}  // namespace

TEST_CASE("opening a data folder applies every migration and switches durability on",
          "[store][sqlite]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path(), 2));
  REQUIRE(store);
  CHECK((*store)->schemaVersion() == latestSchemaVersion());
  (*store)->db().read([](store::Reading& c) {
    CHECK(pragma(c, "synchronous") == 2);  // FULL
    CHECK(pragma(c, "foreign_keys") == 1);
    auto mode = c.prepare("PRAGMA journal_mode");
    mode.step();
    CHECK(mode.text(0) == "wal");
    return 0;
  });
  CHECK(std::filesystem::exists(dir.path() / "samverkan.db"));
  CHECK(std::filesystem::is_directory(dir.path() / "repositories"));
}

// SQLite's folder has one process; PostgreSQL's is shared by several server processes (issue
// 18), and never with one on SQLite (or a move, or a restore, which take it the same way).
TEST_CASE("a folder in use: one process on SQLite, several on PostgreSQL, never both", "[store]") {
  test::TempDir dir;
  auto first = Store::open(test::testStore(dir.path()));
  REQUIRE(first);
  auto second = Store::open(test::testStore(dir.path()));
  if (test::onPostgresql()) {
    REQUIRE(second);
    // A write through one is counted by the other (the caches that trust the count, issue 18).
    const auto seen = (*second)->writes();
    (*first)->write([](Writing& c) {
      c.prepare(
           "INSERT INTO organizations (name, kind, created_at) VALUES ('B AB', 'provider', 'now')")
          .run();
    });
    CHECK((*second)->writes() > seen);
    StoreOptions onSqlite = test::testStore(dir.path());
    onSqlite.postgresql.clear();
    const auto beside = Store::open(onSqlite);
    REQUIRE_FALSE(beside);
    CHECK(beside.error().code == Errc::Conflict);
    return;
  }
  REQUIRE_FALSE(second);
  CHECK(second.error().code == Errc::Conflict);
  first->reset();
  CHECK(Store::open(test::testStore(dir.path())));
}

TEST_CASE("a write that returns an error is rolled back", "[store]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& db = (*store)->db();
  Status result = db.write([](store::Writing& c) -> Status {
    c.prepare("INSERT INTO organizations (name, kind, created_at) VALUES ('X', 'provider', 'now')")
        .run();
    return fail(Errc::Invalid, "refused");
  });
  CHECK_FALSE(result);
  const auto count = db.read([](store::Reading& c) {
    auto s = c.prepare("SELECT COUNT(*) FROM organizations");
    s.step();
    return s.int64(0);
  });
  CHECK(count == 0);
}

TEST_CASE("foreign keys are enforced", "[store]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  CHECK_THROWS_AS((*store)->db().write([](store::Writing& c) {
    c.prepare(
         "INSERT INTO users (username, name, email, password_hash, organization_id, created_at) "
         "VALUES ('u', 'U', 'u@x.se', 'h', 4242, 'now')")
        .run();
    return 0;
  }),
                  DatabaseError);
}

// Caches of what is derived from the database (the protocol pages) trust an unchanged count to
// mean unchanged data; these are the two halves of that promise.
TEST_CASE("a committed write raises the write count, one refused or thrown changes no data",
          "[store][cache]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  auto& db = (*store)->db();
  const auto insert = [](Writing& c, const std::string& name) {
    c.prepare("INSERT INTO organizations (name, kind, created_at) VALUES (?1, 'provider', 'now')")
        .bind(1, name)
        .run();
  };
  const auto before = db.writes();
  db.write([&](store::Writing& c) {
    insert(c, "Committed AB");
    return 0;
  });
  CHECK(db.writes() == before + 1);
  Status refused = db.write([&](store::Writing& c) -> Status {
    insert(c, "Refused AB");
    return fail(Errc::Invalid, "refused");
  });
  CHECK_FALSE(refused);
  // SQLite's count is the process's own and counts every end; PostgreSQL's is the database's and
  // counts commits. Either way a cache never sees the same count over different data.
  const auto afterRefused = db.writes();
  CHECK(afterRefused >= before + 1);
  CHECK_THROWS_AS(db.write([&](store::Writing& c) {
    insert(c, "Thrown AB");
    c.prepare("SELECT * FROM no_such_table").step();
    return 0;
  }),
                  DatabaseError);
  const auto afterThrown = db.writes();
  CHECK(afterThrown >= afterRefused);
  db.read([](store::Reading& c) {
    auto s = c.prepare("SELECT 1");
    s.step();
    return 0;
  });
  CHECK(db.writes() == afterThrown);
  db.write([&](store::Writing& c) {
    insert(c, "Committed Too AB");
    return 0;
  });
  CHECK(db.writes() > afterThrown);
}

// The services see only Store::read and Store::write (transaction.hpp); the result of the work
// comes back through the type-erased call, and an error in it still rolls the change back.
TEST_CASE("Store::write commits a value, rolls back an error and an exception, and keeps both",
          "[store]") {
  test::TempDir dir;
  auto opened = Store::open(test::testStore(dir.path()));
  REQUIRE(opened);
  Store& st = **opened;
  const auto insert = [](Writing& c, const std::string& name) {
    c.prepare("INSERT INTO organizations (name, kind, created_at) VALUES (?1, 'provider', 'now')")
        .bind(1, name)
        .run();
    return c.lastInsertId();
  };
  const auto count = [&](const std::string& name) {
    return st.read([&](Reading& c) {
      auto s = c.prepare("SELECT count(*) FROM organizations WHERE name = ?1");
      s.bind(1, name).step();
      return s.int64(0);
    });
  };
  const std::int64_t id = st.write([&](Writing& c) { return insert(c, "Kept AB"); });
  CHECK(id > 0);
  CHECK(count("Kept AB") == 1);

  const Result<std::int64_t> refused = st.write([&](Writing& c) -> Result<std::int64_t> {
    insert(c, "Refused AB");
    return fail(Errc::Conflict, Reason::VersionMovedOn, "moved on");
  });
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == Reason::VersionMovedOn);
  CHECK(count("Refused AB") == 0);

  CHECK_THROWS_AS(st.write([&](Writing& c) {
    insert(c, "Thrown AB");
    c.prepare("SELECT * FROM no_such_table").step();
  }),
                  DatabaseError);
  CHECK(count("Thrown AB") == 0);
  const auto before = st.writes();
  st.write([&](Writing& c) { insert(c, "Void AB"); });
  CHECK(st.writes() == before + 1);
  CHECK(count("Void AB") == 1);
}

TEST_CASE("a reader connection refuses to write, so every change is counted", "[store][cache]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path(), 2));
  REQUIRE(store);
  auto& db = (*store)->db();
  const auto before = db.writes();
  CHECK_THROWS_AS(db.read([](store::Reading& c) {
    c.prepare("INSERT INTO organizations (name, kind, created_at) VALUES ('X', 'provider', 'now')")
        .run();
    return 0;
  }),
                  DatabaseError);
  CHECK(db.writes() == before);
  const auto count = db.read([](store::Reading& c) {
    auto s = c.prepare("SELECT COUNT(*) FROM organizations");
    s.step();
    return s.int64(0);
  });
  CHECK(count == 0);
}

}  // namespace SV_TEST_FILE
