#include "minutes/cmark_tree.hpp"

#include <algorithm>
#include <new>
#include <vector>

namespace sv::minutes::detail {
namespace {

constexpr int kParseOptions = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;

std::string takeBuffer(char* raw) {
  if (raw == nullptr) throw std::bad_alloc();
  const CmarkBuffer buffer{raw};
  return std::string(buffer.get());
}

MarkdownIterator iterate(cmark_node* root) {
  cmark_iter* raw = cmark_iter_new(root);
  if (raw == nullptr) throw std::bad_alloc();
  return MarkdownIterator{raw};
}

}  // namespace

void freeCmarkBuffer(char* buffer) {
  cmark_get_default_mem_allocator()->free(buffer);
}

MarkdownNode parseMarkdown(std::string_view markdown) {
  cmark_node* raw = cmark_parse_document(markdown.data(), markdown.size(), kParseOptions);
  if (raw == nullptr) throw std::bad_alloc();
  return MarkdownNode{raw};
}

void demoteHeadings(cmark_node* root, int offset) {
  if (offset == 0) return;
  const auto iter = iterate(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      const int level = cmark_node_get_heading_level(node);
      cmark_node_set_heading_level(node, std::clamp(level + offset, 1, 6));
    }
  }
}

void removeRawHtml(cmark_node* root) {
  // Collected first: a node must not be freed while the iterator stands on it.
  std::vector<cmark_node*> doomed;
  {
    const auto iter = iterate(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      const cmark_node_type type = cmark_node_get_type(node);
      if (ev == CMARK_EVENT_ENTER &&
          (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE))
        doomed.push_back(node);
    }
  }
  for (cmark_node* node : doomed) {
    cmark_node_unlink(node);
    const MarkdownNode owned{node};
  }
}

int nestingDepth(cmark_node* root) {
  const auto isLeaf = [](cmark_node_type type) {
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_THEMATIC_BREAK:
      case CMARK_NODE_CODE_BLOCK:
      case CMARK_NODE_HTML_BLOCK:
        return true;
      default:
        return false;
    }
  };
  int depth = 0, deepest = 0;
  const auto iter = iterate(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    if (isLeaf(cmark_node_get_type(cmark_iter_get_node(iter.get())))) continue;
    if (ev == CMARK_EVENT_ENTER) deepest = std::max(deepest, ++depth);
    if (ev == CMARK_EVENT_EXIT) --depth;
  }
  return deepest;
}

std::string renderSafeHtml(cmark_node* root) {
  return takeBuffer(cmark_render_html(root, CMARK_OPT_SAFE));
}

std::string renderCommonmark(cmark_node* root) {
  return takeBuffer(cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0));
}

}  // namespace sv::minutes::detail
