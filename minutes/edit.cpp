#include "minutes/edit.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "minutes/ids.hpp"
#include "minutes/text_rules.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

using detail::checkText;
using detail::Lines;
using detail::Presence;

using detail::at;

std::string sectionName(const Section& s) {
  return "§ " + std::to_string(s.number) + " '" + s.title + "' (" + s.key + ")";
}

bool validParty(Party p) {
  return p == Party::Authority || p == Party::Provider;
}
bool validRole(Role r) {
  return r == Role::Chair || r == Role::Secretary || r == Role::Adjuster || r == Role::Participant;
}
bool validOutcome(Outcome o) {
  return o == Outcome::None || o == Outcome::Accepted || o == Outcome::Insufficient;
}

// The sections are the agenda's: same keys, titles and numbers, in the same order.
Status checkStructure(const std::vector<Section>& current, const std::vector<Section>& proposed) {
  const auto hasKey = [](const std::vector<Section>& list, const std::string& key) {
    return std::any_of(list.begin(), list.end(), [&](const Section& s) { return s.key == key; });
  };
  const std::size_t n = std::max(current.size(), proposed.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string path = at("sections", i);
    if (i < current.size() && !hasKey(proposed, current[i].key))
      return fail(
          Errc::Invalid,
          sectionName(current[i]) + " cannot be removed: the sections follow the meeting's agenda",
          path);
    if (i >= current.size() || !hasKey(current, proposed[i].key))
      return fail(Errc::Invalid,
                  "section '" + proposed[i].title + "' (" + proposed[i].key +
                      ") is not on the meeting's agenda; add a matter under its item for other "
                      "questions",
                  i >= current.size() ? path : path + ".key");
    if (proposed[i].key != current[i].key)
      return fail(Errc::Invalid,
                  "the sections cannot be reordered: position " + std::to_string(i + 1) + " is " +
                      sectionName(current[i]),
                  path + ".key");
    if (proposed[i].title != current[i].title)
      return fail(Errc::Invalid,
                  "the title of " + sectionName(current[i]) + " comes from the agenda",
                  path + ".title");
    if (proposed[i].number != current[i].number)
      return fail(
          Errc::Invalid,
          "the number of " + sectionName(current[i]) + " is " + std::to_string(current[i].number),
          path + ".number");
  }
  return {};
}

// The roles besides the main one: each a real role, said once, none the main one again, and
// none "participant" (everyone takes part; it is what a person without a role has).
Status checkAdditionalRoles(const Attendee& a, const std::string& field) {
  if (a.role == Role::Participant && !a.additionalRoles.empty())
    return fail(Errc::Invalid, "the main role of '" + a.name + "' goes in role", at(field, 0));
  for (std::size_t k = 0; k < a.additionalRoles.size(); ++k) {
    const Role r = a.additionalRoles[k];
    if (!validRole(r) || r == Role::Participant)
      return fail(Errc::Invalid, "an additional role is chair, secretary or adjuster",
                  at(field, k));
    const auto before = a.additionalRoles.begin() + static_cast<std::ptrdiff_t>(k);
    if (r == a.role || std::find(a.additionalRoles.begin(), before, r) != before)
      return fail(Errc::Invalid,
                  "'" + a.name + "' has the role " + std::string(roleKey(r)) + " twice",
                  at(field, k));
  }
  return {};
}

Status checkAttendance(const std::vector<Attendee>& current,
                       const std::vector<Attendee>& proposed) {
  const auto same = [](const Attendee& a, const Attendee& b) {
    return a.name == b.name && a.party == b.party;
  };
  for (const Attendee& a : current)
    if (std::none_of(proposed.begin(), proposed.end(),
                     [&](const Attendee& p) { return same(a, p); }))
      return fail(
          Errc::Invalid,
          "'" + a.name + "' cannot be removed from the attendance; mark them absent instead",
          "attendance");
  if (proposed.size() > kMaxListItems)
    return fail(Errc::Invalid, "at most " + std::to_string(kMaxListItems) + " attendees",
                "attendance");
  bool adjuster[2] = {false, false};
  for (std::size_t i = 0; i < proposed.size(); ++i) {
    const Attendee& a = proposed[i];
    const std::string path = at("attendance", i);
    if (auto s = checkText(a.name, path + ".name", "the name", kMaxNameBytes, Lines::One,
                           Presence::Required);
        !s)
      return s;
    if (auto s = checkText(a.organization, path + ".organization", "the organization",
                           kMaxNameBytes, Lines::One);
        !s)
      return s;
    if (!validParty(a.party)) return fail(Errc::Invalid, "unknown party", path + ".party");
    if (!validRole(a.role)) return fail(Errc::Invalid, "unknown role", path + ".role");
    if (auto s = checkAdditionalRoles(a, path + ".additional_roles"); !s) return s;
    for (std::size_t j = 0; j < i; ++j)
      if (same(proposed[j], a))
        return fail(Errc::Invalid, Reason::AttendeeListedTwice, "'" + a.name + "' is listed twice",
                    path);
    // Over every role of the person: a chair who also adjusts is the party's adjuster.
    if (const auto roles = rolesOf(a); std::ranges::find(roles, Role::Adjuster) != roles.end()) {
      bool& taken = adjuster[a.party == Party::Authority ? 0 : 1];
      if (taken)
        return fail(Errc::Invalid, Reason::OneAdjusterPerParty,
                    "each party has one adjuster; '" + a.name + "' would be a second one",
                    path + (a.role == Role::Adjuster ? ".role" : ".additional_roles"));
      taken = true;
    }
  }
  return {};
}

Status checkListSize(std::size_t size, const std::string& field, std::string_view what) {
  if (size <= kMaxListItems) return {};
  return fail(Errc::Invalid,
              "at most " + std::to_string(kMaxListItems) + " " + std::string(what) + " per section",
              field);
}

Status checkId(const std::string& id, char prefix, const std::string& field) {
  if (id.empty() || detail::idNumber(id, prefix) > 0) return {};
  return fail(Errc::Invalid,
              "an id is empty (for a new item) or '" + std::string(1, prefix) +
                  "' and a number, like '" + detail::makeId(prefix, 12) + "'",
              field);
}

Status checkSection(const Section& s, const std::string& path) {
  if (auto r = checkText(s.notes, path + ".notes", "the notes", kMaxNotesBytes, Lines::Many); !r)
    return r;

  if (auto r = checkListSize(s.observations.size(), path + ".observations", "observations"); !r)
    return r;
  for (std::size_t j = 0; j < s.observations.size(); ++j) {
    const Observation& o = s.observations[j];
    const std::string item = at(path + ".observations", j);
    if (auto r = checkId(o.id, detail::kObservationPrefix, item + ".id"); !r) return r;
    if (auto r = checkText(o.text, item + ".text", "the observation", kMaxTextBytes, Lines::Many,
                           Presence::Required);
        !r)
      return r;
  }

  if (auto r = checkListSize(s.actions.size(), path + ".actions", "actions"); !r) return r;
  for (std::size_t j = 0; j < s.actions.size(); ++j) {
    const Action& a = s.actions[j];
    const std::string item = at(path + ".actions", j);
    if (auto r = checkId(a.id, detail::kActionPrefix, item + ".id"); !r) return r;
    if (auto r = checkText(a.text, item + ".text", "the action", kMaxTextBytes, Lines::Many,
                           Presence::Required);
        !r)
      return r;
    if (!validParty(a.responsibleParty))
      return fail(Errc::Invalid, Reason::ResponsiblePartyUnknown,
                  "the responsible party is the authority or the provider",
                  item + ".responsible_party");
    if (auto r = checkText(a.responsiblePerson, item + ".responsible_person",
                           "the responsible person", kMaxNameBytes, Lines::One);
        !r)
      return r;
    if (!a.dueDate.ok())
      return fail(Errc::Invalid, Reason::ActionNeedsDueDate, "an action needs a due date",
                  item + ".due_date");
  }

  if (auto r = checkListSize(s.decisions.size(), path + ".decisions", "decisions"); !r) return r;
  for (std::size_t j = 0; j < s.decisions.size(); ++j) {
    const Decision& d = s.decisions[j];
    const std::string item = at(path + ".decisions", j);
    if (auto r = checkId(d.id, detail::kDecisionPrefix, item + ".id"); !r) return r;
    if (auto r = checkText(d.text, item + ".text", "the decision", kMaxTextBytes, Lines::Many,
                           Presence::Required);
        !r)
      return r;
  }
  return {};
}

// The carried actions are the current ones; only the parties' verdict on them is edited.
Status mergeEvaluations(const Section& current, Section& proposed, const std::string& path) {
  const auto ids = [](const Section& s) {
    std::vector<std::int64_t> out;
    for (const Evaluation& e : s.evaluations) out.push_back(e.actionId);
    return out;
  };
  if (ids(current) != ids(proposed))
    return fail(Errc::Invalid, Reason::FollowUpChanged,
                "the actions followed up in " + sectionName(current) +
                    " come from earlier meetings: they cannot be added, removed or reordered",
                path + ".evaluations");
  for (std::size_t j = 0; j < proposed.evaluations.size(); ++j) {
    Evaluation& e = proposed.evaluations[j];
    const Evaluation& was = current.evaluations[j];
    const std::string item = at(path + ".evaluations", j);
    if (!validOutcome(e.outcome)) return fail(Errc::Invalid, "unknown outcome", item + ".outcome");
    if (auto r = checkText(e.comment, item + ".comment", "the comment", kMaxTextBytes, Lines::Many);
        !r)
      return r;
    if (e.newDueDate && !e.newDueDate->ok())
      return fail(Errc::Invalid, Reason::NotADate, "the new due date is not a date",
                  item + ".new_due_date", "YYYY-MM-DD");
    if (e.newDueDate && e.outcome == Outcome::Accepted)
      return fail(Errc::Invalid, Reason::AcceptedHasNoDueDate,
                  "an accepted action has no new due date", item + ".new_due_date");
    // An insufficient action goes on with a new due date; without one it would fall between
    // meetings.
    if (!e.newDueDate && e.outcome == Outcome::Insufficient)
      return fail(Errc::Invalid, Reason::InsufficientNeedsDueDate,
                  "an insufficient action needs a new due date", item + ".new_due_date");
    e.actionText = was.actionText;
    e.responsibleParty = was.responsibleParty;
    e.responsiblePerson = was.responsiblePerson;
    e.dueDate = was.dueDate;
    e.origin = was.origin;
  }
  return {};
}

template <class Item>
Status checkUniqueIds(const std::vector<Item>& items, const std::string& path,
                      std::set<std::string>& seen) {
  for (std::size_t j = 0; j < items.size(); ++j)
    if (!items[j].id.empty() && !seen.insert(items[j].id).second)
      return fail(Errc::Invalid, Reason::DuplicateKey, "the id '" + items[j].id + "' is used twice",
                  at(path, j) + ".id");
  return {};
}

// Ids are unique per kind in the document; the empty ones are given the next numbers.
Status assignIds(const Minutes& current, Minutes& proposed) {
  std::set<std::string> observations, actions, decisions;
  for (std::size_t i = 0; i < proposed.sections.size(); ++i) {
    const Section& s = proposed.sections[i];
    const std::string path = at("sections", i);
    if (auto r = checkUniqueIds(s.observations, path + ".observations", observations); !r) return r;
    if (auto r = checkUniqueIds(s.actions, path + ".actions", actions); !r) return r;
    if (auto r = checkUniqueIds(s.decisions, path + ".decisions", decisions); !r) return r;
  }
  for (const char prefix :
       {detail::kObservationPrefix, detail::kActionPrefix, detail::kDecisionPrefix}) {
    long next = std::max(detail::highestId(current, prefix), detail::highestId(proposed, prefix));
    for (Section& s : proposed.sections)
      detail::forEachId(s, prefix, [&](std::string& id) {
        if (id.empty()) id = detail::makeId(prefix, ++next);
      });
  }
  return {};
}

}  // namespace

Status checkDocumentNotes(const Minutes& minutes) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < minutes.sections.size(); ++i) {
    total += minutes.sections[i].notes.size();
    if (total > kMaxDocumentNotesBytes)
      return fail(Errc::Invalid, Reason::NotesTooLong,
                  "the notes of all sections together are at most " +
                      std::to_string(kMaxDocumentNotesBytes) + " bytes",
                  at("sections", i) + ".notes", std::to_string(kMaxDocumentNotesBytes));
  }
  return {};
}

Result<Minutes> applyEdit(const Minutes& current, Minutes proposed) {
  if (current.registryNumber)
    return fail(Errc::Conflict, Reason::DocumentRegistered,
                "the minutes are registered as " + *current.registryNumber + " and cannot change");
  if (auto s = checkStructure(current.sections, proposed.sections); !s)
    return std::unexpected(s.error());
  if (auto s = checkAttendance(current.attendance, proposed.attendance); !s)
    return std::unexpected(s.error());
  for (std::size_t i = 0; i < proposed.sections.size(); ++i) {
    const std::string path = at("sections", i);
    if (auto s = checkSection(proposed.sections[i], path); !s) return std::unexpected(s.error());
    if (auto s = mergeEvaluations(current.sections[i], proposed.sections[i], path); !s)
      return std::unexpected(s.error());
  }
  if (auto s = checkDocumentNotes(proposed); !s) return std::unexpected(s.error());
  if (auto s = assignIds(current, proposed); !s) return std::unexpected(s.error());

  proposed.header = current.header;
  proposed.signatures = current.signatures;
  proposed.disagreements = current.disagreements;
  proposed.registryNumber = current.registryNumber;
  return proposed;
}

}  // namespace sv::minutes
