// What a handler answers: status, type, body and extra headers. The dispatcher writes it.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

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
  static Reply noContent() { return Reply{204, "", "", {}, false}; }
};

// Objects whose keys come out in the order they were set, as a reader expects.
inline Poco::JSON::Object orderedObject() {
  return Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

}  // namespace sv::http
