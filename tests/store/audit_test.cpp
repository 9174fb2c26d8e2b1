#include <catch2/catch.hpp>

#include "server/store/audit.hpp"
#include "server/store/database.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

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

// Tampering as someone with the database would: outside the server, triggers dropped.
void tamper(const std::filesystem::path& dir, const std::string& sql) {
  test::RawDatabase db(dir);
  REQUIRE(db.dropTrigger("audit_log_no_update", "audit_log").empty());
  REQUIRE(db.dropTrigger("audit_log_no_delete", "audit_log").empty());
  const std::string refused = db.exec(sql);
  INFO(refused);
  REQUIRE(refused.empty());
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

TEST_CASE("verification finds an edited entry", "[store][audit]") {
  test::TempDir dir;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    appendSome(**store, 4);
  }
  tamper(dir.path(), "UPDATE audit_log SET actor = 'mallory' WHERE id = 2;");
  const auto findings = verify(dir.path());
  REQUIRE_FALSE(findings.empty());
  CHECK(findings.front().id == 2);
  CHECK(findings.front().problem == "was changed after it was written");
}

TEST_CASE("verification finds a deleted entry in the middle and at the end", "[store][audit]") {
  test::TempDir dir;
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    appendSome(**store, 4);
  }
  SECTION("middle") {
    tamper(dir.path(), "DELETE FROM audit_log WHERE id = 2;");
    const auto findings = verify(dir.path());
    REQUIRE_FALSE(findings.empty());
    CHECK(findings.front().id == 3);
  }
  SECTION("end") {
    tamper(dir.path(), "DELETE FROM audit_log WHERE id = 4;");
    const auto findings = verify(dir.path());
    REQUIRE_FALSE(findings.empty());
    CHECK(findings.front().problem == "the log ends before its last recorded entry");
  }
}

}  // namespace SV_TEST_FILE
