// The minutes' lifecycle data in SQLite: state, approvals of exact versions, returns with
// comments, the register, and notifications. Writes run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "minutes/lifecycle.hpp"
#include "server/store/paging.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"

namespace sv::store {

// None until the minutes of the meeting are started. The column's CHECK holds the four names of
// minutes::MinutesState, so every stored state parses.
std::optional<minutes::MinutesState> minutesState(Reading& c, std::int64_t meetingId);
// The minutes are started: a row in state draft.
void insertMinutes(Writing& c, std::int64_t meetingId, const std::string& at);
void setMinutesState(Writing& c, std::int64_t meetingId, minutes::MinutesState state,
                     const std::string& at);
// A save: the state stays, the time of the last change moves.
void touchMinutes(Writing& c, std::int64_t meetingId, const std::string& at);

struct ApprovalRow {
  std::int64_t id = 0;
  std::int64_t meetingId = 0;
  Party party = Party::Authority;
  std::int64_t userId = 0;
  std::string userName;
  std::string version;
  std::string note;
  std::string approvedAt;
  std::optional<std::string> supersededAt;
  // How it was made (minutes::ApprovalEvidence::method); empty on insert: the password login's.
  std::string method;
};
void insertApproval(Writing& c, const ApprovalRow& row);
std::vector<ApprovalRow> listApprovals(Reading& c, std::int64_t meetingId);
// Every approval of another version stops counting (it stays in the history).
void supersedeApprovals(Writing& c, std::int64_t meetingId, const std::string& currentVersion,
                        const std::string& at);
// Every approval that still counts stops counting: the minutes were returned to the draft.
void withdrawApprovals(Writing& c, std::int64_t meetingId, const std::string& at);

struct ReturnRow {
  std::int64_t id = 0;
  std::int64_t meetingId = 0;
  std::int64_t userId = 0;
  std::string userName;
  std::string version;
  std::string comment;
  std::string returnedAt;
};
void insertReturn(Writing& c, const ReturnRow& row);
std::vector<ReturnRow> listReturns(Reading& c, std::int64_t meetingId);

struct RegistryRow {
  std::int64_t id = 0;
  std::int64_t authorityId = 0;
  int year = 0;
  int seq = 0;
  std::string number;
  std::int64_t meetingId = 0;
  std::int64_t contractId = 0;
  std::string contractTitle;
  std::string providerName;
  std::string meetingStartsAt;
  std::string repository;
  std::string version;
  std::string tag;
  std::int64_t registeredBy = 0;
  std::string registeredByName;
  std::string registeredAt;
};
// The next number in the authority's series for the year: one more than the last of its protocols
// and follow-up reports (one series, migration 020), never reused.
int nextRegistrySeq(Writing& c, std::int64_t authorityId, int year);
// Errors: Conflict/MeetingCancelled (a cancelled meeting's minutes are not registered).
Status insertRegistry(Writing& c, const RegistryRow& row);
std::optional<RegistryRow> registryOfMeeting(Reading& c, std::int64_t meetingId);

// Approved minutes not yet registered, in the scope's contracts: the registrar's queue, the
// longest waiting first. A cancelled meeting's minutes are not registered, so not listed.
struct AwaitingRegistrationRow {
  std::int64_t meetingId = 0;
  std::int64_t contractId = 0;
  std::string contractTitle;
  std::string contractReference;
  std::string providerName;
  std::string meetingStartsAt;
  std::string approvedAt;  // when the minutes last changed state (became approved)
};
std::vector<AwaitingRegistrationRow> approvedAwaitingRegistration(Reading& c,
                                                                  const TenantScope& scope);

struct NotificationRow {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::optional<std::int64_t> meetingId;
  std::string kind;
  std::string text;
  std::string createdAt;
  std::optional<std::string> readAt;
};
void insertNotification(Writing& c, const NotificationRow& row);
// Newest first (by id).
std::vector<NotificationRow> listNotifications(Reading& c, std::int64_t userId, PageSpan span);
std::int64_t countNotifications(Reading& c, std::int64_t userId);
// The person's unread notifications, newest first, a page at a time, and how many there are.
std::vector<NotificationRow> listUnreadNotifications(Reading& c, std::int64_t userId, int limit,
                                                     int offset);
int countUnreadNotifications(Reading& c, std::int64_t userId);
// Marks the person's own notification read (once: a second time keeps the first time). False
// when the person has no notification with that id.
bool markNotificationRead(Writing& c, std::int64_t userId, std::int64_t id, const std::string& at);
// The active registrars of an authority: who is told that minutes wait for registration.
std::vector<std::int64_t> registrarsOf(Reading& c, std::int64_t authorityId);

}  // namespace sv::store
