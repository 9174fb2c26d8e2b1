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
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf::detail {

// The document information dictionary. Line breaks become spaces and text that is not valid
// UTF-8 is cleaned (cleanText) before cairo sees it.
struct PdfMetadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  // TimePoint{} (the epoch) leaves cairo's default, the time of rendering.
  TimePoint createdAt{};
};

// An outline (bookmark) entry: where a heading landed.
struct OutlineEntry {
  std::string title;
  Anchor anchor;
};

class PdfFile {
 public:
  // A PDF surface of the box's page size, metadata set. Errc::Internal when cairo fails.
  static Result<PdfFile> create(const PageBox& box, const PdfMetadata& metadata);

  cairo_surface_t* surface() const { return surface_.get(); }

  // Top-level bookmarks, in order, each to its anchor at the box's left margin.
  void addOutline(const std::vector<OutlineEntry>& entries, const PageBox& box);

  // The file's bytes once the drawing on `cr` is done. Errc::Internal when cairo failed while
  // drawing or writing (detail is for the log).
  Result<std::string> finish(cairo_t* cr);

 private:
  PdfFile(std::unique_ptr<std::string> bytes, Surface surface)
      : bytes_(std::move(bytes)), surface_(std::move(surface)) {}

  // Where cairo's stream writes: on the heap, so the address cairo holds survives a move.
  std::unique_ptr<std::string> bytes_;
  Surface surface_;
};

// A PDF's catalog with /Lang (sv-SE), /ViewerPreferences /DisplayDocTitle true and, when it has a
// structure tree, /MarkInfo /Marked true; the rest as it
// was. Errc::Internal when the bytes are not a PDF libqpdf reads.
Result<std::string> withLanguage(std::string pdf);

// A one-line text for a title or bookmark: line breaks and tabs become spaces.
std::string oneLine(std::string text);

}  // namespace sv::pdf::detail
