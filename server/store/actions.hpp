// Actions and their events in SQLite. Reads go through the TenantScope of the contract.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agenda/action_status.hpp"
#include "server/store/paging.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/party.hpp"

namespace sv::store {

struct ActionRow {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  std::string contractTitle;
  std::optional<std::int64_t> originMeetingId;
  std::optional<std::string> originMeetingStartsAt;
  std::optional<int> originSection;
  std::optional<std::string> originItem;
  std::optional<std::int64_t> originReportId;  // a follow-up report's required improvement
  std::optional<std::int64_t> originCaseId;    // a point of a case's accepted action plan
  std::string text;
  Party responsibleParty = Party::Provider;
  std::string responsiblePerson;
  std::string dueOn;
  agenda::ActionStatus status = agenda::ActionStatus::Open;
  std::string agreedAt;
  std::string createdAt;
  std::string updatedAt;
};

// A planned action of approved minutes: added once, brought up to date when the minutes are
// approved again after a revision. Returns its id.
std::int64_t upsertActionFromMinutes(Writing& c, const ActionRow& row);
// Whether the planned action `itemId` of the minutes of `meetingId` is an action already.
// A required improvement of a final follow-up report (migration 020): added once; none when the
// report's improvement is an action already.
std::optional<std::int64_t> insertActionFromReport(Writing& c, const ActionRow& row);
// A point of an event-driven case's accepted action plan (migration 021): added once; none when
// the point is an action already.
std::optional<std::int64_t> insertActionFromCase(Writing& c, const ActionRow& row);
// The actions an event-driven case's accepted plans made, oldest first.
std::vector<ActionRow> actionsOfCase(Reading& c, std::int64_t caseId);
bool actionFromMinutesExists(Reading& c, std::int64_t meetingId, const std::string& itemId);
std::int64_t insertAction(Writing& c, const ActionRow& row);
void updateAction(Writing& c, const ActionRow& row);
std::optional<ActionRow> findAction(Reading& c, const TenantScope& scope, std::int64_t id);

struct ActionQuery {
  std::optional<std::int64_t> contractId;
  std::optional<agenda::ActionStatus> status;
  std::optional<std::string> overdueOn;  // not accepted and due before this date (YYYY-MM-DD)
  std::optional<std::string> dueBefore;  // due on or before this date
  bool notAccepted = false;              // open, reported or insufficient
  bool latestFirst = false;              // the last changed first, instead of the soonest due
  int limit = 1000;
  std::int64_t offset = 0;
};
// Soonest due first, then by id (or latestFirst).
std::vector<ActionRow> listActions(Reading& c, const TenantScope& scope, const ActionQuery& q);
// How many actions `q` finds in the scope, whatever its limit and offset.
std::int64_t countActions(Reading& c, const TenantScope& scope, const ActionQuery& q);

// The contract's actions not yet accepted that were agreed before `beforeIso`: what the next
// meeting follows up, whatever happened to the meetings in between.
std::vector<ActionRow> actionsToFollowUp(Reading& c, std::int64_t contractId,
                                         const std::string& beforeIso);

struct ActionEventRow {
  std::int64_t id = 0;
  std::int64_t actionId = 0;
  agenda::ActionEventKind kind = agenda::ActionEventKind::Change;
  std::optional<std::int64_t> userId;
  std::string userName;
  std::optional<std::int64_t> meetingId;
  std::string text;
  std::optional<agenda::ActionStatus> outcome;  // of an evaluation: accepted or insufficient
  std::optional<std::string> newDueOn;
  std::string at;
  // Read only: when the meeting of `meetingId` starts (as stored), "" without a meeting; so that a
  // follow-up can say at which meeting an evaluation was made.
  std::string meetingStartsAt;
};
void insertActionEvent(Writing& c, const ActionEventRow& row);
std::vector<ActionEventRow> listActionEvents(Reading& c, std::int64_t actionId);
// The same for several actions at once (a list's page), by action id; an action without events
// has no entry.
std::map<std::int64_t, std::vector<ActionEventRow>> listActionEvents(
    Reading& c, const std::vector<std::int64_t>& actionIds);

}  // namespace sv::store
