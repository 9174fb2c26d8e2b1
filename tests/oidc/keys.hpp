// Keys made by OpenSSL in the test, published as JWKs and signing ID tokens the way a provider
// does (RS256: PKCS#1 v1.5; ES256: r||s), so that the checks meet real signatures.
#pragma once

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "server/oidc/base64url.hpp"

namespace sv::oidc::test {

struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

class TestKey {
 public:
  static TestKey rsa(std::string kid, int bits = 2048) {
    return TestKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(bits)),
                   std::move(kid), "RS256");
  }
  static TestKey ec(std::string kid) {
    return TestKey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), std::move(kid), "ES256");
  }

  const std::string& kid() const { return kid_; }

  // The public key as a JWK object's text.
  std::string jwk(const std::string& extra = "") const {
    std::string out = "{\"kid\":\"" + kid_ + "\"" + extra;
    if (alg_ == "RS256") {
      out += ",\"kty\":\"RSA\",\"n\":\"" + bn(OSSL_PKEY_PARAM_RSA_N, 0) + "\",\"e\":\"" +
             bn(OSSL_PKEY_PARAM_RSA_E, 0) + "\"";
    } else {
      out += ",\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + bn(OSSL_PKEY_PARAM_EC_PUB_X, 32) +
             "\",\"y\":\"" + bn(OSSL_PKEY_PARAM_EC_PUB_Y, 32) + "\"";
    }
    return out + "}";
  }

  // header.payload.signature, the header naming this key's kid and `alg` (default: its own).
  std::string token(const std::string& payload, std::string alg = "") const {
    if (alg.empty()) alg = alg_;
    const std::string header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid_ + "\"}";
    const std::string input = base64UrlEncode(header) + "." + base64UrlEncode(payload);
    return input + "." + base64UrlEncode(sign(input));
  }

  std::string sign(const std::string& input) const {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(input.data());
    if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, data, input.size()) != 1)
      throw std::runtime_error("sign");
    std::string sig(length, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &length, data,
                       input.size()) != 1)
      throw std::runtime_error("sign");
    sig.resize(length);
    if (alg_ == "RS256") return sig;
    // DER to the r||s of JWS.
    const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
    ECDSA_SIG* ecdsa = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
    std::string raw(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(ecdsa), reinterpret_cast<unsigned char*>(raw.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(ecdsa), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
    ECDSA_SIG_free(ecdsa);
    return raw;
  }

 private:
  TestKey(EVP_PKEY* key, std::string kid, std::string alg)
      : key_(key, EVP_PKEY_free), kid_(std::move(kid)), alg_(std::move(alg)) {
    if (!key_) throw std::runtime_error("keygen");
  }

  std::string bn(const char* name, int pad) const {
    BIGNUM* value = nullptr;
    if (EVP_PKEY_get_bn_param(key_.get(), name, &value) != 1) throw std::runtime_error(name);
    const int size = pad ? pad : BN_num_bytes(value);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    BN_bn2binpad(value, reinterpret_cast<unsigned char*>(bytes.data()), size);
    BN_free(value);
    return base64UrlEncode(bytes);
  }

  std::shared_ptr<EVP_PKEY> key_;
  std::string kid_;
  std::string alg_;
};

inline std::string jwks(std::initializer_list<std::string> keys) {
  std::string out = "{\"keys\":[";
  bool first = true;
  for (const auto& k : keys) {
    out += (first ? "" : ",") + k;
    first = false;
  }
  return out + "]}";
}

}  // namespace sv::oidc::test
