// Internal: user text and user Markdown as Pango markup. Whatever the text holds, it stays text:
// every character Pango's markup parser could read as a tag or an entity is escaped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sv::pdf::detail {

// Plain text as Pango markup text: ill-formed UTF-8 becomes U+FFFD, control characters other
// than tab and line feed become spaces (a carriage return before a line feed is dropped), then
// g_markup_escape_text. Line feeds stay line breaks.
std::string escapeMarkup(std::string_view text);

// The same cleaning without the escaping, for text given to cairo directly (PDF metadata).
std::string cleanText(std::string_view text);

// Whether Pango's markup parser accepts the markup (what the renderer relies on; for tests).
bool isValidMarkup(std::string_view markup);

enum class BlockKind { Paragraph, Heading, Code, Rule };

// One block of a note as it is printed: its inline content as Pango markup (emphasis, strong,
// code, line breaks), how deep it sits in lists and block quotes, and the list marker ("•",
// "3.") that goes before its first line, if it opens a list item.
struct NoteBlock {
  BlockKind kind = BlockKind::Paragraph;
  std::string markup;
  int depth = 0;
  std::string marker;
  bool quoted = false;  // inside a block quote
  bool tight = false;   // a paragraph of a tight list: no space after it
};

// The Markdown of a section's notes, parsed by cmark (safe, UTF-8 validated), as blocks to print.
// Raw HTML is dropped; headings become bold lines; a link keeps its text, followed by its address
// in parentheses when that is an http(s) or mailto address other than the text. A note nested
// deeper than real notes are, or with more markup characters than a note may have
// (minutes/markdown_budget.hpp), comes back as plainTextBlocks. Empty or blank notes give no
// blocks.
std::vector<NoteBlock> markdownToBlocks(std::string_view markdown);

// Text as plain paragraphs, every character of it printed as it is: a blank line starts a
// paragraph, a line break stays one. What Markdown over its budget is printed as.
std::vector<NoteBlock> plainTextBlocks(std::string_view text);

}  // namespace sv::pdf::detail
