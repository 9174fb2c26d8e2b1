// A browser's session against the real server, for the tests of the Swedish pages: logged in
// through the API, it carries the session cookie and posts urlencoded forms with the CSRF token
// the pages' forms carry.
#pragma once

#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <string>
#include <utility>
#include <vector>

#include "support/json.hpp"
#include "support/server_process.hpp"

namespace sv::test {

inline std::string formEncoded(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "&=+%#?/", out);
  return out;
}

struct Browser {
  const ServerProcess& server;
  std::string cookie;
  std::string csrf;

  Browser(const ServerProcess& s, const std::string& username,
          const std::string& password = kDemoPassword)
      : server(s) {
    const auto r = s.post("/api/v1/session",
                          R"({"username":")" + username + R"(","password":")" + password + "\"}");
    REQUIRE(r.status == 201);
    Poco::JSON::Parser parser;
    const auto body = parser.parse(r.body).extract<Poco::JSON::Object::Ptr>();
    cookie = "sv_session=" + body->getValue<std::string>("token");
    csrf = body->getValue<std::string>("csrf_token");
  }
  HttpResult get(const std::string& path) const {
    return server.request("GET", path, {}, {{"Cookie", cookie}});
  }
  // `fields` as an urlencoded form, with the CSRF token unless told otherwise.
  HttpResult post(const std::string& path,
                  const std::vector<std::pair<std::string, std::string>>& fields,
                  bool withToken = true) const {
    std::string body = withToken ? "csrf_token=" + formEncoded(csrf) : std::string();
    for (const auto& [name, value] : fields)
      body += (body.empty() ? "" : "&") + formEncoded(name) + "=" + formEncoded(value);
    return server.request("POST", path, body, {{"Cookie", cookie}},
                          "application/x-www-form-urlencoded");
  }
};

}  // namespace sv::test
