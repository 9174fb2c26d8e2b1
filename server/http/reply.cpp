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

}  // namespace sv::http
