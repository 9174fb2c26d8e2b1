#include "support/postgres_cluster.hpp"

#include <libpq-fe.h>

#include <fstream>
#include <memory>
#include <stdexcept>

#include "workflows/handle.hpp"

namespace sv::test {
namespace {

// The script beside this file, as the source tree has it (compiled in, so that a test program
// run by hand finds it).
const char* clusterScript() {
  return SV_PG_CLUSTER_SCRIPT;
}

using PgConnection = Handle<PGconn, PQfinish>;
using PgResult = Handle<PGresult, PQclear>;

bool isDatabaseName(const std::string& name) {
  if (name.empty() || name.size() > 63) return false;  // PostgreSQL's NAMEDATALEN less one
  if (name.front() >= '0' && name.front() <= '9') return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

PostgresCluster::PostgresCluster() {
  int exitCode = -1;
  const std::string output =
      runTool(std::string(clusterScript()) + " start '" + dir_.path().string() + "'", &exitCode);
  if (exitCode != 0)
    // The script leaves nothing running when it fails; dir_ removes the folder.
    throw std::runtime_error("the temporary PostgreSQL did not start: " + output);
  readPort(output);
}

PostgresCluster::PostgresCluster(StandbyOf standby) {
  int exitCode = -1;
  const std::string output =
      runTool(std::string(clusterScript()) + " standby '" + standby.primary.folder().string() +
                  "' '" + dir_.path().string() + "'",
              &exitCode);
  if (exitCode != 0) throw std::runtime_error("the standby did not start: " + output);
  readPort(output);
}

void PostgresCluster::readPort(const std::string& output) {
  std::ifstream portFile(dir_.path() / "port");
  if (!(portFile >> port_) || port_ <= 0) {
    script("remove", "");
    throw std::runtime_error("the temporary PostgreSQL wrote no port: " + output);
  }
}

PostgresCluster::~PostgresCluster() {
  // Immediate: the cluster is thrown away, a shutdown checkpoint would only be waited for.
  script("remove", "");
}

void PostgresCluster::script(const std::string& command, const std::string& failure) const {
  int exitCode = -1;
  const std::string output = runTool(
      std::string(clusterScript()) + " " + command + " '" + dir_.path().string() + "'", &exitCode);
  if (exitCode != 0 && !failure.empty()) throw std::runtime_error(failure + ": " + output);
}

void PostgresCluster::stop() {
  script("stop", "the temporary PostgreSQL did not stop");
}

void PostgresCluster::start() {
  script("ensure", "the temporary PostgreSQL did not start again");
}

void PostgresCluster::crash() {
  script("crash", "the temporary PostgreSQL did not stop");
}

void PostgresCluster::promote() {
  script("promote", "the standby was not promoted");
}

std::string PostgresCluster::connectionStringFor(const std::string& database) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + database + " user=samverkan";
}

std::string PostgresCluster::createDatabase(const std::string& name) {
  // The name goes into the statement as it is (CREATE DATABASE takes no parameter): only names
  // that need no quoting are accepted.
  if (!isDatabaseName(name))
    throw std::invalid_argument("not a plain database name: '" + name + "'");
  const PgConnection connection{PQconnectdb(connectionString().c_str())};
  if (PQstatus(connection.get()) != CONNECTION_OK)
    throw std::runtime_error("cannot connect to the temporary PostgreSQL: " +
                             std::string(PQerrorMessage(connection.get())));
  const PgResult result{PQexec(connection.get(), ("CREATE DATABASE " + name).c_str())};
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw std::runtime_error("CREATE DATABASE " + name + ": " +
                             std::string(PQresultErrorMessage(result.get())));
  return connectionStringFor(name);
}

}  // namespace sv::test
