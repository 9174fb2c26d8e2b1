// Organisations, users, roles and sessions in SQLite. Reads take a TenantScope; writes run inside
// the caller's Database::write so the audit entry goes into the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/database.hpp"
#include "server/store/principal.hpp"

namespace sv::store {

struct Organization {
  std::int64_t id = 0;
  std::string name;
  OrganizationKind kind = OrganizationKind::Provider;
  std::string createdAt;
};

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string name;
  std::string email;
  std::int64_t organizationId = 0;
  std::set<Role> roles;
  bool active = true;
  std::string createdAt;
};

struct NewUserRow {
  std::string username;
  std::string name;
  std::string email;
  std::string passwordHash;
  std::int64_t organizationId = 0;
  std::set<Role> roles;
};

std::int64_t insertOrganization(Connection& c, const std::string& name, OrganizationKind kind,
                                const std::string& createdAt);
std::vector<Organization> listOrganizations(Connection& c, const TenantScope& scope);
std::optional<Organization> findOrganization(Connection& c, const TenantScope& scope,
                                             std::int64_t id);
bool organizationNameTaken(Connection& c, const std::string& name);

std::int64_t insertUser(Connection& c, const NewUserRow& row, const std::string& createdAt);
std::vector<User> listUsers(Connection& c, const TenantScope& scope,
                            std::optional<std::int64_t> organizationId = std::nullopt);
std::optional<User> findUser(Connection& c, const TenantScope& scope, std::int64_t id);
bool usernameTaken(Connection& c, const std::string& username);

struct LoginRecord {
  std::int64_t userId;
  std::string passwordHash;
  bool active;
};
std::optional<LoginRecord> findLogin(Connection& c, const std::string& username);
std::optional<Principal> loadPrincipal(Connection& c, std::int64_t userId);

struct SessionRow {
  std::int64_t id;
  std::int64_t userId;
  std::string csrfToken;
  std::int64_t createdAt;   // unix seconds
  std::int64_t lastSeenAt;  // unix seconds
};
void insertSession(Connection& c, const std::string& tokenHash, const std::string& csrfToken,
                   std::int64_t userId, std::int64_t now);
std::optional<SessionRow> findOpenSession(Connection& c, const std::string& tokenHash);
void touchSession(Connection& c, std::int64_t sessionId, std::int64_t now);
void endSession(Connection& c, std::int64_t sessionId, std::int64_t now);

void recordLoginFailure(Connection& c, const std::string& username, std::int64_t now);
int countLoginFailures(Connection& c, const std::string& username, std::int64_t since);
void clearLoginFailures(Connection& c, const std::string& username);

}  // namespace sv::store
