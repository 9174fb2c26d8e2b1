#include "server/web/protocol_page.hpp"

namespace sv::web {

std::string escapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
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

std::string protocolPage(const std::string& title, const std::string& article) {
  return "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         escapeHtml(title) +
         "</title>\n<link rel=\"stylesheet\" href=\"/static/protocol.css\">\n</head>\n<body>\n"
         "<main>\n" +
         article + "</main>\n</body>\n</html>\n";
}

}  // namespace sv::web
