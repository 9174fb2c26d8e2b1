#include "server/oidc/jwk.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include "server/oidc/base64url.hpp"

namespace sv::oidc {

void PkeyFree::operator()(EVP_PKEY* key) const {
  EVP_PKEY_free(key);
}

namespace {

template <class T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
using Bignum = std::unique_ptr<BIGNUM, Freer<BIGNUM, BN_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Freer<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Freer<OSSL_PARAM, OSSL_PARAM_free>>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, Freer<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Freer<EVP_MD_CTX, EVP_MD_CTX_free>>;
using EcdsaSignature = std::unique_ptr<ECDSA_SIG, Freer<ECDSA_SIG, ECDSA_SIG_free>>;

Bignum bignumOf(const std::string& bytes) {
  return Bignum(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()), nullptr));
}

Pkey keyFromParams(const char* type, OSSL_PARAM_BLD* builder) {
  Params params(OSSL_PARAM_BLD_to_param(builder));
  PkeyContext ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) return nullptr;
  return Pkey(raw);
}

std::optional<std::string> member(const Poco::JSON::Object& o, const char* name) {
  if (!o.has(name) || !o.get(name).isString()) return std::nullopt;
  return o.getValue<std::string>(name);
}

Pkey rsaKey(const Poco::JSON::Object& o) {
  const auto n = member(o, "n").and_then(base64UrlDecode);
  const auto e = member(o, "e").and_then(base64UrlDecode);
  if (!n || !e || n->empty() || e->empty()) return nullptr;
  Bignum bn = bignumOf(*n), be = bignumOf(*e);
  ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!bn || !be || !builder ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bn.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, be.get()) != 1)
    return nullptr;
  auto key = keyFromParams("RSA", builder.get());
  // Keys under 2048 bits can be factored by a determined party (NIST SP 800-131A).
  if (key && EVP_PKEY_get_bits(key.get()) < 2048) return nullptr;
  return key;
}

Pkey ecKey(const Poco::JSON::Object& o) {
  if (member(o, "crv") != "P-256") return nullptr;
  const auto x = member(o, "x").and_then(base64UrlDecode);
  const auto y = member(o, "y").and_then(base64UrlDecode);
  if (!x || !y || x->size() != 32 || y->size() != 32) return nullptr;
  const std::string point = '\x04' + *x + *y;  // the uncompressed point of SEC 1
  ParamBuilder builder(OSSL_PARAM_BLD_new());
  char group[] = "prime256v1";
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1)
    return nullptr;
  // EVP_PKEY_fromdata checks that the point is on the curve.
  return keyFromParams("EC", builder.get());
}

// JWS carries an ES256 signature as r||s, 32 bytes each; OpenSSL verifies DER.
std::optional<std::string> derOfRawEcdsa(std::string_view raw) {
  if (raw.size() != 64) return std::nullopt;
  EcdsaSignature sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

}  // namespace

Result<std::map<std::string, Jwk>> parseJwks(std::string_view json) {
  Poco::JSON::Array::Ptr keys;
  try {
    Poco::JSON::Parser parser;
    auto document = parser.parse(std::string(json)).extract<Poco::JSON::Object::Ptr>();
    keys = document ? document->getArray("keys") : nullptr;
  } catch (const Poco::Exception& e) {
    return fail(Errc::Malformed, "the JWKS is not JSON: " + e.displayText());
  }
  if (!keys) return fail(Errc::Malformed, "the JWKS has no array \"keys\"");
  std::map<std::string, Jwk> out;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    auto o = keys->getObject(static_cast<unsigned>(i));
    if (!o) continue;
    const auto use = member(*o, "use");
    if (use && *use != "sig") continue;
    const auto kty = member(*o, "kty").value_or("");
    Jwk jwk;
    jwk.kid = member(*o, "kid").value_or("");
    Pkey key;
    if (kty == "RSA") {
      jwk.alg = "RS256";
      key = rsaKey(*o);
    } else if (kty == "EC") {
      jwk.alg = "ES256";
      key = ecKey(*o);
    }
    if (!key) continue;
    if (const auto alg = member(*o, "alg"); alg && *alg != jwk.alg) continue;
    jwk.key = std::shared_ptr<EVP_PKEY>(key.release(), PkeyFree{});
    out.insert_or_assign(jwk.kid, std::move(jwk));
  }
  return out;
}

bool verifySignature(const Jwk& key, std::string_view input, std::string_view signature) {
  std::string der;
  if (key.alg == "ES256") {
    auto converted = derOfRawEcdsa(signature);
    if (!converted) return false;
    der = std::move(*converted);
    signature = der;
  } else if (key.alg != "RS256") {
    return false;
  }
  DigestContext ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.key.get()) != 1)
    return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(input.data()),
                          input.size()) == 1;
}

}  // namespace sv::oidc
