#include "minutes/escape.hpp"

#include <cctype>
#include <vector>

#include "workflows/text.hpp"

namespace sv::minutes::detail {
namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  lines.push_back(text.substr(start));
  return lines;
}

// Emphasis, code, links, HTML and autolinks, table cells, headings, block quotes, strikethrough.
constexpr std::string_view kAlwaysEscaped = "\\`*_[]<>|#~";

// One trimmed line without line breaks; it may start a line of the output.
std::string escapeLine(std::string_view line) {
  std::string out;
  out.reserve(line.size() + 8);
  // Syntax that only counts at the start of a line: list markers, setext underlines,
  // ordered-list numbers ("1." or "1)").
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  const bool orderedMarker =
      digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    bool escape = false;
    if (kAlwaysEscaped.find(c) != std::string_view::npos)
      escape = true;
    else if (c == '&')  // only where it could start an entity
      escape = i + 1 < line.size() &&
               (std::isalnum(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '#');
    else if (c == '+' || c == '-' || c == '=')
      escape = i == 0;
    else if (c == '.' || c == ')')
      escape = orderedMarker && i == digits;
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string escapeHtml(std::string_view text) {
  const std::string valid = text::isValidUtf8(text) ? std::string() : text::toValidUtf8(text);
  const std::string_view source = valid.empty() ? text : std::string_view(valid);
  std::string out;
  out.reserve(source.size() + source.size() / 8);
  for (char c : source) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escapeHtmlLines(std::string_view text) {
  std::string out;
  bool first = true;
  for (std::string_view line : splitLines(text)) {
    if (!first) out += "<br>\n";
    first = false;
    out += escapeHtml(line);
  }
  return out;
}

std::string escapeMarkdownInline(std::string_view text) {
  const std::string valid = text::toValidUtf8(text);
  std::string collapsed;
  collapsed.reserve(valid.size());
  bool space = false;
  for (char c : valid) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !collapsed.empty()) collapsed += ' ';
    space = false;
    collapsed += c;
  }
  return escapeLine(collapsed);
}

std::string escapeMarkdownBlock(std::string_view text, std::string_view indent) {
  const std::string valid = text::toValidUtf8(text);
  std::string out;
  bool pendingBlank = false;
  for (std::string_view raw : splitLines(valid)) {
    const std::string_view line = text::trim(raw);
    if (line.empty()) {
      pendingBlank = !out.empty();
      continue;
    }
    if (!out.empty()) {
      out += '\n';
      if (pendingBlank) out += '\n';
      out += indent;
    }
    pendingBlank = false;
    out += escapeLine(line);
  }
  return out;
}

}  // namespace sv::minutes::detail
