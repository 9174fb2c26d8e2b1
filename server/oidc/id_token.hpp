// The ID token of an authorization code flow, checked whole (OpenID Connect Core 1.0, 3.1.3.7)
// before anything in it is believed: the algorithm is one we accept (RS256 or ES256; "none" and
// the HMAC family are refused, since the client secret is no key of the provider's), the
// signature verifies with the provider's key of that `kid`, and the claims say it is for us, now,
// from this provider and for this login attempt.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/oidc/jwk.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::oidc {

// Where the key of a `kid` comes from: the provider's JWKS (key_cache.hpp), or a test's keys.
class KeySource {
 public:
  virtual ~KeySource() = default;
  // Errors: Unauthenticated/IdTokenUnknownKey, Internal (the keys cannot be fetched).
  virtual Result<Jwk> key(const std::string& kid) = 0;
};

struct IdTokenExpectations {
  std::string issuer;    // exactly the discovery document's issuer
  std::string clientId;  // our client id: in `aud`, and `azp` when present
  std::string nonce;     // the one stored with this login's state
  TimePoint now;
  std::chrono::seconds leeway{60};  // clocks of two servers disagree a little
};

struct IdTokenClaims {
  std::string issuer;
  std::string subject;
  std::string nonce;
  std::int64_t issuedAt = 0;
  std::int64_t expiresAt = 0;
  std::string email;
  bool emailVerified = false;
  std::string name;
  std::string acr;               // how the person was authenticated, when the provider says
  std::vector<std::string> amr;  // the methods, e.g. "pwd", "mfa", "hwk"
  std::string payloadJson;       // the whole payload, for a configured claim (roles)
};

// The strings of a claim that is a string or an array of strings (`aud`, a roles claim).
std::vector<std::string> claimStrings(const std::string& payloadJson, const std::string& claim);

// Errors, each Unauthenticated: IdTokenMalformed, IdTokenAlgorithm, IdTokenUnknownKey,
// IdTokenSignature, IdTokenIssuer, IdTokenAudience, IdTokenAuthorizedParty, IdTokenExpired,
// IdTokenNotYetValid, IdTokenNonce; and the KeySource's Internal.
Result<IdTokenClaims> checkIdToken(const std::string& token, KeySource& keys,
                                   const IdTokenExpectations& expected);

}  // namespace sv::oidc
