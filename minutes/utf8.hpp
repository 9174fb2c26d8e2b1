// Internal: checks on the bytes of user text. Text is UTF-8 everywhere in the minutes; these are
// the rules applyEdit enforces and the renderers rely on.
#pragma once

#include <string>
#include <string_view>

namespace sv::minutes::detail {

// Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view text);

// The text with every ill-formed sequence replaced by U+FFFD, so that output stays valid UTF-8
// even for a value that never went through applyEdit.
std::string toValidUtf8(std::string_view text);

// A control character that has no place in the text: any C0 control or DEL, except that
// multi-line text may hold tab, line feed and carriage return.
bool hasForbiddenControl(std::string_view text, bool multiLine);

}  // namespace sv::minutes::detail
