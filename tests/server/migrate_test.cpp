// Issue 18, point 3, with the real binary and a real PostgreSQL: `samverkan migrate
// --to=postgresql` moves a data folder's metadata out of SQLite, verifies it (counts, the audit
// chain with its seals and anchor, git against the database) and the server then serves the same
// record from PostgreSQL; a folder with a broken audit log, a database that holds data and a
// folder a server has open are refused, and nothing changes.
#include <libpq-fe.h>
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "support/json.hpp"
#include "support/postgres_cluster.hpp"
#include "support/repository_checks.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

CommandRun migrate(const std::filesystem::path& data, const std::string& connection) {
  return runSamverkan(data, "migrate --to=postgresql --connection='" + connection + "'");
}

std::int64_t totalOf(const HttpResult& r) {
  INFO(r.status << " " << r.body);
  REQUIRE(r.status == 200);
  return std::stoll(r.header("x-total-count"));
}

// How many tables the database has, and how many audit entries (-1 without the table).
std::pair<long, long> tablesAndEntries(const std::string& connection) {
  using Connection = std::unique_ptr<PGconn, decltype([](PGconn* c) { PQfinish(c); })>;
  using Rows = std::unique_ptr<PGresult, decltype([](PGresult* r) { PQclear(r); })>;
  const Connection c{PQconnectdb(connection.c_str())};
  REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
  const auto value = [&](const char* sql) {
    const Rows r{PQexec(c.get(), sql)};
    return PQresultStatus(r.get()) == PGRES_TUPLES_OK ? std::stol(PQgetvalue(r.get(), 0, 0)) : -1L;
  };
  return {value("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"),
          value("SELECT count(*) FROM audit_log")};
}

// A small folder a server wrote: the bootstrap, an organisation, the logins.
void serve(const std::filesystem::path& data, const std::string& organization) {
  ServerProcess server(data);
  const auto admin = server.login("admin", kAdminPassword);
  REQUIRE(server
              .post("/api/v1/organizations",
                    R"({"name":")" + organization + R"(","kind":"provider"})", admin)
              .status == 201);
  REQUIRE(server.stop() == 0);
}

}  // namespace

TEST_CASE("migrate --to=postgresql moves the demo's folder and the server serves it from there",
          "[migrate]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::string registry, organizations;
  std::int64_t actions = 0, contracts = 0;
  {
    ServerProcess server(data, {}, true);
    const auto admin = server.login("admin", kAdminPassword);
    registry = server.get("/api/v1/registry?limit=100", admin).body;
    organizations = server.get("/api/v1/organizations?limit=100", admin).body;
    actions = totalOf(server.get("/api/v1/actions", admin));
    contracts = totalOf(server.get("/api/v1/contracts", admin));
    REQUIRE(server.stop() == 0);
  }
  REQUIRE(array(registry)->size() > 0);

  PostgresCluster cluster;
  const auto connection = cluster.createDatabase("moved");
  const auto moved = migrate(data, connection);
  INFO(moved.output);
  REQUIRE(moved.status == 0);
  CHECK(has(moved.output, "OK SQLite's audit log verifies"));
  CHECK(has(moved.output, "each table's count in PostgreSQL equals SQLite's"));
  CHECK(has(moved.output, "OK PostgreSQL's audit log verifies (chain, seals, anchor)"));
  CHECK(has(moved.output, "document version and register tag is what PostgreSQL names"));
  CHECK(has(moved.output, "copied registry_search "));
  CHECK_FALSE(has(moved.output, "FAIL"));
  // The old copy cannot be served by mistake: it is renamed aside, the way back for the operator.
  CHECK_FALSE(std::filesystem::exists(data / "samverkan.db"));
  CHECK(std::filesystem::exists(data / "samverkan.db.moved-to-postgresql"));

  ServerProcess server(
      data, {{"samverkan.store", "postgresql"}, {"samverkan.store.connection", connection}});
  const auto admin = server.login("admin", kAdminPassword);
  // The same record, row for row, in the same order.
  CHECK(server.get("/api/v1/registry?limit=100", admin).body == registry);
  CHECK(server.get("/api/v1/organizations?limit=100", admin).body == organizations);
  CHECK(totalOf(server.get("/api/v1/actions", admin)) == actions);
  CHECK(totalOf(server.get("/api/v1/contracts", admin)) == contracts);
  // The demo's people log in with the passwords they had.
  CHECK_FALSE(server.login("anna.avtal", kDemoPassword).empty());
  const auto verification = object(server.get("/api/v1/audit/verification", admin).body);
  CHECK(verification->getValue<bool>("intact"));
  // The move is in the record.
  const auto entries = array(server.get("/api/v1/audit?object_type=store", admin).body);
  REQUIRE(entries->size() == 1);
  CHECK(text(at(entries, 0), "action") == "store.move");
  // Each identity continues past the largest id copied: a new row takes the next one.
  std::int64_t largest = 0;
  const auto before = array(organizations);
  for (std::size_t i = 0; i < before->size(); ++i)
    largest = std::max(largest, number(at(before, i), "id"));
  const auto created = server.post(
      "/api/v1/organizations", R"({"name":"Omsorg Efter Flytten AB","kind":"provider"})", admin);
  INFO(created.body);
  REQUIRE(created.status == 201);
  CHECK(number(object(created.body), "id") == largest + 1);
  REQUIRE(server.stop() == 0);
}

TEST_CASE("migrate refuses a broken audit log, a database with data and a folder in use",
          "[migrate]") {
  TempDir dir;
  PostgresCluster cluster;

  // An entry changed in SQLite as someone with the file could: nothing is copied.
  const auto broken = dir.path() / "broken";
  serve(broken, "Omsorg Ett AB");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((broken / "samverkan.db").c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db,
                                "DROP TRIGGER audit_log_no_update;"
                                "UPDATE audit_log SET actor = 'someone' WHERE id = 2;",
                                nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  }
  const auto empty = cluster.createDatabase("empty");
  const auto refused = migrate(broken, empty);
  INFO(refused.output);
  CHECK(refused.status == 1);
  CHECK(has(refused.output, "FAIL SQLite's audit log: entry 2"));
  CHECK(std::filesystem::exists(broken / "samverkan.db"));
  CHECK(tablesAndEntries(empty) == std::pair<long, long>{0, -1});

  // A database that holds another folder's data takes no second one.
  const auto first = dir.path() / "first";
  const auto second = dir.path() / "second";
  serve(first, "Omsorg Två AB");
  serve(second, "Omsorg Tre AB");
  const auto taken = cluster.createDatabase("taken");
  REQUIRE(migrate(first, taken).status == 0);
  const auto entries = tablesAndEntries(taken).second;
  const auto again = migrate(second, taken);
  INFO(again.output);
  CHECK(again.status != 0);
  CHECK(has(again.output, "holds data already"));
  CHECK(tablesAndEntries(taken).second == entries);
  CHECK(std::filesystem::exists(second / "samverkan.db"));

  // A folder a server has open is not moved under it.
  ServerProcess running(second);
  const auto busy = migrate(second, cluster.createDatabase("busy"));
  INFO(busy.output);
  CHECK(busy.status != 0);
  CHECK(has(busy.output, "another samverkan process is using"));
  CHECK(running.stop() == 0);
  CHECK(std::filesystem::exists(second / "samverkan.db"));
}

namespace {

// The settings of a command run (runSamverkan) that puts the metadata in PostgreSQL: the
// variables the server reads (server_app.cpp), set for this scope.
class OnPostgresql {
 public:
  explicit OnPostgresql(const std::string& connection) {
    ::setenv("SAMVERKAN_STORE", "postgresql", 1);
    ::setenv("SAMVERKAN_STORE_CONNECTION", connection.c_str(), 1);
  }
  ~OnPostgresql() {
    ::unsetenv("SAMVERKAN_STORE");
    ::unsetenv("SAMVERKAN_STORE_CONNECTION");
  }
  OnPostgresql(const OnPostgresql&) = delete;
  OnPostgresql& operator=(const OnPostgresql&) = delete;
};

std::map<std::string, std::string> postgresqlProperties(const std::string& connection) {
  return {{"samverkan.store", "postgresql"}, {"samverkan.store.connection", connection}};
}

}  // namespace

// Issue 18: `samverkan backup` of a folder whose metadata is in PostgreSQL, while its server runs
// (pg_dump's one snapshot, then the repositories), and `restore` into an empty database and
// folder; the restored record is the one of the backup's moment, its audit log verifies
// (verify-audit on PostgreSQL) and git is clean. A second restore over it is refused.
TEST_CASE("backup and restore of a folder on PostgreSQL, taken while its server writes",
          "[migrate]") {
  TempDir dir;
  PostgresCluster cluster;
  const auto live = cluster.createDatabase("live");
  const auto data = dir.path() / "data";
  const auto copy = dir.path() / "copy";
  std::string registry, organizations;
  std::int64_t actions = 0;
  {
    ServerProcess server(data, postgresqlProperties(live), true);
    const auto admin = server.login("admin", kAdminPassword);
    registry = server.get("/api/v1/registry?limit=100", admin).body;
    organizations = server.get("/api/v1/organizations?limit=100", admin).body;
    actions = totalOf(server.get("/api/v1/actions", admin));
    {
      const OnPostgresql settings(live);
      const auto backup = runSamverkan(data, "backup --to=" + copy.string());
      INFO(backup.output);
      REQUIRE(backup.status == 0);
    }
    // Written after the backup: not in what is restored.
    REQUIRE(server
                .post("/api/v1/organizations",
                      R"({"name":"Omsorg Efter Kopian AB","kind":"provider"})", admin)
                .status == 201);
    REQUIRE(server.stop() == 0);
  }
  CHECK(std::filesystem::exists(copy / "samverkan.pgdump"));
  CHECK(std::filesystem::exists(copy / "audit.key"));
  CHECK_FALSE(std::filesystem::is_empty(copy / "repositories"));
  CHECK_FALSE(std::filesystem::exists(copy / "samverkan.db"));

  const auto restoredDb = cluster.createDatabase("restored");
  const auto restored = dir.path() / "restored";
  {
    const OnPostgresql settings(restoredDb);
    const auto ran = runSamverkan(restored, "restore --from=" + copy.string());
    INFO(ran.output);
    REQUIRE(ran.status == 0);
    CHECK(has(ran.output, "restored into"));
    const auto verified = runSamverkan(restored, "verify-audit");
    INFO(verified.output);
    CHECK(verified.status == 0);
    // Over a restored database and folder, a second restore changes nothing.
    const auto entries = tablesAndEntries(restoredDb);
    const auto again = runSamverkan(restored, "restore --from=" + copy.string());
    INFO(again.output);
    CHECK(again.status != 0);
    CHECK(has(again.output, "not empty"));
    // Nor into a database that holds tables, with an empty folder.
    const auto elsewhere =
        runSamverkan(dir.path() / "elsewhere", "restore --from=" + copy.string());
    INFO(elsewhere.output);
    CHECK(elsewhere.status != 0);
    CHECK(has(elsewhere.output, "holds"));
    CHECK(tablesAndEntries(restoredDb) == entries);
  }
  checkRepositoriesFsckClean(restored);

  ServerProcess server(restored, postgresqlProperties(restoredDb));
  const auto admin = server.login("admin", kAdminPassword);
  CHECK(server.get("/api/v1/registry?limit=100", admin).body == registry);
  CHECK(server.get("/api/v1/organizations?limit=100", admin).body == organizations);
  CHECK(totalOf(server.get("/api/v1/actions", admin)) == actions);
  CHECK(object(server.get("/api/v1/audit/verification", admin).body)->getValue<bool>("intact"));
  CHECK_FALSE(server.login("anna.avtal", kDemoPassword).empty());
  REQUIRE(server.stop() == 0);
}

}  // namespace SV_TEST_FILE
