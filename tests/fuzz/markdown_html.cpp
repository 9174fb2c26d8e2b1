// Markdown to HTML (minutes/markdown_html), the path every page with notes takes. Whatever the
// notes hold, the fragment's tags carry no script, no frame, no event handler and no javascript:
// link. Text may say "onerror=" or "<script>" as much as it likes: escaped, it is only text, and a
// '<' in the output always opens a tag of ours.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "minutes/markdown_html.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

// The attribute names of one tag ("<a href=\"x\" title='y'>"), quoted values skipped.
std::vector<std::string> attributeNames(const std::string& tag) {
  std::vector<std::string> names;
  std::size_t i = tag.find_first_of(" \t\n/>");
  while (i < tag.size()) {
    while (i < tag.size() && (std::isspace(static_cast<unsigned char>(tag[i])) || tag[i] == '/'))
      ++i;
    const std::size_t start = i;
    while (i < tag.size() && tag[i] != '=' && tag[i] != '>' &&
           !std::isspace(static_cast<unsigned char>(tag[i])))
      ++i;
    if (i > start) names.push_back(tag.substr(start, i - start));
    if (i < tag.size() && tag[i] == '=') {
      ++i;
      if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
        const auto end = tag.find(tag[i], i + 1);
        i = end == std::string::npos ? tag.size() : end + 1;
      } else {
        while (i < tag.size() && tag[i] != '>' && !std::isspace(static_cast<unsigned char>(tag[i])))
          ++i;
      }
    } else if (i < tag.size() && tag[i] == '>') {
      break;
    }
  }
  return names;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  std::string html = sv::minutes::markdownToSafeHtml(text, static_cast<int>(size % 4));
  std::ranges::transform(html, html.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (auto open = html.find('<'); open != std::string::npos; open = html.find('<', open + 1)) {
    const auto close = html.find('>', open);
    sv::fuzz::require(close != std::string::npos, "every tag is closed");
    const std::string tag = html.substr(open, close - open + 1);
    sv::fuzz::require(!tag.starts_with("<script") && !tag.starts_with("<iframe") &&
                          !tag.starts_with("<object") && !tag.starts_with("<embed") &&
                          !tag.starts_with("<style"),
                      "no script, frame, object or style element");
    for (const auto& name : attributeNames(tag))
      sv::fuzz::require(!name.starts_with("on") && name != "style" && name != "srcdoc",
                        "no event handler, style or srcdoc attribute");
    sv::fuzz::require(tag.find("=\"javascript:") == std::string::npos &&
                          tag.find("=\"vbscript:") == std::string::npos,
                      "no script link");
  }
  return 0;
}
