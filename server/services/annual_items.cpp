#include "server/services/annual_items.hpp"

#include <utility>

#include "minutes/annual_items.hpp"
#include "minutes/minutes_json.hpp"
#include "server/services/agendas.hpp"
#include "server/services/minutes_context.hpp"
#include "server/store/documents.hpp"
#include "server/store/minutes_items.hpp"

namespace sv::services {

std::vector<UnrecordedMinutes> locateUnrecordedMinutes(store::Reading& c,
                                                       const store::AnnualFacts& facts) {
  std::vector<UnrecordedMinutes> out;
  for (const auto& at : facts.unrecordedMinutes) {
    UnrecordedMinutes m{at,
                        AgendaService::repositoryOf(facts.input.contracts[at.contract].contractId),
                        minutesDocumentOf(at.meetingId) + ".json",
                        {}};
    // Started minutes always have a version; without one there is nothing to count.
    auto version =
        store::DocumentStore::currentVersionIn(c, m.repository, minutesDocumentOf(at.meetingId));
    if (!version) continue;
    m.version = std::move(*version);
    out.push_back(std::move(m));
  }
  return out;
}

Status fillUnrecordedMinutes(store::Store& store, const std::vector<UnrecordedMinutes>& located,
                             store::AnnualFacts& facts) {
  if (located.empty()) return {};
  // git is read outside any transaction; the one write below records them all.
  std::vector<std::vector<minutes::AgendaItemFact>> items;
  items.reserve(located.size());
  for (const auto& m : located) {
    auto json = store.documents().readFile(m.repository, m.version, m.path);
    if (!json) return std::unexpected(json.error());
    auto doc = minutes::fromJson(*json);
    if (!doc) return std::unexpected(doc.error());
    items.push_back(minutes::agendaItemsOf(*doc));
  }
  store.write([&](store::Writing& c) {
    for (std::size_t i = 0; i < located.size(); ++i)
      store::fillMinutesItems(c, located[i].at.meetingId, located[i].version, items[i]);
    return 0;
  });
  for (std::size_t i = 0; i < located.size(); ++i)
    facts.input.contracts[located[i].at.contract].minutes[located[i].at.minutes].items =
        std::move(items[i]);
  return {};
}

}  // namespace sv::services
