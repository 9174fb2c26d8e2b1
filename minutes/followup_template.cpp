#include "minutes/followup_template.hpp"

#include <algorithm>
#include <map>

#include "agenda/text_util.hpp"
#include "workflows/name_table.hpp"
#include "workflows/template_lines.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

constexpr NameTable<AreaScope, 2> kScopeNames{{
    {AreaScope::All, "all"},
    {AreaScope::Contract, "contract"},
}};

// Service area keys are file names too, so the id follows the key grammar.
bool isTemplateId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && agenda::isKey(id);
}

struct ParsedArea {
  TemplateArea area;
  int line;
};

// What the line-by-line pass collects; the rules about the whole template are checked after it.
struct Draft {
  std::optional<std::string> name;
  std::optional<std::string> version;
  std::vector<ParsedArea> areas;
};

Status checkLength(std::string_view text, std::size_t limit, int line, const std::string& what,
                   const std::string& key) {
  if (text::countCharacters(text) <= limit) return {};
  return fail(Errc::Invalid, Reason::TooLong,
              atLine(line) + what + " is longer than " + std::to_string(limit) + " characters", key,
              std::to_string(limit));
}

Result<ParsedArea> parseAreaLine(int line, std::string_view rest) {
  const auto bar1 = rest.find('|');
  const auto bar2 = bar1 == std::string_view::npos ? bar1 : rest.find('|', bar1 + 1);
  if (bar2 == std::string_view::npos)
    return fail(Errc::Malformed, atLine(line) + "an area is written 'area: key | scope | title'");
  const std::string_view key = text::trim(rest.substr(0, bar1));
  const std::string_view scopeText = text::trim(rest.substr(bar1 + 1, bar2 - bar1 - 1));
  const std::string_view title = text::trim(rest.substr(bar2 + 1));
  if (!agenda::isKey(key))
    return fail(Errc::Invalid,
                atLine(line) + "area key " + text::quoted(key) + " may only hold a-z, 0-9 and _",
                std::string(key));
  const auto scope = parseAreaScope(scopeText);
  if (!scope)
    return fail(Errc::Invalid,
                atLine(line) + "area " + text::quoted(key) + " has an unknown scope " +
                    text::quoted(scopeText) + " (all or contract)",
                std::string(key));
  if (title.empty())
    return fail(Errc::Invalid, Reason::Missing,
                atLine(line) + "area " + text::quoted(key) + " has no title", std::string(key));
  if (auto ok = checkLength(title, kMaxAreaTitleCharacters, line,
                            "the title of area " + text::quoted(key), std::string(key));
      !ok)
    return std::unexpected(ok.error());
  return ParsedArea{{std::string(key), *scope, std::string(title), {}}, line};
}

Status readTemplateQuestion(Draft& draft, int line, std::string_view question) {
  TemplateArea& area = draft.areas.back().area;
  if (auto ok = checkLength(question, kMaxQuestionCharacters, line,
                            "a question of area " + text::quoted(area.key), area.key);
      !ok)
    return ok;
  area.questions.emplace_back(question);
  return {};
}

Result<Draft> readLines(std::string_view source) {
  Draft draft;
  auto settings = readTemplateLines(
      source, {"area", "areas", "question"},
      [&](int line, std::string_view rest) -> Status {
        auto area = parseAreaLine(line, rest);
        if (!area) return std::unexpected(area.error());
        draft.areas.push_back(std::move(*area));
        return {};
      },
      [&](int line, std::string_view question) {
        return readTemplateQuestion(draft, line, question);
      });
  if (!settings) return std::unexpected(settings.error());
  draft.name = std::move(settings->name);
  draft.version = std::move(settings->version);
  return draft;
}

Status checkWhole(const Draft& draft) {
  if (!draft.name || draft.name->empty())
    return fail(Errc::Invalid, Reason::Missing, "the follow-up template has no 'name:'", "name");
  if (!draft.version || draft.version->empty())
    return fail(Errc::Invalid, Reason::Missing, "the follow-up template has no 'version:'",
                "version");
  if (draft.areas.empty())
    return fail(Errc::Invalid, Reason::Missing, "the follow-up template has no areas", "areas");
  std::map<std::string, int, std::less<>> lineOfKey;
  for (const auto& [area, line] : draft.areas) {
    if (auto [it, fresh] = lineOfKey.emplace(area.key, line); !fresh)
      return fail(Errc::Invalid, Reason::DuplicateKey,
                  atLine(line) + "area key " + text::quoted(area.key) +
                      " is already used on line " + std::to_string(it->second),
                  area.key);
    if (area.questions.empty())
      return fail(Errc::Invalid, Reason::Missing,
                  atLine(line) + "area " + text::quoted(area.key) +
                      " has no questions (indented lines below it)",
                  area.key);
  }
  return {};
}

}  // namespace

std::string_view toString(AreaScope scope) {
  return nameIn(kScopeNames, scope, "all");
}

std::optional<AreaScope> parseAreaScope(std::string_view text) {
  return valueIn(kScopeNames, text);
}

Result<FollowUpTemplate> parseFollowUpTemplate(std::string_view id, std::string_view text) {
  if (!isTemplateId(id))
    return fail(Errc::Invalid,
                "follow-up template id " + text::quoted(id) + " may only hold a-z, 0-9 and _",
                "id");
  if (!text::isValidUtf8(text))
    return fail(Errc::Malformed, "the follow-up template is not UTF-8 text");
  auto draft = readLines(text);
  if (!draft) return std::unexpected(draft.error());
  if (auto ok = checkWhole(*draft); !ok) return std::unexpected(ok.error());

  FollowUpTemplate result{std::string(id), std::move(*draft->name), std::move(*draft->version), {}};
  for (auto& parsed : draft->areas) result.areas.push_back(std::move(parsed.area));
  return result;
}

const TemplateArea* findTemplateArea(const FollowUpTemplate& t, std::string_view key) {
  const auto it = std::ranges::find(t.areas, key, &TemplateArea::key);
  return it == t.areas.end() ? nullptr : &*it;
}

}  // namespace sv::minutes
