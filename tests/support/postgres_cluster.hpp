// A temporary PostgreSQL for tests: initdb and pg_ctl on a free port in a fresh folder (through
// tests/support/pg_cluster.sh, the same cluster the shell tests use), stopped and the folder
// removed when the object goes. Starting one costs seconds (initdb, and fsync stays on), so a
// test program starts one and gives each test case a database of its own (createDatabase).
#pragma once

#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace sv::test {

class PostgresCluster {
 public:
  // Starts the cluster with the database `samverkan`, user `samverkan`, trusted on 127.0.0.1.
  // Throws std::runtime_error with the script's output when it does not start.
  PostgresCluster();
  ~PostgresCluster();
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  // libpq's keyword form: "host=127.0.0.1 port=N dbname=samverkan user=samverkan".
  std::string connectionString() const { return connectionStringFor("samverkan"); }

  // Creates the empty database `name` (lower-case letters, digits and _, such as "t_outbox") and
  // returns its connection string. Throws std::invalid_argument for another name,
  // std::runtime_error when PostgreSQL refuses (the name is taken, say).
  std::string createDatabase(const std::string& name);

  int port() const { return port_; }
  // Where the cluster lives (data/, server.log, the socket); gone after the destructor.
  const std::filesystem::path& folder() const { return dir_.path(); }

 private:
  std::string connectionStringFor(const std::string& database) const;

  TempDir dir_;  // declared first: removed last, after the destructor has stopped the server
  int port_ = 0;
};

}  // namespace sv::test
