#include "server/oidc/id_token.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "server/oidc/base64url.hpp"

namespace sv::oidc {
namespace {

std::unexpected<Error> refuse(Reason reason, std::string detail) {
  return fail(Errc::Unauthenticated, reason, "ID token refused: " + std::move(detail));
}

Poco::JSON::Object::Ptr parseObject(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    return nullptr;
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::string stringOf(const Poco::JSON::Object& o, const char* name) {
  if (!o.has(name) || !o.get(name).isString()) return "";
  return o.getValue<std::string>(name);
}

std::optional<std::int64_t> secondsOf(const Poco::JSON::Object& o, const char* name) {
  if (!o.has(name)) return std::nullopt;
  const auto& v = o.get(name);
  if (!v.isNumeric()) return std::nullopt;
  try {
    return v.isInteger() ? v.convert<std::int64_t>()
                         : static_cast<std::int64_t>(v.convert<double>());
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

std::vector<std::string> stringsOf(const Poco::JSON::Object& o, const std::string& name) {
  std::vector<std::string> out;
  if (!o.has(name)) return out;
  const auto& v = o.get(name);
  if (v.isString()) {
    out.push_back(v.convert<std::string>());
  } else if (auto array = o.getArray(name)) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      const auto item = array->get(static_cast<unsigned>(i));
      if (item.isString()) out.push_back(item.convert<std::string>());
    }
  }
  return out;
}

bool isTrue(const Poco::JSON::Object& o, const char* name) {
  if (!o.has(name)) return false;
  const auto& v = o.get(name);
  // Some providers send the boolean as a string ("true"); Entra sends none at all.
  if (v.isBoolean()) return v.convert<bool>();
  return v.isString() && v.convert<std::string>() == "true";
}

}  // namespace

std::vector<std::string> claimStrings(const std::string& payloadJson, const std::string& claim) {
  auto o = parseObject(payloadJson);
  return o ? stringsOf(*o, claim) : std::vector<std::string>{};
}

Result<IdTokenClaims> checkIdToken(const std::string& token, KeySource& keys,
                                   const IdTokenExpectations& expected) {
  // A JWS in compact form: header.payload.signature; a JWE (five parts) is not what we asked for.
  const auto firstDot = token.find('.');
  const auto secondDot = firstDot == std::string::npos ? firstDot : token.find('.', firstDot + 1);
  if (token.size() > 16 * 1024 || secondDot == std::string::npos ||
      token.find('.', secondDot + 1) != std::string::npos)
    return refuse(Reason::IdTokenMalformed, "not a compact JWS");
  const auto headerJson = base64UrlDecode(std::string_view(token).substr(0, firstDot));
  const auto payloadJson =
      base64UrlDecode(std::string_view(token).substr(firstDot + 1, secondDot - firstDot - 1));
  const auto signature = base64UrlDecode(std::string_view(token).substr(secondDot + 1));
  if (!headerJson || !payloadJson || !signature)
    return refuse(Reason::IdTokenMalformed, "a part is not base64url");
  const auto header = parseObject(*headerJson);
  const auto payload = parseObject(*payloadJson);
  if (!header || !payload) return refuse(Reason::IdTokenMalformed, "a part is not a JSON object");

  // The algorithm is the header's claim, so it is checked against what we accept before the key
  // is chosen: an attacker's "none" or "HS256" never reaches a verifier.
  const std::string alg = stringOf(*header, "alg");
  if (alg != "RS256" && alg != "ES256")
    return refuse(Reason::IdTokenAlgorithm, "algorithm '" + alg + "' is not accepted");
  if (header->has("crit")) return refuse(Reason::IdTokenMalformed, "unknown critical header");
  auto key = keys.key(stringOf(*header, "kid"));
  if (!key) return std::unexpected(key.error());
  if (key->alg != alg)
    return refuse(Reason::IdTokenAlgorithm, "the key of this kid is not for " + alg);
  if (!verifySignature(*key, std::string_view(token).substr(0, secondDot), *signature))
    return refuse(Reason::IdTokenSignature, "the signature does not verify");

  IdTokenClaims claims;
  claims.issuer = stringOf(*payload, "iss");
  claims.subject = stringOf(*payload, "sub");
  claims.nonce = stringOf(*payload, "nonce");
  claims.email = stringOf(*payload, "email");
  claims.emailVerified = isTrue(*payload, "email_verified");
  claims.name = stringOf(*payload, "name");
  claims.acr = stringOf(*payload, "acr");
  claims.amr = stringsOf(*payload, "amr");
  claims.payloadJson = *payloadJson;
  if (claims.issuer != expected.issuer)
    return refuse(Reason::IdTokenIssuer, "issuer '" + claims.issuer + "' is not the provider's");
  if (claims.subject.empty() || claims.subject.size() > 255)
    return refuse(Reason::IdTokenMalformed, "no usable sub");
  const auto audience = stringsOf(*payload, "aud");
  if (std::find(audience.begin(), audience.end(), expected.clientId) == audience.end())
    return refuse(Reason::IdTokenAudience, "the token is not for our client id");
  // With several audiences the authorized party says who asked; it must be us (Core 3.1.3.7).
  const std::string azp = stringOf(*payload, "azp");
  if ((payload->has("azp") || audience.size() > 1) && azp != expected.clientId)
    return refuse(Reason::IdTokenAuthorizedParty, "azp '" + azp + "' is not our client id");
  const auto exp = secondsOf(*payload, "exp");
  const auto iat = secondsOf(*payload, "iat");
  if (!exp || !iat) return refuse(Reason::IdTokenMalformed, "exp or iat missing");
  claims.expiresAt = *exp;
  claims.issuedAt = *iat;
  const std::int64_t now = unixSeconds(expected.now);
  const std::int64_t leeway = expected.leeway.count();
  if (now > *exp + leeway) return refuse(Reason::IdTokenExpired, "the token has expired");
  if (*iat > now + leeway) return refuse(Reason::IdTokenNotYetValid, "issued in the future");
  // An old token is a replayed one: it was issued for a login that began minutes ago at most.
  if (*iat < now - 600 - leeway) return refuse(Reason::IdTokenExpired, "issued too long ago");
  if (expected.nonce.empty() || claims.nonce != expected.nonce)
    return refuse(Reason::IdTokenNonce, "the nonce is not this login's");
  return claims;
}

}  // namespace sv::oidc
