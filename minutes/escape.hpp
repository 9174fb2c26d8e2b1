// Internal: user text placed into generated Markdown or HTML. Whatever the text holds, it stays
// text: it cannot open a heading, a table cell, a list, a link, a code block or an HTML element.
// Ill-formed UTF-8 becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace sv::minutes::detail {

// HTML text or attribute value: & < > " ' escaped.
std::string escapeHtml(std::string_view text);

// Like escapeHtml, with each line break written as <br>, for multi-line plain text.
std::string escapeHtmlLines(std::string_view text);

// One line of Markdown inline text (a heading, a list item's first line, a table cell): line
// breaks become spaces, runs of white space one space, and every character Markdown could read
// as syntax is backslash-escaped (including `|`, so it is safe in a table cell).
std::string escapeMarkdownInline(std::string_view text);

// Multi-line plain text as the body of a Markdown list item: each line escaped as above, the
// lines after the first indented by `indent`, blank lines kept as paragraph breaks (one at most).
std::string escapeMarkdownBlock(std::string_view text, std::string_view indent);

// Appends a Markdown block, a blank line after the one before it; an empty block adds nothing.
inline void appendBlock(std::string& out, const std::string& block) {
  if (block.empty()) return;
  if (!out.empty()) out += "\n\n";
  out += block;
}

}  // namespace sv::minutes::detail
