// A Store in a temporary folder with what the minutes use cases need, as the demo has it: an
// authority and a provider, a contract, a meeting with a secretary and an adjuster of each party,
// its agenda published. Each test of tests/services/minutes_*_test.cpp starts from one.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "minutes/minutes.hpp"
#include "server/services/accounts.hpp"
#include "server/services/agendas.hpp"
#include "server/services/catalog.hpp"
#include "server/services/contracts.hpp"
#include "server/services/meetings.hpp"
#include "server/services/minutes_service.hpp"
#include "service_fixture.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"
#include "workflows/clock.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::test {

// The error of a result that must have failed, for REQUIRE on its code and reason.
template <class T>
Error errorOf(const Result<T>& r) {
  REQUIRE_FALSE(r.has_value());
  return r.error();
}

// The value of a result that must have succeeded; the detail is shown when it did not.
template <class T>
T valueOf(Result<T> r) {
  INFO((r ? std::string() : r.error().detail));
  REQUIRE(r.has_value());
  return std::move(*r);
}

struct MinutesFixture {
  TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open(test::testStore(dir.path())));
  ManualTime time{utcTime("2026-03-01T10:00:00Z")};
  services::Catalog catalog = loadServiceCatalog();
  accounts::Accounts accounts{*store, time, fastAccountSettings()};
  services::ContractService contracts{*store, catalog, time};
  services::MeetingService meetings{*store, catalog, time};
  services::AgendaService agendas{*store, catalog, time};
  services::MinutesService minutes{*store, catalog, time};

  std::int64_t authority =
      accounts.createOrganization(accounts::Actor::system(), {"Förvaltningen", "authority"})->id;
  std::int64_t provider =
      accounts.createOrganization(accounts::Actor::system(), {"Omsorg AB", "provider"})->id;
  store::Principal manager = person("anna", authority, {"contract_manager"});  // adjuster
  store::Principal secretary = person("sara", authority, {"reader"});
  store::Principal registrar = person("rita", authority, {"registrar"});
  store::Principal adjuster = person("ulla", provider, {"provider_rep"});   // provider's adjuster
  store::Principal providerRep = person("bo", provider, {"provider_rep"});  // not an adjuster
  std::int64_t contract = makeContract();

  store::Principal person(const std::string& username, std::int64_t org,
                          std::vector<std::string> roles) {
    return loginAs(accounts, username, org, std::move(roles));
  }

  std::int64_t makeContract() {
    return valueOf(contracts.create(manager, ekenContract(provider))).id;
  }

  // A meeting with the secretary and, unless told otherwise, an adjuster of each party.
  std::int64_t meeting(bool withAdjusters = true, bool publish = true) {
    auto m = valueOf(
        meetings.create(manager, contract, {"2026-05-12T13:00", std::nullopt, "Eken, matsalen"}));
    services::MeetingChange change;
    change.participants = std::vector<services::ParticipantInput>{{secretary.userId, "secretary"}};
    if (withAdjusters) {
      change.participants->push_back({manager.userId, "adjuster"});
      change.participants->push_back({adjuster.userId, "adjuster"});
    }
    valueOf(meetings.change(manager, m.row.id, change));
    if (publish) valueOf(agendas.publish(manager, m.row.id));
    return m.row.id;
  }

  // A meeting with started minutes; their first version.
  std::string started(std::int64_t meetingId) {
    return valueOf(minutes.start(secretary, meetingId)).version;
  }

  // The current minutes with the notes of the first section changed, saved by the secretary
  // from `version`; the new version.
  std::string saveNotes(std::int64_t meetingId, const std::string& version,
                        const std::string& notes) {
    auto doc = valueOf(minutes.atVersion(secretary, meetingId, version)).document;
    doc.sections.at(0).notes = notes;
    auto saved = valueOf(minutes.save(secretary, meetingId, version, doc));
    REQUIRE(saved.saved);
    return saved.saved->version;
  }

  // Started, submitted, approved by both adjusters; the approved version.
  std::string approved(std::int64_t meetingId) {
    const auto version = started(meetingId);
    valueOf(minutes.submit(secretary, meetingId));
    valueOf(minutes.approve(adjuster, meetingId, version, ""));
    const auto done = valueOf(minutes.approve(manager, meetingId, version, ""));
    REQUIRE(done.state == minutes::MinutesState::Approved);
    return version;
  }
};

}  // namespace sv::test
