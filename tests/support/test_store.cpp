#include "support/test_store.hpp"

#include <libpq-fe.h>

#include <mutex>

#include "server/store/migrations.hpp"
#include "server/store/postgres.hpp"

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

struct FinishConnection {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ClearResult {
  void operator()(PGresult* r) const { PQclear(r); }
};

using Admin = std::unique_ptr<PGconn, FinishConnection>;

Admin connectAdmin() {
  Admin admin(PQconnectdb(connectionTo("postgres").c_str()));
  if (PQstatus(admin.get()) != CONNECTION_OK)
    throw std::runtime_error(std::string("test cluster: ") + PQerrorMessage(admin.get()));
  return admin;
}

void run(PGconn* admin, const std::string& sql) {
  std::unique_ptr<PGresult, ClearResult> done(PQexec(admin, sql.c_str()));
  const auto status = PQresultStatus(done.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw std::runtime_error(sql + ": " + PQerrorMessage(admin));
}

bool exists(PGconn* admin, const std::string& name) {
  const char* values[] = {name.c_str()};
  std::unique_ptr<PGresult, ClearResult> found(
      PQexecParams(admin, "SELECT 1 FROM pg_database WHERE datname = $1", 1, nullptr, values,
                   nullptr, nullptr, 0));
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

}  // namespace sv::test
