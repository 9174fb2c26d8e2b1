// Issue 18 with the real binary: a server on PostgreSQL outlives a restart of its database server
// (a failover looks the same to it: the server it was connected to is gone). While the database
// is away, every request that needs it is answered 503 with Retry-After (problem+json for the
// API, a page in Swedish for a browser) and changes nothing; once it is back, the next request
// is served as before, without restarting samverkan.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "support/json.hpp"
#include "support/postgres_cluster.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

HttpResult addOrganization(const ServerProcess& server, const std::string& token,
                           const std::string& name) {
  return server.post("/api/v1/organizations", R"({"name":")" + name + R"(","kind":"provider"})",
                     token);
}

}  // namespace

TEST_CASE("a server on PostgreSQL answers 503 while its database is down and serves again after",
          "[outage]") {
  TempDir dir;
  PostgresCluster cluster;
  const std::map<std::string, std::string> config{
      {"samverkan.store", "postgresql"},
      {"samverkan.store.connection", cluster.createDatabase("outage")}};
  ServerProcess server(dir.path() / "data", config);
  const auto admin = server.login("admin", kAdminPassword);
  REQUIRE(addOrganization(server, admin, "Före AB").status == 201);

  cluster.stop();
  const auto list = server.get("/api/v1/organizations?limit=100", admin);
  CHECK(list.status == 503);
  CHECK(list.header("content-type") == "application/problem+json");
  CHECK(list.header("retry-after") == "5");
  CHECK(object(list.body)->getValue<std::string>("type").ends_with("/unavailable"));
  CHECK(addOrganization(server, admin, "Under AB").status == 503);
  const auto page = server.request("GET", "/administration", {},
                                   {{"Accept", "text/html"}, {"Authorization", "Bearer " + admin}});
  CHECK(page.status == 503);
  CHECK(has(page.header("content-type"), "text/html"));
  CHECK(has(page.body, "Tjänsten kan inte nås just nu"));
  CHECK(page.header("retry-after") == "5");

  cluster.start();
  // The first request after the restart is served: the server connected again by itself.
  const auto after = server.get("/api/v1/organizations?limit=100", admin);
  REQUIRE(after.status == 200);
  CHECK(has(after.body, "Före AB"));
  CHECK_FALSE(has(after.body, "Under AB"));  // refused with 503: nothing of it was kept
  CHECK(addOrganization(server, admin, "Efter AB").status == 201);
  CHECK(server.get("/administration", admin).status == 200);
  CHECK(server.stop() == 0);
}

}  // namespace SV_TEST_FILE
