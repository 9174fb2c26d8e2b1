// Issue 19 point 14 over HTTP against the real server: a new observation or action in a minutes
// save needs no "id", and a caller who may not do a thing hears 403 (or 404) before any 422
// about the fields it sent.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string admin = server.login("admin", kAdminPassword);
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string lars = server.login("lars.lasare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);

  HttpResult send(const std::string& method, const std::string& path, const std::string& json,
                  const std::string& token, const std::string& ifMatch = {}) const {
    std::map<std::string, std::string> headers{{"Authorization", bearer(token)}};
    if (!ifMatch.empty()) headers["If-Match"] = ifMatch;
    return server.request(method, path, json, headers);
  }
};

// A problem+json answer with this status (support/http_checks.hpp) and, when given, this reason.
void requireRefusal(const HttpResult& r, int status, const std::string& reason = {}) {
  const auto problem = requireProblem(r, status);
  if (!reason.empty()) CHECK(text(problem, "reason") == reason);
}

}  // namespace

TEST_CASE("roles first: a new observation and action in a save need no id",
          "[server][minutes][issue19]") {
  Fixture f;
  REQUIRE(f.server.post("/api/v1/meetings/1/agenda/publish", "", f.anna).status == 200);
  const auto started = f.server.post("/api/v1/meetings/1/minutes", "", f.anna);
  REQUIRE(started.status == 201);
  const auto answer = object(started.body);
  const auto version = text(answer, "version");
  auto document = answer->getObject("minutes");
  auto section = document->getArray("sections")->getObject(0);
  Poco::JSON::Object observation;  // no "id" at all
  observation.set("text", "Fler avvikelser i mars");
  section->getArray("observations")->add(observation);
  Poco::JSON::Object action;
  action.set("text", "Se över rutinen");
  action.set("responsible_party", "provider");
  action.set("responsible_person", "");
  action.set("due_date", "2026-12-31");
  section->getArray("actions")->add(action);
  Poco::JSON::Object out;
  out.set("minutes", document);
  std::ostringstream json;
  out.stringify(json);

  const auto saved =
      f.send("PUT", "/api/v1/meetings/1/minutes", json.str(), f.anna, "\"" + version + "\"");
  INFO(saved.body);
  REQUIRE(saved.status == 200);
  const auto first = object(saved.body)->getObject("minutes")->getArray("sections")->getObject(0);
  CHECK(text(first->getArray("observations")->getObject(0), "id") == "o1");
  CHECK(text(first->getArray("actions")->getObject(0), "id") == "a1");
}

TEST_CASE("roles first: a provider creating a contract hears 403, not which field is missing",
          "[server][contracts][issue19]") {
  Fixture f;
  requireRefusal(f.server.post("/api/v1/contracts", body({{"title", "Eget avtal"}}), f.ulla), 403,
                 "not-contract-manager");
  requireRefusal(f.server.post("/api/v1/contracts", "{}", f.ulla), 403, "not-contract-manager");
  requireRefusal(f.send("PATCH", "/api/v1/contracts/1", body({{"provider_id", 99}}), f.ulla), 403,
                 "not-contract-manager");
  // The contract manager is told about the field.
  requireRefusal(f.server.post("/api/v1/contracts", body({{"title", "Eget avtal"}}), f.anna), 422);
}

TEST_CASE("roles first: the other POST and PUT endpoints answer the role before the fields",
          "[server][issue19]") {
  Fixture f;
  requireRefusal(f.server.post("/api/v1/contracts/1/meetings", "{}", f.ulla), 403);
  requireRefusal(
      f.server.post("/api/v1/contracts/1/meetings", body({{"starts_at", "snart"}}), f.ulla), 403);
  requireRefusal(f.server.post("/api/v1/contracts/1/meetings", "{}", f.anna), 422);
  requireRefusal(f.server.post("/api/v1/contracts/1/meeting-plan", "{}", f.ulla), 403);
  requireRefusal(f.server.post("/api/v1/contracts/1/meeting-plan", "{}", f.anna), 422);
  Poco::JSON::Array people;
  Poco::JSON::Object nobody;
  nobody.set("role", "chair");  // no user_id
  people.add(nobody);
  Poco::JSON::Object change;
  change.set("participants", people);
  std::ostringstream participants;
  change.stringify(participants);
  requireRefusal(f.send("PATCH", "/api/v1/meetings/1", participants.str(), f.ulla), 403,
                 "not-contract-manager");
  requireRefusal(f.server.post("/api/v1/organizations", "{}", f.ulla), 403, "not-administrator");
  requireRefusal(f.server.post("/api/v1/users", "{}", f.anna), 403, "not-administrator");
  requireRefusal(f.server.post("/api/v1/organizations", "{}", f.admin), 422);
  requireRefusal(f.server.post("/api/v1/actions", body({{"contract_id", 1}}), f.ulla), 403);
  requireRefusal(f.server.post("/api/v1/actions", body({{"contract_id", 1}}), f.anna), 422);
  requireRefusal(f.server.post("/api/v1/meetings/1/agenda/items", "{}", f.lars), 403);
  requireRefusal(f.server.post("/api/v1/meetings/1/agenda/items", "{}", f.ulla), 422);
  // Another provider's meeting is not there at all, whatever the body.
  requireRefusal(f.server.post("/api/v1/meetings/1/agenda/items", "{}", f.nils), 404);

  REQUIRE(f.server.post("/api/v1/meetings/1/agenda/publish", "", f.anna).status == 200);
  const auto started = f.server.post("/api/v1/meetings/1/minutes", "", f.anna);
  REQUIRE(started.status == 201);
  const auto etag = "\"" + text(object(started.body), "version") + "\"";
  const std::string broken = R"({"minutes": {"header": {}}})";
  requireRefusal(f.send("PUT", "/api/v1/meetings/1/minutes", broken, f.ulla, etag), 403,
                 "not-minutes-writer");
  requireRefusal(f.send("PUT", "/api/v1/meetings/1/minutes", broken, f.nils, etag), 404);
  const auto own = f.send("PUT", "/api/v1/meetings/1/minutes", broken, f.anna, etag);
  INFO(own.body);
  CHECK((own.status == 400 || own.status == 422));
}

}  // namespace SV_TEST_FILE
