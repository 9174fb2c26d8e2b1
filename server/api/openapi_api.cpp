#include <Poco/JSON/Parser.h>

#include <map>
#include <sstream>

#include "server/api/api.hpp"

namespace sv::api::assets {
const std::map<std::string, std::string_view>& files();
}

namespace sv::api {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object refTo(const std::string& path) {
  Object o;
  o.set("$ref", path);
  return o;
}

Object schemaFor(const std::string& name) {
  if (name.starts_with("array:")) {
    Object array;
    array.set("type", "array");
    array.set("items", refTo("#/components/schemas/" + name.substr(6)));
    return array;
  }
  return refTo("#/components/schemas/" + name);
}

std::string statusKey(int status) {
  return std::to_string(status);
}

bool isIdName(const std::string& name) {
  return name == "id" || name.ends_with("_id");
}

Object describe(const http::Route& route) {
  const auto& doc = route.doc;
  Object op(Poco::JSON_PRESERVE_KEY_ORDER);
  op.set("operationId", doc.operationId);
  op.set("summary", doc.summary);
  Array tags;
  tags.add(doc.tag);
  op.set("tags", tags);

  Array params;
  bool hasPathParams = false;
  std::istringstream segments(route.pattern);
  for (std::string seg; std::getline(segments, seg, '/');) {
    if (seg.size() < 3 || seg.front() != '{') continue;
    hasPathParams = true;
    const std::string name = seg.substr(1, seg.size() - 2);
    Object p;
    p.set("name", name);
    p.set("in", "path");
    p.set("required", true);
    Object schema;
    schema.set("type", isIdName(name) ? "integer" : "string");
    p.set("schema", schema);
    params.add(p);
  }
  for (const auto& extra : doc.parameters) {
    Object p;
    p.set("name", extra.name);
    p.set("in", extra.in);
    p.set("required", extra.required);
    if (!extra.description.empty()) p.set("description", extra.description);
    Object schema;
    schema.set("type", extra.type);
    p.set("schema", schema);
    params.add(p);
  }
  if (params.size() > 0) op.set("parameters", params);

  if (!doc.requestSchema.empty()) {
    Object media;
    media.set("schema", schemaFor(doc.requestSchema));
    Object content;
    content.set(doc.requestType, media);
    Object body;
    body.set("required", true);
    body.set("content", content);
    op.set("requestBody", body);
  }

  Object responses(Poco::JSON_PRESERVE_KEY_ORDER);
  Object success;
  success.set("description", doc.summary);
  if (!doc.responseSchema.empty() || doc.responseType != "application/json") {
    Object media;
    if (doc.responseSchema.empty()) {
      Object schema;
      schema.set("type", "string");
      if (doc.responseType == "application/pdf" || doc.responseType == "application/zip" ||
          doc.responseType == "application/octet-stream")
        schema.set("format", "binary");
      media.set("schema", schema);
    } else {
      media.set("schema", schemaFor(doc.responseSchema));
    }
    Object content;
    content.set(doc.responseType, media);
    success.set("content", content);
  }
  if (!doc.responseHeaders.empty()) {
    Object headers(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& h : doc.responseHeaders) {
      Object header;
      header.set("description", h.description);
      Object schema;
      schema.set("type", h.type);
      header.set("schema", schema);
      headers.set(h.name, header);
    }
    success.set("headers", headers);
  }
  responses.set(statusKey(doc.successStatus), success);
  for (int status : doc.alsoSucceeds) responses.set(statusKey(status), success);
  std::set<int> errors(doc.errorStatuses.begin(), doc.errorStatuses.end());
  if (route.access == http::Access::LoggedIn) errors.insert(401);
  if (hasPathParams) errors.insert(404);
  if (!doc.requestSchema.empty()) errors.insert({400, 413, 415, 422});
  for (int status : errors)
    responses.set(statusKey(status), refTo("#/components/responses/Problem"));
  Object fallback = refTo("#/components/responses/Problem");
  responses.set("default", fallback);
  op.set("responses", responses);
  if (route.access == http::Access::Public) op.set("security", Array());
  return op;
}

std::string buildDocument(const http::Router& router) {
  Object doc(Poco::JSON_PRESERVE_KEY_ORDER);
  doc.set("openapi", "3.0.3");
  Object info(Poco::JSON_PRESERVE_KEY_ORDER);
  info.set("title", "Samverkan API");
  info.set("version", "1.0.0");
  info.set("description",
           "Contracts, meetings, agendas and minutes of samverkansmöten between an authority and "
           "its contracted care providers. Errors are application/problem+json.");
  doc.set("info", info);
  Array servers;
  Object server;
  server.set("url", "/");
  servers.add(server);
  doc.set("servers", servers);
  Array security;
  Object bearer;
  bearer.set("bearer", Array());
  Object cookie;
  cookie.set("session", Array());
  security.add(bearer);
  security.add(cookie);
  doc.set("security", security);

  std::map<std::string, Object> paths;  // sorted by path
  for (const auto& route : router.routes()) {
    if (!route.documented) continue;
    std::string method = route.method;
    std::ranges::transform(method, method.begin(), ::tolower);
    paths[route.pattern].set(method, describe(route));
  }
  Object pathsJson(Poco::JSON_PRESERVE_KEY_ORDER);
  for (auto& [path, item] : paths) pathsJson.set(path, item);
  doc.set("paths", pathsJson);

  Poco::JSON::Parser parser;
  const auto& assets = sv::api::assets::files();
  doc.set("components", parser.parse(std::string(assets.at("api/openapi/components.json"))));
  std::ostringstream out;
  doc.stringify(out, 1);
  return out.str();
}

}  // namespace

void registerOpenApi(http::Router& router, Services&) {
  // Built on first request, from the complete route table (this route describes itself too).
  auto cached = std::make_shared<std::string>();
  auto once = std::make_shared<std::once_flag>();
  router.add({"GET",
              "/api/v1/openapi.json",
              http::Access::Public,
              [&router, cached, once](http::Request&) -> Result<http::Reply> {
                std::call_once(*once, [&] { *cached = buildDocument(router); });
                return http::Reply::text(*cached, "application/json");
              },
              {.operationId = "getOpenApi",
               .summary = "This API's OpenAPI 3 description",
               .tag = "system"}});
}

}  // namespace sv::api
