// The identity providers of the properties (issue 17), read with the other settings and checked
// once at start: a provider that cannot work (no issuer, an unreadable secret file, an unknown
// provisioning mode) stops the start with a message that names the property.
//
//   samverkan.oidc.providers = entra,kommun
//   samverkan.oidc.ca_file = /etc/samverkan/kommun-ca.pem     (optional: a private CA)
//   samverkan.oidc.<name>.issuer = https://login.microsoftonline.com/<tenant>/v2.0
//   samverkan.oidc.<name>.client_id = …
//   samverkan.oidc.<name>.client_secret_file = /etc/samverkan/entra.secret
//   samverkan.oidc.<name>.scopes = openid email profile      (the default)
//   samverkan.oidc.<name>.organizations = Östermalms stadsdelsförvaltning;Hemtjänst i Norr AB
//   samverkan.oidc.<name>.label = Logga in med kommunens konto
//   samverkan.oidc.<name>.provision = off | claims            (off by default)
//   samverkan.oidc.<name>.roles_claim = roles                 (with provision = claims)
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <string>
#include <vector>

#include "server/oidc/provider.hpp"
#include "workflows/result.hpp"

namespace sv::app {

struct OidcProviderProperties {
  oidc::ProviderSettings settings;  // clientSecret empty until checked
  std::string clientSecretFile;
  std::string provision;  // as written: "off" or "claims"
};

struct OidcSettings {
  std::string caFile;
  std::vector<OidcProviderProperties> providers;
};

OidcSettings readOidcSettings(const Poco::Util::AbstractConfiguration& config);

// The providers ready to use, each with its secret read from its file.
// Errors: Invalid (field: the property that is wrong; detail says why).
Result<std::vector<oidc::ProviderSettings>> checkOidcSettings(const OidcSettings& settings);

}  // namespace sv::app
