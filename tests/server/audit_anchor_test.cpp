// Issue 20, finding 10, with the real binary: a data folder the server wrote verifies with
// `samverkan verify-audit`, the tail cut from samverkan.db (audit_head rewound to match) makes it
// exit 1, and the audit key and anchor travel with `backup` and `restore`.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A server's folder with a few entries: the bootstrap, two organisations, the logins.
void serve(const std::filesystem::path& data) {
  ServerProcess server(data);
  const auto admin = server.login("admin", kAdminPassword);
  for (const char* name : {"Omsorg Ett AB", "Omsorg Två AB"})
    REQUIRE(server
                .post("/api/v1/organizations",
                      std::string(R"({"name":")") + name + R"(","kind":"provider"})", admin)
                .status == 201);
  REQUIRE(server.stop() == 0);
}

// As someone with the database file would: the triggers dropped, the last entry deleted and the
// head pointed at the one before, so that the hash chain holds.
void cutTail(const std::filesystem::path& data) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((data / "samverkan.db").c_str(), &db) == SQLITE_OK);
  const int rc =
      sqlite3_exec(db,
                   "DROP TRIGGER audit_log_no_delete;"
                   "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log);"
                   "UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_log),"
                   "  last_hash = (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1);",
                   nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("verify-audit passes a clean folder and fails one with its tail cut", "[audit_anchor]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  serve(data);
  const auto clean = runSamverkan(data, "verify-audit");
  INFO(clean.output);
  CHECK(clean.status == 0);
  CHECK(has(clean.output, "every entry is sealed with the audit key"));
  CHECK(has(clean.output, "audit log intact"));

  cutTail(data);
  const auto cut = runSamverkan(data, "verify-audit");
  INFO(cut.output);
  CHECK(cut.status == 1);
  CHECK(has(cut.output, "FAIL entry "));
  CHECK(has(cut.output, "entries were removed"));
  CHECK_FALSE(has(cut.output, "audit log intact"));
}

TEST_CASE("backup and restore keep the audit key and anchor", "[audit_anchor]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  serve(data);
  const auto copy = dir.path() / "copy";
  REQUIRE(runSamverkan(data, "backup --to=" + copy.string()).status == 0);
  CHECK(std::filesystem::exists(copy / "audit.key"));
  CHECK(std::filesystem::exists(copy / "audit.anchor"));

  const auto restored = dir.path() / "restored";
  const auto ran = runSamverkan(restored, "restore --from=" + copy.string());
  INFO(ran.output);
  REQUIRE(ran.status == 0);
  const auto verified = runSamverkan(restored, "verify-audit");
  INFO(verified.output);
  CHECK(verified.status == 0);

  // The restored folder is protected as the first was: its anchor knows the last entry.
  cutTail(restored);
  CHECK(runSamverkan(restored, "verify-audit").status == 1);
}

}  // namespace SV_TEST_FILE
