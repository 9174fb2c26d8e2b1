// A request as handlers see it: already routed, its body read within the limit, its caller
// authenticated where the route asks for it. Handlers never touch Poco's request objects.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "server/http/identity.hpp"
#include "workflows/result.hpp"

namespace sv::http {

struct Request {
  std::string method;
  std::string path;
  std::map<std::string, std::string> pathParams;
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string contentType;                  // without parameters, lower-case
  std::shared_ptr<const Identity> session;  // none when not logged in

  const Principal& principal() const { return session->principal(); }
  std::optional<std::string> header(const std::string& lowerName) const;
  std::optional<std::string> queryValue(const std::string& name) const;
  // A path parameter that must be a positive integer id; anything else is "not found".
  Result<std::int64_t> idParam(const std::string& name) const;
};

}  // namespace sv::http
