// Issue 20, finding 10: the audit chain had no key. Someone with write access to samverkan.db
// could delete the last entry and rewind audit_head, edit an entry and recompute the chain, or
// wipe both tables, and verification still said "intact". Each attack here is made the way such
// a person would, on the database itself with the server stopped (SQLite's file, or in the run on
// PostgreSQL the database), then the folder is opened and verified as `samverkan verify-audit`
// does (Store::verifyAudit).
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "server/crypto/crypto.hpp"
#include "server/store/audit.hpp"
#include "server/store/database.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

namespace fs = std::filesystem;

void appendSome(Store& store, int n) {
  for (int i = 0; i < n; ++i)
    store.db().write([&](Writing& c) {
      appendAudit(c, AuditEntry{1, "admin", "user.create", "user", std::to_string(i)},
                  Clock::now());
      return 0;
    });
}

// A folder whose log has `n` entries, closed again.
void makeFolder(const fs::path& dir, int n) {
  auto store = Store::open(test::testStore(dir));
  REQUIRE(store);
  appendSome(**store, n);
}

AuditReport verify(const fs::path& dir) {
  auto store = Store::open(test::testStore(dir));
  REQUIRE(store);
  return (*store)->verifyAudit();
}

bool mentions(const AuditReport& report, const std::string& words) {
  for (const auto& f : report.findings)
    if (f.problem.find(words) != std::string::npos) return true;
  return false;
}

std::string readAll(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The attacker's tools: the database as its administrator has it (SQLite's file, or the
// PostgreSQL database), the log's triggers dropped, and the chain's published form
// (length-prefixed fields, SHA-256) to recompute hashes with.
class Attacker {
 public:
  explicit Attacker(const fs::path& dir) : db_(dir) {
    REQUIRE(db_.dropTrigger("audit_log_no_update", "audit_log").empty());
    REQUIRE(db_.dropTrigger("audit_log_no_delete", "audit_log").empty());
  }

  void exec(const std::string& sql) {
    const std::string refused = db_.exec(sql);
    INFO(refused);
    REQUIRE(refused.empty());
  }

  // Every hash from the first entry on, and the head, as the server would have written them.
  void rechain() {
    const auto rows = db_.rows(
        "SELECT id, at, actor_id, actor, action, object_type, object_id, version, detail "
        "FROM audit_log ORDER BY id");
    std::string prev = kAuditGenesis;
    for (const auto& row : rows) {
      std::string canonical;
      for (const auto& field : row) canonical += std::to_string(field.size()) + ":" + field + "\n";
      canonical += std::to_string(prev.size()) + ":" + prev + "\n";
      const std::string hash = crypto::sha256Hex(canonical);
      exec("UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + hash +
           "' WHERE id = " + row[0]);
      prev = hash;
    }
    exec("UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_log), last_hash = '" + prev +
         "'");
  }

 private:
  test::RawDatabase db_;
};

}  // namespace

TEST_CASE("a clean data folder verifies, sealed and anchored by a key of its own",
          "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 5);
  const auto report = verify(dir.path());
  CHECK(report.findings.empty());
  CHECK(std::find(report.notes.begin(), report.notes.end(),
                  "every entry is sealed with the audit key") != report.notes.end());
  const fs::path key = dir.path() / "audit.key";
  REQUIRE(fs::exists(key));
  CHECK(fs::file_size(key) == crypto::kAuthKeyBytes);
  struct stat info {};
  REQUIRE(::stat(key.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  // The anchor knows the head after the last write.
  CHECK(readAll(dir.path() / "audit.anchor").find("\n5 ") != std::string::npos);
}

TEST_CASE("a deleted last entry with audit_head rewound is found", "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 4);
  {
    Attacker mallory(dir.path());
    mallory.exec("DELETE FROM audit_log WHERE id = 4;");
    mallory.exec(
        "UPDATE audit_head SET last_id = 3, last_hash = (SELECT hash FROM audit_log WHERE id = "
        "3);");
  }
  const auto report = verify(dir.path());
  REQUIRE_FALSE(report.findings.empty());
  CHECK(mentions(report, "the audit anchor records entries through 4, but the log ends at 3"));
}

TEST_CASE("an entry edited with the chain recomputed is found", "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 4);
  {
    Attacker mallory(dir.path());
    mallory.exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 2;");
    mallory.rechain();
  }
  const auto report = verify(dir.path());
  REQUIRE_FALSE(report.findings.empty());
  CHECK_FALSE(mentions(report, "was changed after it was written"));  // the chain itself holds
  CHECK(report.findings.front().id == 2);
  CHECK(mentions(report, "its seal does not match"));
  CHECK(mentions(report, "differs from what the audit anchor recorded"));

  SECTION("also when the seals are wiped") {
    Attacker(dir.path()).exec("UPDATE audit_log SET mac = NULL;");
    const auto wiped = verify(dir.path());
    CHECK(mentions(wiped, "has no seal"));
    CHECK(mentions(wiped, "differs from what the audit anchor recorded"));
  }
}

TEST_CASE("a wiped audit log and head are found", "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 3);
  Attacker(dir.path()).exec("DELETE FROM audit_log; DELETE FROM audit_head;");
  SECTION("the anchor says entries existed") {
    const auto report = verify(dir.path());
    CHECK(mentions(report, "the audit anchor records entries through 3, but the log ends at 0"));
  }
  SECTION("and removing the anchor as well leaves a restart that is reported") {
    fs::remove(dir.path() / "audit.anchor");
    const auto report = verify(dir.path());
    CHECK(mentions(report, "the audit anchor was found missing and started again"));
    // Reported at every later check too, not only the first.
    CHECK(mentions(verify(dir.path()), "the audit anchor was found missing and started again"));
  }
  SECTION("and emptying the anchor as well is the same") {
    std::ofstream(dir.path() / "audit.anchor", std::ios::trunc);
    CHECK(mentions(verify(dir.path()), "the audit anchor was found missing and started again"));
  }
}

TEST_CASE("a removed audit key stops the folder from opening rather than starting a new chain",
          "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 2);
  fs::remove(dir.path() / "audit.key");
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE_FALSE(store);
  CHECK(store.error().detail.find("the audit key") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "audit.key"));

  SECTION("also with the anchor removed, since the entries carry the old key's seals") {
    fs::remove(dir.path() / "audit.anchor");
    CHECK_FALSE(Store::open(test::testStore(dir.path())));
  }
}

TEST_CASE("a forged line in the anchor is found", "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 2);
  std::ofstream(dir.path() / "audit.anchor", std::ios::app)
      << "9 " << std::string(64, 'a') << "\nnot a line\n";
  const auto report = verify(dir.path());
  CHECK(mentions(report, "the audit anchor records entries through 9"));
  CHECK(mentions(report, "is not one the server wrote"));
  // The forged line does not keep the next entries out of the anchor.
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    appendSome(**store, 1);
  }
  CHECK(readAll(dir.path() / "audit.anchor").find("\n3 ") != std::string::npos);
}

TEST_CASE("a data folder from before the key is sealed from the first start with it",
          "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 3);
  // What migration 024 leaves of an older folder: entries without seals, no key, no anchor.
  fs::remove(dir.path() / "audit.key");
  fs::remove(dir.path() / "audit.anchor");
  {
    Attacker old(dir.path());
    old.exec("UPDATE audit_log SET mac = NULL;");
  }
  const auto report = verify(dir.path());
  CHECK(report.findings.empty());
  CHECK(std::find(report.notes.begin(), report.notes.end(),
                  "entries 1-3 were written before the audit key existed; entry 4, written when "
                  "it was made, seals them through the chain") != report.notes.end());
  REQUIRE(fs::exists(dir.path() / "audit.key"));
  CHECK_FALSE(fs::exists(dir.path() / "audit.key.new"));
  {
    auto store = Store::open(test::testStore(dir.path()));
    REQUIRE(store);
    const auto entries = (*store)->auditEntries({});
    REQUIRE(entries.size() == 4);
    CHECK(entries[3].entry.action == "audit.seal");
    CHECK(entries[3].entry.detail == R"({"unsealed_through":3})");
    appendSome(**store, 1);
  }
  CHECK(verify(dir.path()).findings.empty());

  SECTION("an entry from before the key, edited with the chain recomputed, is found") {
    {
      Attacker mallory(dir.path());
      mallory.exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 1;");
      mallory.rechain();
    }
    const auto tampered = verify(dir.path());
    CHECK(mentions(tampered, "its seal does not match"));
    CHECK_FALSE(mentions(tampered, "was changed after it was written"));
  }
}

TEST_CASE("a sealing cut short by a crash is finished at the next start", "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 2);
  fs::remove(dir.path() / "audit.key");
  fs::remove(dir.path() / "audit.anchor");
  Attacker(dir.path()).exec("UPDATE audit_log SET mac = NULL;");
  makeFolder(dir.path(), 0);  // seals: entry 3
  // The crash: after the seal entry and the anchor's Seal line, before the key moved into place.
  fs::rename(dir.path() / "audit.key", dir.path() / "audit.key.new");
  const auto report = verify(dir.path());
  CHECK(report.findings.empty());
  CHECK(fs::exists(dir.path() / "audit.key"));
  auto store = Store::open(test::testStore(dir.path()));
  REQUIRE(store);
  CHECK((*store)->auditEntries({}).size() == 3);  // sealed once, not twice
}

TEST_CASE("an honest crash never looks like tampering", "[audit_anchor]") {
  test::TempDir dir;
  makeFolder(dir.path(), 3);
  const fs::path anchor = dir.path() / "audit.anchor";
  const std::string whole = readAll(anchor);

  SECTION("the last commit's line lost: the anchor lags, and the next start catches it up") {
    const auto cut = whole.rfind('\n', whole.size() - 2) + 1;
    std::ofstream(anchor, std::ios::trunc) << whole.substr(0, cut);
    const auto report = verify(dir.path());
    CHECK(report.findings.empty());
    CHECK(readAll(anchor).ends_with(whole.substr(cut)));
  }
  SECTION("a line cut short by a power cut is set aside") {
    std::ofstream(anchor, std::ios::app) << "4 0f1e";
    CHECK(verify(dir.path()).findings.empty());
    CHECK(readAll(anchor) == whole);
  }
  SECTION("a transaction that rolls back leaves no line") {
    {
      auto store = Store::open(test::testStore(dir.path()));
      REQUIRE(store);
      CHECK_THROWS((*store)->db().write([](Writing& c) {
        appendAudit(c, AuditEntry{1, "admin", "user.create", "user", "rolled back"}, Clock::now());
        c.exec("SELECT no_such_column FROM audit_log");
        return 0;
      }));
      appendSome(**store, 1);
      const auto report = (*store)->verifyAudit();
      CHECK(report.findings.empty());
    }
    CHECK(readAll(anchor).find("\n5 ") == std::string::npos);
    CHECK(readAll(anchor).find("\n4 ") != std::string::npos);
  }
}

TEST_CASE("the key and the anchor may live outside the data folder", "[audit_anchor]") {
  test::TempDir dir;
  test::TempDir vault;
  StoreOptions options = test::testStore(dir.path());
  options.auditKeyFile = vault.path() / "samverkan.key";
  options.auditAnchorFile = vault.path() / "samverkan.anchor";
  {
    auto store = Store::open(options);
    REQUIRE(store);
    appendSome(**store, 2);
  }
  CHECK(fs::exists(options.auditKeyFile));
  CHECK(fs::exists(options.auditAnchorFile));
  CHECK_FALSE(fs::exists(dir.path() / "audit.key"));
  Attacker(dir.path())
      .exec(
          "DELETE FROM audit_log WHERE id = 2; UPDATE audit_head SET last_id = 1, "
          "last_hash = (SELECT hash FROM audit_log WHERE id = 1);");
  auto store = Store::open(options);
  REQUIRE(store);
  CHECK_FALSE((*store)->verifyAudit().findings.empty());
}

}  // namespace SV_TEST_FILE
