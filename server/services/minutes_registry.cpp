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

store::Page<store::RegistryHit> MinutesService::registryPage(const store::Principal& viewer,
                                                             const store::RegistryQuery& query) {
  return store_.read([&](store::Reading& c) {
    const auto scope = store::TenantScope::of(viewer);
    return store::Page<store::RegistryHit>{store::searchRegistry(c, scope, query),
                                           store::countRegistry(c, scope, query)};
  });
}

std::vector<store::AwaitingRegistrationRow> MinutesService::awaitingRegistration(
    const store::Principal& viewer) {
  return store_.read([&](store::Reading& c) {
    return store::approvedAwaitingRegistration(c, store::TenantScope::of(viewer));
  });
}

}  // namespace sv::services
