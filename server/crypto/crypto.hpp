// Hashes, random tokens and password hashing, all from libsodium. Nothing here keeps state
// except libsodium's own initialisation, which ensureCryptoReady() does once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sv::crypto {

void ensureCryptoReady();

std::string sha256Hex(std::string_view data);

// HMAC-SHA512-256 (libsodium's crypto_auth) of `message` under a key of kAuthKeyBytes bytes, as
// lowercase hex: a tag only the key's holder can compute (the audit log's seal).
constexpr std::size_t kAuthKeyBytes = 32;
std::string authenticateHex(std::string_view key, std::string_view message);
// `bytes` bytes from the operating system's generator, for keys.
std::string randomBytes(std::size_t bytes);

// A URL-safe random token with `bytes` bytes of entropy, for sessions and CSRF.
std::string randomToken(std::size_t bytes = 32);

struct PasswordPolicy {
  unsigned long long opsLimit = 2;                  // OWASP minimum for Argon2id: t=2 ...
  std::size_t memLimitBytes = 19ull * 1024 * 1024;  // ... and m=19 MiB
};

// Argon2id in libsodium's self-describing string form ($argon2id$v=19$m=...,t=...,p=1$...).
std::string hashPassword(std::string_view password, const PasswordPolicy& policy);
bool verifyPassword(std::string_view password, const std::string& encodedHash);

// Compares without leaking where two strings differ.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace sv::crypto
