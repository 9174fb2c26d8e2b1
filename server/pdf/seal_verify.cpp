// The seal checked offline with the file alone: libqpdf finds the signature field, OpenSSL checks
// the CMS over the byte ranges and the signing-certificate-v2 against the certificate.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "server/pdf/seal_openssl.hpp"

namespace sv::pdf {
namespace {

using namespace detail;

std::unexpected<Error> broken(std::string detail) {
  return fail(Errc::Invalid, Reason::SealBroken, "the seal does not hold: " + std::move(detail));
}

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The last signature dictionary a field of the AcroForm holds, or null.
QPDFObjectHandle lastSignature(QPDF& doc) {
  QPDFObjectHandle found = QPDFObjectHandle::newNull();
  QPDFObjectHandle fields = doc.getRoot().getKey("/AcroForm").getKey("/Fields");
  if (!fields.isArray()) return found;
  for (QPDFObjectHandle field : fields.aitems())
    if (field.isDictionary() && field.getKey("/FT").isNameAndEquals("/Sig") &&
        field.getKey("/V").isDictionary())
      found = field.getKey("/V");
  return found;
}

}  // namespace

Result<SealCheck> verifySeal(std::string_view pdf) {
  QPDFObjectHandle signature;
  std::size_t range[4] = {};
  std::string cmsBytes;
  SealCheck check;
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("verify.pdf", pdf.data(), pdf.size());
    signature = lastSignature(doc);
    if (!signature.isDictionary())
      return fail(Errc::Invalid, Reason::SealMissing, "the PDF has no signed signature field");
    QPDFObjectHandle byteRange = signature.getKey("/ByteRange");
    if (!byteRange.isArray() || byteRange.getArrayNItems() != 4)
      return broken("its /ByteRange is not four numbers");
    for (int i = 0; i < 4; ++i) {
      QPDFObjectHandle n = byteRange.getArrayItem(i);
      if (!n.isInteger() || n.getIntValue() < 0)
        return broken("its /ByteRange is not four numbers");
      range[i] = static_cast<std::size_t>(n.getIntValue());
    }
    if (!signature.getKey("/Contents").isString()) return broken("it has no /Contents");
    cmsBytes = signature.getKey("/Contents").getStringValue();
    if (signature.getKey("/M").isString()) check.signedAt = signature.getKey("/M").getStringValue();
  } catch (const std::exception& e) {
    return broken(std::string("the file cannot be read as PDF: ") + e.what());
  }
  // The ranges are the whole file but one hex string, which must be the /Contents: a range that
  // leaves out anything else, or ends before the file does, signs less than the document.
  if (range[0] != 0 || range[1] >= range[2] || range[2] > pdf.size() ||
      range[3] != pdf.size() - range[2])
    return broken("its /ByteRange does not cover the whole file");
  if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>')
    return broken("its /ByteRange leaves out more than the /Contents");
  for (std::size_t i = range[1] + 1; i + 1 < range[2]; ++i)
    if (!isHex(pdf[i])) return broken("its /ByteRange leaves out more than the /Contents");
  if (range[2] - range[1] - 2 != 2 * cmsBytes.size())
    return broken("its /ByteRange does not leave out the /Contents");

  ERR_clear_error();
  const auto* der = reinterpret_cast<const unsigned char*>(cmsBytes.data());
  const unsigned char* next = der;
  CmsContent cms(d2i_CMS_ContentInfo(nullptr, &next, static_cast<long>(cmsBytes.size())));
  if (!cms) return broken("/Contents is not a CMS: " + openSslErrors());
  // What follows the CMS in /Contents is outside the signature: it must be the zeros the room
  // was reserved with, not a place to hide anything.
  for (const unsigned char* p = next; p < der + cmsBytes.size(); ++p)
    if (*p != 0) return broken("/Contents holds bytes after the CMS");
  std::string covered(pdf.substr(0, range[1]));
  covered.append(pdf.substr(range[2], range[3]));
  check.signedBytes = covered.size();
  Bio content(BIO_new_mem_buf(covered.data(), static_cast<int>(covered.size())));
  // CMS_NO_SIGNER_CERT_VERIFY: the signature and digest are checked with the certificate the
  // CMS carries; whether to trust that certificate is for a trust list (README).
  if (!content || CMS_verify(cms.get(), nullptr, nullptr, content.get(), nullptr,
                             CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) != 1)
    return broken("the signature does not verify over the signed bytes: " + openSslErrors());
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
  if (sk_CMS_SignerInfo_num(signers) != 1) return broken("the CMS has not exactly one signer");
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signers, 0);
  X509* signer = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, &signer, nullptr, nullptr);
  if (!signer) return broken("the CMS does not carry the signer's certificate");
  const auto* attribute = static_cast<ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(
      si, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE));
  if (!attribute) return broken("the CMS has no signing-certificate-v2 attribute");
  const unsigned char* essDer = ASN1_STRING_get0_data(attribute);
  SigningCertV2 ess(d2i_ESS_SIGNING_CERT_V2(nullptr, &essDer, ASN1_STRING_length(attribute)));
  CertificateList chain(sk_X509_new_null());
  if (!ess || !chain || !sk_X509_push(chain.get(), signer) ||
      OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain.get(), 1) != 1)
    return broken("its signing-certificate-v2 does not name the signer's certificate: " +
                  openSslErrors());
  check.subject = subjectOf(signer);
  return check;
}

}  // namespace sv::pdf
