// Issue 19 point 2: only the party that proposed an added agenda item removes it; the contract
// manager may remove any added item before the agenda is published, with an audit entry.
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::ServiceFixture;

namespace {

// The key of the added item with this title.
std::string keyOf(const services::AgendaView& view, const std::string& title) {
  for (const auto& item : view.agenda.items)
    for (const auto& added : item.addedItems)
      if (added.title == title) return added.key;
  FAIL("no added item " << title);
  return {};
}

bool hasItem(const services::AgendaView& view, const std::string& key) {
  for (const auto& item : view.agenda.items)
    for (const auto& added : item.addedItems)
      if (added.key == key) return true;
  return false;
}

}  // namespace

TEST_CASE("agenda remove: the provider cannot remove the administration's item",
          "[services][agendas][issue19]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  const auto key = keyOf(*f.agendas.addItem(f.manager, m.row.id, "Förvaltningens punkt", ""),
                         "Förvaltningens punkt");
  checkError(f.agendas.removeItem(f.providerRep, m.row.id, key), Errc::Forbidden,
             Reason::NotItemProposer);
  CHECK(hasItem(*f.agendas.get(f.manager, m.row.id), key));
}

TEST_CASE("agenda remove: the provider removes its own party's item",
          "[services][agendas][issue19]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  const auto colleague = f.person("olle", f.provider, {"provider_rep"});
  const auto key = keyOf(*f.agendas.addItem(colleague, m.row.id, "Bemanning", ""), "Bemanning");
  auto removed = f.agendas.removeItem(f.providerRep, m.row.id, key);
  REQUIRE(removed);
  CHECK_FALSE(hasItem(*removed, key));
}

TEST_CASE("agenda remove: the contract manager removes the provider's item, audited",
          "[services][agendas][issue19]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  const auto key = keyOf(*f.agendas.addItem(f.providerRep, m.row.id, "Utförarens punkt", ""),
                         "Utförarens punkt");
  auto removed = f.agendas.removeItem(f.manager, m.row.id, key);
  REQUIRE(removed);
  CHECK_FALSE(hasItem(*removed, key));
  const auto entries =
      f.store->auditEntries({.objectType = "meeting", .objectId = std::to_string(m.row.id)});
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.back().entry.action == "agenda.item.remove");
  CHECK(entries.back().entry.actor == f.manager.username);
}

TEST_CASE("agenda remove: another provider's person finds no meeting",
          "[services][agendas][issue19]") {
  ServiceFixture f;
  const auto m = f.makeMeeting(f.makeContract(), "2026-05-12T13:00");
  const auto key = keyOf(*f.agendas.addItem(f.providerRep, m.row.id, "Punkt", ""), "Punkt");
  checkError(f.agendas.removeItem(f.stranger, m.row.id, key), Errc::NotFound, Reason::None);
}

}  // namespace SV_TEST_FILE
