// The API frame against the real server on 127.0.0.1: status codes, problem+json, limits,
// security headers, login and logout, tenancy.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>

#include <filesystem>
#include <fstream>

#include "support/http_checks.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

Poco::JSON::Object::Ptr json(const std::string& text) {
  Poco::JSON::Parser parser;
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

struct Running {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string admin = server.login("admin", kAdminPassword);
};

}  // namespace

TEST_CASE("healthz answers without login", "[server][http]") {
  Running r;
  const auto health = r.server.get("/healthz");
  CHECK(health.status == 200);
  CHECK(json(health.body)->getValue<std::string>("status") == "ok");
}

TEST_CASE("the bootstrap admin logs in and a wrong password answers 401", "[server][http]") {
  Running r;
  const auto me = r.server.get("/api/v1/me", r.admin);
  REQUIRE(me.status == 200);
  CHECK(json(me.body)->getValue<std::string>("username") == "admin");
  requireProblem(r.server.post("/api/v1/session", R"({"username":"admin","password":"wrong"})"),
                 401);
  requireProblem(r.server.get("/api/v1/me"), 401);
  requireProblem(r.server.get("/api/v1/me", "not-a-token"), 401);
}

TEST_CASE("bad input answers 400, 415 or 422 and names the field", "[server][http]") {
  Running r;
  requireProblem(r.server.post("/api/v1/organizations", "{\"name\": ", r.admin), 400);
  requireProblem(r.server.post("/api/v1/organizations", "[1,2]", r.admin), 400);
  auto wrongType =
      r.server.post("/api/v1/organizations", R"({"name": 12, "kind": "provider"})", r.admin);
  requireProblem(wrongType, 400);
  CHECK(json(wrongType.body)->getValue<std::string>("field") == "name");
  auto missing = r.server.post("/api/v1/organizations", R"({"name": "Nytt AB"})", r.admin);
  requireProblem(missing, 422);
  CHECK(json(missing.body)->getValue<std::string>("field") == "kind");
  auto invalid =
      r.server.post("/api/v1/organizations", R"({"name": "Nytt AB", "kind": "bank"})", r.admin);
  requireProblem(invalid, 422);
  CHECK(json(invalid.body)->getValue<std::string>("field") == "kind");
  requireProblem(
      r.server.request("POST", "/api/v1/organizations", "name=x",
                       {{"Authorization", bearer(r.admin)}}, "application/x-www-form-urlencoded"),
      415);
  // Nothing of it was stored.
  const auto audit = r.server.get("/api/v1/audit?object_type=organization", r.admin);
  Poco::JSON::Parser parser;
  const auto entries = parser.parse(audit.body).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < entries->size(); ++i)
    CHECK(entries->getObject(static_cast<unsigned>(i))->getValue<std::string>("detail") !=
          "Nytt AB");
}

TEST_CASE("a 30 MB body answers 413 before it is read", "[server][http]") {
  Running r;
  // Only the headers are sent: the answer must come without the body.
  Poco::Net::HTTPClientSession session("127.0.0.1", r.server.port());
  Poco::Net::HTTPRequest request("POST", "/api/v1/organizations", "HTTP/1.1");
  request.setContentType("application/json");
  request.setContentLength64(30 * 1024 * 1024);
  request.set("Authorization", bearer(r.admin));
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::string body;
  std::istream& in = session.receiveResponse(response);
  std::getline(in, body, '\0');
  CHECK(response.getStatus() == 413);
  CHECK(response.getContentType() == "application/problem+json");

  // A chunked body with no declared length is cut off at the limit too.
  const std::string big(6 * 1024 * 1024, 'x');
  Poco::Net::HTTPClientSession chunked("127.0.0.1", r.server.port());
  Poco::Net::HTTPRequest chunkedRequest("POST", "/api/v1/organizations", "HTTP/1.1");
  chunkedRequest.setChunkedTransferEncoding(true);
  chunkedRequest.setContentType("application/json");
  chunkedRequest.set("Authorization", bearer(r.admin));
  try {
    chunked.sendRequest(chunkedRequest) << big;
  } catch (const Poco::Exception&) {
    // The server may close while we still send; the answer is what matters.
  }
  Poco::Net::HTTPResponse chunkedResponse;
  chunked.receiveResponse(chunkedResponse);
  CHECK(chunkedResponse.getStatus() == 413);
}

TEST_CASE("an unknown path answers 404 and a wrong method 405, both problem+json",
          "[server][http]") {
  Running r;
  requireProblem(r.server.get("/no/such/path"), 404);
  requireProblem(r.server.get("/api/v1/nothing", r.admin), 404);
  auto wrongMethod =
      r.server.request("PUT", "/api/v1/me", "{}", {{"Authorization", bearer(r.admin)}});
  requireProblem(wrongMethod, 405);
  CHECK(wrongMethod.header("allow") == "GET");
  requireProblem(r.server.get("/api/v1/users/abc", r.admin), 404);
}

TEST_CASE("every answer carries the security headers", "[server][http]") {
  Running r;
  for (const auto& answer :
       {r.server.get("/healthz"), r.server.get("/nope"), r.server.get("/api/v1/me", r.admin)}) {
    CHECK(answer.header("content-security-policy").find("frame-ancestors 'none'") !=
          std::string::npos);
    CHECK(answer.header("x-content-type-options") == "nosniff");
    CHECK_FALSE(answer.header("referrer-policy").empty());
  }
}

TEST_CASE("login sets a strict HttpOnly cookie and logout ends the token", "[server][http]") {
  Running r;
  const auto login =
      r.server.post("/api/v1/session", R"({"username":"anna.avtal","password":"samverkan-demo"})");
  REQUIRE(login.status == 201);
  const auto cookie = login.header("set-cookie");
  CHECK(cookie.find("sv_session=") == 0);
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  const auto token = json(login.body)->getValue<std::string>("token");
  REQUIRE(r.server.get("/api/v1/me", token).status == 200);
  REQUIRE(r.server.request("DELETE", "/api/v1/session", {}, {{"Authorization", bearer(token)}})
              .status == 204);
  requireProblem(r.server.get("/api/v1/me", token), 401);
}

TEST_CASE("a cookie session needs the CSRF token for changes", "[server][http][csrf]") {
  Running r;
  const auto login = r.server.post("/api/v1/session",
                                   R"({"username":"admin","password":")" + kAdminPassword + "\"}");
  const auto body = json(login.body);
  const std::string cookie = "sv_session=" + body->getValue<std::string>("token");
  const std::string csrf = body->getValue<std::string>("csrf_token");
  const std::string org = R"({"name":"Cookie AB","kind":"provider"})";
  CHECK(r.server.request("GET", "/api/v1/me", {}, {{"Cookie", cookie}}).status == 200);
  requireProblem(r.server.request("POST", "/api/v1/organizations", org, {{"Cookie", cookie}}), 403);
  requireProblem(
      r.server.request(
          "POST", "/api/v1/organizations", org,
          {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Origin", "http://evil.example"}}),
      403);
  CHECK(r.server
            .request("POST", "/api/v1/organizations", org,
                     {{"Cookie", cookie}, {"X-CSRF-Token", csrf}})
            .status == 201);
}

TEST_CASE("another tenant's objects answer 404", "[server][http][tenancy]") {
  Running r;
  const auto ulla = r.server.login("ulla.utforare", "samverkan-demo");
  const auto me = json(r.server.get("/api/v1/me", ulla).body);
  const auto ownOrg = me->getObject("organization")->getValue<std::int64_t>("id");
  Poco::JSON::Parser parser;
  const auto orgs = parser.parse(r.server.get("/api/v1/organizations", r.admin).body)
                        .extract<Poco::JSON::Array::Ptr>();
  int foreign = 0;
  for (std::size_t i = 0; i < orgs->size(); ++i) {
    const auto id = orgs->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id");
    const auto answer = r.server.get("/api/v1/organizations/" + std::to_string(id), ulla);
    if (id == ownOrg) {
      CHECK(answer.status == 200);
    } else {
      requireProblem(answer, 404);
      ++foreign;
    }
  }
  CHECK(foreign >= 2);
  const auto users =
      parser.parse(r.server.get("/api/v1/users", r.admin).body).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < users->size(); ++i) {
    const auto u = users->getObject(static_cast<unsigned>(i));
    if (u->getValue<std::string>("username") == "nils.norr")
      requireProblem(
          r.server.get("/api/v1/users/" + std::to_string(u->getValue<std::int64_t>("id")), ulla),
          404);
  }
}

TEST_CASE(
    "roles are checked: only an admin creates users, only admin and readers see the audit log",
    "[server][http][roles]") {
  Running r;
  const auto anna = r.server.login("anna.avtal", "samverkan-demo");
  requireProblem(
      r.server.post("/api/v1/organizations", R"({"name":"X AB","kind":"provider"})", anna), 403);
  requireProblem(r.server.get("/api/v1/audit", anna), 403);
  const auto lars = r.server.login("lars.lasare", "samverkan-demo");
  CHECK(r.server.get("/api/v1/audit", lars).status == 200);
  const auto verification = json(r.server.get("/api/v1/audit/verification", r.admin).body);
  CHECK(verification->getValue<bool>("intact"));
}

TEST_CASE("five wrong passwords answer 429 and leave an audit entry", "[server][http][throttle]") {
  Running r;
  for (int i = 0; i < 5; ++i)
    requireProblem(
        r.server.post("/api/v1/session", R"({"username":"ulla.utforare","password":"nope"})"), 401);
  const auto throttled = r.server.post(
      "/api/v1/session", R"({"username":"ulla.utforare","password":"samverkan-demo"})");
  requireProblem(throttled, 429);
  CHECK_FALSE(throttled.header("retry-after").empty());
  const auto audit =
      r.server.get("/api/v1/audit?object_type=account&object_id=ulla.utforare", r.admin);
  CHECK(audit.body.find("login.throttled") != std::string::npos);
}

TEST_CASE("many idle keep-alive connections do not starve a new request",
          "[server][http][connections]") {
  // Idle connections are kept for 30 s here: were a new request queued behind them (Poco's
  // thread-per-connection pool exhausted), it would wait that long and the 10 s client timeout
  // below would fail the test.
  TempDir dir;
  ServerProcess server(dir.path() / "data", {{"samverkan.http.keep_alive_seconds", "30"}});
  const auto token = server.login("admin", kAdminPassword);
  std::vector<std::unique_ptr<Poco::Net::StreamSocket>> idle;
  for (int i = 0; i < 600; ++i) {
    auto s = std::make_unique<Poco::Net::StreamSocket>();
    s->connect(Poco::Net::SocketAddress("127.0.0.1", server.port()));
    // Half of them send nothing; half send one request and then keep the connection open.
    if (i % 2 == 0) {
      const std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
      s->sendBytes(req.data(), static_cast<int>(req.size()));
    }
    idle.push_back(std::move(s));
  }
  Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest request("GET", "/api/v1/me", "HTTP/1.1");
  request.set("Authorization", bearer(token));
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  CHECK(response.getStatus() == 200);
}

// Issue 11, point 9: pages and API answers are compressed when the client accepts gzip.
TEST_CASE("answers are gzip-compressed for a client that accepts it, and only then",
          "[server][http][gzip]") {
  Running r;
  const auto plain = r.server.get("/api/v1/openapi.json");
  REQUIRE(plain.status == 200);
  CHECK(plain.header("content-encoding").empty());
  CHECK(plain.header("vary") == "Accept-Encoding");

  const auto packed = r.server.request("GET", "/api/v1/openapi.json", "",
                                       {{"Accept-Encoding", "gzip, deflate"}});
  REQUIRE(packed.status == 200);
  CHECK(packed.header("content-encoding") == "gzip");
  CHECK(packed.header("vary") == "Accept-Encoding");
  CHECK(packed.body.size() < plain.body.size() / 3);
  const auto folder = r.dir.path() / "gzip";
  std::filesystem::create_directories(folder);
  { std::ofstream(folder / "answer.gz", std::ios::binary) << packed.body; }
  // gzip(1) itself reads it back to the very bytes of the uncompressed answer.
  CHECK(runTool("gzip -dc '" + (folder / "answer.gz").string() + "'") == plain.body);

  // Refused by q=0, or too small to gain: as they are.
  CHECK(r.server.request("GET", "/api/v1/openapi.json", "", {{"Accept-Encoding", "gzip;q=0"}})
            .header("content-encoding")
            .empty());
  CHECK(r.server.request("GET", "/healthz", "", {{"Accept-Encoding", "gzip"}})
            .header("content-encoding")
            .empty());
}

}  // namespace SV_TEST_FILE
