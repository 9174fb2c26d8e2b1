// The seal appended to a finished PDF as an incremental update (ISO 32000-1, 7.5.6): the
// original bytes stay as they are, new and changed objects follow with a cross-reference stream
// of their own whose /Prev points at the original's, as the original uses cross-reference
// streams too. libqpdf reads the original (which objects to change, their numbers, the
// structure tree); the appended section is written here, because libqpdf rewrites whole files
// and a signature must cover bytes that no longer move.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>

#include "server/pdf/pdfa.hpp"
#include "server/pdf/seal_openssl.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::pdf {
namespace {

using namespace detail;

// Room for the DER of the CMS, in bytes: a P-256 or RSA 4096 signature with a certificate and
// a chain of two more fits in a few kilobytes; 8 KiB leaves room for a long chain.
constexpr std::size_t kContentsBytes = 8192;
// Ten digits per /ByteRange number: files up to 9.3 GB, far beyond any protocol.
constexpr std::size_t kRangeDigits = 10;

// A list that borrows the signer info's attributes: freed without them.
void freeAttributeList(STACK_OF(X509_ATTRIBUTE) * list) {
  sk_X509_ATTRIBUTE_free(list);
}
using AttributeList = Handle<STACK_OF(X509_ATTRIBUTE), freeAttributeList>;

std::size_t previousStartXref(std::string_view pdf) {
  const auto at = pdf.rfind("startxref");
  if (at == std::string_view::npos) throw std::runtime_error("no startxref");
  std::size_t i = at + 9;
  while (i < pdf.size() && (pdf[i] == '\r' || pdf[i] == '\n' || pdf[i] == ' ')) ++i;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(pdf.data() + i, pdf.data() + pdf.size(), value);
  if (ec != std::errc{} || end == pdf.data() + i) throw std::runtime_error("bad startxref");
  return value;
}

// The detached CMS SignedData over `data`: SHA-256, the signer's certificate, signed attributes
// content-type, message-digest and signing-certificate-v2, and no signing-time. OpenSSL 3.0's
// CMS_final adds signing-time whatever the flags, so it is taken out again and the signed
// attributes signed anew, with OpenSSL's DER of them (PKCS7_ATTR_SIGN, the same SET OF) and its
// EVP signature: the same bytes CMS_SignerInfo_sign would sign, minus the one attribute.
std::string signedData(const SealKey::Keys& keys, std::string_view data) {
  ERR_clear_error();
  constexpr unsigned kFlags = CMS_BINARY | CMS_DETACHED | CMS_NOSMIMECAP;
  CmsContent cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags | CMS_PARTIAL));
  if (!cms) throw std::runtime_error("CMS_sign: " + openSslErrors());
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), keys.certificate.get(), keys.key.get(),
                                       EVP_sha256(), kFlags | CMS_CADES);
  if (!si) throw std::runtime_error("CMS_add1_signer: " + openSslErrors());
  if (CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) < 0) {
    SigningCertV2 essV2(
        OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), keys.certificate.get(), nullptr, 0));
    unsigned char* raw = nullptr;
    const int size = essV2 ? i2d_ESS_SIGNING_CERT_V2(essV2.get(), &raw) : -1;
    OpenSslBytes der(raw);
    if (size <= 0 || !CMS_signed_add1_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2,
                                                  V_ASN1_SEQUENCE, der.get(), size))
      throw std::runtime_error("signing-certificate-v2: " + openSslErrors());
  }
  Bio content(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (!content || CMS_final(cms.get(), content.get(), nullptr, kFlags) != 1)
    throw std::runtime_error("CMS_final: " + openSslErrors());
  if (const int at = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1); at >= 0) {
    const Attribute removed(CMS_signed_delete_attr(si, at));
    AttributeList attributes(sk_X509_ATTRIBUTE_new_null());
    for (int i = 0; i < CMS_signed_get_attr_count(si); ++i)
      sk_X509_ATTRIBUTE_push(attributes.get(), CMS_signed_get_attr(si, i));
    unsigned char* raw = nullptr;
    const int size = ASN1_item_i2d(reinterpret_cast<ASN1_VALUE*>(attributes.get()), &raw,
                                   ASN1_ITEM_rptr(PKCS7_ATTR_SIGN));
    OpenSslBytes der(raw);
    DigestContext md(EVP_MD_CTX_new());
    std::size_t length = 0;
    if (size <= 0 || !md ||
        EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, keys.key.get()) != 1 ||
        EVP_DigestSign(md.get(), nullptr, &length, der.get(), static_cast<std::size_t>(size)) != 1)
      throw std::runtime_error("signed attributes: " + openSslErrors());
    std::string signature(length, '\0');
    if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                       der.get(), static_cast<std::size_t>(size)) != 1 ||
        ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature.data(),
                        static_cast<int>(length)) != 1)
      throw std::runtime_error("signature: " + openSslErrors());
  }
  unsigned char* raw = nullptr;
  const int size = i2d_CMS_ContentInfo(cms.get(), &raw);
  OpenSslBytes der(raw);
  if (size <= 0) throw std::runtime_error("CMS DER: " + openSslErrors());
  return std::string(reinterpret_cast<const char*>(der.get()), static_cast<std::size_t>(size));
}

// The signature widget in the structure tree as a Form element under the document's top
// element, reached from the widget through the parent tree (/StructParent), as ISO 32000-1
// 14.7.4.4 asks of an annotation in a tagged PDF; PDF/A-2 level A keeps holding.
void tagWidget(QPDF& doc, QPDFObjectHandle widget, QPDFObjectHandle page, const std::string& alt,
               std::vector<QPDFObjectHandle>& changed) {
  QPDFObjectHandle tree = doc.getRoot().getKey("/StructTreeRoot");
  if (!tree.isDictionary()) return;
  // Under the one element that holds the document, if there is one; else (cairo's way) beside
  // the top-level elements, under the root.
  QPDFObjectHandle top = tree.getKey("/K");
  if (top.isArray() && top.getArrayNItems() == 1) top = top.getArrayItem(0);
  if (!top.isDictionary()) top = tree;
  QPDFObjectHandle reference = QPDFObjectHandle::newDictionary();
  reference.replaceKey("/Type", QPDFObjectHandle::newName("/OBJR"));
  reference.replaceKey("/Obj", widget);
  reference.replaceKey("/Pg", page);
  QPDFObjectHandle form = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
  form.replaceKey("/Type", QPDFObjectHandle::newName("/StructElem"));
  form.replaceKey("/S", QPDFObjectHandle::newName("/Form"));
  form.replaceKey("/P", top);
  form.replaceKey("/Pg", page);
  form.replaceKey("/K", reference);
  form.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alt));
  changed.push_back(form);
  QPDFObjectHandle kids = top.getKey("/K");
  if (kids.isArray()) {
    kids.appendItem(form);
    if (kids.isIndirect()) changed.push_back(kids);
  } else {
    QPDFObjectHandle both = QPDFObjectHandle::newArray();
    if (!kids.isNull()) both.appendItem(kids);
    both.appendItem(form);
    top.replaceKey("/K", both);
  }
  changed.push_back(top.isIndirect() ? top : tree);

  QPDFObjectHandle parents = tree.getKey("/ParentTree");
  long long key = 0;
  if (tree.getKey("/ParentTreeNextKey").isInteger())
    key = tree.getKey("/ParentTreeNextKey").getIntValue();
  else if (parents.isDictionary() && parents.getKey("/Nums").isArray())
    for (auto item : parents.getKey("/Nums").aitems())
      if (item.isInteger()) key = std::max(key, item.getIntValue() + 1);
  if (!parents.isDictionary()) {
    parents = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    parents.replaceKey("/Nums", QPDFObjectHandle::newArray());
    tree.replaceKey("/ParentTree", parents);
  }
  if (QPDFObjectHandle nums = parents.getKey("/Nums"); nums.isArray()) {
    nums.appendItem(QPDFObjectHandle::newInteger(key));
    nums.appendItem(form);
    if (nums.isIndirect()) changed.push_back(nums);
  } else {
    // A number tree with /Kids: our key is above every other, so a leaf of its own at the end
    // keeps the keys in order.
    QPDFObjectHandle leaf = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    QPDFObjectHandle limits = QPDFObjectHandle::newArray();
    limits.appendItem(QPDFObjectHandle::newInteger(key));
    limits.appendItem(QPDFObjectHandle::newInteger(key));
    leaf.replaceKey("/Limits", limits);
    QPDFObjectHandle entry = QPDFObjectHandle::newArray();
    entry.appendItem(QPDFObjectHandle::newInteger(key));
    entry.appendItem(form);
    leaf.replaceKey("/Nums", entry);
    parents.getKey("/Kids").appendItem(leaf);
    if (parents.getKey("/Kids").isIndirect()) changed.push_back(parents.getKey("/Kids"));
    changed.push_back(leaf);
  }
  changed.push_back(parents.isIndirect() ? parents : tree);
  tree.replaceKey("/ParentTreeNextKey", QPDFObjectHandle::newInteger(key + 1));
  changed.push_back(tree);
  widget.replaceKey("/StructParent", QPDFObjectHandle::newInteger(key));
}

std::string objectHeader(QPDFObjGen id) {
  return std::to_string(id.getObj()) + " " + std::to_string(id.getGen()) + " obj\n";
}

void putBigEndian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

}  // namespace

Result<std::string> SealKey::seal(std::string_view pdf, TimePoint at,
                                  std::string_view reason) const {
  try {
    QPDF doc;
    doc.processMemoryFile("sealed.pdf", pdf.data(), pdf.size());
    const std::size_t previous = previousStartXref(pdf);
    QPDFObjectHandle root = doc.getRoot();
    auto pages = QPDFPageDocumentHelper(doc).getAllPages();
    if (pages.empty()) return fail(Errc::Internal, "seal: the PDF has no page");
    QPDFObjectHandle page = pages.back().getObjectHandle();
    std::vector<QPDFObjectHandle> changed;

    // Numbers for what is written by hand below, taken from libqpdf so they follow its own.
    // (Empty dictionaries, not nulls: libqpdf takes a key set to a null as a key removed.)
    QPDFObjectHandle signature = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    QPDFObjectHandle appearance = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    QPDFObjectHandle widget = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    const std::string alt = "E-sigill: " + keys_->subject;
    widget.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    widget.replaceKey("/Subtype", QPDFObjectHandle::newName("/Widget"));
    widget.replaceKey("/FT", QPDFObjectHandle::newName("/Sig"));
    widget.replaceKey("/T", QPDFObjectHandle::newUnicodeString("Sigill"));
    widget.replaceKey("/TU", QPDFObjectHandle::newUnicodeString(alt));
    widget.replaceKey("/V", signature);
    // Print and Locked: PDF/A wants every annotation printable; the seal is not moved.
    widget.replaceKey("/F", QPDFObjectHandle::newInteger(132));
    widget.replaceKey("/Rect", QPDFObjectHandle::parse("[0 0 0 0]"));
    widget.replaceKey("/P", page);
    QPDFObjectHandle normal = QPDFObjectHandle::newDictionary();
    normal.replaceKey("/N", appearance);
    widget.replaceKey("/AP", normal);
    tagWidget(doc, widget, page, alt, changed);
    changed.push_back(widget);

    QPDFObjectHandle annots = page.getKey("/Annots");
    if (annots.isArray()) {
      annots.appendItem(widget);
      if (annots.isIndirect()) changed.push_back(annots);
    } else {
      QPDFObjectHandle list = QPDFObjectHandle::newArray();
      list.appendItem(widget);
      page.replaceKey("/Annots", list);
    }
    changed.push_back(page);
    QPDFObjectHandle form = root.getKey("/AcroForm");
    if (!form.isDictionary()) {
      form = QPDFObjectHandle::newDictionary();
      root.replaceKey("/AcroForm", form);
    }
    if (!form.getKey("/Fields").isArray()) form.replaceKey("/Fields", QPDFObjectHandle::newArray());
    form.getKey("/Fields").appendItem(widget);
    // SignaturesExist and AppendOnly: a writer that knows them only appends from now on.
    form.replaceKey("/SigFlags", QPDFObjectHandle::newInteger(3));
    changed.push_back(form.isIndirect() ? form : root);
    if (form.isIndirect()) changed.push_back(root);

    std::string update = pdf.ends_with('\n') ? "" : "\n";
    const std::size_t base = pdf.size();
    std::map<int, std::pair<std::size_t, int>> offsets;  // number → (offset, generation)
    auto begin = [&](QPDFObjGen id) {
      offsets[id.getObj()] = {base + update.size(), id.getGen()};
      update += objectHeader(id);
    };
    changed.push_back(root);
    std::erase_if(changed, [](const QPDFObjectHandle& o) { return !o.isIndirect(); });
    std::sort(changed.begin(), changed.end(),
              [](const auto& a, const auto& b) { return a.getObjGen() < b.getObjGen(); });
    for (std::size_t i = 0; i < changed.size(); ++i) {
      if (i > 0 && changed[i].getObjGen() == changed[i - 1].getObjGen()) continue;
      begin(changed[i].getObjGen());
      update += changed[i].unparseResolved() + "\nendobj\n";
    }
    begin(appearance.getObjGen());
    update +=
        "<< /Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources << >> /Length 0 >>\n"
        "stream\n\nendstream\nendobj\n";
    begin(signature.getObjGen());
    update += "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [";
    const std::size_t rangeAt = base + update.size();
    update += std::string(4 * (kRangeDigits + 1) - 1, ' ') + "] /Contents ";
    const std::size_t contentsAt = base + update.size();
    update += "<" + std::string(2 * kContentsBytes, '0') + ">";
    const std::size_t contentsEnd = base + update.size();
    update += " /M " + QPDFObjectHandle::newString(pdfDate(at)).unparse() + " /Reason " +
              QPDFObjectHandle::newUnicodeString(std::string(reason)).unparse() + " /Name " +
              QPDFObjectHandle::newUnicodeString(keys_->subject).unparse() + " >>\nendobj\n";

    QPDFObjectHandle xref = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
    const std::size_t xrefAt = base + update.size();
    offsets[xref.getObjGen().getObj()] = {xrefAt, 0};
    std::string rows, index;
    for (const auto& [number, where] : offsets) {
      index += std::to_string(number) + " 1 ";
      rows += '\x01';
      putBigEndian(rows, where.first, 4);
      putBigEndian(rows, static_cast<std::uint64_t>(where.second), 2);
    }
    QPDFObjectHandle trailer = doc.getTrailer();
    update += objectHeader(xref.getObjGen()) + "<< /Type /XRef /Size " +
              std::to_string(offsets.rbegin()->first + 1) + " /Index [" + index +
              "] /W [1 4 2] /Root " + root.unparse() + " /Info " +
              trailer.getKey("/Info").unparse() + " /ID " + trailer.getKey("/ID").unparse() +
              " /Prev " + std::to_string(previous) + " /Length " + std::to_string(rows.size()) +
              " >>\nstream\n" + rows + "\nendstream\nendobj\nstartxref\n" + std::to_string(xrefAt) +
              "\n%%EOF\n";

    std::string out(pdf);
    out += update;
    const std::size_t ranges[4] = {0, contentsAt, contentsEnd, out.size() - contentsEnd};
    std::string written;
    for (const std::size_t r : ranges) {
      std::string digits = std::to_string(r);
      written += (written.empty() ? "" : " ") + digits;
    }
    out.replace(rangeAt, written.size(), written);
    std::string covered = out.substr(0, contentsAt);
    covered.append(out, contentsEnd);
    const std::string cms = signedData(*keys_, covered);
    if (cms.size() > kContentsBytes)
      return fail(Errc::Internal, "seal: the CMS does not fit its reserved room");
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < cms.size(); ++i) {
      const auto byte = static_cast<unsigned char>(cms[i]);
      out[contentsAt + 1 + 2 * i] = kHex[byte >> 4];
      out[contentsAt + 2 + 2 * i] = kHex[byte & 0x0f];
    }
    return out;
  } catch (const std::exception& e) {
    return fail(Errc::Internal, std::string("seal: ") + e.what());
  }
}

}  // namespace sv::pdf
