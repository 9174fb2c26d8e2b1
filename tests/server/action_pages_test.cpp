// The actions page (/atgarder) against the real binary with the demo data: the open actions a
// page at a time, soonest due first (the overdue ones lead), with the counts of the whole list,
// and the latest closed ones. A city's contract manager has tens of thousands of actions; the
// page used to list every one of them, with a query for each one's files.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "support/browser_session.hpp"
#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::int64_t totalOf(const HttpResult& r) {
  REQUIRE(r.status == 200);
  return std::stoll(r.header("x-total-count"));
}

// A new action of contract 1, due in 2099, made through the API by the contract manager; its id.
std::string newAction(ServerProcess& server, const std::string& manager, const std::string& text) {
  const auto made = requireOk(server.post("/api/v1/actions",
                                          body({{"contract_id", 1},
                                                {"text", text},
                                                {"responsible_party", "provider"},
                                                {"due_on", "2099-01-01"}}),
                                          manager),
                              201);
  return std::to_string(made->getValue<std::int64_t>("id"));
}

// The provider reports the action done and the contract manager accepts it: it is closed.
void closeAction(ServerProcess& server, const std::string& id, const std::string& provider,
                 const std::string& manager) {
  requireOk(server.post("/api/v1/actions/" + id + "/report", body({{"text", "Gjort"}}), provider));
  requireOk(
      server.post("/api/v1/actions/" + id + "/evaluate", body({{"outcome", "accepted"}}), manager));
}

}  // namespace

TEST_CASE("actions page: the open actions a page at a time, the overdue first, the counts whole",
          "[server][web][actions]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const std::string token = server.login("anna.avtal", kDemoPassword);
  // Seventy more open actions of contract 1, sixty of them overdue (due in 2020), the earliest
  // first in the list whatever the order they were made in.
  for (int i = 69; i >= 0; --i) {
    const std::string due =
        i < 60 ? "2020-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1)
               : "2099-06-" + std::to_string(10 + i - 60);
    requireOk(server.post("/api/v1/actions",
                          body({{"contract_id", 1},
                                {"text", "Sidåtgärd nummer " + std::to_string(i)},
                                {"responsible_party", "provider"},
                                {"due_on", due}}),
                          token),
              201);
  }
  const auto all = totalOf(server.get("/api/v1/actions?limit=1", token));
  const auto accepted = totalOf(server.get("/api/v1/actions?status=accepted&limit=1", token));
  const auto overdue = totalOf(server.get("/api/v1/actions?overdue=true&limit=1", token));
  const auto open = all - accepted;
  REQUIRE(open > 50);  // more than a page
  const auto pages = (open + 49) / 50;

  const Browser anna(server, "anna.avtal");
  const auto first = anna.get("/atgarder");
  REQUIRE(first.status == 200);
  CHECK(count(first.body, "<li class=\"action-card") == 50);
  CHECK(has(first.body, std::to_string(open) + " öppna åtgärder, varav " + std::to_string(overdue) +
                            " försenade."));
  CHECK(has(first.body, "Sida 1 av " + std::to_string(pages)));
  CHECK(has(first.body, "href=\"/atgarder?sida=2#oppna\" rel=\"next\""));
  CHECK_FALSE(has(first.body, "rel=\"prev\""));
  // Soonest due first: the first card is one of those due on 2020-01-01.
  std::smatch firstCard;
  REQUIRE(
      std::regex_search(first.body, firstCard, std::regex(R"(<dt>Klart senast</dt><dd>([^<]+))")));
  CHECK(has(firstCard[1].str(), "2020"));

  const auto last = anna.get("/atgarder?sida=" + std::to_string(pages));
  REQUIRE(last.status == 200);
  CHECK(count(last.body, "<li class=\"action-card") ==
        static_cast<std::size_t>(open - (pages - 1) * 50));
  CHECK(has(last.body, "rel=\"prev\""));
  CHECK_FALSE(has(last.body, "rel=\"next\""));
  CHECK(has(last.body, "Sidåtgärd nummer 69"));  // due last of all

  const auto beyond = anna.get("/atgarder?sida=99");
  REQUIRE(beyond.status == 200);
  CHECK(has(beyond.body, "Sidan finns inte: " + std::to_string(open) + " öppna åtgärder"));
  CHECK(anna.get("/atgarder?sida=abc").status == 200);  // read as the first page

  // Another provider's person sees none of them.
  const Browser nils(server, "nils.norr");
  CHECK_FALSE(has(nils.get("/atgarder").body, "Sidåtgärd"));
}

TEST_CASE("actions page: the closed actions a page at a time, the last accepted first",
          "[server][web][actions]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const std::string anna = server.login("anna.avtal", kDemoPassword);
  const std::string ulla = server.login("ulla.utforare", kDemoPassword);
  // Twenty-five more actions of contract 1, each reported by the provider and accepted, in order.
  for (int i = 0; i < 25; ++i)
    closeAction(server, newAction(server, anna, "Avslutad nummer " + std::to_string(i)), ulla,
                anna);
  const auto accepted = totalOf(server.get("/api/v1/actions?status=accepted&limit=1", anna));
  REQUIRE(accepted >= 25);
  const auto pages = (accepted + 19) / 20;
  const auto closedPart = [](const std::string& page) {
    const auto at = page.find("id=\"avslutade\"");
    REQUIRE(at != std::string::npos);
    return page.substr(at);
  };

  const Browser browser(server, "anna.avtal");
  const auto first = closedPart(browser.get("/atgarder").body);
  CHECK(count(first, "<tr><td>") == 20);
  CHECK(has(first, std::to_string(accepted) + " godtagna åtgärder, de senast godtagna först."));
  CHECK(has(first, "Sida 1 av " + std::to_string(pages)));
  CHECK(has(first, "href=\"/atgarder?avslutade=2#avslutade\" rel=\"next\""));
  CHECK(has(first, "Avslutad nummer 24"));  // the last accepted leads
  CHECK_FALSE(has(first, "Avslutad nummer 4<"));

  const auto last = closedPart(browser.get("/atgarder?avslutade=" + std::to_string(pages)).body);
  CHECK(count(last, "<tr><td>") == static_cast<std::size_t>(accepted - (pages - 1) * 20));
  CHECK(has(last, "rel=\"prev\""));
  CHECK_FALSE(has(last, "rel=\"next\""));
  // Every accepted action is on one of the pages, once.
  std::size_t seen = 0;
  for (std::int64_t p = 1; p <= pages; ++p)
    seen +=
        count(closedPart(browser.get("/atgarder?avslutade=" + std::to_string(p)).body), "<tr><td>");
  CHECK(seen == static_cast<std::size_t>(accepted));

  CHECK(has(closedPart(browser.get("/atgarder?avslutade=99").body), "Sidan finns inte."));
  // Another provider's person sees none of them.
  const Browser nils(server, "nils.norr");
  CHECK_FALSE(has(nils.get("/atgarder").body, "Avslutad nummer"));
}

TEST_CASE("actions page: each list's page links keep the page the other list is on",
          "[server][web][actions]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const std::string anna = server.login("anna.avtal", kDemoPassword);
  const std::string ulla = server.login("ulla.utforare", kDemoPassword);
  // Two pages of each list: twenty-one more accepted actions (20 a page), fifty more open ones
  // (50 a page).
  for (int i = 0; i < 71; ++i) {
    const auto id = newAction(server, anna, "Åtgärd nummer " + std::to_string(i));
    if (i < 21) closeAction(server, id, ulla, anna);
  }
  const Browser browser(server, "anna.avtal");
  // On the second page of both, every link keeps the other list where it is (& as &amp; in HTML).
  const auto both = browser.get("/atgarder?sida=2&avslutade=2");
  REQUIRE(both.status == 200);
  CHECK(has(both.body, "href=\"/atgarder?sida=1&amp;avslutade=2#oppna\" rel=\"prev\""));
  CHECK(has(both.body, "href=\"/atgarder?sida=2&amp;avslutade=1#avslutade\" rel=\"prev\""));
  // The first page of one list is left out of the other's links.
  const auto open = browser.get("/atgarder?sida=2");
  CHECK(has(open.body, "href=\"/atgarder?sida=2&amp;avslutade=2#avslutade\" rel=\"next\""));
  const auto closed = browser.get("/atgarder?avslutade=2");
  CHECK(has(closed.body, "href=\"/atgarder?sida=2&amp;avslutade=2#oppna\" rel=\"next\""));
  // The pages the links name are the pages shown: the open list's first, the closed list's second.
  CHECK(has(closed.body, "Sida 1 av "));
  CHECK(has(closed.body, "Sida 2 av "));
}

}  // namespace SV_TEST_FILE
