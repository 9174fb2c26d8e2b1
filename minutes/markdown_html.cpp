#include "minutes/markdown_html.hpp"

#include "minutes/cmark_tree.hpp"
#include "minutes/escape.hpp"
#include "minutes/markdown_budget.hpp"

namespace sv::minutes {

std::string plainTextHtml(std::string_view text) {
  std::string out;
  for (const std::string& paragraph : plainParagraphs(text))
    out += "<p>" + detail::escapeHtmlLines(paragraph) + "</p>\n";
  return out;
}

std::string markdownToSafeHtml(std::string_view markdown, int headingOffset) {
  if (!withinNoteBudget(markdown)) return plainTextHtml(markdown);
  const auto document = detail::parseMarkdown(markdown);
  if (detail::nestingDepth(document.get()) > kMaxMarkdownDepth) return plainTextHtml(markdown);
  detail::demoteHeadings(document.get(), headingOffset);
  detail::removeRawHtml(document.get());
  return detail::renderSafeHtml(document.get());
}

}  // namespace sv::minutes
