// The HTTP frame's view of who is asking (http::Identity, http::Authenticator), implemented over
// the accounts service: the frame stays ignorant of sessions, and the accounts of HTTP.
#pragma once

#include <memory>
#include <string>

#include "server/http/identity.hpp"
#include "server/services/accounts.hpp"

namespace sv::app {

class SessionIdentity final : public http::Identity {
 public:
  explicit SessionIdentity(std::shared_ptr<const accounts::Session> session)
      : session_(std::move(session)) {}
  const Principal& principal() const override { return session_->principal; }
  std::int64_t sessionId() const override { return session_->sessionId; }
  const std::string& csrfToken() const override { return session_->csrfToken; }
  bool csrfMatches(const std::string& token) const override;

 private:
  std::shared_ptr<const accounts::Session> session_;
};

class AccountsAuthenticator final : public http::Authenticator {
 public:
  explicit AccountsAuthenticator(accounts::Accounts& accounts) : accounts_(accounts) {}
  Result<std::shared_ptr<const http::Identity>> authenticate(const std::string& token) override;

 private:
  accounts::Accounts& accounts_;
};

}  // namespace sv::app
