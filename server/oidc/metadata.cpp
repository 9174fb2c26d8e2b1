#include "server/oidc/metadata.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace sv::oidc {

std::string discoveryUrl(const std::string& issuer) {
  std::string base = issuer;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/.well-known/openid-configuration";
}

Result<ProviderMetadata> parseMetadata(std::string_view json, const std::string& expectedIssuer) {
  Poco::JSON::Object::Ptr o;
  try {
    Poco::JSON::Parser parser;
    o = parser.parse(std::string(json)).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    return fail(Errc::Malformed, "the discovery document is not JSON: " + e.displayText());
  } catch (const std::exception&) {
    return fail(Errc::Malformed, "the discovery document is not a JSON object");
  }
  if (!o) return fail(Errc::Malformed, "the discovery document is not a JSON object");
  auto text = [&](const char* name) {
    return o->has(name) && o->get(name).isString() ? o->getValue<std::string>(name) : std::string();
  };
  ProviderMetadata m{text("issuer"), text("authorization_endpoint"), text("token_endpoint"),
                     text("jwks_uri"), text("end_session_endpoint")};
  if (m.authorizationEndpoint.empty() || m.tokenEndpoint.empty() || m.jwksUri.empty())
    return fail(Errc::Malformed, "the discovery document lacks an endpoint");
  if (m.issuer != expectedIssuer)
    return fail(
        Errc::Invalid, Reason::ProviderMetadataInvalid,
        "the discovery document names issuer '" + m.issuer + "', not '" + expectedIssuer + "'");
  for (const auto* url :
       {&m.authorizationEndpoint, &m.tokenEndpoint, &m.jwksUri, &m.endSessionEndpoint})
    if (!url->empty() && url->rfind("https://", 0) != 0)
      return fail(Errc::Invalid, Reason::ProviderMetadataInvalid,
                  "an endpoint is not https: " + *url);
  if (auto types = o->getArray("response_types_supported")) {
    bool code = false;
    for (std::size_t i = 0; i < types->size(); ++i)
      code = code || types->get(static_cast<unsigned>(i)).toString() == "code";
    if (!code)
      return fail(Errc::Invalid, Reason::ProviderMetadataInvalid,
                  "the provider does not offer the authorization code flow");
  }
  return m;
}

}  // namespace sv::oidc
