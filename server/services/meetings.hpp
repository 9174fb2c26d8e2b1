// The meetings of a contract: the year's plan, single meetings, rescheduling, cancelling (a
// cancelled meeting stays in the record), participants and their roles, and calendars.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agenda/meeting_rules.hpp"
#include "server/services/catalog.hpp"
#include "server/store/contracts.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct Meeting {
  store::MeetingRow row;
  store::ContractRow contract;
  std::vector<store::ParticipantRow> participants;
};

struct NewMeeting {
  std::string startsAt;               // ISO 8601; without a zone read as Swedish time
  std::optional<std::string> endsAt;  // default: the plan rule's duration
  std::string location;
};

struct ParticipantInput {
  std::int64_t userId = 0;
  std::string role;
  std::optional<std::string> party;  // checked against the person's organisation when given
};

struct MeetingChange {
  std::optional<std::string> startsAt;
  std::optional<std::string> endsAt;
  std::optional<std::string> location;
  std::optional<std::string> status;  // "cancelled"
  std::optional<std::string> cancelReason;
  std::optional<std::vector<ParticipantInput>> participants;
};

struct PlanResult {
  std::vector<Meeting> created;
  std::vector<Meeting> existing;  // the year's meetings that were already there
};

std::vector<agenda::Participant> participantsOf(const std::vector<store::ParticipantRow>& rows);

class MeetingService {
 public:
  MeetingService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // Errors: NotFound, Forbidden/NotContractManager, those of agenda::planYear (Invalid/OutOfRange
  // for the year, value the year), Conflict/YearPlannedOtherwise (value the year),
  // Invalid/YearOutsideContract (no meeting day of the year inside the contract's period; field
  // year, value the year).
  Result<PlanResult> planYear(const store::Principal& actor, std::int64_t contractId, int year);
  // Errors: NotFound, Forbidden/NotContractManager (both before any field), Invalid/NotADate
  // (field starts_at or ends_at, value "YYYY-MM-DDTHH:MM"), Invalid/EndsBeforeStart,
  // Invalid/TooLong (location, value "500"), Invalid/BeforeContractStart or AfterContractEnd
  // (value the day).
  Result<Meeting> create(const store::Principal& actor, std::int64_t contractId,
                         const NewMeeting& input);
  // Errors: NotFound.
  Result<std::vector<Meeting>> list(const store::Principal& viewer, std::int64_t contractId);
  // `span` of the same list and how many meetings the contract has. Errors: NotFound.
  Result<store::Page<Meeting>> page(const store::Principal& viewer, std::int64_t contractId,
                                    store::PageSpan span);
  // Errors: NotFound.
  Result<Meeting> get(const store::Principal& viewer, std::int64_t meetingId);
  // Errors: NotFound, Forbidden/NotContractManager, Conflict/MeetingCancelled; from the state of
  // the minutes (store::checkMeetingChange, before any field is read)
  // Conflict/MeetingOfRegisteredMinutes, Conflict/MeetingOfMinutesInReview (time, place,
  // participants), Conflict/MeetingHasMinutes (a cancellation); for a new time or
  // place those of create; for participants Invalid/UnknownChoice (role), NotAPartyMember,
  // WrongParty and those of agenda::checkParticipants (OneChair, OneSecretary,
  // OneAdjusterPerParty, NamedTwice); for a cancellation Invalid/UnknownChoice (another status),
  // CancellationNeedsReason, TooLong (value "2000").
  Result<Meeting> change(const store::Principal& actor, std::int64_t meetingId,
                         const MeetingChange& change);
  // Only the place of a meeting (meeting_place.cpp), for a meeting planned without one; the
  // time stays. Goes through change(), so every rule about changing a meeting holds here too and
  // the audit entry is change()'s (meeting.reschedule, with the new location). Errors: NotFound,
  // Forbidden/NotContractManager, Conflict/MeetingCancelled, Invalid/TooLong (location, value
  // "500"), and whatever else change() refuses for a new place.
  Result<Meeting> setPlace(const store::Principal& actor, std::int64_t meetingId,
                           const std::string& location);

  // Errors: NotFound.
  Result<std::string> contractCalendar(const store::Principal& viewer, std::int64_t contractId,
                                       const std::string& publicUrl);
  Result<std::string> meetingCalendar(const store::Principal& viewer, std::int64_t meetingId,
                                      const std::string& publicUrl);

 private:
  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
};

}  // namespace sv::services
