#include "server/services/accounts.hpp"

#include <algorithm>

#include "server/services/access.hpp"
#include "workflows/clock.hpp"
#include "workflows/text.hpp"

namespace sv::accounts {
namespace {

using store::AuditEntry;

// The rule for a person's name in the agenda (proposed_by): one line of UTF-8. Checked here and
// not left to the JSON parser, because the administration pages send names as form fields.
bool isNameText(std::string_view s) {
  return text::isValidUtf8(s) && !text::hasControlCharacters(s, /*allowNewlines*/ false);
}

Status validateUser(const NewUser& u, std::size_t minPassword) {
  const bool usernameOk =
      u.username.size() >= 2 && u.username.size() <= 64 &&
      std::all_of(u.username.begin(), u.username.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      });
  if (!usernameOk)
    return fail(Errc::Invalid, Reason::UsernameInvalid,
                "a username is 2-64 characters of a-z, 0-9, '.', '_' and '-'", "username");
  const std::string_view name = text::trimSpacesAndTabs(u.name);
  if (name.empty() || u.name.size() > 200 || !isNameText(name))
    return fail(Errc::Invalid, Reason::NameInvalid, "a name is 1-200 characters", "name");
  const auto at = u.email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= u.email.size() || u.email.size() > 254 ||
      u.email.find_first_of(" \t\r\n<>") != std::string::npos)
    return fail(Errc::Invalid, Reason::EmailInvalid, "an e-mail address looks like name@example.se",
                "email");
  if (u.password.size() < minPassword || u.password.size() > 1024)
    return fail(Errc::Invalid, Reason::PasswordTooShort,
                "a password is at least " + std::to_string(minPassword) + " characters", "password",
                std::to_string(minPassword));
  if (u.roles.empty())
    return fail(Errc::Invalid, Reason::NoRole, "a user has at least one role", "roles");
  for (const auto& r : u.roles)
    if (!parseRole(r)) return fail(Errc::Invalid, "unknown role '" + r + "'", "roles");
  return {};
}

// The table is roleFitsOrganization (workflows/principal.hpp); this names the refusal.
Status checkRolesFitOrganization(const std::set<Role>& roles, OrganizationKind kind) {
  for (Role r : roles) {
    if (roleFitsOrganization(r, kind)) continue;
    if (kind == OrganizationKind::Provider)
      return fail(Errc::Invalid, Reason::RoleOfAuthority,
                  "role '" + std::string(roleName(r)) + "' belongs to an authority", "roles",
                  std::string(roleName(r)));
    return fail(Errc::Invalid, Reason::RoleOfProvider,
                "role '" + std::string(roleName(r)) + "' belongs to a provider", "roles",
                std::string(roleName(r)));
  }
  return {};
}

}  // namespace

Accounts::Accounts(store::Store& store, const TimeSource& time, AccountSettings settings)
    : store_(store), time_(time), settings_(settings) {
  dummyHash_ = crypto::hashPassword(crypto::randomToken(16), settings_.passwordPolicy);
}

Result<Organization> Accounts::createOrganization(Actor actor, const NewOrganization& input) {
  if (actor.principal && !actor.principal->isAdmin())
    return fail(Errc::Forbidden, Reason::NotAdministrator,
                "only an administrator creates organizations");
  const std::string name(text::trimSpacesAndTabs(input.name));
  if (name.empty() || name.size() > 200 || !isNameText(name))
    return fail(Errc::Invalid, Reason::NameInvalid, "a name is 1-200 characters", "name");
  const auto kind = parseOrganizationKind(input.kind);
  if (!kind)
    return fail(Errc::Invalid, Reason::OrganizationKindInvalid, "kind is 'authority' or 'provider'",
                "kind");
  return store_.accounts().addOrganization(
      name, *kind, time_.now(),
      services::auditBy(actor.principal, "organization.create", "organization", "",
                        services::auditDetail({{"name", name}, {"kind", input.kind}})));
}

Result<Organization> Accounts::setPasswordLogin(Actor actor, std::int64_t organizationId,
                                                bool allowed) {
  if (actor.principal && !actor.principal->isAdmin())
    return fail(Errc::Forbidden, Reason::NotAdministrator,
                "only an administrator changes how an organization signs in");
  return store_.accounts().setPasswordLogin(
      organizationId, allowed, time_.now(),
      services::auditBy(actor.principal, "organization.password_login", "organization",
                        std::to_string(organizationId),
                        services::auditDetail({{"password_login", allowed ? "on" : "off"}})));
}

std::vector<Organization> Accounts::organizations(const Principal& viewer) {
  return store_.accounts().organizations(store::TenantScope::of(viewer));
}

store::Page<Organization> Accounts::organizations(const Principal& viewer, store::PageSpan span) {
  return store_.accounts().organizationPage(store::TenantScope::of(viewer), span);
}

Result<Organization> Accounts::organization(const Principal& viewer, std::int64_t id) {
  auto found = store_.accounts().organization(store::TenantScope::of(viewer), id);
  if (!found) return fail(Errc::NotFound, "no such organization");
  return *found;
}

Result<User> Accounts::createUser(Actor actor, const NewUser& input) {
  if (actor.principal && !actor.principal->isAdmin())
    return fail(Errc::Forbidden, Reason::NotAdministrator, "only an administrator creates users");
  if (auto valid = validateUser(input, settings_.minPasswordLength); !valid)
    return std::unexpected(valid.error());
  std::set<Role> roles;
  for (const auto& r : input.roles) roles.insert(*parseRole(r));
  const std::string hash = crypto::hashPassword(input.password, settings_.passwordPolicy);
  std::string roleList;
  for (Role r : roles) {
    if (!roleList.empty()) roleList += ',';  // appended: see store/principal.cpp on GCC 12
    roleList += roleName(r);
  }
  const std::string name(text::trimSpacesAndTabs(input.name));
  const store::NewUserRow row{input.username, name, input.email, hash, input.organizationId, roles};
  return store_.accounts().addUser(
      row, time_.now(),
      services::auditBy(
          actor.principal, "user.create", "user", "",
          services::auditDetail({{"username", input.username},
                                 {"organization_id", std::to_string(input.organizationId)},
                                 {"roles", roleList}})),
      [&](const Organization& org) { return checkRolesFitOrganization(roles, org.kind); });
}

std::vector<User> Accounts::users(const Principal& viewer,
                                  std::optional<std::int64_t> organizationId) {
  return store_.accounts().users(store::TenantScope::of(viewer), organizationId);
}

store::Page<User> Accounts::users(const Principal& viewer,
                                  std::optional<std::int64_t> organizationId,
                                  store::PageSpan span) {
  return store_.accounts().userPage(store::TenantScope::of(viewer), organizationId, span);
}

Result<User> Accounts::user(const Principal& viewer, std::int64_t id) {
  auto found = store_.accounts().user(store::TenantScope::of(viewer), id);
  if (!found) return fail(Errc::NotFound, "no such user");
  return *found;
}

Result<LoginResult> Accounts::login(const std::string& username, const std::string& password) {
  auto& records = store_.accounts();
  const auto now = time_.now();
  // Counted as a failure before Argon2 runs; a success forgets it with the others (openSession).
  const auto claimed =
      records.claimLoginAttempt(username, unixSeconds(now - settings_.throttleWindow),
                                unixSeconds(now), settings_.throttleAfterFailures);
  if (!claimed)
    return fail(Errc::Throttled, Reason::LoginThrottled,
                "too many failed logins for this account; try again later");
  const int failures = *claimed;

  const auto login = records.login(username);
  const bool ok = login ? crypto::verifyPassword(password, login->passwordHash) && login->active
                        : (crypto::verifyPassword(password, dummyHash_), false);
  if (!ok) {
    if (failures + 1 == settings_.throttleAfterFailures)
      records.recordThrottled(
          AuditEntry{login ? std::optional(login->userId) : std::nullopt, username,
                     "login.throttled", "account", username, "",
                     services::auditDetail({{"failures", std::to_string(failures + 1)}})},
          now);
    return fail(Errc::Unauthenticated, Reason::WrongCredentials, "wrong username or password");
  }
  // Said only to the one who knows the password, so that it tells a guesser nothing. The
  // bootstrap administrator keeps the password: the way in when the provider is down.
  if (!login->passwordLogin && username != kBootstrapAdmin)
    return fail(Errc::Forbidden, Reason::PasswordLoginOff,
                "the organization signs in through its identity provider");

  LoginResult result;
  result.token = crypto::randomToken(32);
  result.csrfToken = crypto::randomToken(32);
  records.openSession(
      username, crypto::sha256Hex(result.token), result.csrfToken, login->userId, now,
      AuditEntry{login->userId, username, "session.create", "user", std::to_string(login->userId)});
  auto principal = records.principal(login->userId);
  if (!principal)
    return fail(Errc::Unauthenticated, Reason::WrongCredentials, "wrong username or password");
  result.principal = std::move(*principal);
  return result;
}

Result<std::shared_ptr<const Session>> Accounts::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 256) return fail(Errc::Unauthenticated, "not logged in");
  const auto now = unixSeconds(time_.now());
  const std::string tokenHash = crypto::sha256Hex(token);
  auto usable = [&](const store::SessionRow& row) {
    return now - row.lastSeenAt <= settings_.idleTimeout.count() &&
           now - row.createdAt <= settings_.absoluteTimeout.count();
  };
  // Read before the session is: a write that ends after this (a logout in another server
  // process on the same PostgreSQL) leaves what is cached below under an old count.
  const std::uint64_t writes = store_.writes();
  auto fresh = [&](const CachedSession& hit) {
    return hit.writes == writes && now - hit.cachedAt < kCacheSeconds &&
           now - hit.row.lastSeenAt < 60 && usable(hit.row);
  };
  {
    // Every request of a logged-in user passes here: lookups share the lock, so that they never
    // wait for one another, only for a change of the cache.
    std::shared_lock lock(cacheMutex_);
    if (auto it = cache_.find(tokenHash); it != cache_.end() && fresh(it->second))
      return it->second.session;
  }
  {
    std::lock_guard lock(cacheMutex_);
    if (auto it = cache_.find(tokenHash); it != cache_.end() && !fresh(it->second))
      cache_.erase(it);
  }
  auto& records = store_.accounts();
  auto row = records.session(tokenHash);
  if (!row) return fail(Errc::Unauthenticated, "not logged in");
  if (!usable(*row)) {
    records.endSession(row->id, now, std::nullopt, time_.now());
    return fail(Errc::Unauthenticated, "the session has expired");
  }
  // Recording every request would cost an fsync each; a minute's precision is enough for a
  // 30-minute idle limit.
  if (now - row->lastSeenAt >= 60) {
    records.touchSession(row->id, now);
    row->lastSeenAt = now;
  }
  auto principal = records.principal(row->userId);
  if (!principal) return fail(Errc::Unauthenticated, "not logged in");
  principal->authentication = row->authentication;
  auto session =
      std::make_shared<const Session>(Session{std::move(*principal), row->id, row->csrfToken});
  {
    std::lock_guard lock(cacheMutex_);
    if (cache_.size() >= kCacheEntries) cache_.clear();
    cache_[tokenHash] = CachedSession{*row, session, now, writes};
  }
  return session;
}

Status Accounts::logout(std::int64_t sessionId, const Principal& who) {
  const auto now = time_.now();
  {
    std::lock_guard lock(cacheMutex_);
    std::erase_if(cache_, [&](const auto& entry) { return entry.second.row.id == sessionId; });
  }
  store_.accounts().endSession(
      sessionId, unixSeconds(now),
      AuditEntry{who.userId, who.username, "session.end", "user", std::to_string(who.userId)}, now);
  return {};
}

}  // namespace sv::accounts
