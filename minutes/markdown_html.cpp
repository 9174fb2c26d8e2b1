#include "minutes/markdown_html.hpp"

#include "minutes/cmark_tree.hpp"

namespace sv::minutes {

std::string markdownToSafeHtml(std::string_view markdown, int headingOffset) {
  const auto document = detail::parseMarkdown(markdown);
  detail::demoteHeadings(document.get(), headingOffset);
  detail::removeRawHtml(document.get());
  return detail::renderSafeHtml(document.get());
}

}  // namespace sv::minutes
