#include <libpq-fe.h>
#include <signal.h>
#include <catch2/catch.hpp>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "support/postgres_cluster.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using sv::test::PostgresCluster;

namespace {

using Connection = std::unique_ptr<PGconn, decltype([](PGconn* c) { PQfinish(c); })>;
using Result = std::unique_ptr<PGresult, decltype([](PGresult* r) { PQclear(r); })>;

Connection connect(const std::string& connectionString) {
  Connection c{PQconnectdb(connectionString.c_str())};
  INFO(PQerrorMessage(c.get()));
  REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
  return c;
}

// The statement's one value, or its SQLSTATE when PostgreSQL refuses it.
std::string valueOf(const Connection& c, const std::string& sql) {
  const Result r{PQexec(c.get(), sql.c_str())};
  if (PQresultStatus(r.get()) == PGRES_COMMAND_OK) return "";
  if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
    const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
    return "SQLSTATE " + std::string(state ? state : "?");
  }
  return PQgetvalue(r.get(), 0, 0);
}

// Whether the process has ended: gone, or a zombie its parent (init: pg_ctl's server is a
// daemon) has not reaped yet.
bool processEnded(pid_t pid) {
  if (::kill(pid, 0) == -1 && errno == ESRCH) return true;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  const auto name = line.rfind(')');  // "pid (name) state …"; the name may hold spaces
  return name != std::string::npos && name + 2 < line.size() && line[name + 2] == 'Z';
}

// Whether the process ends within five seconds.
bool processEnds(pid_t pid) {
  for (int i = 0; i < 50; ++i) {
    if (processEnded(pid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace

TEST_CASE("a temporary PostgreSQL gives each test a database of its own and leaves nothing behind",
          "[pg_cluster]") {
  std::filesystem::path folder;
  std::string defaultDatabase;
  pid_t server = 0;
  {
    PostgresCluster cluster;
    folder = cluster.folder();
    defaultDatabase = cluster.connectionString();
    CHECK(defaultDatabase == "host=127.0.0.1 port=" + std::to_string(cluster.port()) +
                                 " dbname=samverkan user=samverkan");
    // The server's process id is the first line of postmaster.pid.
    std::ifstream pidFile(folder / "data" / "postmaster.pid");
    REQUIRE(pidFile >> server);
    REQUIRE(::kill(server, 0) == 0);

    // What the store's durability tests rely on.
    const auto samverkan = connect(defaultDatabase);
    CHECK(valueOf(samverkan, "SHOW fsync") == "on");
    CHECK(valueOf(samverkan, "SHOW max_connections") == "100");
    CHECK(valueOf(samverkan, "SHOW listen_addresses") == "127.0.0.1");
    CHECK(valueOf(samverkan, "SHOW server_encoding") == "UTF8");

    const std::string first = cluster.createDatabase("t_first");
    const std::string second = cluster.createDatabase("t_second");
    CHECK(first == "host=127.0.0.1 port=" + std::to_string(cluster.port()) +
                       " dbname=t_first user=samverkan");
    const auto a = connect(first);
    const auto b = connect(second);
    CHECK(valueOf(a, "SELECT current_database()") == "t_first");
    CHECK(valueOf(b, "SELECT current_database()") == "t_second");

    REQUIRE(valueOf(a, "CREATE TABLE only_here (id BIGINT PRIMARY KEY)").empty());
    REQUIRE(valueOf(a, "INSERT INTO only_here VALUES (7)").empty());
    CHECK(valueOf(a, "SELECT id FROM only_here") == "7");
    CHECK(valueOf(b, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'") == "0");
    CHECK(valueOf(b, "SELECT id FROM only_here") == "SQLSTATE 42P01");  // undefined_table
    CHECK(valueOf(samverkan, "SELECT id FROM only_here") == "SQLSTATE 42P01");

    CHECK_THROWS_AS(cluster.createDatabase("t_first"), std::runtime_error);  // taken
    CHECK_THROWS_AS(cluster.createDatabase("t; DROP DATABASE samverkan"), std::invalid_argument);
    CHECK_THROWS_AS(cluster.createDatabase("T_Upper"), std::invalid_argument);
  }
  // Stopped, not only deprived of its folder (a server whose folder is gone still listens). Its
  // pid file goes a moment before the process does, which init then reaps.
  CHECK(processEnds(server));
  CHECK_FALSE(std::filesystem::exists(folder));
  const Connection gone{PQconnectdb((defaultDatabase + " connect_timeout=2").c_str())};
  CHECK(PQstatus(gone.get()) == CONNECTION_BAD);
}

}  // namespace SV_TEST_FILE
