#include "server/http/reply.hpp"

#include <sstream>

namespace sv::http {

Reply Reply::json(const Poco::JSON::Object& object, int status) {
  std::ostringstream out;
  object.stringify(out);
  return Reply{status, "application/json", out.str(), {}, false};
}

Reply Reply::json(const Poco::JSON::Array& array, int status) {
  std::ostringstream out;
  array.stringify(out);
  return Reply{status, "application/json", out.str(), {}, false};
}

Reply Reply::text(std::string body, std::string contentType, int status) {
  return Reply{status, std::move(contentType), std::move(body), {}, false};
}

Reply Reply::download(std::string body, std::string contentType, std::string_view fileName) {
  auto reply = text(std::move(body), std::move(contentType));
  reply.header("Content-Disposition", "attachment; filename=\"" + asciiFileName(fileName) +
                                          "\"; filename*=UTF-8''" +
                                          percentEncodedFileName(fileName));
  reply.header("X-Content-Type-Options", "nosniff");
  reply.header("Content-Security-Policy", "default-src 'none'; sandbox");
  reply.header("Cache-Control", "private, no-store");
  return reply;
}

std::string percentEncodedFileName(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    // attr-char of RFC 8187: ALPHA / DIGIT / "!#$&+-.^_`|~"
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (alnum || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos)
      out += ch;
    else
      out += {'%', kHex[c >> 4], kHex[c & 0xF]};
  }
  return out;
}

}  // namespace sv::http
