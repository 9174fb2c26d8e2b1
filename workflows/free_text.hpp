// The one check of a free-text value a person types (issue 20, point 8): well-formed UTF-8, no
// control characters (NUL, escapes; line breaks only where the text may have lines), within its
// limit in bytes, and present when required. Every free-text field of the documents and of the
// services goes through it, so a contract's title refuses what an agenda item refuses, with the
// same reasons (and the same Swedish messages at the edge).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "workflows/result.hpp"
#include "workflows/text.hpp"

namespace sv::text {

enum class Lines { One, Many };
enum class Presence { Optional, Required };

inline Status checkFreeText(std::string_view text, const std::string& field, std::string_view what,
                            std::size_t limit, Lines lines,
                            Presence presence = Presence::Optional) {
  const std::string subject(what);
  if (!isValidUtf8(text))
    return fail(Errc::Invalid, Reason::InvalidUtf8, subject + " is not valid UTF-8", field);
  if (hasControlCharacters(text, lines == Lines::Many))
    return fail(Errc::Invalid, Reason::ControlCharacter, subject + " contains a control character",
                field);
  if (text.size() > limit)
    return fail(Errc::Invalid, Reason::TooLong,
                subject + " is longer than " + std::to_string(limit) + " bytes", field,
                std::to_string(limit));
  if (presence == Presence::Required && isBlank(text))
    return fail(Errc::Invalid, Reason::Missing, subject + " is empty", field);
  return {};
}

}  // namespace sv::text
