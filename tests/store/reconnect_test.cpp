// Issue 18: a store on PostgreSQL outlives its database server's restart (or a failover, which
// looks the same to a connection: the server it had is gone). While the server is away every
// transaction is refused as unavailable (the edge answers 503) and changes nothing; the first
// transaction after it is back connects again, on the writer and on every reader.
#include <catch2/catch.hpp>

#include <string>

#include "server/store/database.hpp"
#include "server/store/store.hpp"
#include "support/postgres_cluster.hpp"
#include "support/temp_dir.hpp"
#include "workflows/unavailable.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

std::int64_t organizations(Store& store) {
  return store.read([](Reading& c) {
    auto s = c.prepare("SELECT count(*) FROM organizations");
    s.step();
    return s.int64(0);
  });
}

void addOrganization(Store& store, const std::string& name) {
  store.write([&](Writing& c) {
    auto s = c.prepare(
        "INSERT INTO organizations (name, kind, created_at) VALUES (?1, 'provider', 'now')");
    s.bind(1, name);
    s.run();
  });
}

// Whether `work` was refused as the store's database being out of reach, which the edge tells
// from other failures by sv::Unavailable.
template <class F>
bool refusedAsUnavailable(F&& work) {
  try {
    work();
  } catch (const Unavailable& e) {
    // Caught as the edge catches it, and still the store's error for code that catches that.
    return dynamic_cast<const DatabaseError*>(&e) != nullptr;
  }
  return false;
}

}  // namespace

TEST_CASE("a store on PostgreSQL connects again after its server restarts", "[pg_cluster]") {
  test::PostgresCluster cluster;
  test::TempDir dir;
  StoreOptions options{.dataDir = dir.path(), .readConnections = 3};
  options.postgresql = cluster.createDatabase("t_reconnect");
  auto opened = Store::open(options);
  REQUIRE(opened);
  Store& store = **opened;
  addOrganization(store, "Före AB");
  const auto before = organizations(store);

  cluster.stop();
  CHECK(refusedAsUnavailable([&] { organizations(store); }));
  CHECK(refusedAsUnavailable([&] { addOrganization(store, "Under AB"); }));

  cluster.start();
  // The first read and the first write after the restart succeed: no request pays for the
  // connection that went stale.
  CHECK(organizations(store) == before);  // the refused write left nothing
  addOrganization(store, "Efter AB");
  // Every reader of the pool (three reads inside one another hold all three) connected again,
  // and each still refuses to write.
  const auto seenByAll = store.read(
      [&](Reading&) { return store.read([&](Reading&) { return organizations(store); }); });
  CHECK(seenByAll == before + 1);
  CHECK_THROWS_AS(store.read([](Reading& c) {
    auto s = c.prepare(
        "INSERT INTO organizations (name, kind, created_at) VALUES ('Läsare AB', 'provider', "
        "'now')");
    s.step();
    return 0;
  }),
                  DatabaseError);

  // A restart while the connections are idle, the usual case: the next use finds out.
  cluster.stop();
  cluster.start();
  addOrganization(store, "Sist AB");
  CHECK(organizations(store) == before + 2);
}

}  // namespace SV_TEST_FILE
