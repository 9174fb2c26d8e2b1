// User Markdown (the notes of a section) to an HTML fragment that is safe to put in a page.
#pragma once

#include <string>
#include <string_view>

namespace sv::minutes {

// CommonMark rendered by cmark with CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8: raw HTML is
// dropped (blocks and inline, not even cmark's "raw HTML omitted" comment is left), links and
// images with javascript:, vbscript:, file: or data: URLs (except data:image/png, gif, jpeg,
// webp) get an empty href/src, ill-formed UTF-8 becomes U+FFFD.
// Headings are demoted by `headingOffset` levels (level = min(6, level + offset)), so a note's
// "# Rubrik" under a § heading (h2) can be made an h3 with offset 2. Linear in the input
// for the hostile inputs in tests/minutes (deep nesting, long repetitions). Text with more markup
// characters than a note may have (markdown_budget.hpp) is not parsed, and text nested deeper
// than kMaxMarkdownDepth not rendered: plainTextHtml instead.
std::string markdownToSafeHtml(std::string_view markdown, int headingOffset = 0);

// Text as HTML paragraphs, every character of it shown as it is: a blank line starts a
// paragraph, a line break is <br>. What Markdown over its budget is shown as.
std::string plainTextHtml(std::string_view text);

}  // namespace sv::minutes
