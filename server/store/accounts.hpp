// Organisations, users, roles and sessions in SQLite. Reads take a TenantScope; writes run inside
// the caller's Store::write (a Writing) so the audit entry goes into the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/paging.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

struct Organization {
  std::int64_t id = 0;
  std::string name;
  OrganizationKind kind = OrganizationKind::Provider;
  std::string createdAt;
  bool passwordLogin = true;  // off: its people sign in through their identity provider only
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

std::int64_t insertOrganization(Writing& c, const std::string& name, OrganizationKind kind,
                                const std::string& createdAt);
// By name, then id; `span` of them (all unless said).
std::vector<Organization> listOrganizations(Reading& c, const TenantScope& scope,
                                            PageSpan span = {});
std::int64_t countOrganizations(Reading& c, const TenantScope& scope);
std::optional<Organization> findOrganization(Reading& c, const TenantScope& scope, std::int64_t id);
bool organizationNameTaken(Reading& c, const std::string& name);

std::int64_t insertUser(Writing& c, const NewUserRow& row, const std::string& createdAt);
// By name, then id; `span` of them (all unless said).
std::vector<User> listUsers(Reading& c, const TenantScope& scope,
                            std::optional<std::int64_t> organizationId = std::nullopt,
                            PageSpan span = {});
std::int64_t countUsers(Reading& c, const TenantScope& scope,
                        std::optional<std::int64_t> organizationId);
std::optional<User> findUser(Reading& c, const TenantScope& scope, std::int64_t id);
bool usernameTaken(Reading& c, const std::string& username);

struct LoginRecord {
  std::int64_t userId;
  std::string passwordHash;
  bool active;
  bool passwordLogin = true;  // the organisation's switch (migration 027)
};
std::optional<LoginRecord> findLogin(Reading& c, const std::string& username);
std::optional<Principal> loadPrincipal(Reading& c, std::int64_t userId);

struct SessionRow {
  std::int64_t id;
  std::int64_t userId;
  std::string csrfToken;
  std::int64_t createdAt;      // unix seconds
  std::int64_t lastSeenAt;     // unix seconds
  std::string authentication;  // Principal::authentication; empty for a password (migration 028)
};
void insertSession(Writing& c, const std::string& tokenHash, const std::string& csrfToken,
                   std::int64_t userId, std::int64_t now, const std::string& authentication = "");
std::optional<SessionRow> findOpenSession(Reading& c, const std::string& tokenHash);
void touchSession(Writing& c, std::int64_t sessionId, std::int64_t now);
void endSession(Writing& c, std::int64_t sessionId, std::int64_t now);

void recordLoginFailure(Writing& c, const std::string& username, std::int64_t now);
int countLoginFailures(Reading& c, const std::string& username, std::int64_t since);
void clearLoginFailures(Writing& c, const std::string& username);

}  // namespace sv::store
