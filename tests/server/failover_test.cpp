// Issue 18, point 4, measured with real parts: samverkan on a PostgreSQL primary with a
// synchronous streaming standby, named both in its connection string (libpq tries the hosts in
// turn; target_session_attrs=read-write takes the one that is primary). Writers keep adding
// through the server while the primary crashes (immediate stop, as a lost machine) and the
// standby is promoted. Every write the server acknowledged is on the new primary (synchronous
// replication), every other answer is a 503 that changed nothing, and writes go on without
// restarting samverkan. The time without writes is printed (docs/scale.md has the figure).
#include <libpq-fe.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/postgres_cluster.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;
using Clock = std::chrono::steady_clock;

namespace {

// The names of the organizations on the server the connection string reaches.
std::set<std::string> organizationsIn(const std::string& connection) {
  using Connection = std::unique_ptr<PGconn, decltype([](PGconn* c) { PQfinish(c); })>;
  using Rows = std::unique_ptr<PGresult, decltype([](PGresult* r) { PQclear(r); })>;
  const Connection c{PQconnectdb(connection.c_str())};
  REQUIRE(PQstatus(c.get()) == CONNECTION_OK);
  const Rows rows{PQexec(c.get(), "SELECT name FROM organizations")};
  REQUIRE(PQresultStatus(rows.get()) == PGRES_TUPLES_OK);
  std::set<std::string> names;
  for (int i = 0; i < PQntuples(rows.get()); ++i) names.insert(PQgetvalue(rows.get(), i, 0));
  return names;
}

}  // namespace

TEST_CASE("a failover to a synchronous standby loses nothing acknowledged and needs no restart",
          "[failover]") {
  TempDir dir;
  PostgresCluster primary;
  primary.createDatabase("failover");  // before the copy: on both
  PostgresCluster standby(PostgresCluster::StandbyOf{primary});
  const std::string both = "host=127.0.0.1,127.0.0.1 port=" + std::to_string(primary.port()) + "," +
                           std::to_string(standby.port()) +
                           " dbname=failover user=samverkan target_session_attrs=read-write "
                           "connect_timeout=2";
  const std::map<std::string, std::string> config{{"samverkan.store", "postgresql"},
                                                  {"samverkan.store.connection", both}};
  ServerProcess server(dir.path() / "data", config);
  const auto admin = server.login("admin", kAdminPassword);

  std::mutex mutex;
  std::set<std::string> acknowledged;
  std::map<int, int> statuses;
  Clock::time_point lastBefore{}, firstAfter{};  // the last write before the gap, the first after
  std::atomic<bool> crashed = false, stop = false;
  std::atomic<int> afterwards = 0;  // writes acknowledged after the promotion
  {
    std::vector<std::jthread> writers;
    for (int w = 0; w < 3; ++w)
      writers.emplace_back([&, w] {
        for (int i = 0; !stop; ++i) {
          const std::string name = "Skrivare " + std::to_string(w) + " nr " + std::to_string(i);
          const bool duringOrAfter = crashed;
          const auto r = server.post("/api/v1/organizations",
                                     R"({"name":")" + name + R"(","kind":"provider"})", admin);
          const auto now = Clock::now();
          std::lock_guard lock(mutex);
          ++statuses[r.status];
          if (r.status != 201) continue;
          acknowledged.insert(name);
          if (!duringOrAfter) lastBefore = std::max(lastBefore, now);
          if (duringOrAfter && crashed && firstAfter == Clock::time_point{}) firstAfter = now;
          if (duringOrAfter) ++afterwards;
        }
      });
    std::this_thread::sleep_for(std::chrono::seconds(2));
    // Raised once the old primary is gone: a write begun after it cannot have been made there.
    primary.crash();
    crashed = true;
    standby.promote();
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (afterwards < 30 && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop = true;
  }

  INFO("answers: 201 × " << statuses[201] << ", 503 × " << statuses[503]);
  CHECK(afterwards >= 30);  // writes went on after the failover, through the same process
  for (const auto& [status, count] : statuses) {
    INFO(status << " × " << count);
    CHECK((status == 201 || status == 503));
  }
  const auto onNewPrimary = organizationsIn(both);
  std::vector<std::string> lost;
  for (const auto& name : acknowledged)
    if (!onNewPrimary.contains(name)) lost.push_back(name);
  CHECK(lost.empty());
  REQUIRE(firstAfter > lastBefore);
  const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(firstAfter - lastBefore);
  WARN("failover: " << statuses[201] << " writes acknowledged, " << statuses[503]
                    << " answered 503, " << gap.count()
                    << " ms from the last write on the old primary to the first on the new "
                       "(crash, promote, reconnect)");
  CHECK(server.stop() == 0);
}

}  // namespace SV_TEST_FILE
