// The demo's second authority (server/app/demo_history.hpp) through HTTP against the real server:
// Södermalm's contract has the year behind it (a registered protocol, an action the provider
// reported on, the next minutes returned with a comment on § 8), none of it is seen by Östermalm's
// people or Linnégården's, and a restart on the same data loads nothing twice. And the demo's
// two years in both authorities (server/app/demo_year.hpp): the yearly summary has figures for
// every chart.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>

#include "support/browser_session.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

// Södermalm's first contract, the one this test follows (the demo gives Södermalm a second).
Poco::JSON::Object::Ptr hemtjanstSoder(const ServerProcess& server, const std::string& token) {
  const auto contracts = array(server.get("/api/v1/contracts", token).body);
  for (std::size_t i = 0; i < contracts->size(); ++i)
    if (text(at(contracts, i), "title") == "Hemtjänst Söder") return at(contracts, i);
  FAIL("no contract Hemtjänst Söder");
  return nullptr;
}

// Whether the contract's first planned meeting this year is more than ten days behind us (its
// minutes are then registered): early in the year the demo tells only what has happened.
bool firstMeetingHeld(const ServerProcess& server, const std::string& token) {
  const auto id = std::to_string(number(hemtjanstSoder(server, token), "id"));
  const auto meetings = array(server.get("/api/v1/contracts/" + id + "/meetings", token).body);
  REQUIRE(meetings->size() > 0);
  const std::string first = text(at(meetings, 0), "starts_at");
  const auto now = std::chrono::system_clock::now() - std::chrono::days(10);
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT", static_cast<int>(today.year()),
                static_cast<unsigned>(today.month()), static_cast<unsigned>(today.day()));
  return first < std::string(buffer);
}

// The actions of Hemtjänst Söder.
std::size_t actionsOf(const ServerProcess& server, const std::string& token) {
  const auto id = std::to_string(number(hemtjanstSoder(server, token), "id"));
  return array(server.get("/api/v1/actions?contract=" + id, token).body)->size();
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
      const auto register_ = array(server.get("/api/v1/registry", other).body);
      for (std::size_t i = 0; i < register_->size(); ++i)
        CHECK(text(at(register_, i), "contract_title") != "Hemtjänst Söder");
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
    int registered = 0;
    for (std::size_t i = 0; i < registry->size(); ++i) {
      if (text(at(registry, i), "contract_title") != "Hemtjänst Söder") continue;
      ++registered;
      CHECK(text(at(registry, i), "registered_by") == "Rolf Ahl");
    }
    CHECK(registered == 1);
    // Its action, reported on by the provider.
    // Beside it the improvement last year's follow-up report requires, and the accepted plan's
    // two points.
    const auto actions =
        array(server
                  .get("/api/v1/actions?contract=" +
                           std::to_string(number(hemtjanstSoder(server, sofia), "id")),
                       sofia)
                  .body);
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
  CHECK(array(again.get("/api/v1/contracts", sofia).body)->size() == 2);
  CHECK(actionsOf(again, sofia) == (firstMeetingHeld(again, sofia) ? 4u : 3u));
  CHECK(number(object(again.get("/api/v1/follow-up-cases", sofia).body), "total") == 2);
}

namespace {

double decimal(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  REQUIRE_FALSE(o->isNull(key));
  return o->getValue<double>(key);
}

// The figures of an authority's year (the caller's) and its charts' figures (issue 15's "done
// when"): meetings held and cancelled with a reason, per provider; minutes returned and approved
// with a note of disagreement, most within two weeks; actions in every state at year end, some
// overdue; and last year beside it.
void checkDemoYear(const ServerProcess& server, const std::string& token,
                   const std::string& authority, int year) {
  INFO(authority << " " << year);
  const auto report =
      object(server.get("/api/v1/reports/annual?year=" + std::to_string(year), token).body);
  REQUIRE(text(report, "authority_name") == authority);
  const auto current = report->getObject("totals")->getObject("current");
  const auto meetings = current->getObject("meetings");
  CHECK(number(meetings, "held") > 0);
  CHECK(number(meetings, "cancelled") > 0);
  const auto reasons = meetings->getArray("cancel_reasons");
  REQUIRE(reasons->size() > 0);
  for (std::size_t i = 0; i < reasons->size(); ++i) CHECK(text(at(reasons, i), "reason") != "");
  const auto minutes = current->getObject("minutes");
  CHECK(number(minutes, "returns") > 0);
  CHECK(number(minutes, "disagreements") > 0);
  CHECK(number(minutes, "registered") > 0);
  CHECK(decimal(minutes, "median_days_to_approval") < 30);
  const auto days = minutes->getObject("approval_days");
  const auto soon = number(days, "days_0_7") + number(days, "days_8_14");
  const auto later =
      number(days, "days_15_21") + number(days, "days_22_30") + number(days, "days_over_30");
  CHECK(soon > later);
  CHECK(later > 0);
  const auto actions = current->getObject("actions");
  const auto states = actions->getObject("by_state_at_year_end");
  for (const char* state : {"open", "reported", "accepted", "insufficient"}) {
    INFO(state);
    CHECK(number(states, state) > 0);
  }
  CHECK(number(actions, "overdue_at_year_end") > 0);
  CHECK(number(actions, "found_insufficient") > 0);
  // Last year, for the comparison.
  const auto previous = report->getObject("totals")->getObject("previous");
  CHECK(number(previous->getObject("meetings"), "planned") > 0);
  CHECK(number(previous->getObject("meetings"), "held") > 0);
  CHECK(number(previous->getObject("minutes"), "approved_by_both") > 0);
  // Held against planned for at least two providers.
  const auto providers = report->getArray("providers");
  int withMeetings = 0;
  for (std::size_t i = 0; i < providers->size(); ++i) {
    const auto figures = at(providers, i)->getObject("figures")->getObject("current");
    if (number(figures->getObject("meetings"), "planned") > 0) ++withMeetings;
  }
  CHECK(withMeetings >= 2);
}

}  // namespace

TEST_CASE("the demo's yearly summary has figures for every chart in both authorities",
          "[server][demo][annual]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const auto today = sv::toStockholm(std::chrono::system_clock::now()).date;
  // The demo's year ends with its November meetings' minutes registered a few weeks later; until
  // then the year is told as far as it has come, and last year is the one whose story is whole.
  const int year = static_cast<int>(today.year()) - (today.month() < std::chrono::December ? 1 : 0);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto sofia = server.login("sofia.soder", kDemoPassword);
  if (year == static_cast<int>(today.year())) {
    checkDemoYear(server, anna, "Östermalms stadsdelsförvaltning", year);
    checkDemoYear(server, sofia, "Södermalms stadsdelsförvaltning", year);
  } else {
    WARN("before December: only last year's meetings are checked");
    for (const auto& token : {anna, sofia}) {
      const auto report =
          object(server.get("/api/v1/reports/annual?year=" + std::to_string(year), token).body);
      const auto meetings =
          report->getObject("totals")->getObject("current")->getObject("meetings");
      CHECK(number(meetings, "held") > 0);
      CHECK(number(meetings, "cancelled") > 0);
    }
  }

  // The page draws each of the four charts for both.
  for (const auto& who : {"anna.avtal", "sofia.soder"}) {
    const Browser browser(server, who);
    const auto page = browser.get("/arsrapport?ar=" + std::to_string(year));
    REQUIRE(page.status == 200);
    std::size_t charts = 0;
    for (auto at = page.body.find("<svg"); at != std::string::npos;
         at = page.body.find("<svg", at + 1))
      ++charts;
    CHECK(charts >= 4);
  }
}

TEST_CASE("the demo's summary of last year is registered, with its archival package",
          "[server][demo][annual]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const auto today = sv::toStockholm(std::chrono::system_clock::now()).date;
  // Written in February, registered on the 19th (server/app/demo_annual.cpp).
  if (today < sv::Date{today.year(), std::chrono::February, std::chrono::day(20)}) {
    WARN("before 20 February: last year's summary is not registered yet");
    return;
  }
  const std::string last = std::to_string(static_cast<int>(today.year()) - 1);
  const auto sofia = server.login("sofia.soder", kDemoPassword);
  const auto record = object(server.get("/api/v1/reports/annual/record?year=" + last, sofia).body);
  CHECK(record->getValue<std::string>("state") == "registered");
  CHECK(record->getValue<std::string>("approved_by") == "Stina Berg");
  // Registered on the timeline's day, not the day the demo was loaded.
  CHECK(record->getValue<std::string>("registered_at")
            .starts_with(std::to_string(static_cast<int>(today.year())) + "-02-19"));
  const Browser browser(server, "sofia.soder");
  CHECK(browser.get("/arsrapport?ar=" + last).body.find("Ladda ned arkivpaketet (zip)") !=
        std::string::npos);
  const auto zip = server.get("/api/v1/reports/annual/archive?year=" + last, sofia);
  CHECK(zip.status == 200);
  // Östermalm wrote none: nothing registered there.
  const auto anna = server.login("anna.avtal", kDemoPassword);
  CHECK(object(server.get("/api/v1/reports/annual/record?year=" + last, anna).body)
            ->getValue<bool>("started") == false);
}

}  // namespace SV_TEST_FILE
