// What a PDF says of itself as an archival PDF, checked offline from the file alone, so that
// `samverkan verify` can say of a package's PDF that it is still what was archived: the PDF/A
// identification in its XMP, an output intent with an ICC profile, every font embedded, and for
// conformance A the marked, tagged, language-bearing structure. These are the parts of ISO
// 19005-2 a file carries as objects; the rules about content streams (every colour in the
// intent's space, each glyph's Unicode) need a full validator such as veraPDF or Apache PDFBox's
// Preflight (the tests run PDFBox, tests/support/pdf_archival.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sv::pdf {

struct PdfACheck {
  std::string part;                   // pdfaid:part, "2"; empty when the XMP names none
  std::string conformance;            // pdfaid:conformance, "A"
  std::vector<std::string> problems;  // empty: every part checked holds
};

// Thread-safe; never throws (a file libqpdf cannot read is a problem, not an exception).
PdfACheck checkPdfA(std::string_view pdf);

}  // namespace sv::pdf
