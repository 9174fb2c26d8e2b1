// The accounts' data as whole operations, each its own transaction: what the accounts service
// (server/services/accounts.hpp) and the start-up (app/bootstrap) need, in domain values, so that
// neither writes SQL nor holds a connection. The row-level functions of accounts.hpp remain for
// the other stores' joins. An audit entry given to a write goes into the same transaction; a
// create fills the entry's objectId with the new row's id.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "server/store/accounts.hpp"
#include "server/store/audit.hpp"
#include "server/store/paging.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"
#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::store {

class Database;

class AccountStore {
 public:
  explicit AccountStore(Database& db) : db_(db) {}

  // Errors: Conflict/OrganizationExists (the name, in any case).
  Result<Organization> addOrganization(const std::string& name, OrganizationKind kind,
                                       TimePoint now, AuditEntry audit);
  std::vector<Organization> organizations(const TenantScope& scope);
  // `span` of them, by name, and how many the scope sees.
  Page<Organization> organizationPage(const TenantScope& scope, PageSpan span);
  std::optional<Organization> organization(const TenantScope& scope, std::int64_t id);
  // Turns password login on or off for an organisation's people (identities.hpp).
  // Errors: NotFound.
  Result<Organization> setPasswordLogin(std::int64_t organizationId, bool allowed, TimePoint now,
                                        const AuditEntry& audit);
  // The id of the organisation with exactly this name, if there is one.
  std::optional<std::int64_t> organizationNamed(const std::string& name);

  // `admits` decides, inside the transaction, whether the user's organisation may hold them;
  // its error is returned as it is.
  // Errors: Invalid/NoSuchOrganization, Conflict/UsernameTaken, and those of `admits`.
  Result<User> addUser(const NewUserRow& row, TimePoint now, AuditEntry audit,
                       const std::function<Status(const Organization&)>& admits);
  std::vector<User> users(const TenantScope& scope, std::optional<std::int64_t> organizationId);
  // `span` of them, by name, and how many the scope sees.
  Page<User> userPage(const TenantScope& scope, std::optional<std::int64_t> organizationId,
                      PageSpan span);
  std::optional<User> user(const TenantScope& scope, std::int64_t id);
  bool usernameTaken(const std::string& username);

  // The password hash and state of a login name, in any case.
  std::optional<LoginRecord> login(const std::string& username);
  // Who an active user is; none for an unknown or deactivated one.
  std::optional<Principal> principal(std::int64_t userId);

  // Counts an attempt as failed before its password is checked, in one write transaction, so
  // that of any number of guesses at once no more than `limit` in the window are admitted (a
  // read, then the check, then a write let each of 30 parallel guesses see the same count). The
  // failures before this one; none when the account is throttled (then nothing is counted).
  std::optional<int> claimLoginAttempt(const std::string& username, std::int64_t sinceUnixSeconds,
                                       std::int64_t nowUnixSeconds, int limit);
  // The claimed attempt failed and it is the one that throttles the account.
  void recordThrottled(const AuditEntry& audit, TimePoint now);
  // A successful login: the failures forgotten, the session stored (its token only as a hash).
  void openSession(const std::string& username, const std::string& tokenHash,
                   const std::string& csrfToken, std::int64_t userId, TimePoint now,
                   const AuditEntry& audit);
  std::optional<SessionRow> session(const std::string& tokenHash);
  void touchSession(std::int64_t sessionId, std::int64_t nowUnixSeconds);
  // `audit`: for a logout (a session that merely expired is ended without one).
  void endSession(std::int64_t sessionId, std::int64_t nowUnixSeconds,
                  const std::optional<AuditEntry>& audit, TimePoint now);

 private:
  Database& db_;
};

}  // namespace sv::store
