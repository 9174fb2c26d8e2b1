// Internal: cmark with one owner per C handle, and the transformations that keep a note's
// Markdown inside its section: headings demoted, raw HTML removed.
#pragma once

#include <cmark.h>

#include <memory>
#include <string>
#include <string_view>

#include "workflows/handle.hpp"

namespace sv::minutes::detail {

using sv::Handle;  // the project's one owner of C handles (workflows/handle.hpp)

void freeCmarkBuffer(char* buffer);  // with cmark's own allocator, which made it

using MarkdownNode = Handle<cmark_node, cmark_node_free>;
using MarkdownIterator = Handle<cmark_iter, cmark_iter_free>;
using CmarkBuffer = Handle<char, freeCmarkBuffer>;

// Parses user Markdown; ill-formed UTF-8 becomes U+FFFD. Never fails short of running out of
// memory (then std::bad_alloc).
MarkdownNode parseMarkdown(std::string_view markdown);

// Every heading's level becomes min(6, level + offset).
void demoteHeadings(cmark_node* root, int offset);

// Raw HTML blocks and inline HTML are taken out of the tree, so neither renderer can emit them.
void removeRawHtml(cmark_node* root);

// The deepest nesting of containers (block quotes, lists, emphasis, links, …) in the tree.
int nestingDepth(cmark_node* root);

// HTML in cmark's safe mode: no raw HTML; javascript:, vbscript:, file: and most data: URLs
// become empty.
std::string renderSafeHtml(cmark_node* root);

// CommonMark text, not wrapped, that parses back to the same structure. Slow on deep nesting
// (cmark 0.30's renderer is quadratic or worse in the depth of nested emphasis): check
// nestingDepth first.
std::string renderCommonmark(cmark_node* root);

}  // namespace sv::minutes::detail
