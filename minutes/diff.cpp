#include "minutes/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <type_traits>

#include "minutes/labels.hpp"

namespace sv::minutes {
namespace {

// A noun and its participles, for "1 iakttagelse tillagd", "2 beslut ändrade".
struct Noun {
  std::string_view singular, plural;
  bool neuter;
};

constexpr Noun kObservation{"iakttagelse", "iakttagelser", false};
constexpr Noun kAction{"åtgärd", "åtgärder", false};
constexpr Noun kDecision{"beslut", "beslut", true};
constexpr Noun kEvaluation{"uppföljning", "uppföljningar", false};
constexpr Noun kAttendee{"deltagare", "deltagare", false};

std::string counted(int n, const Noun& noun, std::string_view common, std::string_view neuter,
                    std::string_view plural) {
  const bool one = n == 1;
  return std::to_string(n) + " " + std::string(one ? noun.singular : noun.plural) + " " +
         std::string(!one          ? plural
                     : noun.neuter ? neuter
                                   : common);
}

void describe(std::vector<std::string>& parts, const ItemChanges& c, const Noun& noun) {
  if (c.added) parts.push_back(counted(c.added, noun, "tillagd", "tillagt", "tillagda"));
  if (c.removed) parts.push_back(counted(c.removed, noun, "borttagen", "borttaget", "borttagna"));
  if (c.changed) parts.push_back(counted(c.changed, noun, "ändrad", "ändrat", "ändrade"));
  if (c.reordered) parts.push_back(std::string(noun.plural) + " i ny ordning");
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// Compares two lists whose items have an identity given by `identify`; an item without one
// (the identity's default value) or with one already seen counts as added or removed.
template <class Item, class Identify>
ItemChanges compareItems(const std::vector<Item>& from, const std::vector<Item>& to,
                         Identify identify) {
  using Id = std::invoke_result_t<Identify, const Item&>;
  ItemChanges c;
  std::map<Id, const Item*> before;
  for (const Item& item : from)
    if (Id id = identify(item); id != Id{}) before.emplace(std::move(id), &item);
  std::set<Id> matched;
  std::vector<Id> orderTo;
  for (const Item& item : to) {
    Id id = identify(item);
    const auto it = before.find(id);
    if (id == Id{} || it == before.end() || !matched.insert(id).second) {
      ++c.added;
      continue;
    }
    if (!(*it->second == item)) ++c.changed;
    orderTo.push_back(std::move(id));
  }
  std::set<Id> counted;
  std::vector<Id> orderFrom;
  for (const Item& item : from) {
    Id id = identify(item);
    if (id != Id{} && matched.count(id) != 0 && counted.insert(id).second)
      orderFrom.push_back(std::move(id));
    else
      ++c.removed;
  }
  c.reordered = orderFrom != orderTo;
  return c;
}

const auto byId = [](const auto& item) { return item.id; };

SectionChange compareSection(const Section& from, const Section& to) {
  SectionChange c;
  c.unit = ChangeUnit::Section;
  c.number = to.number;
  c.key = to.key;
  c.title = to.title;
  c.notesChanged = from.notes != to.notes;
  c.observations = compareItems(from.observations, to.observations, byId);
  c.actions = compareItems(from.actions, to.actions, byId);
  c.decisions = compareItems(from.decisions, to.decisions, byId);
  c.evaluations = compareItems(from.evaluations, to.evaluations,
                               [](const Evaluation& e) { return e.actionId; });
  // A change no counter sees (the title, the number) still counts as a change of the section.
  std::vector<std::string> parts;
  if (c.notesChanged) parts.push_back("anteckningar ändrade");
  describe(parts, c.observations, kObservation);
  describe(parts, c.actions, kAction);
  describe(parts, c.decisions, kDecision);
  describe(parts, c.evaluations, kEvaluation);
  if (from.title != to.title) parts.push_back("rubrik ändrad");
  if (parts.empty()) parts.push_back("ändrad");
  c.text = detail::sectionHeading(to) + ": " + join(parts, ", ");
  return c;
}

SectionChange wholeSection(const Section& s, bool added) {
  SectionChange c;
  c.unit = ChangeUnit::Section;
  c.number = s.number;
  c.key = s.key;
  c.title = s.title;
  c.sectionAdded = added;
  c.sectionRemoved = !added;
  c.text = detail::sectionHeading(s) + ": " + (added ? "tillagd" : "borttagen");
  return c;
}

SectionChange otherUnit(ChangeUnit unit, std::string_view title, std::string text) {
  SectionChange c;
  c.unit = unit;
  c.title = std::string(title);
  c.text = std::move(text);
  return c;
}

}  // namespace

std::vector<SectionChange> summarizeChanges(const Minutes& from, const Minutes& to) {
  std::vector<SectionChange> changes;
  if (from.header != to.header)
    changes.push_back(otherUnit(ChangeUnit::Header, "Mötesuppgifter", "Mötesuppgifter ändrade"));
  if (from.attendance != to.attendance) {
    SectionChange c = otherUnit(ChangeUnit::Attendance, "Närvaro", "");
    c.attendees = compareItems(from.attendance, to.attendance, [](const Attendee& a) {
      return std::string(partyKey(a.party)) + "\n" + a.name;
    });
    std::vector<std::string> parts;
    describe(parts, c.attendees, kAttendee);
    c.text = "Närvaro: " + (parts.empty() ? std::string("ändrad") : join(parts, ", "));
    changes.push_back(std::move(c));
  }
  const auto find = [](const Minutes& m, const std::string& key) -> const Section* {
    for (const Section& s : m.sections)
      if (s.key == key) return &s;
    return nullptr;
  };
  for (const Section& s : to.sections) {
    const Section* was = find(from, s.key);
    if (was == nullptr)
      changes.push_back(wholeSection(s, true));
    else if (!(*was == s))
      changes.push_back(compareSection(*was, s));
  }
  for (const Section& s : from.sections)
    if (find(to, s.key) == nullptr) changes.push_back(wholeSection(s, false));
  if (from.signatures != to.signatures)
    changes.push_back(otherUnit(ChangeUnit::Signatures, "Justering", "Justering ändrad"));
  if (from.registryNumber != to.registryNumber)
    changes.push_back(otherUnit(ChangeUnit::Registration, "Diarienummer",
                                to.registryNumber ? "Diarienummer " + *to.registryNumber
                                                  : std::string("Diarienummer borttaget")));
  if (from.disagreements != to.disagreements)
    changes.push_back(
        otherUnit(ChangeUnit::Disagreements, "Reservationer", "Reservationer ändrade"));
  return changes;
}

std::string describeChanges(const Minutes& from, const Minutes& to) {
  std::vector<std::string> parts;
  for (const SectionChange& c : summarizeChanges(from, to)) {
    switch (c.unit) {
      case ChangeUnit::Header:
        parts.push_back("mötesuppgifter ändrade");
        break;
      case ChangeUnit::Attendance:
        parts.push_back("närvaro ändrad");
        break;
      case ChangeUnit::Section:
        parts.push_back("§ " + std::to_string(c.number) +
                        (c.sectionAdded     ? " tillagd"
                         : c.sectionRemoved ? " borttagen"
                                            : " ändrad"));
        break;
      case ChangeUnit::Signatures:
        parts.push_back("justering ändrad");
        break;
      case ChangeUnit::Registration:
        parts.push_back("diarienummer ändrat");
        break;
      case ChangeUnit::Disagreements:
        parts.push_back("reservationer ändrade");
        break;
    }
  }
  return "Protokoll: " + (parts.empty() ? std::string("inga ändringar") : join(parts, ", "));
}

}  // namespace sv::minutes
