// Escaping of people's text for CommonMark, so that a title or a note is shown as the words typed
// and cannot start a heading, list, quote, table row, link, code block or HTML. Internal to
// sv_agenda (the minutes library has its own documents and rules).
#pragma once

#include <string>
#include <string_view>

namespace sv::agenda::markdown {

// Text that follows other text on a line. Line breaks become spaces.
std::string escapeInline(std::string_view text);

// One line that starts a block or continues a paragraph: also escapes what would make the line
// a heading, quote, list item, thematic break or fence. Leading and trailing spaces go.
std::string escapeLine(std::string_view line);

}  // namespace sv::agenda::markdown
