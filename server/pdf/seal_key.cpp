// The seal's key: read from PKCS#12, or a self-signed demo certificate made with OpenSSL for a
// data folder that has no real one.
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <chrono>

#include "server/pdf/seal_openssl.hpp"

namespace sv::pdf {
namespace detail {

std::string openSslErrors() {
  std::string out;
  while (const unsigned long e = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(e, text, sizeof text);
    if (!out.empty()) out += "; ";
    out += text;
  }
  return out.empty() ? "no detail from OpenSSL" : out;
}

std::string subjectOf(const X509* certificate) {
  Bio out(BIO_new(BIO_s_mem()));
  if (!out) return {};
  // RFC 2253's order (most specific first) and separators, but UTF-8 left as UTF-8 rather than
  // escaped, since the subject is printed for people (the PDF's last page, verify's report).
  const unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
  if (X509_NAME_print_ex(out.get(), X509_get_subject_name(certificate), 0, flags) < 0) return {};
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  std::string subject(data, static_cast<std::size_t>(size));
  // RFC 2253 separates with "," alone; a space after it reads better and changes no meaning.
  std::string spaced;
  for (std::size_t i = 0; i < subject.size(); ++i) {
    spaced += subject[i];
    if (subject[i] == ',' && (i == 0 || subject[i - 1] != '\\')) spaced += ' ';
  }
  return spaced;
}

}  // namespace detail

using namespace detail;

SealKey::SealKey(std::shared_ptr<const Keys> keys) : keys_(std::move(keys)) {}

const std::string& SealKey::subject() const {
  return keys_->subject;
}

Result<SealKey> SealKey::fromPkcs12(std::string_view pkcs12, const std::string& password) {
  ERR_clear_error();
  Bio in(BIO_new_mem_buf(pkcs12.data(), static_cast<int>(pkcs12.size())));
  Pkcs12 p12(in ? d2i_PKCS12_bio(in.get(), nullptr) : nullptr);
  if (!p12)
    return fail(Errc::Invalid, Reason::SealKeyUnreadable,
                "the seal's file is not PKCS#12: " + openSslErrors());
  EVP_PKEY* rawKey = nullptr;
  X509* rawCertificate = nullptr;
  STACK_OF(X509)* chain = nullptr;
  const int parsed = PKCS12_parse(p12.get(), password.c_str(), &rawKey, &rawCertificate, &chain);
  // The chain above the certificate is not kept: a verifier builds the path from its own trust
  // list, and a CMS with only the signer's certificate is what PAdES-B-B asks for at least.
  sk_X509_pop_free(chain, X509_free);
  auto keys = std::make_shared<Keys>();
  keys->key.reset(rawKey);
  keys->certificate.reset(rawCertificate);
  if (!parsed)
    return fail(Errc::Invalid, Reason::SealKeyUnreadable,
                "the seal's PKCS#12 file does not open with its password: " + openSslErrors());
  if (!keys->key || !keys->certificate)
    return fail(Errc::Invalid, Reason::SealKeyUnreadable,
                "the seal's PKCS#12 file needs both a private key and its certificate");
  if (X509_check_private_key(keys->certificate.get(), keys->key.get()) != 1)
    return fail(Errc::Invalid, Reason::SealKeyUnreadable,
                "the seal's private key is not the key of its certificate");
  keys->subject = subjectOf(keys->certificate.get());
  return SealKey(std::move(keys));
}

namespace {

bool addNameEntry(X509_NAME* name, const char* field, const std::string& value) {
  return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(value.c_str()),
                                    static_cast<int>(value.size()), -1, 0) == 1;
}

bool addExtension(X509* certificate, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, certificate, certificate, nullptr, nullptr, 0);
  Extension extension(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

}  // namespace

Result<std::string> SealKey::makeDemoPkcs12(const std::string& organization,
                                            const std::string& password, TimePoint now) {
  ERR_clear_error();
  PrivateKey key(EVP_EC_gen("P-256"));
  Certificate certificate(X509_new());
  if (!key || !certificate) return fail(Errc::Internal, "demo seal key: " + openSslErrors());
  X509* c = certificate.get();
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1)
    return fail(Errc::Internal, "demo seal serial: " + openSslErrors());
  serial[0] &= 0x7f;  // a positive INTEGER, as RFC 5280 asks
  Handle<BIGNUM, BN_free> number(BN_bin2bn(serial, sizeof serial, nullptr));
  auto from = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(now));
  constexpr long kTenYears = 10L * 365 * 24 * 3600;
  X509_NAME* name = X509_get_subject_name(c);
  const bool made = X509_set_version(c, X509_VERSION_3) == 1 && number &&
                    BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(c)) != nullptr &&
                    X509_time_adj_ex(X509_getm_notBefore(c), 0, 0, &from) != nullptr &&
                    X509_time_adj_ex(X509_getm_notAfter(c), 0, kTenYears, &from) != nullptr &&
                    addNameEntry(name, "C", "SE") && addNameEntry(name, "O", organization) &&
                    addNameEntry(name, "CN", organization + " Demo e-sigill") &&
                    X509_set_issuer_name(c, name) == 1 && X509_set_pubkey(c, key.get()) == 1 &&
                    addExtension(c, NID_basic_constraints, "critical,CA:FALSE") &&
                    addExtension(c, NID_key_usage, "critical,digitalSignature,nonRepudiation") &&
                    addExtension(c, NID_subject_key_identifier, "hash") &&
                    X509_sign(c, key.get(), EVP_sha256()) > 0;
  if (!made) return fail(Errc::Internal, "demo seal certificate: " + openSslErrors());
  const std::string friendly = organization + " Demo e-sigill";
  // OpenSSL 3's defaults: AES-256-CBC under PBKDF2 for the key, a SHA-256 MAC.
  Pkcs12 p12(
      PKCS12_create(password.c_str(), friendly.c_str(), key.get(), c, nullptr, 0, 0, 0, 0, 0));
  if (!p12) return fail(Errc::Internal, "demo seal PKCS#12: " + openSslErrors());
  unsigned char* raw = nullptr;
  const int size = i2d_PKCS12(p12.get(), &raw);
  OpenSslBytes der(raw);
  if (size <= 0) return fail(Errc::Internal, "demo seal PKCS#12: " + openSslErrors());
  return std::string(reinterpret_cast<const char*>(der.get()), static_cast<std::size_t>(size));
}

}  // namespace sv::pdf
