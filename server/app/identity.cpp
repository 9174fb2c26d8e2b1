#include "server/app/identity.hpp"

#include "server/crypto/crypto.hpp"

namespace sv::app {

bool SessionIdentity::csrfMatches(const std::string& token) const {
  return crypto::constantTimeEquals(token, session_->csrfToken);
}

Result<std::shared_ptr<const http::Identity>> AccountsAuthenticator::authenticate(
    const std::string& token) {
  auto session = accounts_.authenticate(token);
  if (!session) return std::unexpected(session.error());
  return std::make_shared<const SessionIdentity>(std::move(*session));
}

}  // namespace sv::app
