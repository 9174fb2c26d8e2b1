// The protocol as a page of its own (minutes.html): for the screen, for printing, and for the
// archive. One renderer per format beside the document, as cmark keeps them: render_markdown for
// minutes.md, render_html for the <article>, this for the whole page around it.
#pragma once

#include <string>
#include <vector>

#include "minutes/report_record.hpp"

namespace sv::minutes {

// What the page is made of. The attachments are not part of the minutes' text (they are kept
// beside it, store/attachments.hpp), so the caller reads them and passes them in.
struct PageContent {
  std::string title;    // plain text
  std::string article;  // renderHtml's output
  // The meeting's and the minutes' attachments, oldest first: a "Bilagor" section after the
  // article with each file's name, what it belongs to, size and SHA-256, or "Inga bilagor.".
  std::vector<RecordAttachment> attachments;
};

// A whole HTML document around a protocol <article>; every attachment's text is HTML-escaped.
std::string renderPage(const PageContent& content);

}  // namespace sv::minutes
