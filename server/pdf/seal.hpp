// The authority's e-seal (elektroniskt sigill) on a registered PDF: a PAdES baseline-B signature
// (ETSI EN 319 142-1) added to the finished PDF/A as an incremental update, so that the document
// as rendered stays byte for byte in the signed file and a reader with no Samverkan (Adobe
// Reader, pdfsig, an e-archive) can tell that nothing changed after the seal.
//
// What the file gets: a signature field (AcroForm /SigFlags 3; one invisible widget on the last
// page with /TU, in the structure tree as a Form, so PDF/A-2 level A stays true) whose value is a
// /Sig dictionary (/Filter /Adobe.PPKLite, /SubFilter /ETSI.CAdES.detached, /M the time, a
// /ByteRange over the whole file but the /Contents hex string). /Contents holds a detached CMS
// SignedData over those ranges: SHA-256, the signer's certificate, and the signed attributes
// content-type, message-digest and signing-certificate-v2 (RFC 5035), without signing-time, which
// PAdES puts in /M. The signature itself is OpenSSL's (CMS, EVP); nothing here is cryptography of
// our own.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf {

// A private key with its certificate, read once from a PKCS#12 file and then shared read-only
// by every request that seals (OpenSSL's keys and certificates are safe to use from many
// threads once loaded).
class SealKey {
 public:
  // The key and certificate in `pkcs12` (DER bytes of a .p12/.pfx) under `password`.
  // Errors: Invalid/SealKeyUnreadable (wrong password, not PKCS#12, no key or no certificate).
  static Result<SealKey> fromPkcs12(std::string_view pkcs12, const std::string& password);

  // A new self-signed demo certificate as PKCS#12 bytes under `password`: a P-256 key, subject
  // "CN=<organization> Demo e-sigill, O=<organization>, C=SE", key usage digitalSignature and
  // nonRepudiation, valid ten years from `now`. For a data folder that has no real one; nobody
  // outside trusts it, which is what "demo" says.
  static Result<std::string> makeDemoPkcs12(const std::string& organization,
                                            const std::string& password, TimePoint now);

  // The certificate's subject, most specific first ("CN=…, O=…, C=SE"), in UTF-8.
  const std::string& subject() const;

  // `pdf` (a finished PDF, as renderProtocolPdf gives it) with the seal appended, signed at `at`
  // (/M). `reason` is the /Reason a reader shows ("Diariefört som SDN 2026/0001").
  // Errc::Internal when the file cannot be read or OpenSSL fails (detail for the log).
  Result<std::string> seal(std::string_view pdf, TimePoint at, std::string_view reason) const;

  // The key and certificate as OpenSSL holds them (seal_openssl.hpp, internal).
  struct Keys;

 private:
  explicit SealKey(std::shared_ptr<const Keys> keys);
  std::shared_ptr<const Keys> keys_;
};

// What verifySeal found in a sealed PDF that holds.
struct SealCheck {
  std::string subject;        // of the certificate that signed, as SealKey::subject
  std::string signedAt;       // the /M date as written ("D:20260316120000Z")
  std::size_t signedBytes{};  // the bytes the signature covers: the file but its /Contents
};

// Checks the last seal of `pdf` offline, with nothing but the file: the /ByteRange starts at 0,
// leaves out exactly the /Contents hex string and ends at the end of the file (nothing was
// appended after the seal); /Contents holds nothing after the CMS but zeros; the CMS verifies
// over those bytes with the certificate inside it (message digest and signature), and its
// signing-certificate-v2 names that certificate. Whether the certificate is trusted is a
// question for a trust list, not for this check.
// Errors: Invalid/SealMissing (no signature field with a value), Invalid/SealBroken (any check
// fails; detail says which).
Result<SealCheck> verifySeal(std::string_view pdf);

}  // namespace sv::pdf
