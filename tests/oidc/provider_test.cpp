// A provider over a transport that answers from memory: discovery, the authorization URL with
// PKCE, the code exchange with the client's credentials, and the logout URL.
#include <catch2/catch.hpp>

#include "oidc/keys.hpp"
#include "server/oidc/metadata.hpp"
#include "server/oidc/pkce.hpp"
#include "server/oidc/provider.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::oidc;

namespace {

const std::string kIssuer = "https://idp.kommun.example";

std::string discovery(const std::string& issuer = kIssuer, const std::string& extra = "") {
  return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + kIssuer +
         "/auth\",\"token_endpoint\":\"" + kIssuer + "/token\",\"jwks_uri\":\"" + kIssuer +
         "/jwks\",\"response_types_supported\":[\"code\"]" + extra + "}";
}

struct MemoryTransport final : Transport {
  std::map<std::string, HttpAnswer> answers;
  std::vector<std::string> gets;
  std::string postedUrl, postedForm, postedAuthorization;
  HttpAnswer tokenAnswer{200, "{}"};

  Result<HttpAnswer> get(const std::string& url) override {
    gets.push_back(url);
    if (auto it = answers.find(url); it != answers.end()) return it->second;
    return fail(Errc::Internal, "no route to " + url);
  }
  Result<HttpAnswer> postForm(const std::string& url, const std::string& form,
                              const std::string& authorization) override {
    postedUrl = url;
    postedForm = form;
    postedAuthorization = authorization;
    return tokenAnswer;
  }
};

ProviderSettings settings() {
  ProviderSettings s;
  s.name = "kommun";
  s.issuer = kIssuer;
  s.clientId = "samverkan";
  s.clientSecret = "hemligt: med kolon";
  s.label = "Logga in med kommunens konto";
  return s;
}

}  // namespace

TEST_CASE("the S256 challenge is base64url of the verifier's SHA-256", "[oidc][pkce]") {
  CHECK(s256Challenge("dBjftJeZ4CVP-mJ92q3f5nUc5P-z8m8ZoX2E3IJbGZU") ==
        "yP5YzJrGcZf7TO9lltxBORdBhmRpyj9WZl6rQyRRW0M");
  const auto a = randomToken();
  CHECK(a.size() == 43);
  CHECK(a != randomToken());
}

TEST_CASE("a discovery document must name the configured issuer and https endpoints",
          "[oidc][metadata]") {
  auto ok = parseMetadata(discovery(kIssuer, ",\"end_session_endpoint\":\"" + kIssuer + "/end\""),
                          kIssuer);
  REQUIRE(ok);
  CHECK(ok->endSessionEndpoint == kIssuer + "/end");
  auto other = parseMetadata(discovery("https://evil.example"), kIssuer);
  REQUIRE_FALSE(other);
  CHECK(other.error().reason == Reason::ProviderMetadataInvalid);
  auto plain = parseMetadata(
      discovery(kIssuer, ",\"end_session_endpoint\":\"http://idp.kommun.example/end\""), kIssuer);
  REQUIRE_FALSE(plain);
  CHECK(plain.error().reason == Reason::ProviderMetadataInvalid);
  CHECK_FALSE(parseMetadata("{\"issuer\":\"" + kIssuer + "\"}", kIssuer));
  CHECK(discoveryUrl(kIssuer + "/") == kIssuer + "/.well-known/openid-configuration");
}

TEST_CASE("a provider sends the browser with PKCE and redeems the code with its credentials",
          "[oidc][provider]") {
  MemoryTransport net;
  net.answers[kIssuer + "/.well-known/openid-configuration"] = {200, discovery()};
  ManualTime time{TimePoint(std::chrono::seconds(1'780'000'000))};
  Provider provider(settings(), net, time);

  auto url = provider.authorizationUrl("http://localhost:8080/logga-in/oidc/callback", "st", "nn",
                                       "dBjftJeZ4CVP-mJ92q3f5nUc5P-z8m8ZoX2E3IJbGZU");
  REQUIRE(url);
  CHECK(url->starts_with(kIssuer + "/auth?response_type=code&client_id=samverkan&"));
  CHECK(url->find("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Flogga-in%2Foidc%2Fcallback") !=
        std::string::npos);
  CHECK(url->find("&scope=openid+email+profile&state=st&nonce=nn&code_challenge="
                  "yP5YzJrGcZf7TO9lltxBORdBhmRpyj9WZl6rQyRRW0M&code_challenge_method=S256") !=
        std::string::npos);
  // Discovery once, then kept.
  CHECK(provider.authorizationUrl("r", "s", "n", "v"));
  CHECK(net.gets.size() == 1);

  net.tokenAnswer = {200, R"({"id_token":"a.b.c","token_type":"Bearer"})"};
  auto tokens = provider.redeemCode("the/code", "verifier", "http://x/cb");
  REQUIRE(tokens);
  CHECK(tokens->idToken == "a.b.c");
  CHECK(net.postedUrl == kIssuer + "/token");
  CHECK(net.postedForm ==
        "grant_type=authorization_code&code=the%2Fcode&redirect_uri=http%3A%2F%2Fx%2Fcb&"
        "code_verifier=verifier");
  // client_secret_basic: each part form-encoded before base64 (RFC 6749 2.3.1).
  CHECK(net.postedAuthorization == "Basic c2FtdmVya2FuOmhlbWxpZ3QlM0ErbWVkK2tvbG9u");

  net.tokenAnswer = {400, R"({"error":"invalid_grant"})"};
  auto refused = provider.redeemCode("used", "verifier", "http://x/cb");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == Reason::ProviderRefused);
  CHECK_FALSE(provider.logoutUrl("a.b.c", "http://x/"));
}

TEST_CASE("a provider that cannot be reached, or names another issuer, is an error",
          "[oidc][provider]") {
  MemoryTransport net;
  ManualTime time{TimePoint(std::chrono::seconds(1'780'000'000))};
  Provider provider(settings(), net, time);
  auto unreachable = provider.authorizationUrl("r", "s", "n", "v");
  REQUIRE_FALSE(unreachable);
  CHECK(unreachable.error().code == Errc::Internal);
  net.answers[kIssuer + "/.well-known/openid-configuration"] = {200,
                                                                discovery("https://other.example")};
  auto other = provider.authorizationUrl("r", "s", "n", "v");
  REQUIRE_FALSE(other);
  CHECK(other.error().reason == Reason::ProviderMetadataInvalid);
}

TEST_CASE("a provider checks the ID token against its own keys and offers its logout",
          "[oidc][provider]") {
  const auto key = test::TestKey::ec("k1");
  MemoryTransport net;
  net.answers[kIssuer + "/.well-known/openid-configuration"] = {
      200, discovery(kIssuer, ",\"end_session_endpoint\":\"" + kIssuer + "/session/end\"")};
  net.answers[kIssuer + "/jwks"] = {200, test::jwks({key.jwk()})};
  const std::int64_t now = 1'780'000'000;
  ManualTime time{TimePoint(std::chrono::seconds(now))};
  Provider provider(settings(), net, time);
  const auto token = key.token("{\"iss\":\"" + kIssuer +
                               "\",\"sub\":\"s1\",\"aud\":\"samverkan\",\"nonce\":\"nn\",\"iat\":" +
                               std::to_string(now) + ",\"exp\":" + std::to_string(now + 60) + "}");
  auto claims = provider.checkToken(token, "nn");
  REQUIRE(claims);
  CHECK(claims->subject == "s1");
  auto replayed = provider.checkToken(token, "another");
  REQUIRE_FALSE(replayed);
  CHECK(replayed.error().reason == Reason::IdTokenNonce);
  CHECK(provider.logoutUrl("a.b.c", "http://x/logga-in?utloggad=1") ==
        kIssuer +
            "/session/end?client_id=samverkan&id_token_hint=a.b.c&"
            "post_logout_redirect_uri=http%3A%2F%2Fx%2Flogga-in%3Futloggad%3D1");
}

TEST_CASE("the HTTPS transport speaks https only", "[oidc][transport]") {
  auto net = httpsTransport("");
  auto plain = net->get("http://127.0.0.1:1/.well-known/openid-configuration");
  REQUIRE_FALSE(plain);
  CHECK(plain.error().code == Errc::Internal);
  CHECK(plain.error().detail.find("https only") != std::string::npos);
}

}  // namespace SV_TEST_FILE
