// The adopted agenda (fastställd agenda): the fixed items every samverkansmöte of a contract goes
// through, in order. Templates live in config/agendas/<id>.agenda; the server reads the file and
// passes its text and id (the file name without ".agenda").
//
// File format (UTF-8, line based, '#' starts a comment line, blank lines are ignored):
//
//   name: Standardagenda för samverkansmöten
//   version: 2026-1
//
//   item: opening | fixed | Mötets öppnande
//   item: previous_minutes | previous_minutes | Föregående mötes protokoll
//     Description lines are indented; they belong to the item above and are joined with newlines.
//
// The settings `name` and `version` come first and are both required; `version` is the author's
// own label (a date, a decision number), not interpreted here. Each `item:` line has a key
// ([a-z0-9_]+, unique, stable: minutes and clients refer to it), a kind and the Swedish title
// (the title is everything after the second '|'). Kinds:
//   fixed             a plain item
//   previous_minutes  refers to the previous meeting and its minutes (at most one)
//   action_followup   lists the actions still open (exactly one)
//   other_questions   Övriga frågor, the only place where items are added (exactly one)
// Every item of the template is fixed: it can be neither removed nor moved in a meeting's agenda.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/result.hpp"

namespace sv::agenda {

enum class ItemKind { Fixed, PreviousMinutes, ActionFollowup, OtherQuestions };

std::string_view toString(ItemKind kind);  // "fixed", "previous_minutes", ...
std::optional<ItemKind> parseItemKind(std::string_view text);

// An item's title, in the adopted template and on a meeting's agenda alike: one line on the page.
inline constexpr std::size_t kMaxTitleCharacters = 200;

struct TemplateItem {
  std::string key;
  ItemKind kind = ItemKind::Fixed;
  std::string title;
  std::string description;  // may be empty; lines separated by '\n'
};

struct AgendaTemplate {
  std::string id;                   // "standard", from the file name
  std::string name;                 // shown to people
  std::string version;              // the author's label, e.g. "2026-1"
  std::vector<TemplateItem> items;  // in agenda order
};

// Errors:
//   Errc::Malformed  text that is not UTF-8, or a line that is neither a setting, an item, a
//                    description nor a comment; detail "line N: ...".
//   Errc::Invalid    a rule is broken: bad id (field "id"), missing name or version (field
//                    "name"/"version"), bad or duplicate key, unknown kind, empty title (field is
//                    the item key, detail names the line), not exactly one other_questions or
//                    action_followup item, more than one previous_minutes (field is the kind).
//                    Reasons: Missing (name, version, items, a title, a required kind),
//                    TooLong (a title; value "200"), DuplicateKey (a key, a setting, a second
//                    item of a kind that comes once); None for a bad id, key or kind.
Result<AgendaTemplate> parseAgendaTemplate(std::string_view id, std::string_view text);

// The item with this key, or nullptr (pointer into `t`).
const TemplateItem* findTemplateItem(const AgendaTemplate& t, std::string_view key);

}  // namespace sv::agenda
