#include "minutes/render_page.hpp"

#include "minutes/escape.hpp"
#include "minutes/labels.hpp"

namespace sv::minutes {
namespace {

using detail::escapeHtml;

// A section of its own after the article, with the article's class so that it is styled (and
// printed) like the protocol's other tables.
std::string attachmentsSection(const std::vector<RecordAttachment>& list) {
  std::string out =
      "<section class=\"protocol protocol-attachments\" aria-labelledby=\"bilagor\">\n"
      "<h2 id=\"bilagor\">" +
      std::string(detail::kAttachments) + "</h2>\n";
  if (list.empty()) return out + "<p>" + std::string(detail::kNoAttachments) + "</p>\n</section>\n";
  out +=
      "<table>\n<thead><tr><th scope=\"col\">Fil</th><th scope=\"col\">Hör till</th>"
      "<th scope=\"col\">Storlek</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n";
  for (const RecordAttachment& a : list)
    out += "<tr><th scope=\"row\">" + escapeHtml(a.fileName) + "</th><td>" +
           escapeHtml(a.attachedTo) + "</td><td>" + detail::sizeLabel(a.size) + "</td><td><code>" +
           escapeHtml(a.sha256) + "</code></td></tr>\n";
  return out + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::string renderPage(const PageContent& content) {
  return "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escapeHtml(content.title) +
         "</title>\n<link rel=\"stylesheet\" href=\"/static/protocol.css\">\n</head>\n<body>\n"
         "<main>\n" +
         content.article + attachmentsSection(content.attachments) + "</main>\n</body>\n</html>\n";
}

}  // namespace sv::minutes
