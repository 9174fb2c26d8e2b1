#include "server/store/accounts.hpp"

namespace sv::store {
namespace {

template <class... Own>
void bindScoped(Statement& stmt, const SqlFilter& filter, const Own&... own) {
  int index = 0;
  (stmt.bind(++index, own), ...);
  for (auto p : filter.params) stmt.bind(++index, p);
}

Organization readOrganization(const Statement& s) {
  return {s.int64(0), s.text(1),
          parseOrganizationKind(s.text(2)).value_or(OrganizationKind::Provider), s.text(3),
          s.int64(4) != 0};
}

std::set<Role> rolesOf(Reading& c, std::int64_t userId) {
  auto stmt = c.prepare("SELECT role FROM user_roles WHERE user_id = ?1");
  stmt.bind(1, userId);
  std::set<Role> roles;
  while (stmt.step())
    if (auto r = parseRole(stmt.text(0))) roles.insert(*r);
  return roles;
}

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.name, u.email, u.organization_id, u.active, u.created_at "
    "FROM users u ";

User readUser(const Statement& s) {
  User u;
  u.id = s.int64(0);
  u.username = s.text(1);
  u.name = s.text(2);
  u.email = s.text(3);
  u.organizationId = s.int64(4);
  u.active = s.int64(5) != 0;
  u.createdAt = s.text(6);
  return u;
}

}  // namespace

std::int64_t insertOrganization(Writing& c, const std::string& name, OrganizationKind kind,
                                const std::string& createdAt) {
  c.prepare("INSERT INTO organizations (name, kind, created_at) VALUES (?1, ?2, ?3)")
      .bindAll(name, std::string(organizationKindName(kind)), createdAt)
      .run();
  return c.lastInsertId();
}

std::vector<Organization> listOrganizations(Reading& c, const TenantScope& scope, PageSpan span) {
  const auto filter = scope.organizations("o");
  auto stmt = c.prepare(
      "SELECT o.id, o.name, o.kind, o.created_at, o.password_login FROM organizations o WHERE " +
      filter.sql + " ORDER BY o.name, o.id" + limitClause(span));
  bindScoped(stmt, filter);
  std::vector<Organization> out;
  while (stmt.step()) out.push_back(readOrganization(stmt));
  return out;
}

std::int64_t countOrganizations(Reading& c, const TenantScope& scope) {
  const auto filter = scope.organizations("o");
  auto stmt = c.prepare("SELECT COUNT(*) FROM organizations o WHERE " + filter.sql);
  bindScoped(stmt, filter);
  return stmt.step() ? stmt.int64(0) : 0;
}

std::optional<Organization> findOrganization(Reading& c, const TenantScope& scope,
                                             std::int64_t id) {
  const auto filter = scope.organizations("o");
  auto stmt = c.prepare(
      "SELECT o.id, o.name, o.kind, o.created_at, o.password_login FROM organizations o WHERE o.id "
      "= ? AND " +
      filter.sql);
  bindScoped(stmt, filter, id);
  if (!stmt.step()) return std::nullopt;
  return readOrganization(stmt);
}

bool organizationNameTaken(Reading& c, const std::string& name) {
  auto stmt = c.prepare("SELECT 1 FROM organizations WHERE name = ?1 COLLATE NOCASE");
  stmt.bind(1, name);
  return stmt.step();
}

std::int64_t insertUser(Writing& c, const NewUserRow& row, const std::string& createdAt) {
  c.prepare(
       "INSERT INTO users (username, name, email, password_hash, organization_id, created_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .bindAll(row.username, row.name, row.email, row.passwordHash, row.organizationId, createdAt)
      .run();
  const auto id = c.lastInsertId();
  for (Role r : row.roles)
    c.prepare("INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)")
        .bindAll(id, std::string(roleName(r)))
        .run();
  return id;
}

std::vector<User> listUsers(Reading& c, const TenantScope& scope,
                            std::optional<std::int64_t> organizationId, PageSpan span) {
  const auto filter = scope.users("u");
  std::vector<User> out;
  {
    auto stmt = c.prepare(std::string(kUserColumns) +
                          "WHERE (CAST(? AS BIGINT) IS NULL OR u.organization_id = ?) AND " +
                          filter.sql + " ORDER BY u.name, u.id" + limitClause(span));
    bindScoped(stmt, filter, organizationId, organizationId);
    while (stmt.step()) out.push_back(readUser(stmt));
  }
  for (auto& u : out) u.roles = rolesOf(c, u.id);
  return out;
}

std::int64_t countUsers(Reading& c, const TenantScope& scope,
                        std::optional<std::int64_t> organizationId) {
  const auto filter = scope.users("u");
  auto stmt = c.prepare(
      "SELECT COUNT(*) FROM users u WHERE (CAST(? AS BIGINT) IS NULL OR u.organization_id = ?) "
      "AND " +
      filter.sql);
  bindScoped(stmt, filter, organizationId, organizationId);
  return stmt.step() ? stmt.int64(0) : 0;
}

std::optional<User> findUser(Reading& c, const TenantScope& scope, std::int64_t id) {
  const auto filter = scope.users("u");
  std::optional<User> user;
  {
    auto stmt = c.prepare(std::string(kUserColumns) + "WHERE u.id = ? AND " + filter.sql);
    bindScoped(stmt, filter, id);
    if (stmt.step()) user = readUser(stmt);
  }
  if (user) user->roles = rolesOf(c, user->id);
  return user;
}

bool usernameTaken(Reading& c, const std::string& username) {
  auto stmt = c.prepare("SELECT 1 FROM users WHERE username = ?1 COLLATE NOCASE");
  stmt.bind(1, username);
  return stmt.step();
}

std::optional<LoginRecord> findLogin(Reading& c, const std::string& username) {
  auto stmt = c.prepare(
      "SELECT u.id, u.password_hash, u.active, o.password_login FROM users u "
      "JOIN organizations o ON o.id = u.organization_id WHERE u.username = ?1 COLLATE NOCASE");
  stmt.bind(1, username);
  if (!stmt.step()) return std::nullopt;
  return LoginRecord{stmt.int64(0), stmt.text(1), stmt.int64(2) != 0, stmt.int64(3) != 0};
}

std::optional<Principal> loadPrincipal(Reading& c, std::int64_t userId) {
  std::optional<Principal> p;
  {
    auto stmt = c.prepare(
        "SELECT u.id, u.username, u.name, u.email, o.id, o.name, o.kind FROM users u "
        "JOIN organizations o ON o.id = u.organization_id WHERE u.id = ?1 AND u.active = 1");
    stmt.bind(1, userId);
    if (!stmt.step()) return std::nullopt;
    p = Principal{};
    p->userId = stmt.int64(0);
    p->username = stmt.text(1);
    p->name = stmt.text(2);
    p->email = stmt.text(3);
    p->organizationId = stmt.int64(4);
    p->organizationName = stmt.text(5);
    p->organizationKind = parseOrganizationKind(stmt.text(6)).value_or(OrganizationKind::Provider);
  }
  p->roles = rolesOf(c, userId);
  return p;
}

void insertSession(Writing& c, const std::string& tokenHash, const std::string& csrfToken,
                   std::int64_t userId, std::int64_t now, const std::string& authentication) {
  c.prepare(
       "INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, last_seen_at, "
       "authentication) VALUES (?1, ?2, ?3, ?4, ?4, ?5)")
      .bindAll(tokenHash, csrfToken, userId, now, authentication)
      .run();
}

std::optional<SessionRow> findOpenSession(Reading& c, const std::string& tokenHash) {
  auto stmt = c.prepare(
      "SELECT id, user_id, csrf_token, created_at, last_seen_at, authentication FROM sessions "
      "WHERE token_hash = ?1 AND ended_at IS NULL");
  stmt.bind(1, tokenHash);
  if (!stmt.step()) return std::nullopt;
  return SessionRow{stmt.int64(0), stmt.int64(1), stmt.text(2),
                    stmt.int64(3), stmt.int64(4), stmt.text(5)};
}

void touchSession(Writing& c, std::int64_t sessionId, std::int64_t now) {
  c.prepare("UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1").bindAll(sessionId, now).run();
}

void endSession(Writing& c, std::int64_t sessionId, std::int64_t now) {
  c.prepare("UPDATE sessions SET ended_at = ?2 WHERE id = ?1 AND ended_at IS NULL")
      .bindAll(sessionId, now)
      .run();
}

void recordLoginFailure(Writing& c, const std::string& username, std::int64_t now) {
  c.prepare("INSERT INTO login_failures (username, at) VALUES (?1, ?2)")
      .bindAll(username, now)
      .run();
}

int countLoginFailures(Reading& c, const std::string& username, std::int64_t since) {
  auto stmt = c.prepare(
      "SELECT COUNT(*) FROM login_failures WHERE username = ?1 COLLATE NOCASE AND at >= ?2");
  stmt.bindAll(username, since);
  stmt.step();
  return static_cast<int>(stmt.int64(0));
}

void clearLoginFailures(Writing& c, const std::string& username) {
  c.prepare("DELETE FROM login_failures WHERE username = ?1 COLLATE NOCASE")
      .bind(1, username)
      .run();
}

}  // namespace sv::store
