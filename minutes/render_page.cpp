#include "minutes/render_page.hpp"

#include "minutes/escape.hpp"

namespace sv::minutes {

std::string renderPage(const std::string& title, const std::string& article) {
  return "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         detail::escapeHtml(title) +
         "</title>\n<link rel=\"stylesheet\" href=\"/static/protocol.css\">\n</head>\n<body>\n"
         "<main>\n" +
         article + "</main>\n</body>\n</html>\n";
}

}  // namespace sv::minutes
