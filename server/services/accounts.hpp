// Organisations, users, logins and sessions: the rules (who may create what, what a valid user
// is, throttling, timeouts) over the store's AccountStore. Errors are values; the HTTP edge maps
// them. A use case of the services layer: the HTTP frame knows it only through the
// http::Authenticator the application builds over it (app/identity.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/crypto/crypto.hpp"
#include "server/store/accounts.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::accounts {

using store::Organization;
using store::Principal;
using store::User;

// The administrator made on an empty data folder (app/bootstrap): it always keeps a password.
inline constexpr std::string_view kBootstrapAdmin = "admin";

struct AccountSettings {
  crypto::PasswordPolicy passwordPolicy;
  std::chrono::seconds idleTimeout{30 * 60};
  std::chrono::seconds absoluteTimeout{12 * 3600};
  int throttleAfterFailures = 5;
  std::chrono::seconds throttleWindow{15 * 60};
  std::size_t minPasswordLength = 10;
};

struct NewOrganization {
  std::string name;
  std::string kind;  // "authority" or "provider"
};

struct NewUser {
  std::string username;
  std::string name;
  std::string email;
  std::string password;
  std::int64_t organizationId = 0;
  std::vector<std::string> roles;
};

struct LoginResult {
  std::string token;  // given to the client once; only its hash is stored
  std::string csrfToken;
  Principal principal;
};

struct Session {
  Principal principal;
  std::int64_t sessionId = 0;
  std::string csrfToken;
};

// The actor of a change: a logged-in person, or the server itself (command line, start-up).
struct Actor {
  const Principal* principal = nullptr;
  static Actor system() { return {}; }
};

class Accounts {
 public:
  Accounts(store::Store& store, const TimeSource& time, AccountSettings settings);

  // Errors: Forbidden/NotAdministrator, Invalid/NameInvalid, Invalid/OrganizationKindInvalid,
  // Conflict/OrganizationExists.
  Result<Organization> createOrganization(Actor actor, const NewOrganization& input);
  // Whether the organisation's people may sign in with a password (else through their identity
  // provider only; the bootstrap administrator always may).
  // Errors: Forbidden/NotAdministrator, NotFound.
  Result<Organization> setPasswordLogin(Actor actor, std::int64_t organizationId, bool allowed);
  std::vector<Organization> organizations(const Principal& viewer);
  // `span` of them, and how many the viewer may know of.
  store::Page<Organization> organizations(const Principal& viewer, store::PageSpan span);
  // Errors: NotFound (also for one the viewer may not know of).
  Result<Organization> organization(const Principal& viewer, std::int64_t id);

  // Errors: Forbidden/NotAdministrator, Invalid/UsernameInvalid, Invalid/NameInvalid,
  // Invalid/EmailInvalid, Invalid/PasswordTooShort (value: the least length), Invalid/NoRole,
  // Invalid (an unknown role), Invalid/NoSuchOrganization, Invalid/RoleOfAuthority and
  // Invalid/RoleOfProvider (value: the role), Conflict/UsernameTaken.
  Result<User> createUser(Actor actor, const NewUser& input);
  std::vector<User> users(const Principal& viewer, std::optional<std::int64_t> organizationId);
  // `span` of them, and how many the viewer may know of.
  store::Page<User> users(const Principal& viewer, std::optional<std::int64_t> organizationId,
                          store::PageSpan span);
  // Errors: NotFound (also for one the viewer may not know of).
  Result<User> user(const Principal& viewer, std::int64_t id);

  // Errors: Throttled/LoginThrottled, Unauthenticated/WrongCredentials, Forbidden/PasswordLoginOff
  // (the right password of a user whose organisation signs in through its provider).
  Result<LoginResult> login(const std::string& username, const std::string& password);
  // Shared and never changed: a request holds the cached session rather than a copy of it.
  // Errors: Unauthenticated (unknown token, an expired session).
  Result<std::shared_ptr<const Session>> authenticate(const std::string& token);
  // Ends the session `who` logged in with. Never fails today; a Status for what a store may add.
  Status logout(std::int64_t sessionId, const Principal& who);

  const AccountSettings& settings() const { return settings_; }

 private:
  store::Store& store_;
  const TimeSource& time_;
  AccountSettings settings_;
  std::string dummyHash_;  // verified against for unknown names, so timing does not tell

  // A session seen in the last few seconds is not read again while nothing was written
  // (Store::writes): two SQLite reads per request were most of the cost of an authenticated
  // request. A logout, a change of roles or a deactivation is a write, so it takes effect at
  // once, also when another server process on the same PostgreSQL made it (issue 18).
  struct CachedSession {
    store::SessionRow row;
    std::shared_ptr<const Session> session;
    std::int64_t cachedAt = 0;
    std::uint64_t writes = 0;  // Store::writes() when it was read
  };
  static constexpr std::int64_t kCacheSeconds = 5;
  static constexpr std::size_t kCacheEntries = 10000;
  std::shared_mutex cacheMutex_;
  std::unordered_map<std::string, CachedSession> cache_;
};

}  // namespace sv::accounts
