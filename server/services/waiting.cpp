#include "server/services/waiting.hpp"

#include "workflows/stockholm_time.hpp"

namespace sv::services {

Waiting waitingFor(store::Store& store, const TimeSource& time, const Principal& viewer,
                   int limit) {
  const auto now = time.now();
  const std::string nowIso = formatIsoUtc(now);
  const std::string today = formatDate(toStockholm(now).date);
  const auto scope = store::TenantScope::of(viewer);
  const bool authority = viewer.organizationKind == OrganizationKind::Authority;
  const bool manager = authority && viewer.has(Role::ContractManager);
  const bool providerRep = !authority && viewer.has(Role::ProviderRep);
  return store.read([&](store::Reading& c) {
    Waiting t;
    t.toApprove = store::minutesToApprove(c, scope, viewer.userId, limit);
    t.toFix = store::returnedMinutesToFix(c, scope, viewer.userId, manager, limit);
    if (viewer.has(Role::Registrar)) t.toRegister = store::minutesToRegister(c, scope, limit);
    if (manager || providerRep)
      t.toReport =
          store::actionsToReport(c, scope, manager ? Party::Authority : Party::Provider, limit);
    if (manager) {
      t.toEvaluate = store::actionsToEvaluate(c, scope, limit);
      t.withoutMinutes = store::pastMeetingsWithoutMinutes(c, scope, nowIso, limit);
    }
    if (manager || providerRep) t.overdue = store::overdueActions(c, scope, today, limit);
    t.notifications = store::listUnreadNotifications(c, viewer.userId, limit, 0);
    t.unreadCount = store::countUnreadNotifications(c, viewer.userId);
    return t;
  });
}

}  // namespace sv::services
