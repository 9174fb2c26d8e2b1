// The yearly summary to the committee (årsrapport till nämnden, issue 15; seed 003): the figures
// of an authority's year per provider and contract, with the year before, from what the server
// holds (minutes/annual_figures.hpp counts; store/annual.hpp reads). The authority's people see
// the whole; a provider's people only the part about their own contracts (the authority's totals
// are never shown to them: they would tell of other providers).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "minutes/annual_figures.hpp"
#include "server/services/parsed_versions.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// Enough for every report of a large city's two years (500 contracts, two kinds) several times.
inline constexpr std::size_t kKeptReportVersions = 8192;

class AnnualReportService {
 public:
  AnnualReportService(store::Store& store, const TimeSource& time) : store_(store), time_(time) {}

  // Errors: Invalid/OutOfRange (field "year": outside 2000–2100), NotFound (no such authority,
  // another authority's, or a provider without a contract with it).
  Result<minutes::AnnualFigures> figures(const store::Principal& viewer, std::int64_t authorityId,
                                         int year);

  // The figures as a PDF (A4, charts drawn by cairo, "UTKAST" on every page: a summary is a draft
  // until it is registered) and its file name. Errors: figures' and the PDF's.
  Result<std::pair<std::string, std::string>> pdf(const store::Principal& viewer,
                                                  std::int64_t authorityId, int year);

  // The viewer's own authority, or for a provider the first authority it has a contract with;
  // none for a provider without contracts. The default of the page and the API.
  std::optional<std::int64_t> defaultAuthority(const store::Principal& viewer);
  // This year in Swedish time: the default year.
  int currentYear() const;

 private:
  store::Store& store_;
  const TimeSource& time_;
  // Each follow-up report's areas by version, so that a summary reads a report from git once.
  ParsedVersions<std::vector<minutes::AreaAssessmentFact>> areas_{kKeptReportVersions};
};

}  // namespace sv::services
