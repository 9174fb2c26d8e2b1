#include "server/services/waiting.hpp"

#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

// Supplements are asked for on reports in draft or answered: at most this many of those reports
// are looked through, newest first, which is years of a provider's contracts.
constexpr int kReportsSearchedForSupplements = 200;

WaitingReports reportsIn(store::Reading& c, const store::TenantScope& scope,
                         const std::string& state, int limit) {
  WaitingReports out;
  store::ReportQuery q;
  q.state = state;
  out.count = store::countReports(c, scope, q);
  for (auto& r : store::reportsInState(c, scope, state, limit)) {
    std::string due = r.factCheckDueOn.value_or("");
    out.first.push_back({std::move(r), 0, std::move(due)});
  }
  return out;
}

WaitingReports supplementsToSend(store::Reading& c, const store::TenantScope& scope, int limit) {
  WaitingReports out;
  for (const char* state : {"draft", "answered"})
    for (const auto& r : store::reportsInState(c, scope, state, kReportsSearchedForSupplements))
      for (const auto& s : store::listSupplements(c, r.id)) {
        if (s.response || s.decidedAt) continue;
        ++out.count;
        if (static_cast<int>(out.first.size()) < limit) out.first.push_back({r, s.number, s.dueOn});
      }
  return out;
}

}  // namespace

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
    if (providerRep) {
      t.reportsToFactCheck = reportsIn(c, scope, "fact_check", limit);
      t.supplementsToSend = supplementsToSend(c, scope, limit);
    }
    if (manager) t.reportsAnswered = reportsIn(c, scope, "answered", limit);
    if (viewer.has(Role::Registrar)) t.reportsToRegister = reportsIn(c, scope, "final", limit);
    t.notifications = store::listUnreadNotifications(c, viewer.userId, limit, 0);
    t.unreadCount = store::countUnreadNotifications(c, viewer.userId);
    return t;
  });
}

}  // namespace sv::services
