// A provider's public signing keys (RFC 7517) as OpenSSL 3 keys. The key is built from the JWK's
// numbers with EVP_PKEY_fromdata, since Poco's JWT takes no JWK, and checked with
// EVP_DigestVerify. Only what an ID token may be signed with here: RSA (2048 bits or more) for
// RS256 and EC P-256 for ES256.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "workflows/result.hpp"

typedef struct evp_pkey_st EVP_PKEY;

namespace sv::oidc {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const;
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct Jwk {
  std::string kid;
  std::string alg;  // "RS256" or "ES256": the one algorithm the key is used with
  std::shared_ptr<EVP_PKEY> key;
};

// The usable signing keys of a JWKS document by kid. Keys of another use ("enc"), another type
// or curve, and weak RSA keys are left out, not refused: a provider publishes them for others.
// Errors: Malformed (not a JWKS document).
Result<std::map<std::string, Jwk>> parseJwks(std::string_view json);

// Whether `signature` (as JWS carries it: PKCS#1 v1.5 for RS256, r||s for ES256) signs `input`.
bool verifySignature(const Jwk& key, std::string_view input, std::string_view signature);

}  // namespace sv::oidc
