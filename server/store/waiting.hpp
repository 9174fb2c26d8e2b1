// What needs a person now, for their start page ("Att göra"): one query a kind of work, each
// counted and its first rows listed, each within the person's tenant scope (a provider's people
// never count another provider's meetings or actions).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/party.hpp"

namespace sv::store {

// A meeting or an action that waits for someone: enough to name it and link to it.
struct WaitingItem {
  std::int64_t meetingId = 0;  // the meeting, or the action's meeting of origin (0: none)
  std::int64_t actionId = 0;   // 0 for a meeting
  std::int64_t contractId = 0;
  std::string contractTitle;
  std::string providerName;
  std::string when;  // the meeting's start (ISO UTC), or the action's due date (YYYY-MM-DD)
  std::string text;  // the action's text; empty for a meeting
};

// How many there are in all, and the first `limit` of them (the oldest first).
struct WaitingList {
  int count = 0;
  std::vector<WaitingItem> first;
};

// Minutes in review where `userId` is an adjuster and their party has not approved the current
// version (an approval of an older version stops counting when the minutes change).
WaitingList minutesToApprove(Reading& c, const TenantScope& scope, std::int64_t userId, int limit);
// Minutes returned to the draft with comments and not sent again: for the meeting's secretary and
// chair (`userId`), and, when `allInScope`, for every such meeting in the scope (the contract
// manager's).
WaitingList returnedMinutesToFix(Reading& c, const TenantScope& scope, std::int64_t userId,
                                 bool allInScope, int limit);
// Approved minutes not yet registered.
WaitingList minutesToRegister(Reading& c, const TenantScope& scope, int limit);
// Actions of `party` that wait for a report: open, or judged insufficient.
WaitingList actionsToReport(Reading& c, const TenantScope& scope, Party party, int limit);
// Actions reported and not yet evaluated.
WaitingList actionsToEvaluate(Reading& c, const TenantScope& scope, int limit);
// Actions not accepted whose due date `today` (YYYY-MM-DD) has passed.
WaitingList overdueActions(Reading& c, const TenantScope& scope, const std::string& today,
                           int limit);
// Meetings that were not cancelled, began before `nowIso` and have no minutes started.
WaitingList pastMeetingsWithoutMinutes(Reading& c, const TenantScope& scope,
                                       const std::string& nowIso, int limit);

}  // namespace sv::store
