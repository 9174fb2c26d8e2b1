// The line grammar the template files in config/ share (agendas, follow-up templates): blank
// lines and # comments, the settings "name:" and "version:" before the first entry, entry lines
// "<entry>: …", and indented lines that belong to the entry above. What an entry line and an
// indented line mean is the caller's; errors start "line N: ".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "workflows/result.hpp"

namespace sv {

struct TemplateGrammar {
  std::string_view entry;     // "item"
  std::string_view entries;   // "items"
  std::string_view indented;  // "description line"
};

struct TemplateSettings {
  std::optional<std::string> name;
  std::optional<std::string> version;
};

using TemplateLineReader = std::function<Status(int line, std::string_view text)>;

// Errors: Malformed (an unknown setting, a setting after an entry, a line that is none of these,
// an indented line before any entry), Invalid/DuplicateKey (a setting twice; field its name),
// and whatever `onEntry` or `onIndented` return.
Result<TemplateSettings> readTemplateLines(std::string_view source, const TemplateGrammar& grammar,
                                           const TemplateLineReader& onEntry,
                                           const TemplateLineReader& onIndented);

// "line 12: ", the start of every error about a line.
std::string atLine(int line);

}  // namespace sv
