// The protocol as a page of its own (minutes.html): for the screen, for printing, and for the
// archive. One renderer per format beside the document, as cmark keeps them: render_markdown for
// minutes.md, render_html for the <article>, this for the whole page around it.
#pragma once

#include <string>

namespace sv::minutes {

// A whole HTML document around a protocol <article> (renderHtml's output); `title` is plain text.
std::string renderPage(const std::string& title, const std::string& article);

}  // namespace sv::minutes
