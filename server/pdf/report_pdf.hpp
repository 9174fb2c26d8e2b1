// The yearly follow-up report (verksamhetsuppföljning / avtalsuppföljning) as a PDF, drawn like the
// protocol (document_layout.hpp): a head with the contract's facts and the registry number, Metod,
// Besök, one heading per area with its questions, assessment, findings (the user's Markdown) and
// the improvements required as a table; then the record beside the text: the fact-check with the
// provider's comments and the authority's answers, the supplements (kompletteringar) with the
// assessments they changed, and the attachments (bilagor) with their SHA-256. "Sida N av M" and
// the contract in the footer of every page; a bookmark for every main heading and every area.
#pragma once

#include <optional>
#include <string>

#include "minutes/report_lifecycle.hpp"
#include "minutes/report_record.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf {

struct ReportPdfOptions {
  // The title in the PDF metadata; empty: "Verksamhetsuppföljning 2026 – <contract title>".
  std::string title;
  // The creation date in the metadata; TimePoint{} leaves cairo's default, the time of rendering.
  TimePoint createdAt{};
  // On every page until the report is registered: reportStateMarkOf(state); empty for none.
  std::string stateMark;
  // The e-seal's certificate subject, printed under the registry number on the last page; unset
  // for a report that will not be sealed (not registered).
  std::optional<std::string> sealSubject;
};

// The mark for a report in `state`: "UTKAST" while a draft, and also once the provider has
// answered the fact-check (the authority is then changing the text, so what is printed is a draft
// of the final report, not the version the provider checked); "Faktagranskning pågår" while the
// provider has it; "Slutlig, ej diarieförd" once final; empty once registered.
std::string reportStateMarkOf(minutes::ReportState state);

// The PDF file's bytes. Metadata: the title, the authority's name as author, a subject naming the
// report and the contract, "Samverkan" as creator, the creation date. User text is text whatever
// it holds; the findings are Markdown (raw HTML dropped), as in the protocol's notes.
// Errc::Internal when cairo fails (detail is for the log). Thread-safe, as renderProtocolPdf.
Result<std::string> renderReportPdf(const minutes::ReportRecord& record,
                                    const ReportPdfOptions& options);

}  // namespace sv::pdf
