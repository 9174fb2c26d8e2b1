// Internal: the one check of a free-text value of a document (the minutes, the follow-up report):
// well-formed UTF-8, no control characters (line breaks only where the text may have lines),
// within its limit in bytes, and present when required. The reasons are workflows/result.hpp's
// text reasons, so the Swedish messages are the same for every document.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "workflows/result.hpp"
#include "workflows/text.hpp"

namespace sv::minutes::detail {

enum class Lines { One, Many };
enum class Presence { Optional, Required };

inline Status checkText(std::string_view text, const std::string& field, std::string_view what,
                        std::size_t limit, Lines lines, Presence presence = Presence::Optional) {
  const std::string subject(what);
  if (!text::isValidUtf8(text))
    return fail(Errc::Invalid, Reason::InvalidUtf8, subject + " is not valid UTF-8", field);
  if (text::hasControlCharacters(text, lines == Lines::Many))
    return fail(Errc::Invalid, Reason::ControlCharacter, subject + " contains a control character",
                field);
  if (text.size() > limit)
    return fail(Errc::Invalid, Reason::TooLong,
                subject + " is longer than " + std::to_string(limit) + " bytes", field,
                std::to_string(limit));
  if (presence == Presence::Required && text::isBlank(text))
    return fail(Errc::Invalid, Reason::Missing, subject + " is empty", field);
  return {};
}

}  // namespace sv::minutes::detail
