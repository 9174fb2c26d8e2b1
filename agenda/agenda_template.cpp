#include "agenda/agenda_template.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "agenda/text_util.hpp"
#include "workflows/name_table.hpp"
#include "workflows/template_lines.hpp"
#include "workflows/text.hpp"

namespace sv::agenda {
namespace {

constexpr NameTable<ItemKind, 4> kKindNames{{
    {ItemKind::Fixed, "fixed"},
    {ItemKind::PreviousMinutes, "previous_minutes"},
    {ItemKind::ActionFollowup, "action_followup"},
    {ItemKind::OtherQuestions, "other_questions"},
}};

bool isTemplateId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::ranges::all_of(id, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

struct ParsedItem {
  TemplateItem item;
  int line;
};

// What the line-by-line pass collects; the rules about the whole template are checked after it.
struct Draft {
  std::optional<std::string> name;
  std::optional<std::string> version;
  std::vector<ParsedItem> items;
};

Result<ParsedItem> parseItemLine(int line, std::string_view rest) {
  const auto bar1 = rest.find('|');
  const auto bar2 = bar1 == std::string_view::npos ? bar1 : rest.find('|', bar1 + 1);
  if (bar2 == std::string_view::npos)
    return fail(Errc::Malformed, atLine(line) + "an item is written 'item: key | kind | title'");
  const std::string_view key = text::trim(rest.substr(0, bar1));
  const std::string_view kindText = text::trim(rest.substr(bar1 + 1, bar2 - bar1 - 1));
  const std::string_view title = text::trim(rest.substr(bar2 + 1));
  if (!isKey(key))
    return fail(Errc::Invalid,
                atLine(line) + "item key " + text::quoted(key) + " may only hold a-z, 0-9 and _",
                std::string(key));
  const auto kind = parseItemKind(kindText);
  if (!kind)
    return fail(Errc::Invalid,
                atLine(line) + "item " + text::quoted(key) + " has an unknown kind " +
                    text::quoted(kindText) +
                    " (fixed, previous_minutes, action_followup or other_questions)",
                std::string(key));
  if (title.empty())
    return fail(Errc::Invalid, Reason::Missing,
                atLine(line) + "item " + text::quoted(key) + " has no title", std::string(key));
  if (text::countCharacters(title) > kMaxTitleCharacters)
    return fail(
        Errc::Invalid, Reason::TooLong,
        atLine(line) + "the title of item " + text::quoted(key) + " is longer than 200 characters",
        std::string(key), std::to_string(kMaxTitleCharacters));
  return ParsedItem{{std::string(key), *kind, std::string(title), {}}, line};
}

Result<Draft> readLines(std::string_view source) {
  Draft draft;
  auto settings = readTemplateLines(
      source, {"item", "items", "description line"},
      [&](int line, std::string_view rest) -> Status {
        auto item = parseItemLine(line, rest);
        if (!item) return std::unexpected(item.error());
        draft.items.push_back(std::move(*item));
        return {};
      },
      [&](int, std::string_view content) -> Status {
        std::string& description = draft.items.back().item.description;
        if (!description.empty()) description += '\n';
        description += content;
        return {};
      });
  if (!settings) return std::unexpected(settings.error());
  draft.name = std::move(settings->name);
  draft.version = std::move(settings->version);
  return draft;
}

Status checkWhole(const Draft& draft) {
  if (!draft.name || draft.name->empty())
    return fail(Errc::Invalid, Reason::Missing, "the agenda template has no 'name:'", "name");
  if (!draft.version || draft.version->empty())
    return fail(Errc::Invalid, Reason::Missing, "the agenda template has no 'version:'", "version");
  if (draft.items.empty())
    return fail(Errc::Invalid, Reason::Missing, "the agenda template has no items", "items");

  std::map<std::string, int, std::less<>> lineOfKey;
  std::map<ItemKind, int> count;
  for (const auto& [item, line] : draft.items) {
    if (auto [it, fresh] = lineOfKey.emplace(item.key, line); !fresh)
      return fail(Errc::Invalid, Reason::DuplicateKey,
                  atLine(line) + "item key " + text::quoted(item.key) +
                      " is already used on line " + std::to_string(it->second),
                  item.key);
    if (++count[item.kind] > 1 && item.kind != ItemKind::Fixed)
      return fail(Errc::Invalid, Reason::DuplicateKey,
                  atLine(line) + "item " + text::quoted(item.key) + " is a second " +
                      std::string(toString(item.kind)) + " item; there can be only one",
                  std::string(toString(item.kind)));
  }
  for (ItemKind required : {ItemKind::OtherQuestions, ItemKind::ActionFollowup})
    if (count[required] == 0)
      return fail(Errc::Invalid, Reason::Missing,
                  "the agenda template has no " + std::string(toString(required)) + " item",
                  std::string(toString(required)));
  return {};
}

}  // namespace

std::string_view toString(ItemKind kind) {
  return nameIn(kKindNames, kind, "fixed");
}

std::optional<ItemKind> parseItemKind(std::string_view text) {
  return valueIn(kKindNames, text);
}

Result<AgendaTemplate> parseAgendaTemplate(std::string_view id, std::string_view text) {
  if (!isTemplateId(id))
    return fail(Errc::Invalid,
                "agenda template id " + text::quoted(id) + " may only hold a-z, 0-9, _ and -",
                "id");
  if (!text::isValidUtf8(text))
    return fail(Errc::Malformed, "the agenda template is not UTF-8 text");
  auto draft = readLines(text);
  if (!draft) return std::unexpected(draft.error());
  if (auto ok = checkWhole(*draft); !ok) return std::unexpected(ok.error());

  AgendaTemplate result{std::string(id), std::move(*draft->name), std::move(*draft->version), {}};
  for (auto& parsed : draft->items) result.items.push_back(std::move(parsed.item));
  return result;
}

const TemplateItem* findTemplateItem(const AgendaTemplate& t, std::string_view key) {
  const auto it = std::ranges::find(t.items, key, &TemplateItem::key);
  return it == t.items.end() ? nullptr : &*it;
}

}  // namespace sv::agenda
