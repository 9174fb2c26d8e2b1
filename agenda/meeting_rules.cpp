#include "agenda/meeting_rules.hpp"

#include <array>
#include <set>
#include <utility>

#include "workflows/name_table.hpp"
#include "workflows/text.hpp"

namespace sv::agenda {
namespace {

constexpr NameTable<ParticipantRole, 4> kRoles{{
    {ParticipantRole::Chair, "chair"},
    {ParticipantRole::Secretary, "secretary"},
    {ParticipantRole::Adjuster, "adjuster"},
    {ParticipantRole::Participant, "participant"},
}};

std::string at(std::size_t i) {
  return "participants[" + std::to_string(i) + "]";
}

}  // namespace

std::string_view toString(ParticipantRole role) {
  return nameIn(kRoles, role);
}

std::optional<ParticipantRole> parseParticipantRole(std::string_view text) {
  return valueIn(kRoles, text);
}

std::string_view toString(MeetingStatus status) {
  return status == MeetingStatus::Cancelled ? "cancelled" : "planned";
}

std::optional<MeetingStatus> parseMeetingStatus(std::string_view text) {
  if (text == "planned") return MeetingStatus::Planned;
  if (text == "cancelled") return MeetingStatus::Cancelled;
  return std::nullopt;
}

Status checkParticipants(const std::vector<Participant>& participants) {
  if (participants.size() > 100)
    return fail(Errc::Invalid, Reason::OutOfRange, "at most 100 participants", "participants",
                "100");
  int chairs = 0;
  int secretaries = 0;
  std::set<Party> adjusterParties;
  std::set<std::pair<std::int64_t, ParticipantRole>> seen;
  for (std::size_t i = 0; i < participants.size(); ++i) {
    const auto& p = participants[i];
    if (!seen.insert({p.userId, p.role}).second)
      return fail(Errc::Invalid, Reason::NamedTwice,
                  p.name + " is named twice as " + std::string(toString(p.role)), at(i));
    if (p.role == ParticipantRole::Chair && ++chairs > 1)
      return fail(Errc::Invalid, Reason::OneChair, "a meeting has one chair", at(i));
    if (p.role == ParticipantRole::Secretary && ++secretaries > 1)
      return fail(Errc::Invalid, Reason::OneSecretary, "a meeting has one secretary", at(i));
    if (p.role == ParticipantRole::Adjuster && !adjusterParties.insert(p.party).second)
      return fail(
          Errc::Invalid, Reason::OneAdjusterPerParty,
          "each party has exactly one adjuster; the " + std::string(toString(p.party)) + " has two",
          at(i));
  }
  return {};
}

Status checkAdjustersSet(const std::vector<Participant>& participants) {
  for (Party party : {Party::Authority, Party::Provider}) {
    int count = 0;
    for (const auto& p : participants)
      if (p.role == ParticipantRole::Adjuster && p.party == party) ++count;
    if (count != 1)
      return fail(Errc::Conflict,
                  party == Party::Authority ? Reason::AuthorityAdjusterMissing
                                            : Reason::ProviderAdjusterMissing,
                  "the " + std::string(toString(party)) + " has no adjuster for this meeting",
                  "participants");
  }
  return {};
}

Status checkInsidePeriod(Date date, Date periodStart, std::optional<Date> periodEnd,
                         const std::string& field) {
  if (std::chrono::sys_days{date} < std::chrono::sys_days{periodStart})
    return fail(Errc::Invalid, Reason::BeforeContractStart,
                "the contract starts on " + formatDate(periodStart), field,
                formatDate(periodStart));
  if (periodEnd && std::chrono::sys_days{date} > std::chrono::sys_days{*periodEnd})
    return fail(Errc::Invalid, Reason::AfterContractEnd,
                "the contract ends on " + formatDate(*periodEnd), field, formatDate(*periodEnd));
  return {};
}

Status checkCanChange(MeetingStatus status) {
  if (status == MeetingStatus::Cancelled)
    return fail(Errc::Conflict, Reason::MeetingCancelled, "the meeting is cancelled");
  return {};
}

Status checkCancelReason(std::string_view reason) {
  if (text::isBlank(reason))
    return fail(Errc::Invalid, Reason::CancellationNeedsReason, "a cancellation needs a reason",
                "cancel_reason");
  if (reason.size() > 2000)
    return fail(Errc::Invalid, Reason::TooLong, "at most 2000 characters", "cancel_reason", "2000");
  return {};
}

}  // namespace sv::agenda
