#include "agenda/markdown_escape.hpp"

#include "workflows/text.hpp"

namespace sv::agenda::markdown {
namespace {

bool isAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string escapeInline(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\r':
      case '\n':
      case '\t':
        out += ' ';
        break;
      // Emphasis, code, links and images, raw HTML and autolinks, table cells.
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '|':
        out += '\\';
        out += c;
        break;
      case '&':
        // Only "&name;" and "&#..;" are entities; a lone ampersand stays readable.
        if (i + 1 < text.size() && (isAsciiAlnum(text[i + 1]) || text[i + 1] == '#')) out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escapeLine(std::string_view line) {
  const std::string body = escapeInline(text::trim(line));
  if (body.empty()) return body;
  const char first = body.front();
  // Headings, quotes, bullets, setext underlines and thematic breaks, tilde fences.
  if (first == '#' || first == '>' || first == '-' || first == '+' || first == '=' || first == '~')
    return "\\" + body;
  // "2026. " or "3) " would start an ordered list.
  std::size_t digits = 0;
  while (digits < body.size() && body[digits] >= '0' && body[digits] <= '9') ++digits;
  if (digits > 0 && digits < body.size() && (body[digits] == '.' || body[digits] == ')'))
    return body.substr(0, digits) + "\\" + body.substr(digits);
  return body;
}

}  // namespace sv::agenda::markdown
