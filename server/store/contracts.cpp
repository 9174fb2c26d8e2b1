#include "server/store/contracts.hpp"

#include "server/store/approvals.hpp"

namespace sv::store {
namespace {

constexpr const char* kContractColumns =
    "SELECT c.id, c.title, c.authority_id, a.name, c.provider_id, p.name, c.service_area, "
    "c.reference, c.starts_on, c.ends_on, c.meetings_per_year, c.agenda_template, c.created_at, "
    "c.updated_at FROM contracts c JOIN organizations a ON a.id = c.authority_id "
    "JOIN organizations p ON p.id = c.provider_id ";

ContractRow readContract(const Statement& s) {
  ContractRow r;
  r.id = s.int64(0);
  r.title = s.text(1);
  r.authorityId = s.int64(2);
  r.authorityName = s.text(3);
  r.providerId = s.int64(4);
  r.providerName = s.text(5);
  r.serviceArea = s.text(6);
  r.reference = s.text(7);
  r.startsOn = s.text(8);
  r.endsOn = s.optionalText(9);
  r.meetingsPerYear = static_cast<int>(s.int64(10));
  r.agendaTemplate = s.text(11);
  r.createdAt = s.text(12);
  r.updatedAt = s.text(13);
  return r;
}

constexpr const char* kMeetingColumns =
    "SELECT m.id, m.contract_id, m.starts_at, m.ends_at, m.location, m.status, m.cancel_reason, "
    "m.sequence, m.plan_year, m.plan_slot, m.template_id, m.template_version, m.template_text, "
    "m.agenda_published_version, m.created_at, m.updated_at, m.plan_count FROM meetings m ";

MeetingRow readMeeting(const Statement& s) {
  MeetingRow r;
  r.id = s.int64(0);
  r.contractId = s.int64(1);
  r.startsAt = s.text(2);
  r.endsAt = s.text(3);
  r.location = s.text(4);
  r.status = agenda::parseMeetingStatus(s.text(5)).value_or(agenda::MeetingStatus::Planned);
  r.cancelReason = s.optionalText(6);
  r.sequence = static_cast<int>(s.int64(7));
  if (auto y = s.optionalInt64(8)) r.planYear = static_cast<int>(*y);
  if (auto slot = s.optionalInt64(9)) r.planSlot = static_cast<int>(*slot);
  r.templateId = s.text(10);
  r.templateVersion = s.text(11);
  r.templateText = s.text(12);
  r.agendaPublishedVersion = s.optionalText(13);
  r.createdAt = s.text(14);
  r.updatedAt = s.text(15);
  if (auto n = s.optionalInt64(16)) r.planCount = static_cast<int>(*n);
  return r;
}

void bindFilter(Statement& s, int first, const SqlFilter& f) {
  for (auto p : f.params) s.bind(first++, p);
}

}  // namespace

std::int64_t insertContract(Writing& c, const ContractRow& r) {
  c.prepare(
       "INSERT INTO contracts (title, authority_id, provider_id, service_area, reference, "
       "starts_on, ends_on, meetings_per_year, agenda_template, created_at, updated_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bindAll(r.title, r.authorityId, r.providerId, r.serviceArea, r.reference, r.startsOn,
               r.endsOn, r.meetingsPerYear, r.agendaTemplate, r.createdAt, r.updatedAt)
      .run();
  return c.lastInsertId();
}

void updateContract(Writing& c, const ContractRow& r) {
  c.prepare(
       "UPDATE contracts SET title = ?2, service_area = ?3, reference = ?4, starts_on = ?5, "
       "ends_on = ?6, meetings_per_year = ?7, agenda_template = ?8, updated_at = ?9 WHERE id = ?1")
      .bindAll(r.id, r.title, r.serviceArea, r.reference, r.startsOn, r.endsOn, r.meetingsPerYear,
               r.agendaTemplate, r.updatedAt)
      .run();
}

std::vector<ContractRow> listContracts(Reading& c, const TenantScope& scope, PageSpan span) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(std::string(kContractColumns) + "WHERE " + f.sql + " ORDER BY c.title, c.id" +
                     limitClause(span));
  bindFilter(s, 1, f);
  std::vector<ContractRow> out;
  while (s.step()) out.push_back(readContract(s));
  return out;
}

std::int64_t countContracts(Reading& c, const TenantScope& scope) {
  const auto f = scope.contracts("c");
  auto s = c.prepare("SELECT COUNT(*) FROM contracts c WHERE " + f.sql);
  bindFilter(s, 1, f);
  return s.step() ? s.int64(0) : 0;
}

std::optional<ContractRow> findContract(Reading& c, const TenantScope& scope, std::int64_t id) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(std::string(kContractColumns) + "WHERE c.id = ? AND " + f.sql);
  s.bind(1, id);
  bindFilter(s, 2, f);
  if (!s.step()) return std::nullopt;
  return readContract(s);
}

bool contractReferenceTaken(Reading& c, std::int64_t authorityId, const std::string& reference,
                            std::int64_t exceptId) {
  auto s =
      c.prepare("SELECT 1 FROM contracts WHERE authority_id = ?1 AND reference = ?2 AND id <> ?3");
  s.bindAll(authorityId, reference, exceptId);
  return s.step();
}

std::optional<std::int64_t> insertMeeting(Writing& c, const MeetingRow& r) {
  c.prepare(
       "INSERT INTO meetings (contract_id, starts_at, ends_at, location, status, cancel_reason, "
       "sequence, plan_year, plan_slot, template_id, template_version, template_text, created_at, "
       "updated_at, plan_count) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
       "ON CONFLICT DO NOTHING")
      .bindAll(r.contractId, r.startsAt, r.endsAt, r.location, agenda::toString(r.status),
               r.cancelReason, r.sequence, r.planYear, r.planSlot, r.templateId, r.templateVersion,
               r.templateText, r.createdAt, r.updatedAt, r.planCount)
      .run();
  if (c.changes() == 0) return std::nullopt;
  return c.lastInsertId();
}

Status checkMeetingChange(Reading& c, std::int64_t meetingId, MeetingPart part) {
  const auto state = minutesState(c, meetingId);
  if (!state) return {};
  if (*state == minutes::MinutesState::Registered)
    return fail(Errc::Conflict, Reason::MeetingOfRegisteredMinutes,
                "the minutes of this meeting are registered: the meeting never changes again");
  if (part == MeetingPart::Cancellation)
    return fail(Errc::Conflict, Reason::MeetingHasMinutes,
                "the meeting has minutes: it was held and is not cancelled");
  if (*state != minutes::MinutesState::Draft)
    return fail(Errc::Conflict, Reason::MeetingOfMinutesInReview,
                "the minutes are in review or approved: time, place and participants change only "
                "through a new version of the minutes");
  return {};
}

Status updateMeeting(Writing& c, const MeetingRow& r) {
  if (const auto stored = findMeeting(c, TenantScope::system(), r.id)) {
    const bool timeOrPlace = r.startsAt != stored->startsAt || r.endsAt != stored->endsAt ||
                             r.location != stored->location;
    const bool cancelling = r.status == agenda::MeetingStatus::Cancelled &&
                            stored->status != agenda::MeetingStatus::Cancelled;
    const bool anything = timeOrPlace || r.status != stored->status ||
                          r.cancelReason != stored->cancelReason ||
                          r.agendaPublishedVersion != stored->agendaPublishedVersion;
    if (anything && minutesState(c, r.id) == minutes::MinutesState::Registered)
      return checkMeetingChange(c, r.id, MeetingPart::TimeAndPlace);
    if (timeOrPlace)
      if (auto ok = checkMeetingChange(c, r.id, MeetingPart::TimeAndPlace); !ok) return ok;
    if (cancelling)
      if (auto ok = checkMeetingChange(c, r.id, MeetingPart::Cancellation); !ok) return ok;
  }
  c.prepare(
       "UPDATE meetings SET starts_at = ?2, ends_at = ?3, location = ?4, status = ?5, "
       "cancel_reason = ?6, sequence = ?7, agenda_published_version = ?8, updated_at = ?9 "
       "WHERE id = ?1")
      .bindAll(r.id, r.startsAt, r.endsAt, r.location, agenda::toString(r.status), r.cancelReason,
               r.sequence, r.agendaPublishedVersion, r.updatedAt)
      .run();
  return {};
}

std::vector<MeetingRow> listMeetings(Reading& c, std::int64_t contractId, PageSpan span) {
  auto s = c.prepare(std::string(kMeetingColumns) +
                     "WHERE m.contract_id = ?1 ORDER BY m.starts_at, m.id" + limitClause(span));
  s.bind(1, contractId);
  std::vector<MeetingRow> out;
  while (s.step()) out.push_back(readMeeting(s));
  return out;
}

std::int64_t countMeetings(Reading& c, std::int64_t contractId) {
  auto s = c.prepare("SELECT COUNT(*) FROM meetings WHERE contract_id = ?1");
  s.bind(1, contractId);
  return s.step() ? s.int64(0) : 0;
}

std::optional<MeetingRow> findMeeting(Reading& c, const TenantScope& scope, std::int64_t id) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(std::string(kMeetingColumns) +
                     "JOIN contracts c ON c.id = m.contract_id WHERE m.id = ? AND " + f.sql);
  s.bind(1, id);
  bindFilter(s, 2, f);
  if (!s.step()) return std::nullopt;
  return readMeeting(s);
}

void setAgendaPublished(Writing& c, std::int64_t meetingId, const std::string& version,
                        const std::string& at) {
  c.prepare("UPDATE meetings SET agenda_published_version = ?2, updated_at = ?3 WHERE id = ?1")
      .bindAll(meetingId, version, at)
      .run();
}

std::optional<MeetingInContract> findMeetingInContract(Reading& c, const TenantScope& scope,
                                                       std::int64_t meetingId) {
  auto meeting = findMeeting(c, scope, meetingId);
  if (!meeting) return std::nullopt;
  auto contract = findContract(c, scope, meeting->contractId);
  if (!contract) return std::nullopt;
  return MeetingInContract{std::move(*meeting), std::move(*contract)};
}

std::optional<MeetingRow> previousMeeting(Reading& c, std::int64_t contractId,
                                          const std::string& startsAt, std::int64_t exceptId) {
  auto s = c.prepare(std::string(kMeetingColumns) +
                     "WHERE m.contract_id = ?1 AND m.starts_at < ?2 AND m.id <> ?3 "
                     "AND m.status <> 'cancelled' ORDER BY m.starts_at DESC, m.id DESC LIMIT 1");
  s.bindAll(contractId, startsAt, exceptId);
  if (!s.step()) return std::nullopt;
  return readMeeting(s);
}

Status replaceParticipants(Writing& c, std::int64_t meetingId,
                           const std::vector<ParticipantRow>& participants) {
  if (auto ok = checkMeetingChange(c, meetingId, MeetingPart::Participants); !ok) return ok;
  c.prepare("DELETE FROM meeting_participants WHERE meeting_id = ?1").bind(1, meetingId).run();
  for (const auto& p : participants)
    c.prepare(
         "INSERT INTO meeting_participants (meeting_id, user_id, role, party) "
         "VALUES (?1, ?2, ?3, ?4)")
        .bindAll(meetingId, p.userId, agenda::toString(p.role), agenda::toString(p.party))
        .run();
  return {};
}

std::vector<ParticipantRow> listParticipants(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare(
      "SELECT mp.user_id, u.name, u.email, u.organization_id, mp.party, mp.role "
      "FROM meeting_participants mp JOIN users u ON u.id = mp.user_id WHERE mp.meeting_id = ?1 "
      "ORDER BY CASE mp.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 WHEN 'adjuster' THEN 2 "
      "ELSE 3 END, mp.party, u.name");
  s.bind(1, meetingId);
  std::vector<ParticipantRow> out;
  while (s.step())
    out.push_back(
        {s.int64(0), s.text(1), s.text(2), s.int64(3),
         agenda::parseParty(s.text(4)).value_or(Party::Authority),
         agenda::parseParticipantRole(s.text(5)).value_or(agenda::ParticipantRole::Participant)});
  return out;
}

}  // namespace sv::store
