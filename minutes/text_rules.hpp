// Internal: the documents' name for the one check of a free-text value (workflows/free_text.hpp),
// so the minutes and the follow-up report refuse what every other free-text field refuses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "workflows/free_text.hpp"
#include "workflows/result.hpp"

namespace sv::minutes::detail {

using text::Lines;
using text::Presence;

// The field of a list's element as errors name it: at("sections", 2) is "sections[2]".
inline std::string at(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

inline Status checkText(std::string_view text, const std::string& field, std::string_view what,
                        std::size_t limit, Lines lines, Presence presence = Presence::Optional) {
  return text::checkFreeText(text, field, what, limit, lines, presence);
}

}  // namespace sv::minutes::detail
