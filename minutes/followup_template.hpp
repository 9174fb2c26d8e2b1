// The common template of a yearly follow-up (stadens gemensamma mall, seed 000): per service area,
// the areas a follow-up assesses and the questions asked about each. Templates live in
// config/followups/<service area key>.followup; the server reads the file and passes its text and
// id (the file name without ".followup", a key of config/service_areas.txt).
//
// File format (UTF-8, line based, '#' starts a comment line, blank lines are ignored):
//
//   name: Verksamhetsuppföljning, hemtjänst
//   version: 2026-1
//
//   area: management_system | all | Ledningssystem för systematiskt kvalitetsarbete
//     Finns rutiner för hur klagomål och synpunkter tas emot och åtgärdas?
//     Each indented line is one question about the area above.
//
// The settings `name` and `version` come first and are both required; `version` is the author's
// own label, kept with every report made from the template. Each `area:` line has a key
// ([a-z0-9_]+, unique, stable: reports refer to it), a scope and the Swedish title (everything
// after the second '|'). Scopes:
//   all       assessed in every follow-up (verksamhetsuppföljning and avtalsuppföljning)
//   contract  assessed only in a contract follow-up (avtalsuppföljning): what the contract and
//             the tender promise beyond the city's common model, such as staffing
// Every area has at least one question.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/result.hpp"

namespace sv::minutes {

enum class AreaScope { All, Contract };

std::string_view toString(AreaScope scope);  // "all", "contract"
std::optional<AreaScope> parseAreaScope(std::string_view text);

inline constexpr std::size_t kMaxAreaTitleCharacters = 200;
inline constexpr std::size_t kMaxQuestionCharacters = 500;

struct TemplateArea {
  std::string key;
  AreaScope scope = AreaScope::All;
  std::string title;
  std::vector<std::string> questions;  // in the order of the file
  bool operator==(const TemplateArea&) const = default;
};

struct FollowUpTemplate {
  std::string id;       // the service area key, from the file name
  std::string name;     // shown to people
  std::string version;  // the author's label, e.g. "2026-1"
  std::vector<TemplateArea> areas;
};

// Errors (every detail that comes from a line starts "line N: "):
//   Errc::Malformed  text that is not UTF-8; a line that is neither a setting, an area, a question
//                    nor a comment; an area line without two '|'; a question before any area;
//                    an unknown setting, or a setting after the first area.
//   Errc::Invalid    a rule is broken: bad id (field "id"); missing name or version (field
//                    "name"/"version", Reason::Missing); no areas (field "areas", Missing);
//                    a bad area key or unknown scope (field: the key); an empty title or an area
//                    without questions (Missing, field: the key); a title or question too long
//                    (TooLong, value: the limit in characters); a key or setting given twice
//                    (DuplicateKey).
Result<FollowUpTemplate> parseFollowUpTemplate(std::string_view id, std::string_view text);

// The area with this key, or nullptr (pointer into `t`).
const TemplateArea* findTemplateArea(const FollowUpTemplate& t, std::string_view key);

}  // namespace sv::minutes
