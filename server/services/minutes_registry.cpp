// The register of minutes, searched by number, words, contract and year, and the registrar's
// queue.
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"

namespace sv::services {

std::vector<store::RegistryHit> MinutesService::registry(const store::Principal& viewer,
                                                         const store::RegistryQuery& query) {
  return store_.read([&](store::Reading& c) {
    return store::searchRegistry(c, store::TenantScope::of(viewer), query);
  });
}

std::vector<store::AwaitingRegistrationRow> MinutesService::awaitingRegistration(
    const store::Principal& viewer) {
  return store_.read([&](store::Reading& c) {
    return store::approvedAwaitingRegistration(c, store::TenantScope::of(viewer));
  });
}

}  // namespace sv::services
