#include "workflows/template_lines.hpp"

#include "workflows/text.hpp"

namespace sv {

std::string atLine(int line) {
  return "line " + std::to_string(line) + ": ";
}

Result<TemplateSettings> readTemplateLines(std::string_view source, const TemplateGrammar& g,
                                           const TemplateLineReader& onEntry,
                                           const TemplateLineReader& onIndented) {
  TemplateSettings settings;
  bool anyEntry = false;
  for (const auto& line : text::splitLines(source)) {
    const std::string_view content = text::trim(line.text);
    if (content.empty() || content.front() == '#') continue;
    if (line.text.front() == ' ' || line.text.front() == '\t') {
      if (!anyEntry)
        return fail(Errc::Malformed, atLine(line.number) + "an indented " +
                                         std::string(g.indented) + " comes before any " +
                                         std::string(g.entry));
      if (auto ok = onIndented(line.number, content); !ok) return std::unexpected(ok.error());
      continue;
    }
    const auto colon = content.find(':');
    if (colon == std::string_view::npos)
      return fail(Errc::Malformed, atLine(line.number) + "expected 'name:', 'version:', '" +
                                       std::string(g.entry) + ":' or an indented " +
                                       std::string(g.indented));
    const std::string_view name = text::trim(content.substr(0, colon));
    const std::string_view value = text::trim(content.substr(colon + 1));
    if (name == g.entry) {
      if (auto ok = onEntry(line.number, value); !ok) return std::unexpected(ok.error());
      anyEntry = true;
      continue;
    }
    std::optional<std::string>* slot = name == "name"      ? &settings.name
                                       : name == "version" ? &settings.version
                                                           : nullptr;
    if (!slot)
      return fail(Errc::Malformed, atLine(line.number) + "unknown setting " + text::quoted(name) +
                                       " (name, version or " + std::string(g.entry) + ")");
    if (anyEntry)
      return fail(Errc::Malformed, atLine(line.number) + "setting " + text::quoted(name) +
                                       " must come before the " + std::string(g.entries));
    if (*slot)
      return fail(Errc::Invalid, Reason::DuplicateKey,
                  atLine(line.number) + "setting " + text::quoted(name) + " is set twice",
                  std::string(name));
    *slot = std::string(value);
  }
  return settings;
}

}  // namespace sv
