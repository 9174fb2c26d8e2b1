// The ID token's checks, one rejection each, with keys OpenSSL makes here and tokens signed as a
// provider signs them.
#include <catch2/catch.hpp>

#include "oidc/keys.hpp"
#include "server/oidc/base64url.hpp"
#include "server/oidc/id_token.hpp"
#include "server/oidc/key_cache.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::oidc;
using sv::oidc::test::TestKey;

namespace {

constexpr std::int64_t kNow = 1'780'000'000;
const std::string kIssuer = "https://idp.kommun.example";

// The keys a test hands out, by kid: the KeySource of a test without a provider.
struct Keys final : KeySource {
  std::map<std::string, Jwk> keys;
  explicit Keys(const std::string& jwksJson) { keys = *parseJwks(jwksJson); }
  Result<Jwk> key(const std::string& kid) override {
    if (auto it = keys.find(kid); it != keys.end()) return it->second;
    return fail(Errc::Unauthenticated, Reason::IdTokenUnknownKey, "unknown kid");
  }
};

std::string claims(const std::string& changes = "", std::int64_t iat = kNow,
                   std::int64_t exp = kNow + 300) {
  return "{\"iss\":\"" + kIssuer + "\",\"sub\":\"248289761001\",\"aud\":\"samverkan\"," +
         "\"nonce\":\"n-0S6_WzA2Mj\",\"iat\":" + std::to_string(iat) +
         ",\"exp\":" + std::to_string(exp) +
         ",\"email\":\"anna@ostermalm.example.se\",\"email_verified\":true,"
         "\"acr\":\"http://id.elegnamnden.se/loa/1.0/loa3\",\"amr\":[\"pwd\",\"mfa\"]" +
         changes + "}";
}

IdTokenExpectations expected(std::int64_t now = kNow) {
  return {kIssuer, "samverkan", "n-0S6_WzA2Mj", TimePoint(std::chrono::seconds(now))};
}

Reason refusal(const Result<IdTokenClaims>& r) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::Unauthenticated);
  return r.error().reason;
}

// A JSON value replaced in the payload: the last of a duplicate key wins in Poco's parser.
std::string with(const std::string& member) {
  return "," + member;
}

}  // namespace

TEST_CASE("an RS256 and an ES256 ID token of the provider are accepted", "[oidc][id_token]") {
  const auto rsa = TestKey::rsa("rsa-1");
  const auto ec = TestKey::ec("ec-1");
  Keys keys(test::jwks({rsa.jwk(), ec.jwk()}));
  for (const auto* key : {&rsa, &ec}) {
    auto ok = checkIdToken(key->token(claims()), keys, expected());
    REQUIRE(ok);
    CHECK(ok->subject == "248289761001");
    CHECK(ok->issuer == kIssuer);
    CHECK(ok->email == "anna@ostermalm.example.se");
    CHECK(ok->emailVerified);
    CHECK(ok->acr == "http://id.elegnamnden.se/loa/1.0/loa3");
    CHECK(ok->amr == std::vector<std::string>{"pwd", "mfa"});
  }
}

TEST_CASE("a token for another client is refused", "[oidc][id_token]") {
  const auto key = TestKey::rsa("k");
  Keys keys(test::jwks({key.jwk()}));
  CHECK(refusal(checkIdToken(key.token(claims(with("\"aud\":\"someone-else\""))), keys,
                             expected())) == Reason::IdTokenAudience);
  // An array that names us is ours; with several audiences azp must name us too.
  CHECK(checkIdToken(key.token(claims(with("\"aud\":[\"samverkan\"]"))), keys, expected()));
  CHECK(refusal(checkIdToken(key.token(claims(with("\"aud\":[\"other\",\"samverkan\"]"))), keys,
                             expected())) == Reason::IdTokenAuthorizedParty);
  CHECK(checkIdToken(
      key.token(claims(with("\"aud\":[\"other\",\"samverkan\"],\"azp\":\"samverkan\""))), keys,
      expected()));
  CHECK(refusal(checkIdToken(key.token(claims(with("\"azp\":\"other\""))), keys, expected())) ==
        Reason::IdTokenAuthorizedParty);
  CHECK(refusal(checkIdToken(key.token(claims(with("\"aud\":[\"other\"]"))), keys, expected())) ==
        Reason::IdTokenAudience);
}

TEST_CASE("an expired token, and one issued in the future, are refused", "[oidc][id_token]") {
  const auto key = TestKey::ec("k");
  Keys keys(test::jwks({key.jwk()}));
  const auto old = key.token(claims("", kNow - 400, kNow - 100));
  CHECK(refusal(checkIdToken(old, keys, expected())) == Reason::IdTokenExpired);
  // Within the leeway of a minute it still counts: two servers' clocks disagree a little.
  CHECK(checkIdToken(key.token(claims("", kNow - 100, kNow - 30)), keys, expected()));
  CHECK(refusal(checkIdToken(key.token(claims("", kNow + 600, kNow + 900)), keys, expected())) ==
        Reason::IdTokenNotYetValid);
  // Issued long ago with a long life: a replay of an old login.
  CHECK(refusal(checkIdToken(key.token(claims("", kNow - 3600, kNow + 3600)), keys, expected())) ==
        Reason::IdTokenExpired);
  CHECK(refusal(checkIdToken(key.token(R"({"iss":")" + kIssuer +
                                       R"(","sub":"1","aud":"samverkan","nonce":"n-0S6_WzA2Mj"})"),
                             keys, expected())) == Reason::IdTokenMalformed);
}

TEST_CASE("a bad signature is refused", "[oidc][id_token]") {
  const auto key = TestKey::rsa("k");
  const auto impostor = TestKey::rsa("k");  // same kid, another key
  Keys keys(test::jwks({key.jwk()}));
  CHECK(refusal(checkIdToken(impostor.token(claims()), keys, expected())) ==
        Reason::IdTokenSignature);
  // A payload changed after signing.
  auto token = key.token(claims());
  const auto dot = token.find('.');
  const auto second = token.find('.', dot + 1);
  const auto forged = token.substr(0, dot + 1) +
                      base64UrlEncode(claims(with("\"sub\":\"admin\""))) + token.substr(second);
  CHECK(refusal(checkIdToken(forged, keys, expected())) == Reason::IdTokenSignature);
  // ES256 too, with a signature of the wrong length.
  const auto ec = TestKey::ec("e");
  Keys ecKeys(test::jwks({ec.jwk()}));
  auto ecToken = ec.token(claims());
  ecToken.pop_back();
  ecToken.pop_back();
  CHECK(refusal(checkIdToken(ecToken, ecKeys, expected())) == Reason::IdTokenSignature);
}

TEST_CASE("a wrong nonce or issuer is refused", "[oidc][id_token]") {
  const auto key = TestKey::rsa("k");
  Keys keys(test::jwks({key.jwk()}));
  CHECK(refusal(checkIdToken(key.token(claims(with("\"nonce\":\"another-login\""))), keys,
                             expected())) == Reason::IdTokenNonce);
  CHECK(refusal(checkIdToken(key.token(claims(with("\"iss\":\"https://evil.example\""))), keys,
                             expected())) == Reason::IdTokenIssuer);
  auto noNonce = expected();
  noNonce.nonce.clear();
  CHECK(refusal(checkIdToken(key.token(claims(with("\"nonce\":\"\""))), keys, noNonce)) ==
        Reason::IdTokenNonce);
}

TEST_CASE("alg none and HS256 are refused before any key is used", "[oidc][id_token]") {
  const auto key = TestKey::rsa("k");
  Keys keys(test::jwks({key.jwk()}));
  const std::string unsignedToken =
      base64UrlEncode(R"({"alg":"none","kid":"k"})") + "." + base64UrlEncode(claims()) + ".";
  CHECK(refusal(checkIdToken(unsignedToken, keys, expected())) == Reason::IdTokenAlgorithm);
  // HS256 "signed" with the public key's text: the classic confusion of algorithms.
  CHECK(refusal(checkIdToken(key.token(claims(), "HS256"), keys, expected())) ==
        Reason::IdTokenAlgorithm);
  // An RS256 key named in an ES256 header.
  CHECK(refusal(checkIdToken(key.token(claims(), "ES256"), keys, expected())) ==
        Reason::IdTokenAlgorithm);
  CHECK(refusal(checkIdToken("not.a-token", keys, expected())) == Reason::IdTokenMalformed);
  CHECK(refusal(checkIdToken("a.b.c.d.e", keys, expected())) == Reason::IdTokenMalformed);
}

TEST_CASE("an unknown kid fetches the keys again, then rotation works, once a minute at most",
          "[oidc][id_token][rotation]") {
  const auto first = TestKey::rsa("2026-01");
  const auto second = TestKey::ec("2026-02");
  std::string published = test::jwks({first.jwk()});
  ManualTime time{TimePoint(std::chrono::seconds(kNow))};
  KeyCache cache([&]() -> Result<std::string> { return published; }, time);

  CHECK(checkIdToken(first.token(claims()), cache, expected()));
  CHECK(cache.fetches() == 1);
  CHECK(checkIdToken(first.token(claims()), cache, expected()));
  CHECK(cache.fetches() == 1);  // kept by kid

  // The provider rotates; a token with the new kid within the minute is not a reason to ask again.
  published = test::jwks({first.jwk(), second.jwk()});
  time.advance(std::chrono::seconds(20));
  CHECK(refusal(checkIdToken(second.token(claims()), cache, expected(kNow + 20))) ==
        Reason::IdTokenUnknownKey);
  CHECK(cache.fetches() == 1);
  // After it, the unknown kid fetches the keys again and the token is accepted.
  time.advance(std::chrono::seconds(45));
  CHECK(checkIdToken(second.token(claims()), cache, expected(kNow + 65)));
  CHECK(cache.fetches() == 2);
  // A kid nobody published: one fetch a minute, however many tokens name it.
  time.advance(std::chrono::seconds(61));
  const auto stranger = TestKey::rsa("forged");
  for (int i = 0; i < 5; ++i)
    CHECK(refusal(checkIdToken(stranger.token(claims()), cache, expected(kNow + 126))) ==
          Reason::IdTokenUnknownKey);
  CHECK(cache.fetches() == 3);
}

TEST_CASE("a JWKS keeps only the keys an ID token may be signed with", "[oidc][jwk]") {
  const auto weak = TestKey::rsa("weak", 1024);
  const auto enc = TestKey::rsa("enc");
  const auto good = TestKey::ec("good");
  const auto wrongAlg = TestKey::rsa("wrong-alg");
  auto keys = parseJwks(test::jwks({weak.jwk(), enc.jwk(",\"use\":\"enc\""), good.jwk(),
                                    wrongAlg.jwk(",\"alg\":\"PS256\""),
                                    R"({"kid":"p384","kty":"EC","crv":"P-384","x":"AA","y":"AA"})",
                                    R"({"kid":"junk","kty":"RSA","n":"!!","e":"AQAB"})"}));
  REQUIRE(keys);
  CHECK(keys->size() == 1);
  CHECK(keys->contains("good"));
  // An EC point that is not on the curve is no key.
  auto offCurve = parseJwks(R"({"keys":[{"kid":"x","kty":"EC","crv":"P-256","x":")" +
                            std::string(43, 'A') + R"(","y":")" + std::string(42, 'A') + "E\"}]}");
  REQUIRE(offCurve);
  CHECK(offCurve->empty());
  CHECK_FALSE(parseJwks("not json"));
  CHECK_FALSE(parseJwks("{\"no\":1}"));
}

TEST_CASE("base64url round-trips and refuses what JOSE never writes", "[oidc][base64url]") {
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\x00"})
    CHECK(base64UrlDecode(base64UrlEncode(s)) == s);
  CHECK(base64UrlEncode("\xfb\xff") == "-_8");
  CHECK_FALSE(base64UrlDecode("Zm9v="));
  CHECK_FALSE(base64UrlDecode("Zm9vY"));
  CHECK_FALSE(base64UrlDecode("Zm+v"));
}

}  // namespace SV_TEST_FILE
