// Internal: one owner per OpenSSL handle the seal holds, what SealKey keeps, and OpenSSL's own
// error text for the log.
#pragma once

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <string>
#include <string_view>

#include "server/pdf/seal.hpp"
#include "workflows/handle.hpp"

namespace sv::pdf::detail {

using Bio = Handle<BIO, BIO_free_all>;
using PrivateKey = Handle<EVP_PKEY, EVP_PKEY_free>;
using Certificate = Handle<X509, X509_free>;
using CmsContent = Handle<CMS_ContentInfo, CMS_ContentInfo_free>;
using DigestContext = Handle<EVP_MD_CTX, EVP_MD_CTX_free>;
using Pkcs12 = Handle<PKCS12, PKCS12_free>;
using Extension = Handle<X509_EXTENSION, X509_EXTENSION_free>;
using Attribute = Handle<X509_ATTRIBUTE, X509_ATTRIBUTE_free>;
using SigningCertV2 = Handle<ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free>;
// What i2d_* and ASN1_item_i2d allocate, freed with OPENSSL_free (a macro, so a function here).
inline void freeOpenSslBytes(unsigned char* p) {
  OPENSSL_free(p);
}
using OpenSslBytes = Handle<unsigned char, freeOpenSslBytes>;
// A list that borrows its certificates: freed without them.
inline void freeCertificateList(STACK_OF(X509) * list) {
  sk_X509_free(list);
}
using CertificateList = Handle<STACK_OF(X509), freeCertificateList>;

// The errors OpenSSL queued on this thread, oldest first, and the queue emptied, so the next
// call starts clean.
std::string openSslErrors();

// A certificate's subject, most specific first ("CN=…, O=…, C=SE"), UTF-8 as is.
std::string subjectOf(const X509* certificate);

}  // namespace sv::pdf::detail

namespace sv::pdf {

struct SealKey::Keys {
  detail::PrivateKey key;
  detail::Certificate certificate;
  std::string subject;
};

}  // namespace sv::pdf
