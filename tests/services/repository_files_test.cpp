// The files of a contract's repository for plain git over HTTP: only for those who may see the
// contract; for anyone else, or a name that is not a contract's, the repository does not exist.
#include "server/services/repository_files.hpp"
#include "server/services/health.hpp"
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::ServiceFixture;

TEST_CASE("repository files: the contract's own people read HEAD, another provider finds nothing",
          "[services][git]") {
  ServiceFixture f;
  const auto id = f.makeContract();
  const auto m = f.makeMeeting(id, "2026-05-12T13:00");
  REQUIRE(f.agendas.publish(f.manager, m.row.id));  // the repository's first commit
  const std::string name = "contract-" + std::to_string(id) + ".git";
  auto head = services::repositoryFile(*f.store, f.providerRep, name, "HEAD");
  INFO((head ? std::string() : head.error().detail));
  REQUIRE(head);
  CHECK(head->starts_with("ref: refs/heads/"));
  checkError(services::repositoryFile(*f.store, f.stranger, name, "HEAD"), Errc::NotFound,
             Reason::None);
}

TEST_CASE("repository files: a name that is not a contract's repository is not found",
          "[services][git]") {
  ServiceFixture f;
  const auto id = f.makeContract();
  const std::string n = std::to_string(id);
  for (const std::string& name : std::vector<std::string>{
           "contract-" + n, "contract-0.git", "contract--1.git", "contract-" + n + "x.git",
           "other-" + n + ".git", "contract-.git"}) {
    INFO(name);
    checkError(services::repositoryFile(*f.store, f.manager, name, "HEAD"), Errc::NotFound,
               Reason::None);
  }
}

TEST_CASE("health: the schema version is read from the database now", "[services][health]") {
  ServiceFixture f;
  CHECK(services::liveSchemaVersion(*f.store) == f.store->schemaVersion());
  CHECK(f.store->schemaVersion() > 0);
}

}  // namespace SV_TEST_FILE
