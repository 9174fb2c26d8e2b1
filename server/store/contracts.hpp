// Contracts, meetings and participants in SQLite. Reads that a caller names by id go through the
// TenantScope, so another provider's contract or meeting is simply not found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agenda/meeting_rules.hpp"
#include "server/store/paging.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"

namespace sv::store {

struct ContractRow {
  std::int64_t id = 0;
  std::string title;
  std::int64_t authorityId = 0;
  std::string authorityName;
  std::int64_t providerId = 0;
  std::string providerName;
  std::string serviceArea;
  std::string reference;
  std::string startsOn;               // YYYY-MM-DD
  std::optional<std::string> endsOn;  // YYYY-MM-DD
  int meetingsPerYear = 4;
  std::string agendaTemplate;
  std::string createdAt;
  std::string updatedAt;
};

std::int64_t insertContract(Writing& c, const ContractRow& row);
void updateContract(Writing& c, const ContractRow& row);
// By title, then id; `span` of them (all unless said).
std::vector<ContractRow> listContracts(Reading& c, const TenantScope& scope, PageSpan span = {});
std::int64_t countContracts(Reading& c, const TenantScope& scope);
std::optional<ContractRow> findContract(Reading& c, const TenantScope& scope, std::int64_t id);
bool contractReferenceTaken(Reading& c, std::int64_t authorityId, const std::string& reference,
                            std::int64_t exceptId);

struct MeetingRow {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  std::string startsAt;  // UTC ISO 8601
  std::string endsAt;
  std::string location;
  agenda::MeetingStatus status = agenda::MeetingStatus::Planned;
  std::optional<std::string> cancelReason;
  int sequence = 0;
  std::optional<int> planYear;
  std::optional<int> planSlot;
  std::optional<int> planCount;
  std::string templateId;
  std::string templateVersion;
  std::string templateText;
  std::optional<std::string> agendaPublishedVersion;
  std::string createdAt;
  std::string updatedAt;
};

// Returns the new id, or nullopt when the contract already has a meeting in that plan slot.
std::optional<std::int64_t> insertMeeting(Writing& c, const MeetingRow& row);

// A meeting cannot be changed under its minutes (issue 19); migration 010 holds the same rules
// as triggers for any other write. What a change touches decides which rule applies.
enum class MeetingPart { TimeAndPlace, Participants, Cancellation };
// Whether `part` of the meeting may change now, from the state of its minutes. Errors:
// Conflict/MeetingOfRegisteredMinutes (registered minutes: nothing changes),
// Conflict/MeetingOfMinutesInReview (time, place or participants of minutes in review or
// approved), Conflict/MeetingHasMinutes (a cancellation of a meeting whose minutes are started).
Status checkMeetingChange(Reading& c, std::int64_t meetingId, MeetingPart part);
// Writes the row over the stored one after checkMeetingChange for each part that differs (and,
// for registered minutes, any change but updated_at). Errors: those of checkMeetingChange.
Status updateMeeting(Writing& c, const MeetingRow& row);
// In time order, then by id; `span` of them (all unless said).
std::vector<MeetingRow> listMeetings(Reading& c, std::int64_t contractId, PageSpan span = {});
std::int64_t countMeetings(Reading& c, std::int64_t contractId);
std::optional<MeetingRow> findMeeting(Reading& c, const TenantScope& scope, std::int64_t id);
// Records the version of the agenda that was published (fixed) for the meeting.
void setAgendaPublished(Writing& c, std::int64_t meetingId, const std::string& version,
                        const std::string& at);

// A meeting with its contract, both read under the same scope.
struct MeetingInContract {
  MeetingRow meeting;
  ContractRow contract;
};
std::optional<MeetingInContract> findMeetingInContract(Reading& c, const TenantScope& scope,
                                                       std::int64_t meetingId);
// The last meeting of the contract before `startsAt` that was not cancelled.
std::optional<MeetingRow> previousMeeting(Reading& c, std::int64_t contractId,
                                          const std::string& startsAt, std::int64_t exceptId);

struct ParticipantRow {
  std::int64_t userId = 0;
  std::string name;
  std::string email;
  std::int64_t organizationId = 0;
  Party party = Party::Authority;
  agenda::ParticipantRole role = agenda::ParticipantRole::Participant;
};

// Errors: those of checkMeetingChange for MeetingPart::Participants.
Status replaceParticipants(Writing& c, std::int64_t meetingId,
                           const std::vector<ParticipantRow>& participants);
std::vector<ParticipantRow> listParticipants(Reading& c, std::int64_t meetingId);

}  // namespace sv::store
