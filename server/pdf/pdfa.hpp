// Internal: the PDF that cairo wrote, made an archival PDF (PDF/A-2, ISO 19005-2) with libqpdf.
// cairo 1.16 already tags the structure and embeds the fonts; what it cannot write is added here:
// the output intent with an sRGB profile (so that its DeviceRGB colours have a meaning), the XMP
// metadata with the PDF/A identification, a document information dictionary that says the same,
// the language, the title in the window, and that the content is marked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf::detail {

// What a document says about itself, in the document information dictionary and, the same words,
// in its XMP. Line breaks become spaces and text that is not valid UTF-8 is cleaned (cleanText).
struct PdfMetadata {
  std::string title;     // Title, dc:title
  std::string author;    // Author, dc:creator: the authority
  std::string subject;   // Subject, dc:description
  std::string keywords;  // Keywords, pdf:Keywords
  // The registry number once registered: dc:identifier, so that an e-archive finds the document
  // by it without reading the text.
  std::optional<std::string> registryNumber;
  // CreationDate, ModDate, xmp:CreateDate, ModifyDate and MetadataDate, in whole seconds (UTC).
  // TimePoint{} (the epoch): the time of rendering.
  TimePoint createdAt{};
};

// What the file claims in pdfaid: part 2, conformance A ("accessible": level B's visual fidelity
// and also the logical structure, the language, Unicode for every glyph and every piece of
// content either tagged or an artifact; ISO 19005-2, 6.8). We claim A because the renderer gives
// every piece of content a structure element of a standard type (flow.hpp) or marks it an
// artifact (here), every figure an alternate description, sets /Lang, and cairo writes a
// ToUnicode map for every font it embeds.
inline constexpr std::string_view kPdfAPart = "2";
inline constexpr std::string_view kPdfAConformance = "A";

// The output condition the sRGB profile stands for, as the ICC registry names it.
inline constexpr std::string_view kOutputCondition = "sRGB IEC61966-2.1";

// The ICC profile the output intent carries: Debian's libgs-common
// /usr/share/color/icc/ghostscript/srgb.icc (Artifex's sRGB, ICC version 2), read when the
// program is built (server/pdf/CMakeLists.txt), so a running server has no file to miss.
std::string_view srgbProfile();

// A PDF date in UTC to the second ("D:20260312120000Z"): the XMP writes the same instant as
// "2026-03-12T12:00:00Z", so a checker comparing the two finds them equal; the seal's /M too.
std::string pdfDate(TimePoint t);

// The XMP packet of a PDF/A with `metadata`, `producer` as pdf:Producer. Exposed for tests.
std::string xmpPacket(const PdfMetadata& metadata, std::string_view producer);

// `pdf` (cairo's output) as PDF/A-2: catalog with /Lang (sv-SE), /MarkInfo /Marked true when it
// has a structure tree, /ViewerPreferences /DisplayDocTitle true, /OutputIntents (GTS_PDFA1, the
// sRGB profile) and /Metadata (xmpPacket); the information dictionary from `metadata`; untagged
// content marked as artifacts; `figureAlternates` as the /Alt of the "Figure" elements, the
// first to the first in document order; a file identifier derived from the content, so the same
// document gives the same bytes. Errc::Internal when libqpdf cannot read or write it (detail for
// the log).
Result<std::string> makePdfA(std::string_view pdf, const PdfMetadata& metadata,
                             const std::vector<std::string>& figureAlternates = {});

}  // namespace sv::pdf::detail
