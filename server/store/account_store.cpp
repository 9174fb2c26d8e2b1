#include "server/store/account_store.hpp"

#include "server/store/database.hpp"
#include "server/store/identities.hpp"

#include "workflows/stockholm_time.hpp"

namespace sv::store {

Result<Organization> AccountStore::addOrganization(const std::string& name, OrganizationKind kind,
                                                   TimePoint now, AuditEntry audit) {
  return db_.write([&](Writing& c) -> Result<Organization> {
    if (organizationNameTaken(c, name))
      return fail(Errc::Conflict, Reason::OrganizationExists,
                  "an organization with that name exists", "name");
    const auto createdAt = formatIsoUtc(now);
    const auto id = insertOrganization(c, name, kind, createdAt);
    audit.objectId = std::to_string(id);
    appendAudit(c, audit, now);
    return Organization{id, name, kind, createdAt};
  });
}

std::vector<Organization> AccountStore::organizations(const TenantScope& scope) {
  return db_.read([&](Reading& c) { return listOrganizations(c, scope); });
}

Page<Organization> AccountStore::organizationPage(const TenantScope& scope, PageSpan span) {
  return db_.read([&](Reading& c) {
    return Page<Organization>{listOrganizations(c, scope, span), countOrganizations(c, scope)};
  });
}

std::optional<Organization> AccountStore::organization(const TenantScope& scope, std::int64_t id) {
  return db_.read([&](Reading& c) { return findOrganization(c, scope, id); });
}

Result<Organization> AccountStore::setPasswordLogin(std::int64_t organizationId, bool allowed,
                                                    TimePoint now, const AuditEntry& audit) {
  return db_.write([&](Writing& c) -> Result<Organization> {
    if (!findOrganization(c, TenantScope::system(), organizationId))
      return fail(Errc::NotFound, "no such organization");
    setOrganizationPasswordLogin(c, organizationId, allowed);
    appendAudit(c, audit, now);
    return *findOrganization(c, TenantScope::system(), organizationId);
  });
}

std::optional<std::int64_t> AccountStore::organizationNamed(const std::string& name) {
  for (const auto& o : organizations(TenantScope::system()))
    if (o.name == name) return o.id;
  return std::nullopt;
}

Result<User> AccountStore::addUser(const NewUserRow& row, TimePoint now, AuditEntry audit,
                                   const std::function<Status(const Organization&)>& admits) {
  return db_.write([&](Writing& c) -> Result<User> {
    const auto org = findOrganization(c, TenantScope::system(), row.organizationId);
    if (!org)
      return fail(Errc::Invalid, Reason::NoSuchOrganization, "no such organization",
                  "organization_id");
    if (auto fits = admits(*org); !fits) return std::unexpected(fits.error());
    if (store::usernameTaken(c, row.username))
      return fail(Errc::Conflict, Reason::UsernameTaken, "the username is taken", "username");
    const auto createdAt = formatIsoUtc(now);
    const auto id = insertUser(c, row, createdAt);
    audit.objectId = std::to_string(id);
    appendAudit(c, audit, now);
    return User{id,        row.username, row.name, row.email, row.organizationId,
                row.roles, true,         createdAt};
  });
}

std::vector<User> AccountStore::users(const TenantScope& scope,
                                      std::optional<std::int64_t> organizationId) {
  return db_.read([&](Reading& c) { return listUsers(c, scope, organizationId); });
}

Page<User> AccountStore::userPage(const TenantScope& scope,
                                  std::optional<std::int64_t> organizationId, PageSpan span) {
  return db_.read([&](Reading& c) {
    return Page<User>{listUsers(c, scope, organizationId, span),
                      countUsers(c, scope, organizationId)};
  });
}

std::optional<User> AccountStore::user(const TenantScope& scope, std::int64_t id) {
  return db_.read([&](Reading& c) { return findUser(c, scope, id); });
}

bool AccountStore::usernameTaken(const std::string& username) {
  return db_.read([&](Reading& c) { return store::usernameTaken(c, username); });
}

std::optional<LoginRecord> AccountStore::login(const std::string& username) {
  return db_.read([&](Reading& c) { return findLogin(c, username); });
}

std::optional<Principal> AccountStore::principal(std::int64_t userId) {
  return db_.read([&](Reading& c) { return loadPrincipal(c, userId); });
}

std::optional<int> AccountStore::claimLoginAttempt(const std::string& username,
                                                   std::int64_t sinceUnixSeconds,
                                                   std::int64_t nowUnixSeconds, int limit) {
  return db_.write([&](Writing& c) -> std::optional<int> {
    const int failures = countLoginFailures(c, username, sinceUnixSeconds);
    if (failures >= limit) return std::nullopt;
    store::recordLoginFailure(c, username, nowUnixSeconds);
    return failures;
  });
}

void AccountStore::recordThrottled(const AuditEntry& audit, TimePoint now) {
  db_.write([&](Writing& c) {
    appendAudit(c, audit, now);
    return 0;
  });
}

void AccountStore::openSession(const std::string& username, const std::string& tokenHash,
                               const std::string& csrfToken, std::int64_t userId, TimePoint now,
                               const AuditEntry& audit) {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  db_.write([&](Writing& c) {
    clearLoginFailures(c, username);
    insertSession(c, tokenHash, csrfToken, userId, seconds);
    appendAudit(c, audit, now);
    return 0;
  });
}

std::optional<SessionRow> AccountStore::session(const std::string& tokenHash) {
  return db_.read([&](Reading& c) { return findOpenSession(c, tokenHash); });
}

void AccountStore::touchSession(std::int64_t sessionId, std::int64_t nowUnixSeconds) {
  db_.write([&](Writing& c) {
    store::touchSession(c, sessionId, nowUnixSeconds);
    return 0;
  });
}

void AccountStore::endSession(std::int64_t sessionId, std::int64_t nowUnixSeconds,
                              const std::optional<AuditEntry>& audit, TimePoint now) {
  db_.write([&](Writing& c) {
    store::endSession(c, sessionId, nowUnixSeconds);
    if (audit) appendAudit(c, *audit, now);
    return 0;
  });
}

}  // namespace sv::store
