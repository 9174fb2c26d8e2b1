#include "server/pdf/pdfa.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cairo.h>

#include <chrono>
#include <memory>

#include "minutes/escape.hpp"
#include "server/pdf/markup.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::pdf::detail {
namespace {

std::string metadataText(std::string_view text) {
  std::string out = cleanText(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

// HTML's escaping is XML's too; XML 1.0 has no place for the control characters cleanText keeps.
std::string xmlEscaped(std::string_view text) {
  std::string kept = metadataText(text);
  std::erase_if(kept, [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  return minutes::detail::escapeHtml(kept);
}

TimePoint secondsOf(TimePoint t) {
  if (t == TimePoint{}) t = Clock::now();
  return std::chrono::floor<std::chrono::seconds>(t);
}

std::string producerName() {
  return std::string("cairo ") + cairo_version_string() + ", qpdf " + QPDF::QPDFVersion();
}

QPDFObjectHandle infoString(std::string_view value) {
  return QPDFObjectHandle::newUnicodeString(metadataText(value));
}

// Content that no structure element holds is an artifact (ISO 32000-1, 14.8.2.2): the footer,
// the state's mark, the rules and fills of tables. cairo 1.16 has no word for it, so each run of
// such operators at the outermost level is put in "/Artifact BMC … EMC" here. A run never spans
// the start or end of a text object, as a marked-content sequence begun in one must end in it.
class ArtifactMarker final : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(const QPDFTokenizer::Token& token) override {
    if (token.getType() != QPDFTokenizer::tt_word) {
      pending_ += token.getRawValue();
      return;
    }
    const std::string& op = token.getValue();
    if (op == "BDC" || op == "BMC") {
      close();
      ++depth_;
    } else if (op == "EMC") {
      if (depth_ > 0) --depth_;
    } else if (op == "BT" || op == "ET") {
      close();
    } else if (depth_ == 0 && !open_) {
      write("\n/Artifact BMC\n");
      open_ = true;
    }
    write(pending_);
    pending_.clear();
    writeToken(token);
  }

  void handleEOF() override {
    write(pending_);
    pending_.clear();
    close();
  }

 private:
  void close() {
    if (!open_) return;
    write("\nEMC\n");
    open_ = false;
  }

  std::string pending_;  // the operands of the operator to come, and the space between them
  int depth_ = 0;
  bool open_ = false;
};

// cairo leaves out a TrueType CID font's CIDToGIDMap, whose default is Identity (its subsets
// number their glyphs by CID); PDF/A-2 (6.2.11.3.2) wants the map said.
void nameGlyphMaps(QPDF& doc) {
  for (QPDFObjectHandle& object : doc.getAllObjects()) {
    if (!object.isDictionaryOfType("/Font", "/CIDFontType2") || object.hasKey("/CIDToGIDMap"))
      continue;
    object.replaceKey("/CIDToGIDMap", QPDFObjectHandle::newName("/Identity"));
  }
}

// The figures' alternate descriptions, in the structure tree's order (its /K arrays depth first,
// the order cairo wrote the elements in, which is the order they were placed).
class FigureAlternates {
 public:
  explicit FigureAlternates(const std::vector<std::string>& texts) : texts_(texts) {}

  void visit(QPDFObjectHandle node) {
    if (node.isArray()) {
      for (QPDFObjectHandle kid : node.aitems()) visit(kid);
      return;
    }
    if (!node.isDictionary() || !node.getKey("/S").isName()) return;  // an MCID or reference
    if (node.getKey("/S").getName() == "/Figure" && next_ < texts_.size()) {
      if (const std::string& alt = texts_[next_++]; !alt.empty())
        node.replaceKey("/Alt", infoString(alt));
    }
    visit(node.getKey("/K"));
  }

 private:
  const std::vector<std::string>& texts_;
  std::size_t next_ = 0;
};

QPDFObjectHandle outputIntent(QPDF& doc) {
  const std::string_view icc = srgbProfile();
  QPDFObjectHandle profile = doc.newStream(std::string(icc));
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFA1"));
  intent.replaceKey("/OutputConditionIdentifier",
                    QPDFObjectHandle::newString(std::string(kOutputCondition)));
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  intent.replaceKey("/Info", QPDFObjectHandle::newString(std::string(kOutputCondition)));
  intent.replaceKey("/DestOutputProfile", profile);
  return QPDFObjectHandle::newArray({doc.makeIndirectObject(intent)});
}

// The information dictionary anew, in the same words as the XMP (PDF/A-2 wants them to agree).
QPDFObjectHandle information(QPDF& doc, const PdfMetadata& m, std::string_view producer,
                             TimePoint at) {
  QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
  info.replaceKey("/Title", infoString(m.title));
  if (!m.author.empty()) info.replaceKey("/Author", infoString(m.author));
  if (!m.subject.empty()) info.replaceKey("/Subject", infoString(m.subject));
  if (!m.keywords.empty()) info.replaceKey("/Keywords", infoString(m.keywords));
  info.replaceKey("/Creator", infoString("Samverkan"));
  info.replaceKey("/Producer", infoString(producer));
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdfDate(at)));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdfDate(at)));
  return doc.makeIndirectObject(info);
}

void setCatalog(QPDF& doc, const PdfMetadata& metadata, std::string_view producer) {
  QPDFObjectHandle root = doc.getRoot();
  root.replaceKey("/Lang", QPDFObjectHandle::newString("sv-SE"));
  QPDFObjectHandle preferences = root.getKey("/ViewerPreferences");
  if (!preferences.isDictionary()) {
    preferences = QPDFObjectHandle::newDictionary();
    root.replaceKey("/ViewerPreferences", preferences);
  }
  // The title in the window rather than the file's name (WCAG 2.4.2, PDF/UA 7.1).
  preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
  // cairo writes the structure tree but not that the content is marked by it, so a reader
  // (and pdfinfo's "Tagged") would not know to use it.
  if (root.hasKey("/StructTreeRoot")) {
    QPDFObjectHandle mark = QPDFObjectHandle::newDictionary();
    mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
    root.replaceKey("/MarkInfo", mark);
  }
  root.replaceKey("/OutputIntents", outputIntent(doc));
  QPDFObjectHandle xmp = doc.newStream(xmpPacket(metadata, producer));
  xmp.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  xmp.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  root.replaceKey("/Metadata", xmp);
}

}  // namespace

std::string pdfDate(TimePoint t) {
  std::string out = "D:";
  for (const char c : formatIsoUtc(std::chrono::floor<std::chrono::seconds>(t)))
    if (c >= '0' && c <= '9') out += c;
  return out + "Z";
}

std::string xmpPacket(const PdfMetadata& m, std::string_view producer) {
  const std::string at = formatIsoUtc(secondsOf(m.createdAt));
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\"\n";
  x += "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscaped(m.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!m.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xmlEscaped(m.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!m.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscaped(m.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  x += "<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>\n";
  if (m.registryNumber)
    x += "<dc:identifier>" + xmlEscaped(*m.registryNumber) + "</dc:identifier>\n";
  if (!m.keywords.empty()) x += "<pdf:Keywords>" + xmlEscaped(m.keywords) + "</pdf:Keywords>\n";
  x += "<pdf:Producer>" + xmlEscaped(producer) + "</pdf:Producer>\n";
  x += "<xmp:CreatorTool>Samverkan</xmp:CreatorTool>\n";
  x += "<xmp:CreateDate>" + at + "</xmp:CreateDate>\n";
  x += "<xmp:ModifyDate>" + at + "</xmp:ModifyDate>\n";
  x += "<xmp:MetadataDate>" + at + "</xmp:MetadataDate>\n";
  x += "<pdfaid:part>" + std::string(kPdfAPart) + "</pdfaid:part>\n";
  x += "<pdfaid:conformance>" + std::string(kPdfAConformance) + "</pdfaid:conformance>\n";
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n";
  // Room to edit the packet in place, as XMP asks of a writer.
  x += std::string(20, ' ') + "\n<?xpacket end=\"w\"?>";
  return x;
}

Result<std::string> makePdfA(std::string_view pdf, const PdfMetadata& metadata,
                             const std::vector<std::string>& figureAlternates) {
  try {
    PdfMetadata m = metadata;
    m.createdAt = secondsOf(metadata.createdAt);
    const std::string producer = producerName();
    QPDF doc;
    doc.processMemoryFile("samverkan.pdf", pdf.data(), pdf.size());
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages())
      page.addContentTokenFilter(std::make_shared<ArtifactMarker>());
    nameGlyphMaps(doc);
    if (QPDFObjectHandle tree = doc.getRoot().getKey("/StructTreeRoot"); tree.isDictionary())
      FigureAlternates(figureAlternates).visit(tree.getKey("/K"));
    setCatalog(doc, m, producer);
    doc.getTrailer().replaceKey("/Info", information(doc, m, producer, m.createdAt));
    QPDFWriter writer(doc);
    writer.setOutputMemory();
    // PDF/A-2 is ISO 32000-1, PDF 1.7. The many small objects of the structure tree (an element
    // per table cell) packed into compressed object streams, which keeps a summary of 500
    // contracts at a few hundred kilobytes rather than megabytes; libqpdf leaves the XMP stream
    // uncompressed, as PDF/A wants it readable without a PDF parser.
    writer.setMinimumPDFVersion("1.7");
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setStreamDataMode(qpdf_s_compress);
    // The identifier PDF/A requires (6.1.3), from the content: the same document, the same bytes.
    writer.setDeterministicID(true);
    // An end of line before every "endstream" (PDF/A-2 6.1.7.1).
    writer.setNewlineBeforeEndstream(true);
    writer.write();
    std::shared_ptr<Buffer> buffer(writer.getBufferSharedPointer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return fail(Errc::Internal, std::string("PDF/A: ") + e.what());
  }
}

}  // namespace sv::pdf::detail
