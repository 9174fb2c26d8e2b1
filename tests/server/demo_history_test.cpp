// The demo's second authority (server/app/demo_history.hpp) through HTTP against the real server:
// Södermalm's contract has the year behind it (a registered protocol, an action the provider
// reported on, the next minutes returned with a comment on § 8), none of it is seen by Östermalm's
// people or Linnégården's, and a restart on the same data loads nothing twice.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>

#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

using namespace sv::test;

namespace {

// Whether the contract's first planned meeting this year is behind us: early in January the year
// has no history yet, and the demo tells only what has happened.
bool firstMeetingHeld(const ServerProcess& server, const std::string& token) {
  const auto contracts = array(server.get("/api/v1/contracts", token).body);
  REQUIRE(contracts->size() == 1);
  const auto id = std::to_string(number(at(contracts, 0), "id"));
  const auto meetings = array(server.get("/api/v1/contracts/" + id + "/meetings", token).body);
  REQUIRE(meetings->size() > 0);
  const std::string first = text(at(meetings, 0), "starts_at");
  const auto now = std::chrono::system_clock::now();
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT", static_cast<int>(today.year()),
                static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
  return first < std::string(buffer);
}

}  // namespace

TEST_CASE("the demo's second authority has a year behind its contract, seen only by its own",
          "[server][demo]") {
  TempDir dir;
  {
    ServerProcess server{dir.path() / "data", {}, true};
    const auto sofia = server.login("sofia.soder", kDemoPassword);
    const auto hanna = server.login("hanna.hemtjanst", kDemoPassword);
    const auto rolf = server.login("rolf.register", kDemoPassword);
    const auto anna = server.login("anna.avtal", kDemoPassword);
    const auto ulla = server.login("ulla.utforare", kDemoPassword);

    // Each side sees its own contract only.
    const auto own = array(server.get("/api/v1/contracts", hanna).body);
    REQUIRE(own->size() == 1);
    CHECK(text(at(own, 0), "title") == "Hemtjänst Söder");
    for (const auto& other : {anna, ulla}) {
      const auto theirs = array(server.get("/api/v1/contracts", other).body);
      for (std::size_t i = 0; i < theirs->size(); ++i)
        CHECK(text(at(theirs, i), "title") != "Hemtjänst Söder");
      CHECK(array(server.get("/api/v1/registry", other).body)->size() == 0);
    }

    // Its cases: the complaint whose second plan was accepted, with its report started, and the
    // acute lex Sarah case whose director and committee secretary were told; the provider sees
    // both, Östermalm's people neither.
    const auto cases = object(server.get("/api/v1/follow-up-cases", sofia).body);
    REQUIRE(number(cases, "total") == 2);
    const auto items = cases->getArray("items");
    const auto acute = at(items, 0);  // acute first
    CHECK(text(acute, "urgency") == "acute");
    CHECK(text(acute, "state") == "collecting");
    const auto told = object(
        server.get("/api/v1/follow-up-cases/" + std::to_string(number(acute, "id")), sofia).body);
    std::set<std::string> names;
    for (std::size_t i = 0; i < told->getArray("notices")->size(); ++i)
      names.insert(text(at(told->getArray("notices"), i), "name"));
    CHECK(names == std::set<std::string>{"Stina Berg", "Sam Öst"});
    const auto complaint = at(items, 1);
    CHECK(text(complaint, "trigger") == "complaints");
    CHECK(text(complaint, "state") == "feedback");
    CHECK(text(complaint, "report_state") == "draft");
    const auto complaintView = object(
        server.get("/api/v1/follow-up-cases/" + std::to_string(number(complaint, "id")), hanna)
            .body);
    CHECK(complaintView->getArray("plan_comments")->size() == 1);
    CHECK(complaintView->getArray("actions")->size() == 2);
    CHECK(number(object(server.get("/api/v1/follow-up-cases", hanna).body), "total") == 2);
    CHECK(number(object(server.get("/api/v1/follow-up-cases", anna).body), "total") == 0);
    if (!firstMeetingHeld(server, sofia)) return;

    // The registered protocol, in Södermalm's register, registered by its registrar.
    const auto registry = array(server.get("/api/v1/registry", rolf).body);
    REQUIRE(registry->size() == 1);
    CHECK(text(at(registry, 0), "contract_title") == "Hemtjänst Söder");
    CHECK(text(at(registry, 0), "registered_by") == "Rolf Ahl");
    // Its action, reported on by the provider.
    // Beside it the improvement last year's follow-up report requires, and the accepted plan's
    // two points.
    const auto actions = array(server.get("/api/v1/actions", sofia).body);
    REQUIRE(actions->size() == 4);
    int fromMeeting = 0;
    int fromReport = 0;
    for (std::size_t i = 0; i < actions->size(); ++i) {
      const auto action = at(actions, i);
      if (text(action, "responsible_person") == "Hanna Sjö") {
        ++fromMeeting;
        CHECK(text(action, "status") == "reported");
      } else if (contains(text(action, "text"), "Genomförandeplanerna ska ha mål")) {
        ++fromReport;
      }
    }
    CHECK(fromMeeting == 1);
    CHECK(fromReport == 1);
  }
  // Started again on the same data: nothing is loaded twice.
  ServerProcess again{dir.path() / "data", {}, true};
  const auto sofia = again.login("sofia.soder", kDemoPassword);
  CHECK(array(again.get("/api/v1/contracts", sofia).body)->size() == 1);
  CHECK(array(again.get("/api/v1/actions", sofia).body)->size() ==
        (firstMeetingHeld(again, sofia) ? 4u : 3u));
  CHECK(number(object(again.get("/api/v1/follow-up-cases", sofia).body), "total") == 2);
}
