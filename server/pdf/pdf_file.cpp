#include "server/pdf/pdf_file.hpp"

#include <cairo-pdf.h>

#include "server/pdf/markup.hpp"

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
  // The metadata is written by makePdfA, in the information dictionary and the XMP alike.
  return PdfFile(std::move(bytes), std::move(surface), metadata);
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

Result<std::string> PdfFile::finish(cairo_t* cr, const std::vector<std::string>& figureAlternates) {
  if (const cairo_status_t status = cairo_status(cr); status != CAIRO_STATUS_SUCCESS)
    return std::unexpected(cairoError(status, "draw"));
  cairo_surface_finish(surface_.get());
  if (const cairo_status_t status = cairo_surface_status(surface_.get());
      status != CAIRO_STATUS_SUCCESS)
    return std::unexpected(cairoError(status, "write"));
  return makePdfA(*bytes_, metadata_, figureAlternates);
}

}  // namespace sv::pdf::detail
