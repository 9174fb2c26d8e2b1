// One configured identity provider, as the relying party sees it: its settings, its discovery
// document (fetched on first use and kept), its keys (key_cache.hpp), and the three steps of
// the authorization code flow that talk to it.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/oidc/id_token.hpp"
#include "server/oidc/key_cache.hpp"
#include "server/oidc/metadata.hpp"
#include "server/oidc/transport.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::oidc {

// samverkan.oidc.<name>.*: read and checked at start (app/settings).
struct ProviderSettings {
  std::string name;  // in the URL: /logga-in/oidc/<name>
  std::string issuer;
  std::string clientId;
  std::string clientSecret;  // read from client_secret_file, never from the properties
  std::string scopes = "openid email profile";
  std::vector<std::string> organizations;  // the organisations whose people it signs in
  std::string label;                       // the button's Swedish text
  bool provisionFromClaims = false;        // provision = claims
  std::string rolesClaim;                  // e.g. "roles"; empty: no roles from the provider
};

// What the token endpoint answered.
struct TokenAnswer {
  std::string idToken;
};

class Provider {
 public:
  Provider(ProviderSettings settings, Transport& transport, const TimeSource& time);

  const ProviderSettings& settings() const { return settings_; }

  // Discovery, once; later calls return what the first successful one found.
  // Errors: Internal (unreachable), Malformed and Invalid/ProviderMetadataInvalid (parseMetadata).
  Result<ProviderMetadata> metadata();

  // Where to send the browser: the authorization endpoint with response_type=code, our client id,
  // the redirect URI, the scopes, `state`, `nonce` and the S256 challenge of `verifier`.
  // Errors: those of metadata().
  Result<std::string> authorizationUrl(const std::string& redirectUri, const std::string& state,
                                       const std::string& nonce, const std::string& verifier);

  // The code exchanged at the token endpoint with HTTP Basic client credentials (RFC 6749 2.3.1,
  // each part form-encoded) and the PKCE verifier.
  // Errors: Unauthenticated/ProviderRefused (the provider said no), Internal, metadata()'s.
  Result<TokenAnswer> redeemCode(const std::string& code, const std::string& verifier,
                                 const std::string& redirectUri);

  // Errors: those of checkIdToken.
  Result<IdTokenClaims> checkToken(const std::string& idToken, const std::string& nonce);

  // The provider's logout with the ID token as hint, when its discovery document offers one.
  std::optional<std::string> logoutUrl(const std::string& idTokenHint,
                                       const std::string& postLogoutRedirect);

  const KeyCache& keys() const { return keys_; }

 private:
  Result<std::string> fetchText(const std::string& url);

  ProviderSettings settings_;
  Transport& transport_;
  const TimeSource& time_;
  std::mutex mutex_;
  std::optional<ProviderMetadata> metadata_;
  KeyCache keys_;
};

// application/x-www-form-urlencoded of one value (RFC 6749 appendix B).
std::string formEncode(const std::string& value);

}  // namespace sv::oidc
