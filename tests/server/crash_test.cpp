// SIGKILL in the middle of a burst of writes: after a restart every acknowledged write is there,
// SQLite's integrity check passes and git fsck is clean.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <csignal>
#include <set>
#include <thread>

#include "support/repository_checks.hpp"
#include "support/server_process.hpp"
#include "support/write_burst.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

TEST_CASE("acknowledged writes survive SIGKILL during a burst", "[server][crash]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::set<std::string> acknowledged;
  {
    ServerProcess server(data);
    const auto admin = server.login("admin", kAdminPassword);
    acknowledged = organizationsWrittenDuring(server, admin, [&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(700));
      server.kill(SIGKILL);
    });
  }
  REQUIRE(acknowledged.size() > 10);

  ServerProcess restarted(data);
  const auto admin = restarted.login("admin", kAdminPassword);
  // Every page of the list (issue 20 point 9: lists are paged, at most 1000 rows at a time).
  std::set<std::string> present;
  for (std::size_t offset = 0;;) {
    const auto list =
        restarted.get("/api/v1/organizations?limit=1000&offset=" + std::to_string(offset), admin);
    REQUIRE(list.status == 200);
    Poco::JSON::Parser parser;
    const auto orgs = parser.parse(list.body).extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < orgs->size(); ++i)
      present.insert(orgs->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
    if (orgs->size() < 1000) break;
    offset += orgs->size();
  }
  for (const auto& name : acknowledged) CHECK(present.contains(name));

  const auto verification = restarted.get("/api/v1/audit/verification", admin);
  CHECK(verification.body.find("\"intact\":true") != std::string::npos);
  restarted.stop();

  int code = -1;
  const auto integrity =
      runTool("sqlite3 '" + (data / "samverkan.db").string() + "' 'PRAGMA integrity_check'", &code);
  CHECK(integrity == "ok\n");
  checkRepositoriesFsckClean(data);
}

}  // namespace SV_TEST_FILE
