// Event-driven cases in SQLite (migration 021): each case of a contract, its timeline, who was told
// of an acute case, and the rounds of its action plan. The plan's text is in git (DocumentStore,
// document "cases/<id>/plan"), its files and the case's material are attachments; these rows are
// written inside the transactions of the use cases (services/case_*.cpp). Triggers keep events,
// notices and decided plans as they were written, and the case's material once its report is
// registered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

struct CaseRow {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  std::string trigger;  // minutes::CaseTrigger's names
  std::string title;
  std::string description;
  std::string occurredOn;  // YYYY-MM-DD
  std::string urgency;     // "normal", "acute"
  std::string state;       // minutes::CaseState's names
  std::optional<std::string> planDueOn;
  bool feedbackGiven = false;
  std::int64_t openedBy = 0;
  std::string openedAt;
  std::string progressedAt;
  // Read with the row: the contract, its parties, the opener and the case's report.
  std::string openedByName;
  std::string contractTitle;
  std::string contractReference;
  std::int64_t authorityId = 0;
  std::int64_t providerId = 0;
  std::string providerName;
  std::optional<std::int64_t> reportId;
  std::optional<std::string> reportState;
};

// The new case's id.
std::int64_t insertCase(Writing& c, const CaseRow& row);
// One case as the scope may see it; none otherwise (the caller answers 404).
std::optional<CaseRow> findCase(Reading& c, const TenantScope& scope, std::int64_t id);

struct CaseQuery {
  std::optional<std::int64_t> contractId;
  std::optional<std::int64_t> providerId;
  std::optional<std::string> trigger;
  std::optional<std::string> state;
  std::optional<bool> acute;
  // Only cases past a deadline: a plan requested with its last day before `today`, or an open
  // case whose last progress was before `staleBefore` (an ISO time).
  bool overdue = false;
  std::string today;        // YYYY-MM-DD, with `overdue`
  std::string staleBefore;  // with `overdue`
  bool openOnly = false;    // not closed
  int limit = 50;
  int offset = 0;
};
// Acute first, then the newest opened; and how many match, for the pager.
std::vector<CaseRow> listCases(Reading& c, const TenantScope& scope, const CaseQuery& q);
int countCases(Reading& c, const TenantScope& scope, const CaseQuery& q);

// The step taken: the new state, the plan's last day (kept while a plan is requested), progress.
void setCaseState(Writing& c, std::int64_t id, const std::string& state,
                  const std::optional<std::string>& planDueOn, const std::string& at);
void markCaseAcute(Writing& c, std::int64_t id, const std::string& at);
void markFeedbackGiven(Writing& c, std::int64_t id, const std::string& at);
// Material was added: the case progressed.
void touchCase(Writing& c, std::int64_t id, const std::string& at);

struct CaseEventRow {
  std::int64_t id = 0;
  std::int64_t caseId = 0;
  std::string kind;  // migration 021's list
  std::int64_t userId = 0;
  std::string userName;  // read from users; ignored when inserting
  std::string text;
  std::optional<std::string> dueOn;
  std::optional<std::string> version;
  std::string at;
};
void insertCaseEvent(Writing& c, const CaseEventRow& row);
// Oldest first: the case's timeline.
std::vector<CaseEventRow> listCaseEvents(Reading& c, std::int64_t caseId);

// The authority's people who hold `director` or `committee_secretary`, active, by name.
struct CaseLeader {
  std::int64_t userId = 0;
  std::string name;
  std::string email;
  std::string role;
};
std::vector<CaseLeader> caseLeadersOf(Reading& c, std::int64_t authorityId);

struct CaseNoticeRow {
  std::int64_t caseId = 0;
  std::int64_t userId = 0;
  std::string userName;  // read from users
  std::string role;
  std::string at;
};
// False when the person was told of the case in that role already.
bool insertCaseNotice(Writing& c, const CaseNoticeRow& row);
std::vector<CaseNoticeRow> listCaseNotices(Reading& c, std::int64_t caseId);

struct CasePlanRow {
  std::int64_t id = 0;
  std::int64_t caseId = 0;
  int round = 0;
  std::string version;
  std::int64_t submittedBy = 0;
  std::string submittedByName;
  std::string submittedAt;
  std::string decision;  // "pending", "returned", "accepted"
  std::optional<std::int64_t> decidedBy;
  std::string decidedByName;
  std::optional<std::string> decidedAt;
};
// Numbers the round (one more than the case's last) and returns it.
int insertCasePlan(Writing& c, std::int64_t caseId, const std::string& version,
                   std::int64_t submittedBy, const std::string& at);
std::vector<CasePlanRow> listCasePlans(Reading& c, std::int64_t caseId);
// False when the round was decided already.
bool decideCasePlan(Writing& c, std::int64_t caseId, int round, const std::string& decision,
                    std::int64_t by, const std::string& at);

// For the start page: cases of the scope past a deadline (see CaseQuery::overdue).
int overdueCaseCount(Reading& c, const TenantScope& scope, const std::string& today,
                     const std::string& staleBefore);

}  // namespace sv::store
