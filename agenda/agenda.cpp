#include "agenda/agenda.hpp"

#include <algorithm>
#include <set>

#include "workflows/text.hpp"

namespace sv::agenda {
namespace {

constexpr std::size_t kMaxDescriptionCharacters = 4000;

AgendaItem* findOtherQuestions(Agenda& agenda) {
  const auto it = std::ranges::find(agenda.items, ItemKind::OtherQuestions, &AgendaItem::kind);
  return it == agenda.items.end() ? nullptr : &*it;
}

void renumber(AgendaItem& parent) {
  int n = 0;
  for (auto& added : parent.addedItems) added.number = ++n;
}

Status checkNotPublished(const Agenda& agenda) {
  if (agenda.published)
    return fail(Errc::Conflict, Reason::AgendaPublished,
                "the agenda is published and can no longer be changed");
  return {};
}

// Where an added item sits: its parent and index, or why the key cannot be changed.
struct Located {
  AgendaItem* parent;
  std::size_t index;
};

Result<Located> locateAdded(Agenda& agenda, std::string_view key, std::string_view verb) {
  for (auto& item : agenda.items) {
    if (item.key == key)
      return fail(Errc::Invalid, Reason::FixedItem,
                  "item " + text::quoted(item.title) +
                      " is fixed by the adopted agenda and cannot be " + std::string(verb),
                  "key", item.key);
    for (std::size_t i = 0; i < item.addedItems.size(); ++i)
      if (item.addedItems[i].key == key) return Located{&item, i};
  }
  return fail(Errc::NotFound, "the agenda has no item " + text::quoted(key), "key");
}

Status checkNewItem(const NewItem& item) {
  const std::string_view title = text::trim(item.title);
  if (!text::isValidUtf8(item.title))
    return fail(Errc::Invalid, Reason::InvalidUtf8, "the title is not UTF-8", "title");
  if (title.empty())
    return fail(Errc::Invalid, Reason::Missing, "an added item needs a title", "title");
  if (text::hasControlCharacters(title, false))
    return fail(Errc::Invalid, Reason::NotOneLine, "a title is one line of text", "title");
  if (text::countCharacters(title) > kMaxTitleCharacters)
    return fail(Errc::Invalid, Reason::TooLong, "a title is at most 200 characters", "title",
                std::to_string(kMaxTitleCharacters));
  if (!text::isValidUtf8(item.description))
    return fail(Errc::Invalid, Reason::InvalidUtf8, "the description is not UTF-8", "description");
  if (text::hasControlCharacters(item.description, true))
    return fail(Errc::Invalid, Reason::ControlCharacter, "the description holds control characters",
                "description");
  if (text::countCharacters(item.description) > kMaxDescriptionCharacters)
    return fail(Errc::Invalid, Reason::TooLong, "a description is at most 4000 characters",
                "description", std::to_string(kMaxDescriptionCharacters));
  const std::string_view by = text::trim(item.proposedBy);
  if (by.empty() || !text::isValidUtf8(by) || text::hasControlCharacters(by, false))
    return fail(Errc::Invalid, Reason::Missing, "an added item names who proposes it",
                "proposed_by");
  return {};
}

std::string normalizeNewlines(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return std::string(text::trim(out));
}

}  // namespace

std::string_view toString(Party party) {
  return party == Party::Authority ? "authority" : "provider";
}

std::optional<Party> parseParty(std::string_view text) {
  if (text == "authority") return Party::Authority;
  if (text == "provider") return Party::Provider;
  return std::nullopt;
}

Agenda generateAgenda(const AgendaTemplate& tmpl, MeetingInfo meeting,
                      std::optional<PreviousMeetingRef> previous,
                      std::vector<OpenActionRef> openActions) {
  // The stored form keeps whole seconds; trimming here keeps a reread agenda equal to this one.
  meeting.startsAt = std::chrono::floor<std::chrono::seconds>(meeting.startsAt);
  // No open cases yet: the server fills them in, as it fills the open actions.
  Agenda agenda{tmpl.id,
                tmpl.name,
                tmpl.version,
                std::move(meeting),
                {},
                std::move(previous),
                std::move(openActions),
                {},
                false,
                0};
  int number = 0;
  for (const auto& item : tmpl.items)
    agenda.items.push_back({item.key, ++number, item.title, item.kind, item.description, true, {}});
  return agenda;
}

Result<Agenda> addItem(Agenda agenda, NewItem item) {
  if (auto ok = checkNotPublished(agenda); !ok) return std::unexpected(ok.error());
  if (auto ok = checkNewItem(item); !ok) return std::unexpected(ok.error());
  AgendaItem* parent = findOtherQuestions(agenda);
  if (!parent) return fail(Errc::Internal, "the agenda has no other_questions item");
  if (parent->addedItems.size() >= std::size_t{kMaxAddedItems})
    return fail(Errc::Conflict, Reason::TooManyAddedItems,
                "an agenda can hold at most 50 added items", "items",
                std::to_string(kMaxAddedItems));

  ++agenda.lastAddedNumber;
  parent->addedItems.push_back({"extra-" + std::to_string(agenda.lastAddedNumber), 0,
                                std::string(text::trim(item.title)),
                                normalizeNewlines(item.description),
                                std::string(text::trim(item.proposedBy)), item.proposedByParty});
  renumber(*parent);
  return agenda;
}

Result<Agenda> removeItem(Agenda agenda, std::string_view key) {
  if (auto ok = checkNotPublished(agenda); !ok) return std::unexpected(ok.error());
  auto at = locateAdded(agenda, key, "removed");
  if (!at) return std::unexpected(at.error());
  auto& list = at->parent->addedItems;
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(at->index));
  renumber(*at->parent);
  return agenda;
}

Result<Agenda> moveItem(Agenda agenda, std::string_view key, int newPosition) {
  if (auto ok = checkNotPublished(agenda); !ok) return std::unexpected(ok.error());
  auto at = locateAdded(agenda, key, "moved");
  if (!at) return std::unexpected(at.error());
  auto& list = at->parent->addedItems;
  if (newPosition < 1 || std::size_t(newPosition) > list.size())
    return fail(Errc::Invalid, Reason::OutOfRange,
                "an added item can be moved to a position from 1 to " + std::to_string(list.size()),
                "position");
  AddedItem moving = std::move(list[at->index]);
  list.erase(list.begin() + static_cast<std::ptrdiff_t>(at->index));
  list.insert(list.begin() + (newPosition - 1), std::move(moving));
  renumber(*at->parent);
  return agenda;
}

Result<Agenda> publish(Agenda agenda) {
  if (agenda.published)
    return fail(Errc::Conflict, Reason::AgendaAlreadyPublished, "the agenda is already published");
  agenda.published = true;
  return agenda;
}

Status checkKeepsFixedItems(const AgendaTemplate& tmpl,
                            const std::vector<std::string>& proposedKeys) {
  const auto templateIndex = [&](std::string_view key) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < tmpl.items.size(); ++i)
      if (tmpl.items[i].key == key) return i;
    return std::nullopt;
  };
  const auto outOfPlace = [&](std::size_t i) {
    const auto& item = tmpl.items[i];
    const bool present = std::ranges::find(proposedKeys, item.key) != proposedKeys.end();
    return fail(Errc::Invalid, Reason::FixedItem,
                "item " + text::quoted(item.title) + " is fixed by the adopted agenda and " +
                    (present ? "cannot be moved" : "cannot be removed"),
                "items", item.key);
  };

  std::size_t expected = 0;  // the template item that must come next
  std::set<std::string_view> seen;
  for (const auto& key : proposedKeys) {
    if (!seen.insert(key).second)
      return fail(Errc::Invalid, Reason::DuplicateKey,
                  "item " + text::quoted(key) + " is listed twice", "items");
    if (const auto index = templateIndex(key)) {
      if (*index != expected) return outOfPlace(expected);
      ++expected;
      continue;
    }
    const bool underOtherQuestions =
        expected > 0 && tmpl.items[expected - 1].kind == ItemKind::OtherQuestions;
    if (!underOtherQuestions) {
      const auto other =
          std::ranges::find(tmpl.items, ItemKind::OtherQuestions, &TemplateItem::kind);
      const std::string otherTitle = other == tmpl.items.end() ? "other questions" : other->title;
      return fail(
          Errc::Invalid, Reason::FixedItem,
          "item " + text::quoted(key) + " can only be added under " + text::quoted(otherTitle),
          "items");
    }
  }
  if (expected < tmpl.items.size()) return outOfPlace(expected);
  return {};
}

std::map<std::string, int> sectionNumbers(const Agenda& agenda) {
  std::map<std::string, int> numbers;
  int number = 0;
  for (const auto& item : agenda.items) {
    numbers[item.key] = ++number;
    for (const auto& added : item.addedItems) numbers[added.key] = ++number;
  }
  return numbers;
}

}  // namespace sv::agenda
