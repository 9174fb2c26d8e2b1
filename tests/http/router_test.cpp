#include <catch2/catch.hpp>

#include <string>

#include "server/http/router.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using sv::http::Reply;
using sv::http::Request;
using sv::http::Route;
using sv::http::Router;

namespace {

Route route(std::string method, std::string pattern) {
  return Route{std::move(method), std::move(pattern), sv::http::Access::Public,
               [](Request&) -> sv::Result<Reply> { return Reply{}; }};
}

Router minutesRoutes() {
  Router router;
  router.add(route("GET", "/api/v1/meetings/{id}/minutes/{version}"));
  router.add(route("GET", "/api/v1/meetings/{id}/minutes/versions"));
  router.add(route("GET", "/api/v1/meetings/{id}/minutes"));
  router.add(route("PUT", "/api/v1/meetings/{id}/minutes"));
  router.add(route("POST", "/api/v1/meetings/{id}/minutes"));
  router.add(route("GET", "/healthz"));
  return router;
}

}  // namespace

TEST_CASE("a path template matches with its parameters", "[http][router]") {
  const auto router = minutesRoutes();
  const auto match = router.match("GET", "/api/v1/meetings/12/minutes");
  REQUIRE(match.route);
  CHECK(match.route->pattern == "/api/v1/meetings/{id}/minutes");
  CHECK(match.params == std::map<std::string, std::string>{{"id", "12"}});
}

TEST_CASE("literal segments win over parameters, whatever the order of the routes",
          "[http][router]") {
  const auto router = minutesRoutes();
  const auto versions = router.match("GET", "/api/v1/meetings/3/minutes/versions");
  REQUIRE(versions.route);
  CHECK(versions.route->pattern == "/api/v1/meetings/{id}/minutes/versions");
  CHECK(versions.params == std::map<std::string, std::string>{{"id", "3"}});
  const auto one = router.match("GET", "/api/v1/meetings/3/minutes/b41f");
  REQUIRE(one.route);
  CHECK(one.route->pattern == "/api/v1/meetings/{id}/minutes/{version}");
  CHECK(one.params == std::map<std::string, std::string>{{"id", "3"}, {"version", "b41f"}});
}

TEST_CASE("HEAD is answered by the GET route", "[http][router]") {
  const auto router = minutesRoutes();
  const auto match = router.match("HEAD", "/healthz");
  REQUIRE(match.route);
  CHECK(match.route->method == "GET");
}

TEST_CASE("a path that exists for other methods names them", "[http][router]") {
  const auto router = minutesRoutes();
  const auto match = router.match("DELETE", "/api/v1/meetings/4/minutes");
  CHECK_FALSE(match.route);
  CHECK(match.allowedMethods == std::vector<std::string>{"GET", "PUT", "POST"});
}

TEST_CASE("paths that match no template match nothing", "[http][router]") {
  const auto router = minutesRoutes();
  for (const std::string path :
       {"/api/v1/meetings//minutes", "/api/v1/meetings/4/minutes/", "/api/v1/meetings/4",
        "/healthz/", "healthz", "", "/", "/api/v1/meetings/4/minutes/versions/extra",
        "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z"}) {
    INFO(path);
    const auto match = router.match("GET", path);
    CHECK_FALSE(match.route);
    CHECK(match.allowedMethods.empty());
    CHECK(match.params.empty());
  }
}

}  // namespace SV_TEST_FILE
