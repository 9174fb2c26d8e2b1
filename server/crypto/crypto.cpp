#include "server/crypto/crypto.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace sv::crypto {

void ensureCryptoReady() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string sha256Hex(std::string_view data) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

std::string authenticateHex(std::string_view key, std::string_view message) {
  ensureCryptoReady();
  static_assert(kAuthKeyBytes == crypto_auth_KEYBYTES);
  if (key.size() != crypto_auth_KEYBYTES)
    throw std::invalid_argument("an authentication key has " +
                                std::to_string(crypto_auth_KEYBYTES) + " bytes");
  std::array<unsigned char, crypto_auth_BYTES> tag{};
  crypto_auth(tag.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
              reinterpret_cast<const unsigned char*>(key.data()));
  std::array<char, crypto_auth_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), tag.data(), tag.size());
  return std::string(hex.data(), crypto_auth_BYTES * 2);
}

std::string randomBytes(std::size_t bytes) {
  ensureCryptoReady();
  std::string out(bytes, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::string randomToken(std::size_t bytes) {
  ensureCryptoReady();
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  const auto variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), variant);
  out.resize(out.find('\0'));
  return out;
}

std::string hashPassword(std::string_view password, const PasswordPolicy& policy) {
  ensureCryptoReady();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), policy.opsLimit,
                            policy.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return std::string(out.data());
}

bool verifyPassword(std::string_view password, const std::string& encodedHash) {
  ensureCryptoReady();
  return crypto_pwhash_str_verify(encodedHash.c_str(), password.data(), password.size()) == 0;
}

bool constantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sv::crypto
