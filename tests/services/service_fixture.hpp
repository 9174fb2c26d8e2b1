// A Store in a temporary folder with the repository's config, a clock the test moves, an
// authority, its provider and another provider, and people of each: the set-up of the service
// tests (one behaviour per test, exact reasons asserted).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "server/services/accounts.hpp"
#include "server/services/agendas.hpp"
#include "server/services/catalog.hpp"
#include "server/services/contracts.hpp"
#include "server/services/meetings.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"
#include "workflows/clock.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::test {

inline std::filesystem::path serviceConfigDir() {
  if (const char* dir = std::getenv("SAMVERKAN_SOURCE_DIR"))
    return std::filesystem::path(dir) / "config";
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "config";
}

inline TimePoint utcTime(const std::string& iso) {
  auto t = parseDateTime(iso);
  REQUIRE(t);
  return *t;
}

inline services::Catalog loadServiceCatalog() {
  auto catalog = services::loadCatalog(serviceConfigDir(), agenda::PlanRule{});
  INFO((catalog ? std::string() : catalog.error().detail));
  REQUIRE(catalog);
  return std::move(*catalog);
}

// Cheap hashing in unit tests; the server's own settings keep the OWASP minimum.
inline accounts::AccountSettings fastAccountSettings() {
  accounts::AccountSettings s;
  s.passwordPolicy.memLimitBytes = 8 * 1024;
  s.passwordPolicy.opsLimit = 1;
  return s;
}

// A user of the organisation with these roles, logged in: who a use case is asked by.
inline store::Principal loginAs(accounts::Accounts& accounts, const std::string& username,
                                std::int64_t org, std::vector<std::string> roles) {
  auto u = accounts.createUser(accounts::Actor::system(),
                               {username, "Namn " + username, username + "@example.se",
                                "secret-password", org, std::move(roles)});
  REQUIRE(u);
  auto login = accounts.login(username, "secret-password");
  REQUIRE(login);
  return login->principal;
}

// The demo's contract with the home Eken, without an end date.
inline services::ContractInput ekenContract(std::int64_t provider,
                                            const std::string& reference = "SDN 2026/0001") {
  services::ContractInput in;
  in.title = "Vård- och omsorgsboende Eken";
  in.providerId = provider;
  in.serviceArea = "vard_och_omsorgsboende";
  in.reference = reference;
  in.startsOn = "2026-01-01";
  return in;
}

struct ServiceFixture {
  TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open(test::testStore(dir.path())));
  ManualTime time{utcTime("2026-03-01T10:00:00Z")};
  services::Catalog catalog = loadServiceCatalog();
  accounts::Accounts accounts{*store, time, fastAccountSettings()};
  services::ContractService contracts{*store, catalog, time};
  services::MeetingService meetings{*store, catalog, time};
  services::AgendaService agendas{*store, catalog, time};

  std::int64_t authority =
      accounts.createOrganization(accounts::Actor::system(), {"Förvaltningen", "authority"})->id;
  std::int64_t provider =
      accounts.createOrganization(accounts::Actor::system(), {"Omsorg AB", "provider"})->id;
  std::int64_t otherProvider =
      accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"})->id;
  store::Principal manager = person("anna", authority, {"contract_manager"});
  store::Principal reader = person("rut", authority, {"reader"});
  store::Principal providerRep = person("ulla", provider, {"provider_rep"});
  store::Principal stranger = person("nils", otherProvider, {"provider_rep"});

  store::Principal person(const std::string& username, std::int64_t org,
                          std::vector<std::string> roles) {
    return loginAs(accounts, username, org, std::move(roles));
  }

  services::ContractInput contractInput(const std::string& reference = "SDN 2026/0001") {
    auto in = ekenContract(provider, reference);
    in.endsOn = "2027-12-31";
    return in;
  }

  std::int64_t makeContract() {
    auto c = contracts.create(manager, contractInput());
    INFO((c ? std::string() : c.error().detail));
    REQUIRE(c);
    return c->id;
  }

  // A meeting of the contract at this Swedish time ("2026-05-12T13:00").
  services::Meeting makeMeeting(std::int64_t contract, const std::string& startsAt) {
    auto m = meetings.create(manager, contract, {startsAt, std::nullopt, "Eken, matsalen"});
    INFO((m ? std::string() : m.error().detail));
    REQUIRE(m);
    return *m;
  }
};

// The code, reason, field and value of a failed result, for one CHECK.
template <class T>
void checkError(const Result<T>& r, Errc code, Reason reason, const std::string& field = {},
                const std::string& value = {}) {
  REQUIRE_FALSE(r);
  INFO(r.error().detail);
  CHECK(r.error().code == code);
  CHECK(reasonName(r.error().reason) == reasonName(reason));
  CHECK(r.error().field == field);
  CHECK(r.error().value == value);
}

}  // namespace sv::test
