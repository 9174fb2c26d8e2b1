// A person's start page ("Att göra"): what needs them now, by what they do (adjuster, secretary,
// contract manager, provider representative, registrar), with counts, and their unread
// notifications. Everything within the person's tenant scope.
#pragma once

#include <vector>

#include "server/store/approvals.hpp"
#include "server/store/reports.hpp"
#include "server/store/store.hpp"
#include "server/store/waiting.hpp"
#include "workflows/clock.hpp"
#include "workflows/principal.hpp"

namespace sv::services {

// Follow-up reports waiting for the person (issue 13): the report, and for a supplement its number
// and last day.
struct WaitingReport {
  store::ReportRow report;
  int supplement = 0;  // 0: the report itself waits
  std::string dueOn;   // the fact-check's or the supplement's last day, YYYY-MM-DD; may be empty
};
struct WaitingReports {
  int count = 0;
  std::vector<WaitingReport> first;
};

struct Waiting {
  store::WaitingList toApprove;   // minutes in review the person adjusts and has not approved
  store::WaitingList toFix;       // minutes returned with comments (secretary, contract manager)
  store::WaitingList toRegister;  // approved minutes (registrar)
  store::WaitingList toReport;    // actions of the person's party without a report
  store::WaitingList toEvaluate;  // reported actions (contract manager)
  store::WaitingList overdue;     // actions past their due date (contract manager, provider)
  store::WaitingList withoutMinutes;  // past meetings with no minutes started (contract manager)
  WaitingReports reportsToFactCheck;  // reports out for fact-check (provider)
  WaitingReports supplementsToSend;   // supplements requested and not sent (provider)
  WaitingReports reportsAnswered;     // fact-checks answered: comments to answer (manager)
  WaitingReports reportsToRegister;   // final reports not registered (registrar)
  std::vector<store::NotificationRow> notifications;  // unread, newest first, one page
  int unreadCount = 0;
};

// Never fails: a person may always see what waits for them. `limit` rows of each list (and of the
// notifications) are listed; the counts are of all.
Waiting waitingFor(store::Store& store, const TimeSource& time, const Principal& viewer, int limit);

}  // namespace sv::services
