// A PDF written into memory: the cairo surface with the document's metadata, an outline
// (bookmarks) and the bytes once finished. What every document the server prints shares (the
// protocol and the follow-up report, through document_layout.hpp's renderDocument), so that each
// layout file holds its layout only.
#pragma once

#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

#include "server/pdf/flow.hpp"
#include "server/pdf/handles.hpp"
#include "server/pdf/pdfa.hpp"
#include "workflows/result.hpp"

namespace sv::pdf::detail {

// An outline (bookmark) entry: where a heading landed.
struct OutlineEntry {
  std::string title;
  Anchor anchor;
};

class PdfFile {
 public:
  // A PDF surface of the box's page size; `metadata` is what the finished file says of itself.
  // Errc::Internal when cairo fails.
  static Result<PdfFile> create(const PageBox& box, const PdfMetadata& metadata);

  cairo_surface_t* surface() const { return surface_.get(); }

  // Top-level bookmarks, in order, each to its anchor at the box's left margin.
  void addOutline(const std::vector<OutlineEntry>& entries, const PageBox& box);

  // The file's bytes once the drawing on `cr` is done, made PDF/A-2 (makePdfA). Errc::Internal
  // when cairo failed while drawing or writing, or libqpdf could not (detail is for the log).
  // `figureAlternates`: Flow::figureAlternates.
  Result<std::string> finish(cairo_t* cr, const std::vector<std::string>& figureAlternates);

 private:
  PdfFile(std::unique_ptr<std::string> bytes, Surface surface, PdfMetadata metadata)
      : bytes_(std::move(bytes)), surface_(std::move(surface)), metadata_(std::move(metadata)) {}

  // Where cairo's stream writes: on the heap, so the address cairo holds survives a move.
  std::unique_ptr<std::string> bytes_;
  Surface surface_;
  PdfMetadata metadata_;
};

// A one-line text for a title or bookmark: line breaks and tabs become spaces.
std::string oneLine(std::string text);

}  // namespace sv::pdf::detail
