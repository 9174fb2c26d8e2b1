// Inputs that have made Markdown parsers slow or unsafe (after cmark's
// test/pathological_tests.py), for markdownToSafeHtml and the renderings.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace sv::minutes::test {

struct HostileInput {
  std::string name;
  std::string text;
};

inline std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// `piece` repeated until the text is `bytes` long (the last copy cut).
inline std::string fill(std::string_view piece, std::size_t bytes) {
  std::string out = repeat(piece, bytes / piece.size() + 1);
  out.resize(bytes);
  return out;
}

inline constexpr std::size_t kHalfMebibyte = 512 * 1024;

inline std::vector<HostileInput> hostileCorpus() {
  std::string backticks;
  for (std::size_t i = 1; i < 1000; ++i) backticks += "e" + std::string(i, '`');
  std::string nestedLists;
  for (std::size_t i = 0; i < 500; ++i) nestedLists += std::string(i, ' ') + "* a\n";
  const std::string mix =
      "> [*a **b _c `d <script>alert(1)</script> [x](javascript:alert(1)) <!-- ![i](data:text/"
      "html,x) \\\n# h\n- > 1. [";
  return {
      {"nested block quotes", repeat(">", 50'000) + " a"},
      {"nested block quotes with spaces", repeat("> ", 50'000) + "a"},
      {"nested brackets", repeat("[", 50'000) + "a" + repeat("]", 50'000)},
      {"unclosed brackets", repeat("[", 50'000)},
      {"link openers", repeat("[a", 50'000)},
      {"link closers", repeat("a]", 50'000)},
      {"*a **b repeated", repeat("*a **b", 50'000)},
      {"nested strong emph", repeat("*a **a ", 50'000) + "b" + repeat(" a** a*", 50'000)},
      {"emph closers without openers", repeat("a_ ", 50'000)},
      {"emph openers without closers", repeat("_a ", 50'000)},
      {"mismatched openers and closers", repeat("*a_ ", 50'000)},
      {"openers and closers multiple of 3", "a**b" + repeat("c* ", 50'000)},
      {"link openers and emph closers", repeat("[ a_", 50'000)},
      {"pattern [ (](", repeat("[ (](", 50'000)},
      {"unclosed links A", repeat("[a](<b", 30'000)},
      {"unclosed links B", repeat("[a](b", 30'000)},
      {"backticks", backticks},
      {"deep list on one line", repeat("- ", 25'000) + "a"},
      {"nested lists", nestedLists},
      {"unclosed html comments", repeat("<!--", 50'000)},
      {"unclosed processing instructions", repeat("<?", 50'000)},
      {"unclosed CDATA", repeat("<![CDATA[", 30'000)},
      {"many attributes", "<a " + repeat("x=y ", 50'000)},
      {"reference definitions and uses",
       repeat("[x]: /u\n", 20'000) + "\n" + repeat("[x] ", 20'000)},
      {"entities", repeat("&#x41;&amp;&#99999999;", 30'000)},
      {"NUL and broken UTF-8", repeat(std::string_view("\0\xff\xc3(", 4), 50'000)},
      {"512 KiB of > ", fill(">", kHalfMebibyte)},
      {"512 KiB of [", fill("[", kHalfMebibyte)},
      {"512 KiB of *a **b", fill("*a **b", kHalfMebibyte)},
      {"512 KiB of a mix", fill(mix, kHalfMebibyte)},
  };
}

// The tags cmark's HTML renderer makes; anything else in the output came from the input.
inline bool isKnownTag(std::string_view name) {
  static const std::vector<std::string_view> known = {
      "p",  "blockquote", "ul",     "ol", "li",  "h1",   "h2",  "h3", "h4", "h5",
      "h6", "em",         "strong", "a",  "img", "code", "pre", "hr", "br"};
  for (std::string_view k : known)
    if (k == name) return true;
  return false;
}

inline std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Why `html` (an HTML fragment from cmark) is not safe, or "" if it is: only cmark's own tags,
// only the attributes it writes (name="value"), no script-capable URL, no comment.
inline std::string unsafeHtmlReason(std::string_view html) {
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    std::size_t p = i + 1;
    if (p < html.size() && html[p] == '/') ++p;
    std::size_t end = p;
    while (end < html.size() && std::isalnum(static_cast<unsigned char>(html[end]))) ++end;
    const std::string_view name = html.substr(p, end - p);
    if (!isKnownTag(name)) return "unexpected markup <" + std::string(html.substr(i + 1, 20));
    // Attributes: ( ' ' name '="' value '"' )* ' /'? '>'
    while (true) {
      if (html.substr(end, 1) == ">") break;
      if (html.substr(end, 3) == " />") break;
      if (html.substr(end, 1) != " ") return "unexpected text in <" + std::string(name) + ">";
      const std::size_t eq = html.find("=\"", end);
      if (eq == std::string_view::npos) return "attribute without value";
      const std::string attribute(html.substr(end + 1, eq - end - 1));
      const std::size_t closeQuote = html.find('"', eq + 2);
      if (closeQuote == std::string_view::npos) return "unterminated attribute";
      const std::string value = lower(html.substr(eq + 2, closeQuote - eq - 2));
      if (attribute != "href" && attribute != "src" && attribute != "alt" && attribute != "title" &&
          attribute != "start" && attribute != "class")
        return "attribute " + attribute;
      if (attribute == "href" || attribute == "src")
        for (std::string_view bad : {"javascript:", "vbscript:", "file:", "data:text"})
          if (value.starts_with(bad)) return attribute + "=\"" + value + "\"";
      end = closeQuote + 1;
    }
  }
  return {};
}

}  // namespace sv::minutes::test
