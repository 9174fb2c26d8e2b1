// The yearly summary to the committee (årsrapport till nämnden, issue 15) as a PDF, drawn like the
// protocol and the follow-up report (document_layout.hpp): the head with the authority, the year
// and what the figures cover; the administration's own words when given (Sammanfattning,
// Bedömning, Förslag till beslut, Markdown); then one heading per section with data (Möten,
// Protokoll, Iakttagelser per dagordningspunkt, Åtgärder, Uppföljningsrapporter, Händelsestyrda
// uppföljningar), each with its chart drawn as vector graphics and the same figures as a table
// (a reader who cannot see the chart reads the numbers, WCAG 1.1.1), the comparison with the
// previous year, and per provider a table of its contracts' key figures. Numbers as Swedes write
// them ("9,5"); "Sida N av M" in the footer; a bookmark for every main heading.
#pragma once

#include <optional>
#include <string>

#include "minutes/annual_figures.hpp"
#include "minutes/annual_narrative.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::pdf {

// What the administration writes around the figures (minutes/annual_narrative.hpp), each part
// Markdown (raw HTML dropped, as in the protocol's notes). A blank part is left out with its
// heading.
using AnnualNarrative = minutes::AnnualNarrative;

struct AnnualPdfOptions {
  // The title on the first page and in the metadata; empty:
  // "Årsrapport 2026 till nämnden – <authority>".
  std::string title;
  // The creation date in the metadata; TimePoint{} leaves cairo's default, the time of rendering.
  TimePoint createdAt{};
  // On every page while the report is not registered (state_mark.hpp), e.g. "UTKAST"; empty for
  // none.
  std::string stateMark;
  std::optional<AnnualNarrative> narrative;
  // Once registered: the number in the head and on the last page, and the e-seal's certificate
  // subject under it (services seal the registered summary).
  std::optional<std::string> registryNumber;
  std::optional<std::string> sealSubject;
};

// The PDF file's bytes. A provider's view (figures.providerOnly, restrictToProvider) prints only
// what the figures hold: that provider's contracts and its own totals. Metadata: the title, the
// authority as author, a subject naming the year (and the provider of a provider's view),
// "Samverkan" as creator, the creation date. Errc::Internal when cairo fails (detail is for the
// log). Thread-safe, as renderProtocolPdf.
Result<std::string> renderAnnualPdf(const minutes::AnnualFigures& figures,
                                    const AnnualPdfOptions& options);

}  // namespace sv::pdf
