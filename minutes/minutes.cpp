#include "minutes/minutes.hpp"

#include <algorithm>
#include <utility>

namespace sv::minutes {

Minutes createMinutes(MinutesHeader header, std::vector<Attendee> attendance,
                      std::vector<SectionSeed> sections) {
  Minutes minutes;
  minutes.header = std::move(header);
  minutes.attendance = std::move(attendance);
  minutes.sections.reserve(sections.size());
  int number = 0;
  for (auto& seed : sections) {
    Section section;
    section.number = ++number;
    section.key = std::move(seed.key);
    section.title = std::move(seed.title);
    for (auto& carried : seed.carried) {
      section.evaluations.push_back(Evaluation{
          .actionId = carried.actionId,
          .actionText = std::move(carried.text),
          .responsibleParty = carried.responsibleParty,
          .responsiblePerson = std::move(carried.responsiblePerson),
          .dueDate = carried.dueDate,
          .origin = std::move(carried.origin),
          .outcome = Outcome::None,
          .comment = {},
          .newDueDate = std::nullopt,
      });
    }
    minutes.sections.push_back(std::move(section));
  }
  return minutes;
}

std::vector<Role> rolesOf(const Attendee& a) {
  std::vector<Role> out;
  // A document read from JSON has not been through applyEdit: whatever it lists twice, or as
  // Participant, is still said once.
  const auto add = [&out](Role r) {
    if (r != Role::Participant && std::find(out.begin(), out.end(), r) == out.end())
      out.push_back(r);
  };
  add(a.role);
  for (Role r : a.additionalRoles) add(r);
  return out;
}

std::string_view partyKey(Party p) {
  switch (p) {
    case Party::Authority:
      return "authority";
    case Party::Provider:
      return "provider";
  }
  return "unknown";
}

std::string_view roleKey(Role r) {
  switch (r) {
    case Role::Chair:
      return "chair";
    case Role::Secretary:
      return "secretary";
    case Role::Adjuster:
      return "adjuster";
    case Role::Participant:
      return "participant";
  }
  return "unknown";
}

std::string_view outcomeKey(Outcome o) {
  switch (o) {
    case Outcome::None:
      return "none";
    case Outcome::Accepted:
      return "accepted";
    case Outcome::Insufficient:
      return "insufficient";
  }
  return "unknown";
}

std::optional<Party> parseParty(std::string_view key) {
  for (Party p : {Party::Authority, Party::Provider})
    if (partyKey(p) == key) return p;
  return std::nullopt;
}

std::optional<Role> parseRole(std::string_view key) {
  for (Role r : {Role::Chair, Role::Secretary, Role::Adjuster, Role::Participant})
    if (roleKey(r) == key) return r;
  return std::nullopt;
}

std::optional<Outcome> parseOutcome(std::string_view key) {
  for (Outcome o : {Outcome::None, Outcome::Accepted, Outcome::Insufficient})
    if (outcomeKey(o) == key) return o;
  return std::nullopt;
}

}  // namespace sv::minutes
