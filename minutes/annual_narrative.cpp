#include "minutes/annual_narrative.hpp"

#include <array>
#include <utility>

#include "minutes/json_fields.hpp"
#include "workflows/free_text.hpp"
#include "workflows/json_writer.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

struct Part {
  std::string_view key;
  std::string_view heading;  // in annual.md and the PDF
  std::string AnnualNarrative::*text;
};

constexpr std::array<Part, 3> kParts{{
    {"summary", "Sammanfattning", &AnnualNarrative::summary},
    {"assessment", "Bedömning", &AnnualNarrative::assessment},
    {"proposal", "Förslag till beslut", &AnnualNarrative::proposal},
}};

}  // namespace

Status checkNarrative(const AnnualNarrative& narrative) {
  for (const auto& part : kParts)
    if (auto ok =
            text::checkFreeText(narrative.*part.text, std::string(part.key),
                                std::string(part.heading), kMostNarrativeBytes, text::Lines::Many);
        !ok)
      return ok;
  return {};
}

std::optional<std::string> missingNarrativePart(const AnnualNarrative& narrative) {
  for (const auto& part : kParts)
    if (text::isBlank(narrative.*part.text)) return std::string(part.key);
  return std::nullopt;
}

std::string narrativeToJson(const AnnualNarrative& narrative) {
  json::Writer w;
  w.beginObject();
  for (const auto& part : kParts) w.key(part.key).value(narrative.*part.text);
  w.endObject();
  return w.finish();
}

Result<AnnualNarrative> narrativeFromJson(std::string_view json) {
  // Three strings at the top: nothing nests deeper than one level.
  auto root = detail::parseJsonText(json, 2);
  if (!root) return std::unexpected(root.error());
  auto fields = detail::Fields::open(*root, "", {"summary", "assessment", "proposal"});
  if (!fields) return std::unexpected(fields.error());
  AnnualNarrative narrative;
  for (const auto& part : kParts) {
    auto text = fields->string(part.key);
    if (!text) return std::unexpected(text.error());
    narrative.*part.text = std::move(*text);
  }
  if (auto ok = checkNarrative(narrative); !ok) return std::unexpected(ok.error());
  return narrative;
}

std::string narrativeToMarkdown(const AnnualNarrative& narrative, std::string_view authorityName,
                                int year) {
  std::string out = "# Årsrapport " + std::to_string(year) + " till nämnden – " +
                    std::string(authorityName) + "\n";
  for (const auto& part : kParts) {
    const auto& text = narrative.*part.text;
    if (text::isBlank(text)) continue;
    out += "\n## " + std::string(part.heading) + "\n\n" + text;
    if (!text.ends_with('\n')) out += '\n';
  }
  return out;
}

}  // namespace sv::minutes
