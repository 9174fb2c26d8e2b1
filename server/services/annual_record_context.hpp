// What every use case of the yearly summary's record starts from, read in the caller's
// transaction: the authority (another authority's, or any for a provider's people, is not found,
// as if it were not there), the record's row when started, the text's current version, and who
// may do what (config/workflows/annual_report.workflow names the roles).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "server/store/annual_records.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct AnnualRecordContext {
  std::int64_t authorityId = 0;
  std::string authorityName;
  int year = 0;
  std::optional<store::AnnualRecordRow> row;
  std::optional<std::string> version;  // none before the first save
  std::string repository;              // "authority-3"
  std::string document;                // "annual/2026/report"

  // A file of the document: "annual/2026/report.md" for "md"; the frozen figures are
  // "annual/2026/figures.json" and ".csv".
  std::string path(std::string_view extension) const;
  std::string figuresPath(std::string_view extension) const;
};

std::string annualRepositoryOf(std::int64_t authorityId);
std::string annualDocumentOf(int year);
// The frozen figures beside the text: "annual/2026/figures.json" for "json".
std::string annualFiguresPathOf(int year, std::string_view extension);

// Errors: Invalid/OutOfRange (field "year"), NotFound.
Result<AnnualRecordContext> readAnnualRecordContext(store::Reading& c,
                                                    const store::Principal& viewer,
                                                    std::int64_t authorityId, int year);

// The viewer's roles for the authority's summary: their account's roles when it is their own
// authority, none otherwise.
std::set<std::string> annualRolesOf(const store::Principal& p, std::int64_t authorityId);

// Errors: Forbidden/NotAnnualWriter ("only the authority's contract manager <doing>").
Status requireAnnualWriter(const store::Principal& p, std::int64_t authorityId,
                           const std::string& doing);

// Conflict/TransitionNotAllowed (value "save"): the text of a summary in `state` is fixed.
Error annualNotEditable(std::string_view state);

}  // namespace sv::services
