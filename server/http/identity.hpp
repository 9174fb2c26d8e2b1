// Who a request comes from, as far as the HTTP frame needs to know: the frame turns a token (a
// bearer header, git's basic password, the session cookie) into an Identity through the
// Authenticator it is given, checks the CSRF token of cookie requests against it, and hands it
// to the handlers as Request::principal(). The frame knows nothing of how logins and sessions
// work: the application implements both interfaces over the accounts service (app/identity.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::http {

class Identity {
 public:
  virtual ~Identity() = default;
  virtual const Principal& principal() const = 0;
  // The session the identity was proven by; what a logout ends.
  virtual std::int64_t sessionId() const = 0;
  // The token pages and scripts send back with an unsafe request made with the session cookie.
  virtual const std::string& csrfToken() const = 0;
  // Compared in constant time: the answer must not tell how much of a guess was right.
  virtual bool csrfMatches(const std::string& token) const = 0;
};

class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // The identity a token stands for; Unauthenticated when it stands for none (unknown, expired).
  virtual Result<std::shared_ptr<const Identity>> authenticate(const std::string& token) = 0;
};

}  // namespace sv::http
