#include "server/pdf/pdf_file.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cairo-pdf.h>

#include "server/pdf/markup.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::pdf::detail {
namespace {

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

void setMetadata(cairo_surface_t* surface, cairo_pdf_metadata_t key, std::string_view value) {
  const std::string clean = oneLine(cleanText(value));
  cairo_pdf_surface_set_metadata(surface, key, clean.c_str());
}

Error cairoError(cairo_status_t status, std::string_view what) {
  return Error{Errc::Internal, Reason::None,
               "PDF rendering: " + std::string(what) + ": " + cairo_status_to_string(status)};
}

}  // namespace

std::string oneLine(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  return text;
}

Result<PdfFile> PdfFile::create(const PageBox& box, const PdfMetadata& metadata) {
  auto bytes = std::make_unique<std::string>();
  Surface surface{
      cairo_pdf_surface_create_for_stream(appendBytes, bytes.get(), box.width, box.height)};
  if (const cairo_status_t status = cairo_surface_status(surface.get());
      status != CAIRO_STATUS_SUCCESS)
    return std::unexpected(cairoError(status, "create surface"));
  setMetadata(surface.get(), CAIRO_PDF_METADATA_TITLE, metadata.title);
  setMetadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, metadata.author);
  setMetadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, metadata.subject);
  setMetadata(surface.get(), CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords);
  setMetadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Samverkan");
  if (metadata.createdAt != TimePoint{})
    setMetadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, formatIsoUtc(metadata.createdAt));
  return PdfFile(std::move(bytes), std::move(surface));
}

void PdfFile::addOutline(const std::vector<OutlineEntry>& entries, const PageBox& box) {
  for (const OutlineEntry& entry : entries) {
    const std::string title = oneLine(cleanText(entry.title));
    const std::string target = "page=" + std::to_string(entry.anchor.page) + " pos=[" +
                               std::to_string(static_cast<int>(box.left)) + " " +
                               std::to_string(static_cast<int>(entry.anchor.y)) + "]";
    cairo_pdf_surface_add_outline(surface_.get(), CAIRO_PDF_OUTLINE_ROOT, title.c_str(),
                                  target.c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }
}

Result<std::string> PdfFile::finish(cairo_t* cr) {
  if (const cairo_status_t status = cairo_status(cr); status != CAIRO_STATUS_SUCCESS)
    return std::unexpected(cairoError(status, "draw"));
  cairo_surface_finish(surface_.get());
  if (const cairo_status_t status = cairo_surface_status(surface_.get());
      status != CAIRO_STATUS_SUCCESS)
    return std::unexpected(cairoError(status, "write"));
  return withLanguage(std::move(*bytes_));
}

// cairo tags the structure but has no word for the document's language, for showing its title
// rather than its file name, or for the content being marked (PDF/UA 7.2 and 7.1; WCAG 3.1.1 and
// 2.4.2): set in the catalog with libqpdf, the file otherwise written again as it was.
Result<std::string> withLanguage(std::string pdf) {
  try {
    QPDF doc;
    doc.processMemoryFile("samverkan.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle root = doc.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newString("sv-SE"));
    QPDFObjectHandle preferences = root.getKey("/ViewerPreferences");
    if (!preferences.isDictionary()) {
      preferences = QPDFObjectHandle::newDictionary();
      root.replaceKey("/ViewerPreferences", preferences);
    }
    preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    // cairo writes the structure tree but not that the content is marked by it, so a reader
    // (and pdfinfo's "Tagged") would not know to use it.
    if (root.hasKey("/StructTreeRoot")) {
      QPDFObjectHandle mark = QPDFObjectHandle::newDictionary();
      mark.replaceKey("/Marked", QPDFObjectHandle::newBool(true));
      root.replaceKey("/MarkInfo", mark);
    }
    QPDFWriter writer(doc);
    writer.setOutputMemory();
    // The content streams as cairo compressed them; the many small objects of the structure tree
    // (an element per table cell) packed into compressed object streams (PDF 1.5), which keeps a
    // summary of 500 contracts at a few hundred kilobytes rather than megabytes.
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.setStreamDataMode(qpdf_s_preserve);
    writer.write();
    std::shared_ptr<Buffer> buffer(writer.getBufferSharedPointer());
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    return fail(Errc::Internal, std::string("PDF language: ") + e.what());
  }
}

}  // namespace sv::pdf::detail
