#include "server/pdf/markup.hpp"

#include <glib.h>
#include <pango/pango.h>

#include <cstring>

#include "minutes/cmark_tree.hpp"
#include "minutes/markdown_budget.hpp"
#include "server/pdf/handles.hpp"
#include "workflows/text.hpp"

namespace sv::pdf::detail {
namespace {

// Code in the monospaced face of the same family (Pango's <tt> takes fontconfig's monospace).
constexpr std::string_view kCodeOpen = "<span font_family=\"DejaVu Sans Mono\">";

std::string literal(cmark_node* node) {
  const char* text = cmark_node_get_literal(node);
  return text ? std::string(text) : std::string();
}

std::string inlineMarkup(cmark_node* parent);

// The text of a subtree without markup, to compare a link's text with its address.
std::string plainText(cmark_node* parent) {
  std::string out;
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += literal(n);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        out += plainText(n);
    }
  }
  return out;
}

bool printableAddress(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:");
}

std::string inlineMarkup(cmark_node* parent) {
  std::string out;
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
        out += escapeMarkup(literal(n));
        break;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_CODE:
        out += std::string(kCodeOpen) + escapeMarkup(literal(n)) + "</span>";
        break;
      case CMARK_NODE_EMPH:
        out += "<i>" + inlineMarkup(n) + "</i>";
        break;
      case CMARK_NODE_STRONG:
        out += "<b>" + inlineMarkup(n) + "</b>";
        break;
      case CMARK_NODE_LINK: {
        out += inlineMarkup(n);
        const char* raw = cmark_node_get_url(n);
        const std::string url = raw ? raw : "";
        if (printableAddress(url) && url != plainText(n) && "mailto:" + plainText(n) != url)
          out += " (" + escapeMarkup(url) + ")";
        break;
      }
      case CMARK_NODE_IMAGE:
        // Appended piece by piece: `"[" + std::string` trips GCC 12's false -Wrestrict.
        out += '[';
        out += inlineMarkup(n);
        out += ']';
        break;
      default:  // raw HTML (already removed) and anything unknown: dropped
        break;
    }
  }
  return out;
}

struct Walk {
  std::vector<NoteBlock>& out;
  int depth = 0;
  bool quoted = false;
  bool tight = false;
  std::string marker;  // waiting for the first block of a list item

  void emit(BlockKind kind, std::string markup) {
    out.push_back(NoteBlock{.kind = kind,
                            .markup = std::move(markup),
                            .depth = depth,
                            .marker = std::move(marker),
                            .quoted = quoted,
                            .tight = tight});
    marker.clear();
  }

  void children(cmark_node* node) {
    for (cmark_node* n = cmark_node_first_child(node); n; n = cmark_node_next(n)) block(n);
  }

  void block(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_DOCUMENT:
        children(node);
        break;
      case CMARK_NODE_PARAGRAPH:
        emit(BlockKind::Paragraph, inlineMarkup(node));
        break;
      case CMARK_NODE_HEADING:
        emit(BlockKind::Heading, "<b>" + inlineMarkup(node) + "</b>");
        break;
      case CMARK_NODE_CODE_BLOCK: {
        std::string code = literal(node);
        while (!code.empty() && code.back() == '\n') code.pop_back();
        emit(BlockKind::Code, std::string(kCodeOpen) + escapeMarkup(code) + "</span>");
        break;
      }
      case CMARK_NODE_THEMATIC_BREAK:
        emit(BlockKind::Rule, {});
        break;
      case CMARK_NODE_BLOCK_QUOTE: {
        if (!marker.empty()) emit(BlockKind::Paragraph, {});
        Walk inner{out, depth + 1, true, false, {}};
        inner.children(node);
        break;
      }
      case CMARK_NODE_LIST: {
        // A list that opens a list item ("- - a"): the outer marker gets a line of its own.
        if (!marker.empty()) emit(BlockKind::Paragraph, {});
        const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        int number = cmark_node_get_list_start(node);
        const bool tightList = cmark_node_get_list_tight(node) != 0;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
          Walk inner{out, depth + 1, quoted, tightList, {}};
          inner.marker = ordered ? std::to_string(number++) + "." : "•";
          inner.children(item);
          if (!inner.marker.empty()) inner.emit(BlockKind::Paragraph, {});  // an empty item
        }
        if (!out.empty()) out.back().tight = false;  // the space after the whole list
        break;
      }
      default:  // raw HTML blocks (already removed) and anything unknown: dropped
        break;
    }
  }
};

}  // namespace

std::string cleanText(std::string_view text) {
  std::string out = text::toValidUtf8(text);
  std::string clean;
  clean.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c == '\r' && i + 1 < out.size() && out[i + 1] == '\n') continue;
    clean += (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ? ' ' : out[i];
  }
  return clean;
}

std::string escapeMarkup(std::string_view text) {
  const std::string clean = cleanText(text);
  const GlibString escaped{g_markup_escape_text(clean.data(), static_cast<gssize>(clean.size()))};
  return escaped ? std::string(escaped.get()) : std::string();
}

bool isValidMarkup(std::string_view markup) {
  GError* raw = nullptr;
  const bool ok = pango_parse_markup(markup.data(), static_cast<int>(markup.size()), 0, nullptr,
                                     nullptr, nullptr, &raw);
  const GlibError error{raw};
  return ok;
}

std::vector<NoteBlock> plainTextBlocks(std::string_view text) {
  std::vector<NoteBlock> blocks;
  for (const std::string& paragraph : minutes::plainParagraphs(text))
    blocks.push_back(NoteBlock{.markup = escapeMarkup(paragraph)});
  return blocks;
}

std::vector<NoteBlock> markdownToBlocks(std::string_view markdown) {
  std::vector<NoteBlock> blocks;
  if (text::isBlank(markdown)) return blocks;
  if (!minutes::withinNoteBudget(markdown)) return plainTextBlocks(markdown);
  const auto document = minutes::detail::parseMarkdown(markdown);
  if (minutes::detail::nestingDepth(document.get()) > minutes::kMaxMarkdownDepth)
    return plainTextBlocks(markdown);
  minutes::detail::removeRawHtml(document.get());
  Walk{blocks}.block(document.get());
  return blocks;
}

}  // namespace sv::pdf::detail
