// How much Markdown structure user text may ask a renderer to build. cmark's inline parser and
// Pango's layout spend their time on what the text opens (emphasis, links, code spans, raw
// HTML), not on its letters: 128 KiB of `![[]()` takes cmark 0.30.2 seconds, 128 KiB of `*_`
// gives Pango a run of its own for every character. A real protocol opens a few hundred of them
// (bold words, a few links, list items need none), so past a bound the text is printed as plain
// text instead: every character of it, escaped, so it still says all it said.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sv::minutes {

// Deeper than any real note nests (lists in quotes in lists, emphasis in links): a note nested
// deeper is shown as plain text too. It keeps cmark's CommonMark renderer, which slows down with
// depth, fast, and a page from holding thousands of nested block quotes.
inline constexpr int kMaxMarkdownDepth = 32;

// The markup characters one note, finding or comment may hold and still be rendered as
// Markdown: 10 000 is a bold word in every line of a 100 KB note.
inline constexpr std::size_t kMarkupPerNote = 10'000;
// The markup characters one whole document (a protocol, a report) renders as Markdown; the
// notes that come after it is spent are printed as plain text.
inline constexpr std::size_t kMarkupPerDocument = 50'000;

// The characters that can open inline structure in CommonMark: * _ [ ] ! < and `.
std::size_t markupCharacters(std::string_view markdown);

// Whether one text is rendered as Markdown at all (at most kMarkupPerNote).
bool withinNoteBudget(std::string_view markdown);

// Text as it is shown instead of Markdown: its paragraphs (split at blank lines), each its lines
// joined by line feeds (a carriage return before one dropped). Blank text has none.
std::vector<std::string> plainParagraphs(std::string_view text);

// The budget of one rendering of a whole document. Not thread-safe: one per rendering.
class MarkdownBudget {
 public:
  explicit MarkdownBudget(std::size_t characters = kMarkupPerDocument) : left_(characters) {}
  // Whether `markdown` is rendered as Markdown; if so, its markup characters are spent. False
  // (print it as plain text) when it is over the note's bound or over what is left.
  bool take(std::string_view markdown);
  std::size_t left() const { return left_; }

 private:
  std::size_t left_;
};

}  // namespace sv::minutes
