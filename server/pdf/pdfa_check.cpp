#include "server/pdf/pdfa_check.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <memory>
#include <set>

namespace sv::pdf {
namespace {

// The value of an XMP property written either as an element (<pdfaid:part>2</pdfaid:part>, as
// server/pdf/pdfa.cpp writes it) or as an attribute (pdfaid:part="2", as other writers do).
std::string xmpProperty(std::string_view xmp, std::string_view name) {
  const std::string open = "<" + std::string(name) + ">";
  if (auto at = xmp.find(open); at != std::string_view::npos) {
    const auto from = at + open.size();
    const auto to = xmp.find('<', from);
    if (to != std::string_view::npos) return std::string(xmp.substr(from, to - from));
  }
  const std::string attribute = std::string(name) + "=\"";
  if (auto at = xmp.find(attribute); at != std::string_view::npos) {
    const auto from = at + attribute.size();
    const auto to = xmp.find('"', from);
    if (to != std::string_view::npos) return std::string(xmp.substr(from, to - from));
  }
  return {};
}

std::string streamText(QPDFObjectHandle stream) {
  std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_generalized);
  return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
}

// ISO 19005-2 6.2.3: an output intent GTS_PDFA1 whose profile is an ICC profile (the file
// signature "acsp" at byte 36) for an output device ("mntr" or "prtr").
void checkOutputIntent(QPDFObjectHandle root, std::vector<std::string>& problems) {
  QPDFObjectHandle intents = root.getKey("/OutputIntents");
  if (!intents.isArray()) {
    problems.emplace_back("PDF/A: no output intent (6.2.3)");
    return;
  }
  for (int i = 0; i < intents.getArrayNItems(); ++i) {
    QPDFObjectHandle intent = intents.getArrayItem(i);
    if (!intent.isDictionary() || !intent.getKey("/S").isNameAndEquals("/GTS_PDFA1")) continue;
    QPDFObjectHandle profile = intent.getKey("/DestOutputProfile");
    if (!profile.isStream()) break;
    const std::string icc = streamText(profile);
    if (icc.size() < 128 || icc.substr(36, 4) != "acsp" ||
        (icc.substr(12, 4) != "mntr" && icc.substr(12, 4) != "prtr")) {
      problems.emplace_back("PDF/A: the output intent's profile is not an ICC output profile");
      return;
    }
    return;
  }
  problems.emplace_back("PDF/A: no GTS_PDFA1 output intent with a profile (6.2.3)");
}

// A font's program is in the file (6.2.11.4): for a composite font in its descendant's
// descriptor; a Type 3 font is drawn by the file's own content.
bool embedded(QPDFObjectHandle font) {
  if (font.getKey("/Subtype").isNameAndEquals("/Type3")) return true;
  if (font.getKey("/Subtype").isNameAndEquals("/Type0")) {
    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() != 1) return false;
    font = descendants.getArrayItem(0);
  }
  QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
  if (!descriptor.isDictionary()) return false;
  return descriptor.getKey("/FontFile").isStream() || descriptor.getKey("/FontFile2").isStream() ||
         descriptor.getKey("/FontFile3").isStream();
}

// Every font in `resources` and in the resources of its form XObjects, each object once.
void checkFonts(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen,
                std::vector<std::string>& problems) {
  if (!resources.isDictionary()) return;
  if (QPDFObjectHandle fonts = resources.getKey("/Font"); fonts.isDictionary())
    for (const std::string& key : fonts.getKeys()) {
      QPDFObjectHandle font = fonts.getKey(key);
      if (font.isIndirect() && !seen.insert(font.getObjGen()).second) continue;
      if (font.isDictionary() && !embedded(font))
        problems.push_back("PDF/A: the font " + font.getKey("/BaseFont").unparse() +
                           " is not embedded (6.2.11.4)");
    }
  if (QPDFObjectHandle objects = resources.getKey("/XObject"); objects.isDictionary())
    for (const std::string& key : objects.getKeys()) {
      QPDFObjectHandle object = objects.getKey(key);
      if (!object.isStream() || !object.getDict().getKey("/Subtype").isNameAndEquals("/Form"))
        continue;
      if (object.isIndirect() && !seen.insert(object.getObjGen()).second) continue;
      checkFonts(object.getDict().getKey("/Resources"), seen, problems);
    }
}

}  // namespace

PdfACheck checkPdfA(std::string_view pdf) {
  PdfACheck out;
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("package.pdf", pdf.data(), pdf.size());
    // 6.1.3: no encryption, and a file identifier in the trailer.
    if (doc.isEncrypted()) out.problems.emplace_back("PDF/A: the file is encrypted (6.1.3)");
    if (!doc.getTrailer().getKey("/ID").isArray())
      out.problems.emplace_back("PDF/A: the trailer has no file identifier (6.1.3)");
    QPDFObjectHandle root = doc.getRoot();
    QPDFObjectHandle metadata = root.getKey("/Metadata");
    if (!metadata.isStream()) {
      out.problems.emplace_back("PDF/A: the catalog has no XMP metadata (6.6.2.1)");
      return out;
    }
    const std::string xmp = streamText(metadata);
    out.part = xmpProperty(xmp, "pdfaid:part");
    out.conformance = xmpProperty(xmp, "pdfaid:conformance");
    if (out.part != "2")
      out.problems.push_back("PDF/A: the XMP names part '" + out.part + "', not 2 (6.6.4)");
    if (out.conformance != "A" && out.conformance != "B" && out.conformance != "U")
      out.problems.push_back("PDF/A: the XMP names no conformance level (6.6.4)");
    checkOutputIntent(root, out.problems);
    // Level A (6.7): marked content, a structure tree, and the language of the text.
    if (out.conformance == "A") {
      QPDFObjectHandle mark = root.getKey("/MarkInfo");
      if (!mark.isDictionary() || !mark.getKey("/Marked").isBool() ||
          !mark.getKey("/Marked").getBoolValue())
        out.problems.emplace_back("PDF/A-2a: the catalog does not say it is marked (6.7.2.2)");
      if (!root.getKey("/StructTreeRoot").isDictionary())
        out.problems.emplace_back("PDF/A-2a: no structure tree (6.7.3.3)");
      if (!root.getKey("/Lang").isString())
        out.problems.emplace_back("PDF/A-2a: the catalog names no language (6.7.4)");
    }
    // 6.1.11 and 6.6.1: no JavaScript and nothing embedded that need not be PDF/A itself.
    if (QPDFObjectHandle names = root.getKey("/Names"); names.isDictionary()) {
      if (names.hasKey("/JavaScript")) out.problems.emplace_back("PDF/A: JavaScript (6.6.1)");
      if (names.hasKey("/EmbeddedFiles"))
        out.problems.emplace_back("PDF/A: embedded files this check cannot vouch for (6.8)");
    }
    std::set<QPDFObjGen> seen;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages())
      checkFonts(page.getAttribute("/Resources", false), seen, out.problems);
  } catch (const std::exception& e) {
    out.problems.push_back(std::string("PDF/A: the file cannot be read: ") + e.what());
  }
  return out;
}

}  // namespace sv::pdf
