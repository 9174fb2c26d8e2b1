#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "server/store/audit.hpp"
#include "server/store/database.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

using namespace sv;
using namespace sv::store;

namespace {

void appendSome(Store& store, int n) {
  for (int i = 0; i < n; ++i)
    store.db().write([&](store::Writing& c) {
      appendAudit(c, AuditEntry{1, "admin", "user.create", "user", std::to_string(i)},
                  Clock::now());
      return 0;
    });
}

// Tampering as someone with the database file would: outside the server, triggers dropped.
void tamper(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
  char* error = nullptr;
  const std::string all =
      "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; " + sql;
  const int rc = sqlite3_exec(raw, all.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);
  sqlite3_close(raw);
  REQUIRE(rc == SQLITE_OK);
}

std::vector<AuditFinding> verify(const std::filesystem::path& dir) {
  auto store = Store::open(test::testStore(dir));
  REQUIRE(store);
  return (*store)->verifyAudit().findings;
}

}  // namespace

TEST_CASE("an untouched audit log verifies", "[store][audit]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  appendSome(**store, 5);
  CHECK((*store)->verifyAudit().findings.empty());
  const auto entries = (*store)->db().read([](store::Reading& c) { return listAudit(c, {}); });
  REQUIRE(entries.size() == 5);
  CHECK(entries[4].entry.objectId == "4");
}

TEST_CASE("the server's own connection cannot change or delete an entry", "[store][audit]") {
  test::TempDir dir;
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  appendSome(**store, 2);
  auto& db = (*store)->db();
  CHECK_THROWS_AS(db.write([](store::Writing& c) {
    c.prepare("UPDATE audit_log SET actor = 'someone' WHERE id = 1").run();
    return 0;
  }),
                  DatabaseError);
  CHECK_THROWS_AS(db.write([](store::Writing& c) {
    c.prepare("DELETE FROM audit_log WHERE id = 2").run();
    return 0;
  }),
                  DatabaseError);
}

TEST_CASE("verification finds an edited entry", "[store][audit][sqlite]") {
  test::TempDir dir;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    appendSome(**store, 4);
  }
  tamper(dir.path() / "samverkan.db", "UPDATE audit_log SET actor = 'mallory' WHERE id = 2;");
  const auto findings = verify(dir.path());
  REQUIRE_FALSE(findings.empty());
  CHECK(findings.front().id == 2);
  CHECK(findings.front().problem == "was changed after it was written");
}

TEST_CASE("verification finds a deleted entry in the middle and at the end",
          "[store][audit][sqlite]") {
  test::TempDir dir;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    appendSome(**store, 4);
  }
  SECTION("middle") {
    tamper(dir.path() / "samverkan.db", "DELETE FROM audit_log WHERE id = 2;");
    const auto findings = verify(dir.path());
    REQUIRE_FALSE(findings.empty());
    CHECK(findings.front().id == 3);
  }
  SECTION("end") {
    tamper(dir.path() / "samverkan.db", "DELETE FROM audit_log WHERE id = 4;");
    const auto findings = verify(dir.path());
    REQUIRE_FALSE(findings.empty());
    CHECK(findings.front().problem == "the log ends before its last recorded entry");
  }
}
