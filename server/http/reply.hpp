// What a handler answers: status, type, body and extra headers. The dispatcher writes it.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "workflows/text.hpp"

namespace sv::http {

struct Reply {
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool closeConnection = false;
  // When set, the body instead of `body`: bytes a cache keeps, sent without a copy per request.
  std::shared_ptr<const std::string> sharedBody;
  // The same body in gzip, kept by the same cache; sent to a client that accepts gzip.
  std::shared_ptr<const std::string> sharedGzip;

  Reply& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }

  static Reply json(const Poco::JSON::Object& object, int status = 200);
  static Reply json(const Poco::JSON::Array& array, int status = 200);
  static Reply text(std::string body, std::string contentType, int status = 200);
  // A file to save, never to show: `Content-Disposition: attachment` with the name as ASCII and
  // as UTF-8 (RFC 8187), nosniff, and a sandbox should a browser open it all the same.
  static Reply download(std::string body, std::string contentType, std::string_view fileName);
  static Reply noContent() { return Reply{204, "", "", {}, false}; }
};

// A file's name in Content-Disposition: as ASCII for the quoted `filename=` of old clients
// (text::asciiFileName), and percent-encoded UTF-8 (RFC 8187) for `filename*=UTF-8''…`, which
// current clients use.
using text::asciiFileName;
std::string percentEncodedFileName(std::string_view name);

// Objects whose keys come out in the order they were set, as a reader expects.
inline Poco::JSON::Object orderedObject() {
  return Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

}  // namespace sv::http
