#include "server/oidc/provider.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "server/oidc/pkce.hpp"

namespace sv::oidc {
namespace {

std::string base64(const std::string& text) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << text;
  encoder.close();
  return out.str();
}

std::string withQuery(const std::string& url, const std::string& query) {
  return url + (url.find('?') == std::string::npos ? '?' : '&') + query;
}

}  // namespace

std::string formEncode(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Provider::Provider(ProviderSettings settings, Transport& transport, const TimeSource& time)
    : settings_(std::move(settings)),
      transport_(transport),
      time_(time),
      keys_(
          [this]() -> Result<std::string> {
            auto m = metadata();
            if (!m) return std::unexpected(m.error());
            return fetchText(m->jwksUri);
          },
          time) {}

Result<std::string> Provider::fetchText(const std::string& url) {
  auto answer = transport_.get(url);
  if (!answer) return std::unexpected(answer.error());
  if (answer->status != 200)
    return fail(Errc::Internal, "GET " + url + " answered " + std::to_string(answer->status));
  return std::move(answer->body);
}

Result<ProviderMetadata> Provider::metadata() {
  {
    std::lock_guard lock(mutex_);
    if (metadata_) return *metadata_;
  }
  auto text = fetchText(discoveryUrl(settings_.issuer));
  if (!text) return std::unexpected(text.error());
  auto parsed = parseMetadata(*text, settings_.issuer);
  if (!parsed) return std::unexpected(parsed.error());
  std::lock_guard lock(mutex_);
  metadata_ = *parsed;
  return *parsed;
}

Result<std::string> Provider::authorizationUrl(const std::string& redirectUri,
                                               const std::string& state, const std::string& nonce,
                                               const std::string& verifier) {
  auto m = metadata();
  if (!m) return std::unexpected(m.error());
  return withQuery(
      m->authorizationEndpoint,
      "response_type=code&client_id=" + formEncode(settings_.clientId) +
          "&redirect_uri=" + formEncode(redirectUri) + "&scope=" + formEncode(settings_.scopes) +
          "&state=" + formEncode(state) + "&nonce=" + formEncode(nonce) +
          "&code_challenge=" + formEncode(s256Challenge(verifier)) + "&code_challenge_method=S256");
}

Result<TokenAnswer> Provider::redeemCode(const std::string& code, const std::string& verifier,
                                         const std::string& redirectUri) {
  auto m = metadata();
  if (!m) return std::unexpected(m.error());
  const std::string form = "grant_type=authorization_code&code=" + formEncode(code) +
                           "&redirect_uri=" + formEncode(redirectUri) +
                           "&code_verifier=" + formEncode(verifier);
  const std::string basic =
      "Basic " + base64(formEncode(settings_.clientId) + ":" + formEncode(settings_.clientSecret));
  auto answer = transport_.postForm(m->tokenEndpoint, form, basic);
  if (!answer) return std::unexpected(answer.error());
  Poco::JSON::Object::Ptr body;
  try {
    Poco::JSON::Parser parser;
    body = parser.parse(answer->body).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
    body = nullptr;
  }
  if (answer->status != 200) {
    const std::string error = body && body->has("error") ? body->get("error").toString() : "";
    return fail(Errc::Unauthenticated, Reason::ProviderRefused,
                "the token endpoint answered " + std::to_string(answer->status) + " " + error);
  }
  if (!body || !body->has("id_token") || !body->get("id_token").isString())
    return fail(Errc::Unauthenticated, Reason::ProviderRefused,
                "the token endpoint's answer has no id_token");
  return TokenAnswer{body->getValue<std::string>("id_token")};
}

Result<IdTokenClaims> Provider::checkToken(const std::string& idToken, const std::string& nonce) {
  auto m = metadata();
  if (!m) return std::unexpected(m.error());
  return checkIdToken(idToken, keys_,
                      IdTokenExpectations{m->issuer, settings_.clientId, nonce, time_.now()});
}

std::optional<std::string> Provider::logoutUrl(const std::string& idTokenHint,
                                               const std::string& postLogoutRedirect) {
  auto m = metadata();
  if (!m || m->endSessionEndpoint.empty()) return std::nullopt;
  std::string query = "client_id=" + formEncode(settings_.clientId);
  if (!idTokenHint.empty()) query += "&id_token_hint=" + formEncode(idTokenHint);
  if (!postLogoutRedirect.empty())
    query += "&post_logout_redirect_uri=" + formEncode(postLogoutRedirect);
  return withQuery(m->endSessionEndpoint, query);
}

}  // namespace sv::oidc
