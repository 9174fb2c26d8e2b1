// The discovery document of a provider (OpenID Connect Discovery 1.0): where to send the person,
// where to redeem the code, where the keys are, and where to log out when it offers that.
#pragma once

#include <string>
#include <string_view>

#include "workflows/result.hpp"

namespace sv::oidc {

struct ProviderMetadata {
  std::string issuer;
  std::string authorizationEndpoint;
  std::string tokenEndpoint;
  std::string jwksUri;
  std::string endSessionEndpoint;  // empty: no RP-initiated logout
};

// The document must name exactly the configured issuer (Discovery 4.3: otherwise a provider could
// speak for another), HTTPS endpoints, and offer the code flow.
// Errors: Malformed (not JSON, an endpoint missing), Invalid/ProviderMetadataInvalid (another
// issuer, an endpoint that is not https).
Result<ProviderMetadata> parseMetadata(std::string_view json, const std::string& expectedIssuer);

// The discovery document's URL of an issuer.
std::string discoveryUrl(const std::string& issuer);

}  // namespace sv::oidc
