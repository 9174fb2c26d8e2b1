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
  // A streaming standby of `primary` (its databases, and what is written to them from now on),
  // on a port of its own; `primary` then acknowledges a commit only once the standby has it.
  struct StandbyOf {
    const PostgresCluster& primary;
  };
  explicit PostgresCluster(StandbyOf standby);
  ~PostgresCluster();
  PostgresCluster(const PostgresCluster&) = delete;
  PostgresCluster& operator=(const PostgresCluster&) = delete;

  // libpq's keyword form: "host=127.0.0.1 port=N dbname=samverkan user=samverkan".
  std::string connectionString() const { return connectionStringFor("samverkan"); }

  // Creates the empty database `name` (lower-case letters, digits and _, such as "t_outbox") and
  // returns its connection string. Throws std::invalid_argument for another name,
  // std::runtime_error when PostgreSQL refuses (the name is taken, say).
  std::string createDatabase(const std::string& name);

  // Stops the server (fast: its sessions are ended, as by a restart or a failover), and starts
  // it again on the same port and data. Throws std::runtime_error when the script fails.
  void stop();
  void start();
  // Stops it as a crash of its machine would (immediate: no checkpoint, sessions cut).
  void crash();
  // Makes a standby the primary (a failover's last step) and waits until it takes writes.
  void promote();

  int port() const { return port_; }
  // Where the cluster lives (data/, server.log, the socket); gone after the destructor.
  const std::filesystem::path& folder() const { return dir_.path(); }

 private:
  std::string connectionStringFor(const std::string& database) const;
  // Runs the cluster script with `command` (and the folder last); throws with `failure` and the
  // script's output when it fails.
  void script(const std::string& command, const std::string& failure) const;
  // The port the script wrote for a cluster it started.
  void readPort(const std::string& output);

  TempDir dir_;  // declared first: removed last, after the destructor has stopped the server
  int port_ = 0;
};

}  // namespace sv::test
