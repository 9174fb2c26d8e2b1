// Rules for one meeting that do not depend on storage: who may sit in which role, when a meeting
// may be moved or cancelled, and that it lies inside the contract's period.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/agenda.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::agenda {

enum class ParticipantRole { Chair, Secretary, Adjuster, Participant };

std::string_view toString(ParticipantRole role);  // "chair", "secretary", "adjuster", "participant"
std::optional<ParticipantRole> parseParticipantRole(std::string_view text);

struct Participant {
  std::int64_t userId = 0;
  std::string name;
  Party party = Party::Authority;  // the party the person belongs to
  ParticipantRole role = ParticipantRole::Participant;
};

// At most one chair and one secretary, at most one adjuster for each party, a person at most
// once in each role. `field` names the offending entry ("participants[2]").
// Errors: Invalid/OneChair, OneSecretary, OneAdjusterPerParty, NamedTwice, OutOfRange (over 100).
Status checkParticipants(const std::vector<Participant>& participants);

// Before the minutes go for approval: exactly one adjuster for each party.
// Errors: Conflict/AuthorityAdjusterMissing, Conflict/ProviderAdjusterMissing.
Status checkAdjustersSet(const std::vector<Participant>& participants);

enum class MeetingStatus { Planned, Cancelled };

std::string_view toString(MeetingStatus status);  // "planned", "cancelled"
std::optional<MeetingStatus> parseMeetingStatus(std::string_view text);

// A meeting's date must lie inside the contract's period (both ends included).
// Errors: Invalid/BeforeContractStart, Invalid/AfterContractEnd (value: that day, YYYY-MM-DD).
Status checkInsidePeriod(Date date, Date periodStart, std::optional<Date> periodEnd,
                         const std::string& field);

// A cancelled meeting stays cancelled: it is neither moved nor cancelled again.
// Errors: Conflict/MeetingCancelled.
Status checkCanChange(MeetingStatus status);
// Errors: Invalid/CancellationNeedsReason, Invalid/TooLong (value "2000"), field "cancel_reason".
Status checkCancelReason(std::string_view reason);

}  // namespace sv::agenda
