// The protocol (protokoll) of a samverkansmöte as a PDF in the Swedish protocol layout: A4 with
// 2 cm margins; a header with the meeting's facts and the registry number; attendance for each
// party; one numbered section per agenda item (§ 1 …) with its notes, the administration's
// observations, the planned actions as a table, decisions and the follow-up of earlier actions;
// the signature block (justering): for each party's adjuster the organisation, name, time, how the
// approval was made and the approved version's commit id, then "Vid protokollet" with the
// secretary; reservations; Bilagor; on the last page the registry number (diarieföring) and,
// when sealed, the seal's certificate subject; and "Sida N av M" with the contract reference in
// the footer of every page. The words are those of
// the HTML and Markdown renderings (minutes/labels.hpp).
//
// The text is real text (pdftotext and screen readers find it) in DejaVu Sans, embedded as a
// subset; the document has an outline (bookmarks) for Närvarande, each §, Justering and Bilagor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/lifecycle.hpp"
#include "minutes/minutes.hpp"
#include "minutes/report_record.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf {

struct PdfOptions {
  // The document's title in the PDF metadata; empty: "Protokoll, samverkansmöte <date> –
  // <contract title>".
  std::string title;
  // The creation date in the PDF metadata; TimePoint{} (the epoch) leaves cairo's default, the
  // time of rendering. Passed in, so a caller can make it the registration or version time.
  TimePoint createdAt{};
  // Printed at the head of every page and across it, so that a print of minutes that are not
  // (yet) the record never passes for it: stateMarkOf(state). Empty: no mark (registered minutes).
  std::string stateMark;
  // The meeting's and the minutes' attachments (bilagor), oldest first, printed in "Bilagor"
  // after the adjustment with name, what they belong to, size and SHA-256 ("Inga bilagor." when
  // none). They are kept beside the minutes, not in them, so the caller reads and passes them.
  std::vector<minutes::RecordAttachment> attachments;
  // The subject of the certificate the registered file is sealed with ("CN=…, O=…", seal.hpp),
  // printed on the last page under the registry number; unset: no seal line (a draft).
  std::optional<std::string> sealSubject;
};

// The mark for minutes in `state`: "UTKAST" while a draft, "UTKAST – ej justerat" in review,
// "Justerat, ej diariefört" once approved; empty once registered.
std::string stateMarkOf(minutes::MinutesState state);

// The PDF file's bytes. The metadata has the title, the authority's name as author, a subject
// naming the meeting and contract, "Samverkan" as creator and the creation date.
// User text is taken as text whatever it holds (markup, entities, ill-formed UTF-8); notes are
// Markdown, printed with paragraphs, lists, emphasis and headings as bold lines; raw HTML in them
// is dropped, as on the web page.
// Errc::Internal when cairo fails (detail is for the log). Out of memory: std::bad_alloc.
// Thread-safe: Pango gives each thread its own font map, so the first rendering on a thread
// loads the fonts (tens of milliseconds); later ones reuse them.
Result<std::string> renderProtocolPdf(const minutes::Minutes& m, const PdfOptions& options);

}  // namespace sv::pdf
