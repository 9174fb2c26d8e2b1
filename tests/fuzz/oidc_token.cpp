// What an identity provider (or someone on the way to it) sends the single sign-on
// (server/oidc): the JWKS document, the ID token and the discovery document. The input is a JWKS
// document, a NUL, then a token that is also read as a discovery document. Whatever the bytes,
// each reader gives a value or an error, and a token is accepted only for our issuer, client and
// nonce; a discovery document only when it names the issuer we expect.
#include <map>

#include "server/oidc/id_token.hpp"
#include "server/oidc/jwk.hpp"
#include "server/oidc/metadata.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

constexpr const char* kIssuer = "https://idp.example";

// The keys the input's JWKS document holds, by kid, as the provider's key cache would give them.
class FuzzedKeys : public sv::oidc::KeySource {
 public:
  explicit FuzzedKeys(std::map<std::string, sv::oidc::Jwk> keys) : keys_(std::move(keys)) {}
  sv::Result<sv::oidc::Jwk> key(const std::string& kid) override {
    const auto it = keys_.find(kid);
    if (it == keys_.end())
      return sv::fail(sv::Errc::Unauthenticated, sv::Reason::IdTokenUnknownKey, "no such key");
    return it->second;
  }

 private:
  std::map<std::string, sv::oidc::Jwk> keys_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [jwks, token] = sv::fuzz::splitAtNul(sv::fuzz::textOf(data, size));
  auto keys = sv::oidc::parseJwks(jwks);
  if (keys)
    for (const auto& [kid, key] : *keys) {
      sv::fuzz::require(key.key != nullptr, "a parsed key has a key");
      (void)sv::oidc::verifySignature(key, token, jwks);
    }
  FuzzedKeys source(keys ? *keys : std::map<std::string, sv::oidc::Jwk>{});
  const sv::oidc::IdTokenExpectations expected{kIssuer, "samverkan", "n-0S6_WzA2Mj",
                                               sv::TimePoint(std::chrono::seconds(1850000000))};
  if (auto claims = sv::oidc::checkIdToken(token, source, expected)) {
    sv::fuzz::require(claims->issuer == kIssuer, "an accepted token is from our issuer");
    sv::fuzz::require(claims->nonce == expected.nonce, "an accepted token carries our nonce");
  }
  (void)sv::oidc::claimStrings(token, "aud");
  if (auto metadata = sv::oidc::parseMetadata(token, kIssuer))
    sv::fuzz::require(metadata->issuer == kIssuer, "discovery names the issuer we expect");
  return 0;
}
