#include "server/services/audit_log.hpp"

namespace sv::services {
Status mayReadAudit(const Principal& p) {
  if (p.isAdmin() || (p.has(Role::Reader) && p.organizationKind == OrganizationKind::Authority))
    return {};
  return fail(Errc::Forbidden, Reason::NotAuditReader,
              "the audit log is for administrators and readers");
}

Result<store::Page<store::AuditRecord>> readAudit(store::Store& store, const Principal& viewer,
                                                  const store::AuditQuery& query) {
  if (auto ok = mayReadAudit(viewer); !ok) return std::unexpected(ok.error());
  store::AuditQuery scoped = query;
  scoped.scope = store::TenantScope::of(viewer);
  return store.read([&](store::Reading& c) {
    return store::Page<store::AuditRecord>{store::listAudit(c, scoped),
                                           store::countAudit(c, scoped)};
  });
}

Result<store::AuditReport> verifyAudit(store::Store& store, const Principal& viewer) {
  if (auto ok = mayReadAudit(viewer); !ok) return std::unexpected(ok.error());
  return store.verifyAudit();
}

}  // namespace sv::services
