#include "server/store/approvals.hpp"

#include "server/store/registry_rows.hpp"

#include "agenda/agenda.hpp"
#include "minutes/approval_method.hpp"

namespace sv::store {

std::optional<minutes::MinutesState> minutesState(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare("SELECT state FROM minutes WHERE meeting_id = ?1");
  s.bind(1, meetingId);
  if (!s.step()) return std::nullopt;
  return minutes::parseMinutesState(s.text(0)).value_or(minutes::MinutesState::Draft);
}

void setMinutesState(Writing& c, std::int64_t meetingId, minutes::MinutesState state,
                     const std::string& at) {
  c.prepare("UPDATE minutes SET state = ?2, updated_at = ?3 WHERE meeting_id = ?1")
      .bindAll(meetingId, minutes::stateName(state), at)
      .run();
}

void insertMinutes(Writing& c, std::int64_t meetingId, const std::string& at) {
  c.prepare(
       "INSERT INTO minutes (meeting_id, state, created_at, updated_at) VALUES (?1, 'draft', ?2, "
       "?2)")
      .bindAll(meetingId, at)
      .run();
}

void touchMinutes(Writing& c, std::int64_t meetingId, const std::string& at) {
  c.prepare("UPDATE minutes SET updated_at = ?2 WHERE meeting_id = ?1")
      .bindAll(meetingId, at)
      .run();
}

void insertApproval(Writing& c, const ApprovalRow& r) {
  c.prepare(
       "INSERT INTO minutes_approvals (meeting_id, party, user_id, version, note, approved_at, "
       "method) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bindAll(r.meetingId, agenda::toString(r.party), r.userId, r.version, r.note, r.approvedAt,
               r.method.empty() ? std::string(minutes::kPasswordApprovalMethod) : r.method)
      .run();
}

std::vector<ApprovalRow> listApprovals(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare(
      "SELECT a.id, a.meeting_id, a.party, a.user_id, u.name, a.version, a.note, a.approved_at, "
      "a.superseded_at, a.method FROM minutes_approvals a JOIN users u ON u.id = a.user_id "
      "WHERE a.meeting_id = ?1 ORDER BY a.id");
  s.bind(1, meetingId);
  std::vector<ApprovalRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), agenda::parseParty(s.text(2)).value_or(Party::Authority),
                   s.int64(3), s.text(4), s.text(5), s.text(6), s.text(7), s.optionalText(8),
                   s.text(9)});
  return out;
}

void supersedeApprovals(Writing& c, std::int64_t meetingId, const std::string& currentVersion,
                        const std::string& at) {
  c.prepare(
       "UPDATE minutes_approvals SET superseded_at = ?3 WHERE meeting_id = ?1 AND version <> ?2 "
       "AND superseded_at IS NULL")
      .bindAll(meetingId, currentVersion, at)
      .run();
}

void withdrawApprovals(Writing& c, std::int64_t meetingId, const std::string& at) {
  c.prepare(
       "UPDATE minutes_approvals SET superseded_at = ?2 WHERE meeting_id = ?1 "
       "AND superseded_at IS NULL")
      .bindAll(meetingId, at)
      .run();
}

void insertReturn(Writing& c, const ReturnRow& r) {
  c.prepare(
       "INSERT INTO minutes_returns (meeting_id, user_id, version, comment, returned_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(r.meetingId, r.userId, r.version, r.comment, r.returnedAt)
      .run();
}

std::vector<ReturnRow> listReturns(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare(
      "SELECT r.id, r.meeting_id, r.user_id, u.name, r.version, r.comment, r.returned_at "
      "FROM minutes_returns r JOIN users u ON u.id = r.user_id WHERE r.meeting_id = ?1 "
      "ORDER BY r.id");
  s.bind(1, meetingId);
  std::vector<ReturnRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.int64(2), s.text(3), s.text(4), s.text(5), s.text(6)});
  return out;
}

int nextRegistrySeq(Writing& c, std::int64_t authorityId, int year) {
  auto s = c.prepare(
      "SELECT COALESCE(MAX(seq), 0) + 1 FROM (SELECT seq FROM registry WHERE authority_id = ?1 "
      "AND year = ?2 UNION ALL SELECT seq FROM report_registry WHERE authority_id = ?1 AND "
      "year = ?2 UNION ALL SELECT seq FROM annual_registry WHERE authority_id = ?1 AND "
      "year = ?2) AS used");
  s.bindAll(authorityId, year);
  s.step();
  return static_cast<int>(s.int64(0));
}

Status insertRegistry(Writing& c, const RegistryRow& r) {
  auto cancelled = c.prepare("SELECT 1 FROM meetings WHERE id = ?1 AND status = 'cancelled'");
  cancelled.bind(1, r.meetingId);
  if (cancelled.step())
    return fail(Errc::Conflict, Reason::MeetingCancelled,
                "the meeting is cancelled: its minutes are not registered", "", "register");
  c.prepare(
       "INSERT INTO registry (authority_id, year, seq, number, meeting_id, contract_id, "
       "repository, "
       "version, tag, registered_by, registered_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bindAll(r.authorityId, r.year, r.seq, r.number, r.meetingId, r.contractId, r.repository,
               r.version, r.tag, r.registeredBy, r.registeredAt)
      .run();
  return {};
}

const char* const kRegistryColumns =
    "SELECT r.id, r.authority_id, r.year, r.seq, r.number, r.meeting_id, r.contract_id, c.title, "
    "p.name, m.starts_at, r.repository, r.version, r.tag, r.registered_by, u.name, "
    "r.registered_at ";
const char* const kRegistryFrom =
    "FROM registry r JOIN contracts c ON c.id = r.contract_id "
    "JOIN organizations p ON p.id = c.provider_id JOIN meetings m ON m.id = r.meeting_id "
    "JOIN users u ON u.id = r.registered_by ";

RegistryRow readRegistry(const Statement& s) {
  RegistryRow r;
  r.id = s.int64(0);
  r.authorityId = s.int64(1);
  r.year = static_cast<int>(s.int64(2));
  r.seq = static_cast<int>(s.int64(3));
  r.number = s.text(4);
  r.meetingId = s.int64(5);
  r.contractId = s.int64(6);
  r.contractTitle = s.text(7);
  r.providerName = s.text(8);
  r.meetingStartsAt = s.text(9);
  r.repository = s.text(10);
  r.version = s.text(11);
  r.tag = s.text(12);
  r.registeredBy = s.int64(13);
  r.registeredByName = s.text(14);
  r.registeredAt = s.text(15);
  return r;
}

std::optional<RegistryRow> registryOfMeeting(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare(std::string(kRegistryColumns) + kRegistryFrom + "WHERE r.meeting_id = ?1");
  s.bind(1, meetingId);
  if (!s.step()) return std::nullopt;
  return readRegistry(s);
}

std::vector<AwaitingRegistrationRow> approvedAwaitingRegistration(Reading& c,
                                                                  const TenantScope& scope) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(
      "SELECT m.id, c.id, c.title, c.reference, p.name, m.starts_at, mi.updated_at "
      "FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id "
      "JOIN contracts c ON c.id = m.contract_id JOIN organizations p ON p.id = c.provider_id "
      "WHERE mi.state = 'approved' AND m.status <> 'cancelled' AND " +
      f.sql + " ORDER BY mi.updated_at, m.id LIMIT 1000");
  int index = 1;
  for (auto p : f.params) s.bind(index++, p);
  std::vector<AwaitingRegistrationRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
  return out;
}

void insertNotification(Writing& c, const NotificationRow& r) {
  c.prepare(
       "INSERT INTO notifications (user_id, meeting_id, kind, text, created_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(r.userId, r.meetingId, r.kind, r.text, r.createdAt)
      .run();
}

std::vector<NotificationRow> listNotifications(Reading& c, std::int64_t userId, PageSpan span) {
  auto s = c.prepare(
      "SELECT id, user_id, meeting_id, kind, text, created_at, read_at FROM notifications "
      "WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3");
  s.bindAll(userId, rowLimit(span.limit), span.offset);
  std::vector<NotificationRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.optionalInt64(2), s.text(3), s.text(4), s.text(5),
                   s.optionalText(6)});
  return out;
}

std::vector<NotificationRow> listUnreadNotifications(Reading& c, std::int64_t userId, int limit,
                                                     int offset) {
  auto s = c.prepare(
      "SELECT id, user_id, meeting_id, kind, text, created_at, read_at FROM notifications "
      "WHERE user_id = ?1 AND read_at IS NULL ORDER BY id DESC LIMIT ?2 OFFSET ?3");
  s.bindAll(userId, limit, offset);
  std::vector<NotificationRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.optionalInt64(2), s.text(3), s.text(4), s.text(5),
                   s.optionalText(6)});
  return out;
}

std::int64_t countNotifications(Reading& c, std::int64_t userId) {
  auto s = c.prepare("SELECT COUNT(*) FROM notifications WHERE user_id = ?1");
  s.bind(1, userId);
  return s.step() ? s.int64(0) : 0;
}

int countUnreadNotifications(Reading& c, std::int64_t userId) {
  auto s = c.prepare("SELECT COUNT(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL");
  s.bind(1, userId);
  return s.step() ? static_cast<int>(s.int64(0)) : 0;
}

bool markNotificationRead(Writing& c, std::int64_t userId, std::int64_t id, const std::string& at) {
  auto s = c.prepare("SELECT 1 FROM notifications WHERE id = ?1 AND user_id = ?2");
  s.bindAll(id, userId);
  if (!s.step()) return false;
  c.prepare(
       "UPDATE notifications SET read_at = ?3 WHERE id = ?1 AND user_id = ?2 AND read_at IS NULL")
      .bindAll(id, userId, at)
      .run();
  return true;
}

std::vector<std::int64_t> registrarsOf(Reading& c, std::int64_t authorityId) {
  auto s = c.prepare(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'registrar' "
      "WHERE u.organization_id = ?1 AND u.active = 1 ORDER BY u.id");
  s.bind(1, authorityId);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace sv::store
