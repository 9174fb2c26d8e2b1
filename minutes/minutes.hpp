// The minutes (protokoll) of one samverkansmöte as plain data: the header of the meeting, who
// attended, one section (§) per agenda item with its notes, the administration's observations, the
// provider's planned actions, decisions and the follow-up of actions carried over from earlier
// meetings. Approvals (signatures), reservations and the registry number live in the same value so
// that one version of the document renders completely, but an editor can never set them
// (see edit.hpp). Everything here is a value: copy it, compare it with ==, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/clock.hpp"
#include "workflows/party.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

using Party = sv::Party;  // one Party for the whole domain
enum class Role { Chair, Secretary, Adjuster, Participant };
// The parties' verdict on an action carried over from an earlier meeting.
enum class Outcome { None, Accepted, Insufficient };

// The meeting's facts; they come from the meeting and contract, never from the editor.
struct MinutesHeader {
  std::int64_t meetingId = 0;
  std::string contractTitle;
  std::string contractReference;
  std::string authorityName;
  std::string providerName;
  TimePoint startsAt{};
  std::string location;
  bool operator==(const MinutesHeader&) const = default;
};

// One person at the meeting: a participant of the meeting, or a guest added in the minutes (a
// MAS, a unit manager) who has no account. `role` is the main one; a person who is, say, both
// chair and adjuster has the further ones in `additionalRoles`, so that the minutes say both and
// the one-adjuster-per-party rule sees every role. Last in the struct so that the brace
// initializers of the fields before it keep their meaning.
struct Attendee {
  std::string name;
  std::string organization;
  Party party = Party::Authority;
  Role role = Role::Participant;
  bool present = true;
  std::vector<Role> additionalRoles;  // never Participant, never `role`, each once
  bool operator==(const Attendee&) const = default;
};

// Every role of `a` that is more than taking part, the main one first: {} for a participant.
std::vector<Role> rolesOf(const Attendee& a);

// Ids of observations, actions and decisions are short strings ("o1", "a3", "d2") unique in the
// document for their kind. applyEdit assigns them to new items so that merges and diffs can tell
// items apart; they never change afterwards.
struct Observation {
  std::string id;
  std::string text;
  bool operator==(const Observation&) const = default;
};

struct Action {
  std::string id;
  std::string text;
  Party responsibleParty = Party::Provider;
  std::string responsiblePerson;
  Date dueDate{};  // Date{} (not ok()) means "not given"; applyEdit refuses it
  bool operator==(const Action&) const = default;
};

struct Decision {
  std::string id;
  std::string text;
  bool operator==(const Decision&) const = default;
};

// The follow-up of one action decided at an earlier meeting. actionId .. origin are copied from the
// carried action when the minutes are created; the editor sets outcome, comment and newDueDate.
struct Evaluation {
  std::int64_t actionId = 0;
  std::string actionText;
  Party responsibleParty = Party::Provider;
  std::string responsiblePerson;
  Date dueDate{};
  std::string origin;  // where the action was decided, e.g. "Protokoll 2025-12-10, § 6"
  Outcome outcome = Outcome::None;
  std::string comment;
  std::optional<Date> newDueDate;
  bool operator==(const Evaluation&) const = default;
};

struct Section {
  int number = 0;     // 1..n, the § number, equal to the position + 1
  std::string key;    // the agenda item's stable key
  std::string title;  // the agenda item's title
  std::string notes;  // Markdown
  std::vector<Observation> observations;
  std::vector<Action> actions;
  std::vector<Decision> decisions;
  std::vector<Evaluation> evaluations;
  bool operator==(const Section&) const = default;
};

// One adjuster's approval of one exact version (git commit id) of the minutes.
struct Signature {
  Party party = Party::Authority;
  std::string name;
  std::string version;
  TimePoint at{};
  bool superseded = false;  // the minutes changed after this approval
  // How it was made, as printed ("Metod: …", minutes/approval_method.hpp); empty: the password
  // login's words, the one method there is.
  std::string method;
  bool operator==(const Signature&) const = default;
};

// A reservation or dissenting opinion (reservation / avvikande mening).
struct Disagreement {
  Party party = Party::Authority;
  std::string name;
  std::string text;
  bool operator==(const Disagreement&) const = default;
};

struct Minutes {
  MinutesHeader header;
  std::vector<Attendee> attendance;
  std::vector<Section> sections;
  std::vector<Signature> signatures;
  std::vector<Disagreement> disagreements;
  std::optional<std::string> registryNumber;
  bool operator==(const Minutes&) const = default;
};

// An open action from an earlier meeting, to be evaluated at this one.
struct CarriedAction {
  std::int64_t actionId = 0;
  std::string text;
  Party responsibleParty = Party::Provider;
  std::string responsiblePerson;
  Date dueDate{};
  std::string origin;
  bool operator==(const CarriedAction&) const = default;
};

// One agenda item, in agenda order.
struct SectionSeed {
  std::string key;
  std::string title;
  std::vector<CarriedAction> carried;
};

// New, empty minutes: one section per seed, numbered from 1, with one evaluation row (outcome
// None) per carried action. The inputs are taken as they are (they come from the store, not from
// an editor).
Minutes createMinutes(MinutesHeader header, std::vector<Attendee> attendance,
                      std::vector<SectionSeed> sections);

// The words used in JSON: "authority"/"provider", "chair"/"secretary"/"adjuster"/"participant",
// "none"/"accepted"/"insufficient". The parse functions return nullopt for anything else.
std::string_view partyKey(Party p);
std::string_view roleKey(Role r);
std::string_view outcomeKey(Outcome o);
std::optional<Party> parseParty(std::string_view key);
std::optional<Role> parseRole(std::string_view key);
std::optional<Outcome> parseOutcome(std::string_view key);

}  // namespace sv::minutes
