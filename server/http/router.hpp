// Routes by method and path template ("/api/v1/users/{id}"). Every route carries its API
// description, so the OpenAPI document is made from the routes that exist and cannot drift.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
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

// A header of an operation's success responses, as the OpenAPI document declares it (a client
// generated from the document, or a validating proxy, only passes on what is declared).
struct ResponseHeader {
  std::string name;  // "ETag", "Location", "Content-Disposition"
  std::string description;
  std::string type = "string";  // "integer" for a count (X-Total-Count)
};

struct ApiDoc {
  std::string operationId;
  std::string summary;
  std::string tag;
  std::string requestSchema;                     // a components/schemas name, or empty
  std::string requestType = "application/json";  // multipart/form-data for an upload
  std::string responseSchema;  // a components/schemas name, "array:<name>", or empty
  int successStatus = 200;
  std::string responseType = "application/json";
  std::vector<Parameter> parameters;
  std::vector<int> errorStatuses;  // beyond those every route may answer
  // Other success statuses with the same body and headers (200 "nothing new" beside 201).
  std::vector<int> alsoSucceeds;
  std::vector<ResponseHeader> responseHeaders;  // sent with every success response
};

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::LoggedIn;
  Handler handler;
  ApiDoc doc;
  bool documented = true;  // web pages and git transport are not part of the JSON API
  // A web page for people: the frame's own refusals (a missing CSRF token) are answered by the
  // router's page errors, in HTML, rather than as problem+json.
  bool page = false;
  // The path carries its own secret (the token of an e-mail's unsubscribe link), which is all the
  // proof a request needs: a post is not checked for the session's CSRF token, since a mail
  // program's one-click post (RFC 8058) comes without the page or the cookie.
  bool secretInPath = false;
  // The most bytes of a body this route reads, when not the frame's limit (an upload's is larger).
  std::optional<std::size_t> maxBodyBytes{};
};

// Renders the frame's refusal of a page request (404 no such page, 403 CSRF, 413 too large,
// 503 the database out of reach) as an HTML page.
using PageErrors = std::function<Reply(const Request&, int status)>;

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

  // Set by the web pages; without it every refusal is problem+json.
  void setPageErrors(PageErrors render) { pageErrors_ = std::move(render); }
  const PageErrors& pageErrors() const { return pageErrors_; }

 private:
  // Each route's pattern split once, at start-up, so that matching a request does not allocate.
  struct Compiled {
    struct Segment {
      std::string text;  // the literal, or the parameter's name
      bool parameter = false;
    };
    std::vector<Segment> segments;
    int literals = 0;
  };

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;  // parallel to routes_
  PageErrors pageErrors_;
};

}  // namespace sv::http
