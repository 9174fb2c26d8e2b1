// Issue 20, what an attack run found, each against the real server with the demo data: the
// audit log of another authority, an administrator at a provider, broken percent-escapes, the
// login lock under parallel guesses, and the frame's smaller holes (Poco's own 400, ids with
// leading zeros, a login form without Origin, a Content-Length that is no number).
#include <catch2/catch.hpp>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

struct Running {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string admin = server.login("admin", kAdminPassword);

  std::int64_t organizationNamed(const std::string& prefix) const {
    const auto orgs = requireArray(server.get("/api/v1/organizations", admin));
    for (std::size_t i = 0; i < orgs->size(); ++i) {
      const auto org = orgs->getObject(static_cast<unsigned>(i));
      if (text(org, "name").starts_with(prefix)) return number(org, "id");
    }
    FAIL("no organisation named " << prefix);
    return 0;
  }
  HttpResult createUser(const std::string& username, std::int64_t organization,
                        const std::string& role) const {
    return server.post("/api/v1/users",
                       R"({"username":")" + username + R"(","name":"Ny Person","email":")" +
                           username + R"(@example.se","password":")" + kDemoPassword +
                           R"(","organization_id":)" + std::to_string(organization) +
                           R"(,"roles":[")" + role + R"("]})",
                       admin);
  }
};

// Raw bytes on a new connection and the answer's head (and what came with it), within 5 s.
std::string rawExchange(unsigned short port, const std::string& bytes) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  std::string answer;
  char buffer[4096];
  try {
    while (true) {
      const int n = socket.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(n));
    }
  } catch (const Poco::Exception&) {
    // The time is up: what came is the answer.
  }
  return answer;
}

bool hasHeader(const std::string& answer, const std::string& line) {
  return answer.find("\r\n" + line + "\r\n") != std::string::npos;
}

}  // namespace

TEST_CASE("issue 20.2: a reader of another authority does not read this authority's audit log",
          "[server][issue20][audit][tenancy]") {
  Running r;
  const auto south = r.organizationNamed("Södermalms");
  requireOk(r.createUser("rut.lasare", south, "reader"), 201);
  const auto rut = r.server.login("rut.lasare", kDemoPassword);
  const auto lars = r.server.login("lars.lasare", kDemoPassword);

  // Contract 1 is Östermalm's: its own reader sees its entries, Södermalm's reader none.
  const std::string contractOne = "/api/v1/audit?object_type=contract&object_id=1";
  CHECK(requireArray(r.server.get(contractOne, lars))->size() > 0);
  const auto foreign = r.server.get(contractOne, rut);
  CHECK(requireArray(foreign)->size() == 0);
  CHECK(foreign.body.find("Linnégården") == std::string::npos);

  // Unfiltered, Södermalm's reader sees Södermalm's contracts and nothing of Östermalm's.
  const auto own = requireArray(r.server.get("/api/v1/contracts", rut));
  REQUIRE(own->size() > 0);
  const auto ownId = std::to_string(number(own->getObject(0), "id"));
  CHECK(requireArray(r.server.get("/api/v1/audit?object_type=contract&object_id=" + ownId, rut))
            ->size() > 0);
  const auto all = requireArray(r.server.get("/api/v1/audit", rut));
  for (std::size_t i = 0; i < all->size(); ++i) {
    const auto entry = all->getObject(static_cast<unsigned>(i));
    INFO(text(entry, "action") << " " << text(entry, "object_type") << " "
                               << text(entry, "object_id"));
    CHECK_FALSE((text(entry, "object_type") == "contract" && text(entry, "object_id") == "1"));
    CHECK(text(entry, "actor") != "anna.avtal");
  }
  // The administrator still sees every tenant's entries.
  CHECK(requireArray(r.server.get(contractOne, r.admin))->size() > 0);
}

TEST_CASE("issue 20.3: a provider's people are provider_rep only; an admin there is refused",
          "[server][issue20][roles]") {
  Running r;
  const auto provider = r.organizationNamed("Omsorgshuset Linnégården");
  const auto refused = requireProblem(r.createUser("pa.admin", provider, "admin"), 422);
  CHECK(text(refused, "reason") == "role-of-authority");
  CHECK(text(refused, "field") == "roles");
  requireProblem(r.createUser("pa.reader", provider, "reader"), 422);
  // Nothing was created: the name cannot log in.
  CHECK(
      r.server
          .post("/api/v1/session", R"({"username":"pa.admin","password":")" + kDemoPassword + "\"}")
          .status == 401);
  requireOk(r.createUser("pa.rep", provider, "provider_rep"), 201);
}

TEST_CASE("issue 20.6: malformed percent-encoding answers 400 problem+json",
          "[server][issue20][http]") {
  Running r;
  const auto anna = r.server.login("anna.avtal", kDemoPassword);
  for (const std::string path : {"/%zz", "/api/v1/actions?contract=%zz", "/api/v1/%"}) {
    INFO(path);
    requireProblem(r.server.get(path), 400);
    requireProblem(r.server.get(path, anna), 400);
  }
  requireProblem(r.server.request("POST", "/api/v1/organizations?x=%g1", "{}",
                                  {{"Authorization", bearer(r.admin)}}),
                 400);
  // A proper escape still reaches its route.
  CHECK(r.server.get("/api/v1/contracts/%31", anna).status == 200);
}

TEST_CASE("issue 20.7: of 30 parallel wrong guesses at most 5 are evaluated, the rest get 429",
          "[server][issue20][throttle]") {
  Running r;
  std::map<int, int> statuses;
  std::mutex lock;
  std::vector<std::thread> guesses;
  for (int i = 0; i < 30; ++i)
    guesses.emplace_back([&] {
      const auto answer = r.server.post("/api/v1/session",
                                        R"({"username":"sofia.soder","password":"fel-gissning"})");
      std::lock_guard hold(lock);
      ++statuses[answer.status];
    });
  for (auto& g : guesses) g.join();
  INFO("401: " << statuses[401] << ", 429: " << statuses[429]);
  // A 401 is a guess that reached Argon2; the lock admits exactly five of them.
  CHECK(statuses[401] == 5);
  CHECK(statuses[429] == 25);
  CHECK(statuses.size() == 2);
  // The right password is locked out too, and the lock was recorded once.
  requireProblem(r.server.post("/api/v1/session",
                               R"({"username":"sofia.soder","password":")" + kDemoPassword + "\"}"),
                 429);
  const auto audit = requireArray(
      r.server.get("/api/v1/audit?object_type=account&object_id=sofia.soder", r.admin));
  int throttled = 0;
  for (std::size_t i = 0; i < audit->size(); ++i)
    if (text(audit->getObject(static_cast<unsigned>(i)), "action") == "login.throttled")
      ++throttled;
  CHECK(throttled == 1);
}

TEST_CASE("issue 20.11: a request line Poco cannot read gets our 400 with the security headers",
          "[server][issue20][http]") {
  Running r;
  // A head longer than 16 KiB is refused by the listener before Poco reads it (431, finding 4).
  for (const auto& [garbage, status] :
       {std::pair{std::string("GARBAGE\r\n\r\n"), std::string("400")},
        std::pair{"GET /" + std::string(20'000, 'a') + " HTTP/1.1\r\n\r\n", std::string("431")}}) {
    INFO(garbage.substr(0, 40));
    const auto answer = rawExchange(r.server.port(), garbage);
    CHECK(answer.starts_with("HTTP/1.1 " + status));
    CHECK(hasHeader(answer, "Content-Type: application/problem+json"));
    CHECK(hasHeader(answer, "X-Content-Type-Options: nosniff"));
    CHECK(hasHeader(answer, "X-Frame-Options: DENY"));
    CHECK(answer.find("Content-Security-Policy: default-src 'self'") != std::string::npos);
  }
  // The server goes on answering.
  CHECK(r.server.get("/healthz").status == 200);
}

TEST_CASE("issue 20.11: a Content-Length that is no number is answered 400, not dropped",
          "[server][issue20][http]") {
  Running r;
  for (const std::string length : {"1e99", "ten", "99999999999999999999999"}) {
    INFO(length);
    const auto answer = rawExchange(
        r.server.port(),
        "POST /api/v1/organizations HTTP/1.1\r\nHost: x\r\nAuthorization: " + bearer(r.admin) +
            "\r\nContent-Type: application/json\r\nContent-Length: " + length +
            "\r\n\r\n{\"name\":\"Längd AB\",\"kind\":\"provider\"}");
    CHECK(answer.starts_with("HTTP/1.1 400"));
    CHECK(hasHeader(answer, "Content-Type: application/problem+json"));
    CHECK(hasHeader(answer, "X-Content-Type-Options: nosniff"));
  }
  CHECK(r.server.get("/api/v1/organizations", r.admin).body.find("Längd AB") == std::string::npos);
}

TEST_CASE("issue 20.11: an id with leading zeros names nothing", "[server][issue20][http]") {
  Running r;
  const auto anna = r.server.login("anna.avtal", kDemoPassword);
  CHECK(r.server.get("/api/v1/contracts/1", anna).status == 200);
  for (const std::string path : {"/api/v1/contracts/01", "/api/v1/contracts/0001",
                                 "/api/v1/meetings/002", "/api/v1/contracts/0"}) {
    INFO(path);
    requireProblem(r.server.get(path, anna), 404);
  }
}

TEST_CASE("issue 20.11: the login form refuses a post without our Origin",
          "[server][issue20][csrf]") {
  Running r;
  const std::string form = "username=anna.avtal&password=" + kDemoPassword + "&next=%2F";
  const std::string host = "127.0.0.1:" + std::to_string(r.server.port());
  const auto post = [&](const std::map<std::string, std::string>& headers) {
    return r.server.request("POST", "/logga-in", form, headers,
                            "application/x-www-form-urlencoded");
  };
  const auto bare = post({});
  CHECK(bare.status == 403);
  CHECK(bare.header("set-cookie").empty());
  CHECK(post({{"Origin", "http://evil.example"}}).status == 403);
  CHECK(post({{"Referer", "http://evil.example/logga-in"}}).status == 403);
  CHECK(post({{"Referer", "http://" + host + ".evil.example/"}}).status == 403);
  // A browser's post from our own page.
  const auto ours = post({{"Origin", "http://" + host}});
  CHECK(ours.status == 303);
  CHECK_FALSE(ours.header("set-cookie").empty());
  CHECK(post({{"Referer", "http://" + host + "/logga-in"}}).status == 303);
}

}  // namespace SV_TEST_FILE
