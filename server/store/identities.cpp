#include "server/store/identities.hpp"

namespace sv::store {

void insertOidcLogin(Writing& c, const std::string& stateHash, const PendingOidcLogin& login,
                     std::int64_t expiredBefore) {
  c.prepare("DELETE FROM oidc_logins WHERE created_at < ?1").bindAll(expiredBefore).run();
  c.prepare(
       "INSERT INTO oidc_logins (state_hash, provider, nonce, code_verifier, next_path, "
       "browser_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bindAll(stateHash, login.provider, login.nonce, login.codeVerifier, login.nextPath,
               login.browserHash, login.createdAt)
      .run();
}

std::optional<PendingOidcLogin> takeOidcLogin(Writing& c, const std::string& stateHash,
                                              std::int64_t expiredBefore) {
  auto s = c.prepare(
      "SELECT provider, nonce, code_verifier, next_path, browser_hash, created_at FROM "
      "oidc_logins WHERE state_hash = ?1");
  s.bindAll(stateHash);
  std::optional<PendingOidcLogin> found;
  if (s.step())
    found = PendingOidcLogin{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)};
  c.prepare("DELETE FROM oidc_logins WHERE state_hash = ?1").bindAll(stateHash).run();
  if (found && found->createdAt < expiredBefore) return std::nullopt;
  return found;
}

std::optional<std::int64_t> findIdentityUser(Reading& c, const std::string& issuer,
                                             const std::string& subject) {
  auto s = c.prepare("SELECT user_id FROM user_identities WHERE issuer = ?1 AND subject = ?2");
  s.bindAll(issuer, subject);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

void insertIdentity(Writing& c, const std::string& issuer, const std::string& subject,
                    std::int64_t userId, const std::string& provider, const std::string& linkedAt) {
  c.prepare(
       "INSERT INTO user_identities (issuer, subject, user_id, provider, linked_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(issuer, subject, userId, provider, linkedAt)
      .run();
}

std::vector<IdentityCandidate> usersWithEmail(Reading& c, const std::string& email,
                                              const std::vector<std::int64_t>& organizationIds) {
  std::vector<IdentityCandidate> out;
  for (const auto organizationId : organizationIds) {
    auto s = c.prepare(
        "SELECT u.id, u.username, u.active FROM users u WHERE u.email = ?1 COLLATE NOCASE AND "
        "u.organization_id = ?2 AND NOT EXISTS (SELECT 1 FROM user_identities i WHERE "
        "i.user_id = u.id) ORDER BY u.id");
    s.bindAll(email, organizationId);
    while (s.step()) out.push_back({s.int64(0), s.text(1), s.int64(2) != 0});
  }
  return out;
}

std::optional<IdentityCandidate> identityUser(Reading& c, std::int64_t userId) {
  auto s = c.prepare("SELECT id, username, active FROM users WHERE id = ?1");
  s.bindAll(userId);
  if (!s.step()) return std::nullopt;
  return IdentityCandidate{s.int64(0), s.text(1), s.int64(2) != 0};
}

void insertOidcSession(Writing& c, std::int64_t sessionId, const std::string& provider,
                       const std::string& idToken) {
  c.prepare("INSERT INTO oidc_sessions (session_id, provider, id_token) VALUES (?1, ?2, ?3)")
      .bindAll(sessionId, provider, idToken)
      .run();
}

std::optional<OidcSession> findOidcSession(Reading& c, std::int64_t sessionId) {
  auto s = c.prepare("SELECT provider, id_token FROM oidc_sessions WHERE session_id = ?1");
  s.bindAll(sessionId);
  if (!s.step()) return std::nullopt;
  return OidcSession{s.text(0), s.text(1)};
}

bool organizationPasswordLogin(Reading& c, std::int64_t organizationId) {
  auto s = c.prepare("SELECT password_login FROM organizations WHERE id = ?1");
  s.bindAll(organizationId);
  return !s.step() || s.int64(0) != 0;
}

void setOrganizationPasswordLogin(Writing& c, std::int64_t organizationId, bool allowed) {
  c.prepare("UPDATE organizations SET password_login = ?2 WHERE id = ?1")
      .bindAll(organizationId, std::int64_t{allowed ? 1 : 0})
      .run();
}

}  // namespace sv::store
