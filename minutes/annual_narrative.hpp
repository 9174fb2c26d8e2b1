// The yearly summary's own words (issue 15 point 4): what the contract manager writes beside the
// generated figures — Sammanfattning, Bedömning, Förslag till beslut — kept in git as a document
// of the authority like the minutes (annual.md for people, annual.json for the parts), and once the
// report goes for approval, the figures of that day beside it (figures.json, annual_json.hpp), so
// the version approved and registered holds both and never changes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "minutes/annual_figures.hpp"
#include "workflows/result.hpp"

namespace sv::minutes {

struct AnnualNarrative {
  std::string summary;     // Sammanfattning
  std::string assessment;  // Bedömning
  std::string proposal;    // Förslag till beslut
  bool operator==(const AnnualNarrative&) const = default;
};

// Each part is Markdown of at most this many bytes (a long summary is a few pages).
inline constexpr std::size_t kMostNarrativeBytes = 64 * 1024;

// Well-formed UTF-8 without control characters (lines allowed), within the limit.
// Errors: Invalid/InvalidUtf8|ControlCharacter|TooLong (field "summary", "assessment" or
// "proposal").
Status checkNarrative(const AnnualNarrative& narrative);

// The first part still blank ("summary", "assessment", "proposal"); none when all are written.
std::optional<std::string> missingNarrativePart(const AnnualNarrative& narrative);

// {"summary": …, "assessment": …, "proposal": …} in the project's layout, and back.
// Errors (read): Malformed (field names the key), checkNarrative's.
std::string narrativeToJson(const AnnualNarrative& narrative);
Result<AnnualNarrative> narrativeFromJson(std::string_view json);

// annual.md: a title naming the authority and year, then each written part under its Swedish
// heading (a blank part is left out with its heading), as a reader of the repository sees it.
std::string narrativeToMarkdown(const AnnualNarrative& narrative, std::string_view authorityName,
                                int year);

}  // namespace sv::minutes
