// What every follow-up report use case starts from, read under the viewer's tenant scope in one
// transaction (a report the viewer may not see is not found, as if it were not there), and who
// may do what with it: the one place the report use cases share their rules from
// (config/workflows/report.workflow names the roles).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "minutes/report.hpp"
#include "minutes/report_lifecycle.hpp"
#include "server/services/report_service.hpp"
#include "server/store/contracts.hpp"
#include "server/store/principal.hpp"
#include "server/store/reports.hpp"
#include "server/store/review_comments.hpp"
#include "server/store/store.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct ReportContext {
  store::ReportRow row;
  store::ContractRow contract;
  minutes::ReportState state = minutes::ReportState::Draft;
  std::string version;     // the current version (a report has one from its start)
  std::string repository;  // "contract-12"
  std::string document;    // "reports/5/report"

  // A file of the report in the repository: "reports/5/report.md" for "md".
  std::string path(std::string_view extension) const;
  store::ReviewedDocument reviewed() const { return {repository, document}; }
};

// Inside the caller's transaction. Errors: NotFound (no such report in the viewer's scope).
Result<ReportContext> readReportContext(store::Reading& c, const store::Principal& viewer,
                                        std::int64_t reportId);
// The same for the server itself (the deadline job): TenantScope::system().
Result<ReportContext> readReportContext(store::Reading& c, const store::TenantScope& scope,
                                        std::int64_t reportId);
// In a read transaction of its own.
Result<ReportContext> loadReportContext(store::Store& store, const store::Principal& viewer,
                                        std::int64_t reportId);

// The authority's contract manager of this contract (or an administrator) writes the report.
bool mayWriteReport(const store::Principal& p, const ReportContext& ctx);
// Errors: Forbidden/NotReportWriter ("only the authority's contract manager <doing>").
Status requireReportWriter(const store::Principal& p, const ReportContext& ctx,
                           const std::string& doing);

// The caller's roles for this report: their account's roles where they count (the authority's
// for its own contracts, the provider's for its own).
std::set<std::string> reportRolesOf(const store::Principal& p, const ReportContext& ctx);

// The facts as stored, inside the caller's transaction: the first unassessed area of `doc`, the
// open comments and supplements, the fact-check's last day, and today in Stockholm at `now`.
minutes::ReportLifecycleFacts reportFactsIn(store::Reading& c, const ReportContext& ctx,
                                            const minutes::FollowUpReport& doc, TimePoint now);

ReportSummary summaryOf(const store::ReportRow& row);
// A supplement's row as the record shows it, with its area's title from `doc`.
minutes::SupplementEntry supplementEntryOf(const store::SupplementRow& row,
                                           const minutes::FollowUpReport& doc);


// A new version of the report's text by `actor` from the current one (report.md and report.json).
store::DocumentCommit reportTextCommit(const ReportContext& ctx, const store::Principal& actor,
                                       const minutes::FollowUpReport& next, std::string message,
                                       TimePoint at);

// Errors: Conflict/DocumentRegistered.
Status refuseRegistered(const ReportContext& ctx);

}  // namespace sv::services
