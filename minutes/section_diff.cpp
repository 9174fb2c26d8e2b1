#include "minutes/section_diff.hpp"

#include <map>
#include <set>
#include <type_traits>

#include "minutes/labels.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {
namespace {

std::string responsibleText(Party party, const std::string& person) {
  std::string out(detail::partyLabel(party));
  if (!person.empty()) out += ", " + person;
  return out;
}

std::string describe(const Observation& o) {
  return o.text;
}
std::string describe(const Decision& d) {
  return d.text;
}
std::string describe(const Action& a) {
  return a.text + " (ansvarig: " + responsibleText(a.responsibleParty, a.responsiblePerson) +
         "; klart senast " + detail::dateLabel(a.dueDate) + ")";
}
std::string describe(const Evaluation& e) {
  std::string out = e.actionText + " – " + std::string(detail::outcomeLabel(e.outcome));
  if (!e.comment.empty()) out += ": " + e.comment;
  if (e.newDueDate) out += " (nytt datum " + detail::dateLabel(*e.newDueDate) + ")";
  return out;
}
std::string describe(const Attendee& a) {
  std::string out = a.name;
  if (!a.organization.empty()) out += ", " + a.organization;
  out += " (" + std::string(detail::partyLabel(a.party));
  if (const auto roles = detail::rolesLabel(a); !roles.empty()) out += ", " + roles;
  out += ", " + std::string(a.present ? "närvarande" : "frånvarande") + ")";
  return out;
}

ItemRow whole(ItemKind kind, RowChange change, std::string text) {
  const WordChange words = change == RowChange::Added ? WordChange::Added : WordChange::Removed;
  ItemRow row{kind, change, text, {}};
  if (!text.empty()) row.words.push_back({words, std::move(text)});
  return row;
}

// The rows of one list: in the new order, added and changed ones; then the removed ones in the old
// order. Items match by `identify`; one without an identity, or a repeated one, stands alone.
template <class Item, class Identify>
void compareRows(std::vector<ItemRow>& rows, ItemKind kind, const std::vector<Item>& from,
                 const std::vector<Item>& to, Identify identify) {
  using Id = std::invoke_result_t<Identify, const Item&>;
  std::map<Id, const Item*> before;
  for (const Item& item : from)
    if (Id id = identify(item); id != Id{}) before.emplace(std::move(id), &item);
  std::set<Id> matched;
  for (const Item& item : to) {
    const Id id = identify(item);
    const auto it = before.find(id);
    if (id == Id{} || it == before.end() || !matched.insert(id).second) {
      rows.push_back(whole(kind, RowChange::Added, describe(item)));
    } else if (!(*it->second == item)) {
      const std::string was = describe(*it->second);
      std::string now = describe(item);
      rows.push_back({kind, RowChange::Changed, now, diffWords(was, now)});
    }
  }
  std::set<Id> seen;
  for (const Item& item : from) {
    const Id id = identify(item);
    if (id == Id{} || !matched.contains(id) || !seen.insert(id).second)
      rows.push_back(whole(kind, RowChange::Removed, describe(item)));
  }
}

const auto idOf = [](const auto& item) { return item.id; };

SectionDiff compareSectionDiff(const Section& from, const Section& to) {
  SectionDiff d;
  d.number = to.number;
  d.title = to.title;
  if (from.title != to.title) d.oldTitle = from.title;
  d.notesChanged = from.notes != to.notes;
  if (d.notesChanged) d.notes = diffWords(from.notes, to.notes);
  compareRows(d.rows, ItemKind::Observation, from.observations, to.observations, idOf);
  compareRows(d.rows, ItemKind::Action, from.actions, to.actions, idOf);
  compareRows(d.rows, ItemKind::Decision, from.decisions, to.decisions, idOf);
  compareRows(d.rows, ItemKind::Evaluation, from.evaluations, to.evaluations,
              [](const Evaluation& e) { return e.actionId; });
  return d;
}

// A section only in one version: its notes and every item as added or removed.
SectionDiff wholeSectionDiff(const Section& s, bool added) {
  const Section empty{};
  SectionDiff d = added ? compareSectionDiff(empty, s) : compareSectionDiff(s, empty);
  d.number = s.number;
  d.title = s.title;
  d.oldTitle.clear();
  d.sectionAdded = added;
  d.sectionRemoved = !added;
  return d;
}

void compareHeader(std::vector<std::string>& out, const MinutesHeader& from,
                   const MinutesHeader& to) {
  const auto changed = [&](std::string_view what, const std::string& was, const std::string& now) {
    if (was == now) return;
    const auto shown = [](const std::string& v) { return v.empty() ? std::string("(inget)") : v; };
    out.push_back(std::string(what) + " ändrades från " + shown(was) + " till " + shown(now) + ".");
  };
  if (from.startsAt != to.startsAt)
    changed("Tiden", formatSwedishDateTime(from.startsAt), formatSwedishDateTime(to.startsAt));
  changed("Platsen", from.location, to.location);
  changed("Avtalets namn", from.contractTitle, to.contractTitle);
  changed("Avtalets diarienummer", from.contractReference, to.contractReference);
  changed("Förvaltningens namn", from.authorityName, to.authorityName);
  changed("Utförarens namn", from.providerName, to.providerName);
}

}  // namespace

ReadableDiff compareForReading(const Minutes& from, const Minutes& to) {
  ReadableDiff out;
  compareHeader(out.header, from.header, to.header);
  compareRows(out.attendance, ItemKind::Attendee, from.attendance, to.attendance,
              [](const Attendee& a) { return std::string(partyKey(a.party)) + "\n" + a.name; });
  const auto find = [](const Minutes& m, const std::string& key) -> const Section* {
    for (const Section& s : m.sections)
      if (s.key == key) return &s;
    return nullptr;
  };
  for (const Section& s : to.sections) {
    const Section* was = find(from, s.key);
    if (was == nullptr)
      out.sections.push_back(wholeSectionDiff(s, true));
    else if (!(*was == s))
      out.sections.push_back(compareSectionDiff(*was, s));
  }
  for (const Section& s : from.sections)
    if (find(to, s.key) == nullptr) out.sections.push_back(wholeSectionDiff(s, false));
  for (const SectionChange& c : summarizeChanges(from, to))
    if (c.unit == ChangeUnit::Signatures || c.unit == ChangeUnit::Registration ||
        c.unit == ChangeUnit::Disagreements)
      out.other.push_back(c.text);
  return out;
}

}  // namespace sv::minutes
