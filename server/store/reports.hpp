// Follow-up reports in SQLite (migration 020): where each report is in its lifecycle, its
// fact-check, its supplements and its registration. The text is in git (DocumentStore, document
// "reports/<id>/report"); these rows are written inside the transactions of the use cases
// (services/report_*.cpp). Triggers refuse any change once a report is registered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"

namespace sv::store {

struct ReportRow {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  int year = 0;
  std::string kind;   // "operational", "contract" (minutes::ReportKind)
  std::string state;  // the names of minutes::ReportState
  std::int64_t createdBy = 0;
  std::string createdAt;
  std::string updatedAt;
  // Read with the row, for lists: the contract's title and provider, the registry number.
  std::string contractTitle;
  std::string providerName;
  std::optional<std::string> registryNumber;
  std::optional<std::string> factCheckDueOn;
  std::optional<std::int64_t> caseId;  // the event-driven case a report of kind "case" is about
};

// The id the next report gets: its document's key is made from it before the commit that the
// row is inserted with (DocumentStore::commit names the document first).
std::int64_t nextReportId(Reading& c);
// Inserts the report with `row.id`. Errors: Conflict/ReportExists (one of the kind per contract
// and year), Conflict/DocumentBusy (the id was taken in between; try again).
Status insertReport(Writing& c, const ReportRow& row);
// One report as the scope may see it; none otherwise (the caller answers 404). A provider's
// people see no drafts: a report is shared with them when it is sent for fact-checking.
std::optional<ReportRow> findReport(Reading& c, const TenantScope& scope, std::int64_t id);
void setReportState(Writing& c, std::int64_t id, const std::string& state, const std::string& at);
void touchReport(Writing& c, std::int64_t id, const std::string& at);

struct ReportQuery {
  std::optional<std::int64_t> contractId;
  std::optional<int> year;
  std::optional<std::string> state;
  int limit = 50;
  int offset = 0;
};
// Newest year first, then by contract. And how many match, for the pager.
std::vector<ReportRow> listReports(Reading& c, const TenantScope& scope, const ReportQuery& q);
int countReports(Reading& c, const TenantScope& scope, const ReportQuery& q);

struct FactCheckRow {
  std::int64_t reportId = 0;
  std::string version;
  std::int64_t sentBy = 0;
  std::string sentByName;
  std::string sentAt;
  std::string dueOn;
  std::string outcome;  // minutes::FactCheckOutcome's names
  std::optional<std::int64_t> answeredBy;
  std::string answeredByName;
  std::optional<std::string> endedAt;
};
void insertFactCheck(Writing& c, const FactCheckRow& row);
std::optional<FactCheckRow> findFactCheck(Reading& c, std::int64_t reportId);
// Ends a pending fact-check. False when it had ended already (by someone else in between).
bool endFactCheck(Writing& c, std::int64_t reportId, const std::string& outcome,
                  std::optional<std::int64_t> answeredBy, const std::string& at);
// Reports whose fact-check is pending with its last day before `today` (YYYY-MM-DD): the
// deadline job's work, oldest first, at most `limit`.
std::vector<std::int64_t> overdueFactChecks(Reading& c, const std::string& today, int limit);

struct SupplementRow {
  std::int64_t id = 0;
  std::int64_t reportId = 0;
  int number = 0;
  std::string areaKey;
  std::string request;
  std::string dueOn;
  std::int64_t requestedBy = 0;
  std::string requestedByName;
  std::string requestedAt;
  std::optional<std::string> response;
  std::optional<std::int64_t> respondedBy;
  std::string respondedByName;
  std::optional<std::string> respondedAt;
  std::optional<std::string> beforeAssessment;
  std::optional<std::string> afterAssessment;
  std::optional<std::string> reason;
  std::optional<std::int64_t> decidedBy;
  std::string decidedByName;
  std::optional<std::string> decidedAt;
  std::optional<std::string> decidedVersion;
};
// Numbers the supplement (one more than the report's last) and returns the row as stored.
SupplementRow insertSupplement(Writing& c, SupplementRow row);
std::vector<SupplementRow> listSupplements(Reading& c, std::int64_t reportId);
std::optional<SupplementRow> findSupplement(Reading& c, std::int64_t reportId, int number);
// False when the supplement was answered already.
bool answerSupplement(Writing& c, std::int64_t id, const std::string& response, std::int64_t by,
                      const std::string& at);
// False when the supplement was decided already.
bool decideSupplement(Writing& c, const SupplementRow& decision);
int openSupplementCount(Reading& c, std::int64_t reportId);

struct ReportRegistryRow {
  std::int64_t authorityId = 0;
  int year = 0;
  int seq = 0;
  std::string number;
  std::int64_t reportId = 0;
  std::int64_t contractId = 0;
  std::string repository;
  std::string version;
  std::string tag;
  std::int64_t registeredBy = 0;
  std::string registeredAt;
};
// Throws DatabaseError when the number is taken (the register's triggers).
void insertReportRegistry(Writing& c, const ReportRegistryRow& row);
std::optional<ReportRegistryRow> registryOfReport(Reading& c, std::int64_t reportId);

// Reports waiting for someone, in the scope's contracts, for the start pages: final and not
// registered (the registrar), out for fact-check (the provider), answered (the authority).
std::vector<ReportRow> reportsInState(Reading& c, const TenantScope& scope,
                                      const std::string& state, int limit);

}  // namespace sv::store
