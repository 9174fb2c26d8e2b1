#include "support/test_store.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <mutex>

#include "server/store/migrations.hpp"
#include "server/store/postgres.hpp"
#include "workflows/handle.hpp"

#include <cstdlib>
#include <fstream>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace sv::test {
namespace {

const char* clusterDir() {
  const char* dir = std::getenv("SAMVERKAN_TEST_POSTGRESQL_DIR");
  return dir && *dir ? dir : nullptr;
}

// The cluster listens on a socket in its folder, on the port pg_cluster.sh wrote there.
std::string connectionTo(const std::string& database) {
  const std::string dir = clusterDir();
  std::ifstream portFile(dir + "/port");
  std::string port;
  if (!(portFile >> port)) throw std::runtime_error("no port in " + dir + "/port: is it running?");
  return "host=" + dir + " port=" + port + " user=samverkan dbname=" + database;
}

using Admin = Handle<PGconn, PQfinish>;
using Result = Handle<PGresult, PQclear>;

Admin connectAdmin() {
  Admin admin(PQconnectdb(connectionTo("postgres").c_str()));
  if (PQstatus(admin.get()) != CONNECTION_OK)
    throw std::runtime_error(std::string("test cluster: ") + PQerrorMessage(admin.get()));
  return admin;
}

void run(PGconn* admin, const std::string& sql) {
  Result done(PQexec(admin, sql.c_str()));
  const auto status = PQresultStatus(done.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error(sql + ": " + PQerrorMessage(admin));
}

bool exists(PGconn* admin, const std::string& name) {
  const char* values[] = {name.c_str()};
  Result found(PQexecParams(admin, "SELECT 1 FROM pg_database WHERE datname = $1", 1, nullptr,
                            values, nullptr, nullptr, 0));
  return PQntuples(found.get()) > 0;
}

// The schema once per cluster, in a database the tests' databases are copied from: migrating a
// database of its own for every test took 1-2 s of DDL each, a copy of the template 0.2 s. Only
// the migrations, never Store::open, make it: a store's first start writes its audit key's seal
// into the database, which a copy must not inherit.
constexpr const char* kTemplate = "t_schema";

void ensureTemplate(PGconn* admin) {
  static std::once_flag made;
  std::call_once(made, [admin] {
    run(admin, "SELECT pg_advisory_lock(1828)");  // other test processes make it at the same time
    try {
      if (!exists(admin, kTemplate)) {
        run(admin, std::string("CREATE DATABASE ") + kTemplate);
        store::PostgresConnection schema(connectionTo(kTemplate));
        store::migrate(schema);
      }
    } catch (...) {
      run(admin, "SELECT pg_advisory_unlock(1828)");
      throw;
    }
    run(admin, "SELECT pg_advisory_unlock(1828)");
  });
}

void createDatabase(const std::string& name) {
  const Admin admin = connectAdmin();
  ensureTemplate(admin.get());
  if (exists(admin.get(), name)) return;
  // The name is made of [a-z0-9_] below, so it needs no quoting beyond this.
  run(admin.get(), "CREATE DATABASE \"" + name + "\" TEMPLATE " + kTemplate);
}

std::string databaseNameFor(const std::filesystem::path& dir) {
  std::string name = "t_";
  for (const char c : dir.filename().string())
    name += (c >= 'A' && c <= 'Z')                               ? static_cast<char>(c - 'A' + 'a')
            : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) ? c
                                                                 : '_';
  // Two folders with one name under different parents get different databases.
  name +=
      "_" + std::to_string(std::hash<std::string>{}(dir.lexically_normal().string()) % 1000000007);
  return name.substr(0, 63);
}

}  // namespace

bool onPostgresql() {
  return clusterDir() != nullptr;
}

store::StoreOptions testStore(const std::filesystem::path& dir, int readConnections) {
  store::StoreOptions options{dir, readConnections};
  if (!onPostgresql()) return options;
  const std::string name = databaseNameFor(dir);
  createDatabase(name);
  options.postgresql = connectionTo(name);
  return options;
}

struct RawDatabase::Open {
  Handle<sqlite3, sqlite3_close> sqlite{};
  Handle<PGconn, PQfinish> postgres{};
};

RawDatabase::RawDatabase(const std::filesystem::path& dir) : open_(std::make_unique<Open>()) {
  if (onPostgresql()) {
    open_->postgres.reset(PQconnectdb(connectionTo(databaseNameFor(dir)).c_str()));
    if (PQstatus(open_->postgres.get()) != CONNECTION_OK)
      throw std::runtime_error(std::string("raw database: ") +
                               PQerrorMessage(open_->postgres.get()));
    return;
  }
  sqlite3* db = nullptr;
  const int rc = sqlite3_open((dir / "samverkan.db").c_str(), &db);
  open_->sqlite.reset(db);
  if (rc != SQLITE_OK) throw std::runtime_error("raw database: " + (dir / "samverkan.db").string());
}

RawDatabase::~RawDatabase() = default;

std::string RawDatabase::exec(const std::string& sql) {
  if (open_->postgres) {
    const Result done(PQexec(open_->postgres.get(), sql.c_str()));
    const auto status = PQresultStatus(done.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return {};
    const std::string message = PQresultErrorMessage(done.get());
    return message.empty() ? "refused" : message;
  }
  char* error = nullptr;
  const int rc = sqlite3_exec(open_->sqlite.get(), sql.c_str(), nullptr, nullptr, &error);
  const Handle<char, sqlite3_free> owned(error);
  if (rc == SQLITE_OK) return {};
  return error ? error : "refused";
}

std::vector<std::vector<std::string>> RawDatabase::rows(const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  if (open_->postgres) {
    const Result result(PQexec(open_->postgres.get(), sql.c_str()));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK)
      throw std::runtime_error(sql + ": " + PQresultErrorMessage(result.get()));
    for (int r = 0; r < PQntuples(result.get()); ++r) {
      auto& row = out.emplace_back();
      for (int c = 0; c < PQnfields(result.get()); ++c)
        row.emplace_back(PQgetvalue(result.get(), r, c));
    }
    return out;
  }
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(open_->sqlite.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(open_->sqlite.get()));
  const Handle<sqlite3_stmt, sqlite3_finalize> stmt(raw);
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    auto& row = out.emplace_back();
    for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), c));
      row.emplace_back(text ? text : "");
    }
  }
  return out;
}

std::string RawDatabase::dropTrigger(const std::string& name, const std::string& table) {
  return exec(open_->postgres ? "DROP TRIGGER IF EXISTS " + name + " ON " + table
                              : "DROP TRIGGER IF EXISTS " + name);
}

}  // namespace sv::test
