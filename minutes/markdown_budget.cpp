#include "minutes/markdown_budget.hpp"

#include <algorithm>

#include "workflows/text.hpp"

namespace sv::minutes {

std::size_t markupCharacters(std::string_view markdown) {
  return static_cast<std::size_t>(std::ranges::count_if(markdown, [](char c) {
    return c == '*' || c == '_' || c == '[' || c == ']' || c == '!' || c == '<' || c == '`';
  }));
}

bool withinNoteBudget(std::string_view markdown) {
  return markupCharacters(markdown) <= kMarkupPerNote;
}

std::vector<std::string> plainParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string paragraph;
  const auto flush = [&] {
    if (!text::isBlank(paragraph)) paragraphs.push_back(std::move(paragraph));
    paragraph.clear();
  };
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(from, end - from);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (text::isBlank(line)) {
      flush();
    } else {
      if (!paragraph.empty()) paragraph += '\n';
      paragraph += line;
    }
    from = end + 1;
  }
  flush();
  return paragraphs;
}

bool MarkdownBudget::take(std::string_view markdown) {
  const std::size_t cost = markupCharacters(markdown);
  if (cost > kMarkupPerNote || cost > left_) return false;
  left_ -= cost;
  return true;
}

}  // namespace sv::minutes
