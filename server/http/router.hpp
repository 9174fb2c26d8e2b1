// Routes by method and path template ("/api/v1/users/{id}"). Every route carries its API
// description, so the OpenAPI document is made from the routes that exist and cannot drift.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/http/reply.hpp"
#include "server/http/request.hpp"

namespace sv::http {

using Handler = std::function<Result<Reply>(Request&)>;

enum class Access { Public, LoggedIn };

struct Parameter {
  std::string name;
  std::string in;  // "query" or "header"
  std::string description;
  std::string type = "string";  // "string", "integer", "boolean"
  bool required = false;
};

struct ApiDoc {
  std::string operationId;
  std::string summary;
  std::string tag;
  std::string requestSchema;   // a components/schemas name, or empty
  std::string responseSchema;  // a components/schemas name, "array:<name>", or empty
  int successStatus = 200;
  std::string responseType = "application/json";
  std::vector<Parameter> parameters;
  std::vector<int> errorStatuses;  // beyond those every route may answer
};

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::LoggedIn;
  Handler handler;
  ApiDoc doc;
  bool documented = true;  // web pages and git transport are not part of the JSON API
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::vector<std::string> allowedMethods;  // when the path exists but not for this method
};

class Router {
 public:
  void add(Route route);
  RouteMatch match(const std::string& method, const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace sv::http
