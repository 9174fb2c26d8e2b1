// The rows of single sign-on (migration 027): login attempts waiting for their callback, the
// link of a provider's subject to a user, the ID token of a session for the provider's logout,
// and the organisation's password-login switch. The rules are services/oidc_login's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/transaction.hpp"

namespace sv::store {

struct PendingOidcLogin {
  std::string provider;
  std::string nonce;
  std::string codeVerifier;
  std::string nextPath;
  std::string browserHash;     // SHA-256 of the cookie the browser that began it was given
  std::int64_t createdAt = 0;  // unix seconds
};

// Attempts older than `expiredBefore` are removed first: an abandoned login leaves nothing.
void insertOidcLogin(Writing& c, const std::string& stateHash, const PendingOidcLogin& login,
                     std::int64_t expiredBefore);
// The attempt of this state, deleted in the same transaction: a second callback with it finds
// none. An attempt created before `expiredBefore` is deleted and not returned.
std::optional<PendingOidcLogin> takeOidcLogin(Writing& c, const std::string& stateHash,
                                              std::int64_t expiredBefore);

std::optional<std::int64_t> findIdentityUser(Reading& c, const std::string& issuer,
                                             const std::string& subject);
void insertIdentity(Writing& c, const std::string& issuer, const std::string& subject,
                    std::int64_t userId, const std::string& provider, const std::string& linkedAt);

// A user the administrator made, found by e-mail for the first login: any case of the address,
// in one of `organizationIds`. Deactivated users are found too (the caller refuses them by
// name); a user with a provider's identity already is not (one subject per user).
struct IdentityCandidate {
  std::int64_t userId = 0;
  std::string username;
  bool active = true;
};
std::vector<IdentityCandidate> usersWithEmail(Reading& c, const std::string& email,
                                              const std::vector<std::int64_t>& organizationIds);
// Whether a user is active, with the username the audit names; none when there is no such user.
std::optional<IdentityCandidate> identityUser(Reading& c, std::int64_t userId);

void insertOidcSession(Writing& c, std::int64_t sessionId, const std::string& provider,
                       const std::string& idToken);
struct OidcSession {
  std::string provider;
  std::string idToken;
};
std::optional<OidcSession> findOidcSession(Reading& c, std::int64_t sessionId);

bool organizationPasswordLogin(Reading& c, std::int64_t organizationId);
void setOrganizationPasswordLogin(Writing& c, std::int64_t organizationId, bool allowed);

}  // namespace sv::store
