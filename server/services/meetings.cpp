#include "server/services/meetings.hpp"

#include "agenda/icalendar.hpp"
#include "server/services/access.hpp"
#include "server/services/meeting_notices.hpp"
#include "server/store/accounts.hpp"
#include "workflows/free_text.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

constexpr std::size_t kMaxLocation = 500;

Meeting load(store::Reading& c, const store::MeetingRow& row, const store::ContractRow& contract) {
  return Meeting{row, contract, store::listParticipants(c, row.id)};
}

// Meetings are kept to the minute, as calendars and agendas show them.
Result<TimePoint> parseTime(const std::string& text, const std::string& field) {
  auto t = parseDateTime(text);
  if (!t) return fail(Errc::Invalid, Reason::NotADate, t.error().detail, field, "YYYY-MM-DDTHH:MM");
  return std::chrono::floor<std::chrono::minutes>(*t);
}

Status insidePeriod(const store::ContractRow& contract, TimePoint startsAt) {
  const auto start = parseDate(contract.startsOn);
  std::optional<Date> end;
  if (contract.endsOn) end = *parseDate(*contract.endsOn);
  return agenda::checkInsidePeriod(toStockholm(startsAt).date, *start, end, "starts_at");
}

}  // namespace

std::vector<agenda::Participant> participantsOf(const std::vector<store::ParticipantRow>& rows) {
  std::vector<agenda::Participant> out;
  for (const auto& r : rows) out.push_back({r.userId, r.name, r.party, r.role});
  return out;
}

Result<PlanResult> MeetingService::planYear(const store::Principal& actor, std::int64_t contractId,
                                            int year) {
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<PlanResult> {
    auto contract = contractFor(c, actor, contractId);
    if (!contract) return std::unexpected(contract.error());
    if (auto ok = requireManager(actor, *contract, "plan meetings"); !ok)
      return std::unexpected(ok.error());
    std::optional<Date> end;
    if (contract->endsOn) end = *parseDate(*contract->endsOn);
    auto planned = agenda::planYear(year, contract->meetingsPerYear, *parseDate(contract->startsOn),
                                    end, catalog_.planRule);
    if (!planned) return std::unexpected(planned.error());
    // No day of the year's plan falls inside the contract's period: saying "already planned"
    // would send the manager looking for meetings that were never there.
    if (planned->empty())
      return fail(Errc::Invalid, Reason::YearOutsideContract,
                  std::to_string(year) + " has no planned meeting day inside the contract period",
                  "year", std::to_string(year));
    for (const auto& row : store::listMeetings(c, contractId))
      if (row.planYear == year && row.planCount != contract->meetingsPerYear)
        return fail(Errc::Conflict, Reason::YearPlannedOtherwise,
                    std::to_string(year) + " is already planned with " +
                        (row.planCount ? std::to_string(*row.planCount)
                                       : std::string("another number of")) +
                        " meetings a year; add, move or cancel single meetings instead",
                    "year", std::to_string(year));
    const auto& tmpl = catalog_.templates.at(contract->agendaTemplate);
    PlanResult result;
    for (const auto& p : *planned) {
      store::MeetingRow row;
      row.contractId = contractId;
      row.startsAt = formatIsoUtc(p.startsAt);
      row.endsAt = formatIsoUtc(p.endsAt);
      row.planYear = year;
      row.planSlot = p.slot;
      row.planCount = contract->meetingsPerYear;
      row.templateId = tmpl.parsed.id;
      row.templateVersion = tmpl.parsed.version;
      row.templateText = tmpl.text;
      row.createdAt = row.updatedAt = formatIsoUtc(now);
      if (auto id = store::insertMeeting(c, row)) {
        row.id = *id;
        result.created.push_back(load(c, row, *contract));
      }
    }
    for (const auto& row : store::listMeetings(c, contractId))
      if (row.planYear == year &&
          std::none_of(result.created.begin(), result.created.end(),
                       [&](const Meeting& m) { return m.row.id == row.id; }))
        result.existing.push_back(load(c, row, *contract));
    if (!result.created.empty())
      store::appendAudit(c,
                         auditBy(&actor, "meeting.plan", "contract", std::to_string(contractId),
                                 auditDetail({{"year", std::to_string(year)},
                                              {"created", std::to_string(result.created.size())}})),
                         now);
    return result;
  });
}

Result<Meeting> MeetingService::create(const store::Principal& actor, std::int64_t contractId,
                                       const NewMeeting& input) {
  // Roles before fields: who may add meetings to the contract is answered first.
  auto allowed = store_.read([&](store::Reading& c) -> Status {
    auto contract = contractFor(c, actor, contractId);
    if (!contract) return std::unexpected(contract.error());
    return requireManager(actor, *contract, "add meetings");
  });
  if (!allowed) return std::unexpected(allowed.error());
  auto startsAt = parseTime(input.startsAt, "starts_at");
  if (!startsAt) return std::unexpected(startsAt.error());
  TimePoint endsAt = *startsAt + catalog_.planRule.duration;
  if (input.endsAt) {
    auto end = parseTime(*input.endsAt, "ends_at");
    if (!end) return std::unexpected(end.error());
    endsAt = *end;
  }
  if (endsAt <= *startsAt)
    return fail(Errc::Invalid, Reason::EndsBeforeStart, "a meeting ends after it starts",
                "ends_at");
  if (auto ok = text::checkFreeText(input.location, "location", "the place", kMaxLocation,
                                    text::Lines::One);
      !ok)
    return std::unexpected(ok.error());
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<Meeting> {
    auto contract = contractFor(c, actor, contractId);
    if (!contract) return std::unexpected(contract.error());
    if (auto ok = requireManager(actor, *contract, "add meetings"); !ok)
      return std::unexpected(ok.error());
    if (auto ok = insidePeriod(*contract, *startsAt); !ok) return std::unexpected(ok.error());
    const auto& tmpl = catalog_.templates.at(contract->agendaTemplate);
    store::MeetingRow row;
    row.contractId = contractId;
    row.startsAt = formatIsoUtc(*startsAt);
    row.endsAt = formatIsoUtc(endsAt);
    row.location = input.location;
    row.templateId = tmpl.parsed.id;
    row.templateVersion = tmpl.parsed.version;
    row.templateText = tmpl.text;
    row.createdAt = row.updatedAt = formatIsoUtc(now);
    row.id = *store::insertMeeting(c, row);
    store::appendAudit(c,
                       auditBy(&actor, "meeting.create", "meeting", std::to_string(row.id),
                               auditDetail({{"contract_id", std::to_string(contractId)},
                                            {"starts_at", row.startsAt},
                                            {"location", row.location}})),
                       now);
    return load(c, row, *contract);
  });
}

Result<std::vector<Meeting>> MeetingService::list(const store::Principal& viewer,
                                                  std::int64_t contractId) {
  return store_.read([&](store::Reading& c) -> Result<std::vector<Meeting>> {
    auto contract = contractFor(c, viewer, contractId);
    if (!contract) return std::unexpected(contract.error());
    std::vector<Meeting> out;
    for (const auto& row : store::listMeetings(c, contractId))
      out.push_back(load(c, row, *contract));
    return out;
  });
}

Result<store::Page<Meeting>> MeetingService::page(const store::Principal& viewer,
                                                  std::int64_t contractId, store::PageSpan span) {
  return store_.read([&](store::Reading& c) -> Result<store::Page<Meeting>> {
    auto contract = contractFor(c, viewer, contractId);
    if (!contract) return std::unexpected(contract.error());
    store::Page<Meeting> out;
    for (const auto& row : store::listMeetings(c, contractId, span))
      out.rows.push_back(load(c, row, *contract));
    out.total = store::countMeetings(c, contractId);
    return out;
  });
}

Result<Meeting> MeetingService::get(const store::Principal& viewer, std::int64_t meetingId) {
  return store_.read([&](store::Reading& c) -> Result<Meeting> {
    auto found = meetingFor(c, viewer, meetingId);
    if (!found) return std::unexpected(found.error());
    return load(c, found->meeting, found->contract);
  });
}

Result<Meeting> MeetingService::change(const store::Principal& actor, std::int64_t meetingId,
                                       const MeetingChange& change) {
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<Meeting> {
    auto found = meetingFor(c, actor, meetingId);
    if (!found) return std::unexpected(found.error());
    auto* row = &found->meeting;
    const auto& contract = found->contract;
    if (auto ok = requireManager(actor, contract, "change a meeting"); !ok)
      return std::unexpected(ok.error());
    if (auto ok = agenda::checkCanChange(row->status); !ok) return std::unexpected(ok.error());
    // The minutes' state decides before the fields are read: a change that could never be made
    // is answered as such, whatever the form said.
    using store::MeetingPart;
    for (const auto& [asked, part] :
         {std::pair{change.startsAt || change.endsAt || change.location, MeetingPart::TimeAndPlace},
          std::pair{change.participants.has_value(), MeetingPart::Participants},
          std::pair{change.status.has_value(), MeetingPart::Cancellation}})
      if (asked)
        if (auto ok = store::checkMeetingChange(c, meetingId, part); !ok)
          return std::unexpected(ok.error());

    // As the participants knew it: who gets an update, an invitation or a cancellation.
    const Meeting before{*row, contract, store::listParticipants(c, meetingId)};
    std::vector<store::AuditEntry> entries;
    const std::string id = std::to_string(meetingId);
    if (change.startsAt || change.endsAt || change.location) {
      const TimePoint oldStart = *parseDateTime(row->startsAt);
      const TimePoint oldEnd = *parseDateTime(row->endsAt);
      TimePoint start = oldStart;
      TimePoint end = oldEnd;
      if (change.startsAt) {
        auto t = parseTime(*change.startsAt, "starts_at");
        if (!t) return std::unexpected(t.error());
        start = *t;
        end = start + (oldEnd - oldStart);  // keeps the length unless a new end is given
      }
      if (change.endsAt) {
        auto t = parseTime(*change.endsAt, "ends_at");
        if (!t) return std::unexpected(t.error());
        end = *t;
      }
      if (end <= start)
        return fail(Errc::Invalid, Reason::EndsBeforeStart, "a meeting ends after it starts",
                    "ends_at");
      if (auto ok = insidePeriod(contract, start); !ok) return std::unexpected(ok.error());
      if (change.location)
        if (auto ok = text::checkFreeText(*change.location, "location", "the place", kMaxLocation,
                                          text::Lines::One);
            !ok)
          return std::unexpected(ok.error());
      const std::string location = change.location.value_or(row->location);
      if (start != oldStart || end != oldEnd || location != row->location) {
        row->startsAt = formatIsoUtc(start);
        row->endsAt = formatIsoUtc(end);
        row->location = location;
        ++row->sequence;
        entries.push_back(auditBy(&actor, "meeting.reschedule", "meeting", id,
                                  auditDetail({{"starts_at", row->startsAt},
                                               {"ends_at", row->endsAt},
                                               {"location", row->location},
                                               {"sequence", std::to_string(row->sequence)}})));
      }
    }
    if (change.participants) {
      std::vector<store::ParticipantRow> rows;
      std::vector<agenda::Participant> domain;
      for (std::size_t i = 0; i < change.participants->size(); ++i) {
        const auto& in = (*change.participants)[i];
        const std::string field = "participants[" + std::to_string(i) + "]";
        const auto role = agenda::parseParticipantRole(in.role);
        if (!role)
          return fail(Errc::Invalid, Reason::UnknownChoice, "unknown role '" + in.role + "'",
                      field + ".role");
        auto user = store::findUser(c, store::TenantScope::system(), in.userId);
        std::optional<agenda::Party> party;
        if (user && user->organizationId == contract.authorityId) party = agenda::Party::Authority;
        if (user && user->organizationId == contract.providerId) party = agenda::Party::Provider;
        // Someone outside both parties is answered like an id that does not exist: their name,
        // and that they exist at all, are another organisation's business.
        if (!user || !user->active || !party)
          return fail(Errc::Invalid, Reason::NotAPartyMember,
                      "no such user in either party of the contract", field + ".user_id");
        if (in.party && agenda::parseParty(*in.party) != party)
          return fail(Errc::Invalid, Reason::WrongParty,
                      user->name + " does not belong to the " + *in.party + " of the contract",
                      field + ".party");
        domain.push_back({user->id, user->name, *party, *role});
        rows.push_back({user->id, user->name, user->email, user->organizationId, *party, *role});
      }
      if (auto ok = agenda::checkParticipants(domain); !ok) return std::unexpected(ok.error());
      if (auto ok = store::replaceParticipants(c, meetingId, rows); !ok)
        return std::unexpected(ok.error());
      std::string names;
      for (const auto& r : rows)
        names += (names.empty() ? "" : ", ") + r.name + " (" +
                 std::string(agenda::toString(r.role)) + ")";
      entries.push_back(auditBy(&actor, "meeting.participants", "meeting", id,
                                auditDetail({{"participants", names}})));
    }
    if (change.status) {
      if (agenda::parseMeetingStatus(*change.status) != agenda::MeetingStatus::Cancelled)
        return fail(Errc::Invalid, Reason::UnknownChoice,
                    "a meeting's status can only be set to 'cancelled'", "status");
      const std::string reason = change.cancelReason.value_or("");
      if (auto ok = agenda::checkCancelReason(reason); !ok) return std::unexpected(ok.error());
      row->status = agenda::MeetingStatus::Cancelled;
      row->cancelReason = reason;
      ++row->sequence;
      entries.push_back(
          auditBy(&actor, "meeting.cancel", "meeting", id, auditDetail({{"reason", reason}})));
    } else if (change.cancelReason) {
      return fail(Errc::Invalid, "a reason goes with status 'cancelled'", "cancel_reason");
    }
    row->updatedAt = formatIsoUtc(now);
    if (auto ok = store::updateMeeting(c, *row); !ok) return std::unexpected(ok.error());
    for (const auto& e : entries) store::appendAudit(c, e, now);
    auto after = load(c, *row, contract);
    tellInvitations(c, catalog_.mail, now, actor, before, after);
    return after;
  });
}

Result<std::string> MeetingService::contractCalendar(const store::Principal& viewer,
                                                     std::int64_t contractId,
                                                     const std::string& publicUrl) {
  auto meetings = list(viewer, contractId);
  if (!meetings) return std::unexpected(meetings.error());
  const auto contract =
      store_.read([&](store::Reading& c) { return contractFor(c, viewer, contractId); });
  if (!contract) return std::unexpected(contract.error());
  std::vector<agenda::CalendarEvent> events;
  for (const auto& m : *meetings) events.push_back(meetingEvent(m, publicUrl));
  return agenda::renderCalendar({"Samverkansmöten – " + contract->title}, events, time_.now());
}

Result<std::string> MeetingService::meetingCalendar(const store::Principal& viewer,
                                                    std::int64_t meetingId,
                                                    const std::string& publicUrl) {
  auto meeting = get(viewer, meetingId);
  if (!meeting) return std::unexpected(meeting.error());
  return agenda::renderCalendar({"Samverkansmöte – " + meeting->contract.title},
                                {meetingEvent(*meeting, publicUrl)}, time_.now());
}

}  // namespace sv::services
