// The random values of one login attempt: `state` (ties the callback to the browser that began
// it), `nonce` (ties the ID token to it) and the PKCE code verifier (RFC 7636: a stolen code is
// useless without it), and the verifier's S256 challenge.
#pragma once

#include <string>

namespace sv::oidc {

// 32 random bytes from OpenSSL's CSPRNG, base64url: 43 characters, as RFC 7636 4.1 allows.
std::string randomToken();
// BASE64URL(SHA256(verifier)).
std::string s256Challenge(const std::string& verifier);

}  // namespace sv::oidc
