// Paging on every list under /api/v1 (issue 20, finding 9), against the real server and its demo
// data: `limit` and `offset`, the total in X-Total-Count, RFC 8288 Link headers a client follows
// to the last row, 400 for a bad limit or offset, and totals that count only what the caller sees.
// Before the fix GET /api/v1/actions stopped at 1000 rows without a word.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "server/store/actions.hpp"
#include "server/store/store.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;

namespace {

// Link: <url>; rel="next", <url>; rel="prev" → {"next": url, "prev": url}.
std::map<std::string, std::string> linksOf(const HttpResult& r) {
  std::map<std::string, std::string> out;
  const std::string header = r.header("link");
  std::size_t at = 0;
  while ((at = header.find('<', at)) != std::string::npos) {
    const auto close = header.find('>', at);
    const auto rel = header.find("rel=\"", close);
    if (close == std::string::npos || rel == std::string::npos) break;
    const auto relEnd = header.find('"', rel + 5);
    out[header.substr(rel + 5, relEnd - rel - 5)] = header.substr(at + 1, close - at - 1);
    at = relEnd;
  }
  return out;
}

std::int64_t totalOf(const HttpResult& r) {
  INFO(r.status << " " << r.body);
  REQUIRE_FALSE(r.header("x-total-count").empty());
  return std::stoll(r.header("x-total-count"));
}

std::string stringify(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  if (v.type() == typeid(Poco::JSON::Object::Ptr))
    v.extract<Poco::JSON::Object::Ptr>()->stringify(out);
  else
    out << v.toString();
  return out.str();
}

// The rows of a page, whether the list answers an array or a page object's "items".
std::vector<std::string> rowsOf(const HttpResult& r) {
  INFO(r.status << " " << r.body);
  REQUIRE(r.status == 200);
  Poco::JSON::Parser parser;
  const auto parsed = parser.parse(r.body);
  Poco::JSON::Array::Ptr items;
  if (parsed.type() == typeid(Poco::JSON::Array::Ptr))
    items = parsed.extract<Poco::JSON::Array::Ptr>();
  else
    items = parsed.extract<Poco::JSON::Object::Ptr>()->getArray("items");
  std::vector<std::string> out;
  for (unsigned i = 0; i < items->size(); ++i) out.push_back(stringify(items->get(i)));
  return out;
}

std::string withQuery(const std::string& path, const std::string& query) {
  return path + (path.find('?') == std::string::npos ? "?" : "&") + query;
}

// Every row of a list, page after page by its "next" link, and the total it said.
struct Walk {
  std::vector<std::string> rows;
  std::int64_t total = 0;
  int pages = 0;
};

Walk walk(const ServerProcess& server, const std::string& first, const std::string& token) {
  Walk w;
  std::string next = first;
  while (!next.empty()) {
    const auto page = server.get(next, token);
    const auto rows = rowsOf(page);
    w.rows.insert(w.rows.end(), rows.begin(), rows.end());
    w.total = totalOf(page);
    ++w.pages;
    REQUIRE(w.pages < 1000);
    const auto links = linksOf(page);
    next = links.contains("next") ? links.at("next") : std::string();
  }
  return w;
}

void requireBadRequest(const HttpResult& r, const std::string& field) {
  INFO(r.status << " " << r.body);
  REQUIRE(r.status == 400);
  CHECK(r.header("content-type") == "application/problem+json");
  CHECK(object(r.body)->optValue<std::string>("field", "") == field);
}

// The contract of one list: pages of one row, a page past the end, bad values refused.
void checkListPaging(const ServerProcess& server, const std::string& path,
                     const std::string& token) {
  INFO(path);
  const auto whole = server.get(path, token);
  const auto total = totalOf(whole);
  CHECK(std::ssize(rowsOf(whole)) == std::min<std::int64_t>(total, 100));

  const auto one = server.get(withQuery(path, "limit=1"), token);
  CHECK(totalOf(one) == total);
  CHECK(std::ssize(rowsOf(one)) == std::min<std::int64_t>(total, 1));
  auto links = linksOf(one);
  CHECK(links.contains("first"));
  CHECK(links.contains("last"));
  CHECK_FALSE(links.contains("prev"));
  CHECK(links.contains("next") == (total > 1));
  if (total > 1) {
    CHECK(contains(links.at("next"), "limit=1&offset=1"));
    const auto second = server.get(links.at("next"), token);
    CHECK(totalOf(second) == total);
    REQUIRE(rowsOf(second).size() == 1);
    CHECK(rowsOf(second) != rowsOf(one));
    CHECK(linksOf(second).contains("prev"));
  }

  // Every row once, two at a time.
  const auto all = walk(server, withQuery(path, "limit=2"), token);
  CHECK(std::ssize(all.rows) == total);
  CHECK(std::set(all.rows.begin(), all.rows.end()).size() == all.rows.size());

  const auto past = server.get(withQuery(path, "offset=" + std::to_string(total)), token);
  CHECK(rowsOf(past).empty());
  CHECK(totalOf(past) == total);
  CHECK_FALSE(linksOf(past).contains("next"));

  requireBadRequest(server.get(withQuery(path, "limit=0"), token), "limit");
  requireBadRequest(server.get(withQuery(path, "limit=abc"), token), "limit");
  requireBadRequest(server.get(withQuery(path, "limit=1001"), token), "limit");
  requireBadRequest(server.get(withQuery(path, "offset=-1"), token), "offset");
  requireBadRequest(server.get(withQuery(path, "offset=x"), token), "offset");
}

std::int64_t firstId(const ServerProcess& server, const std::string& path,
                     const std::string& token) {
  INFO(path);
  const auto rows = rowsOf(server.get(withQuery(path, "limit=1"), token));
  REQUIRE_FALSE(rows.empty());
  return number(object(rows.front()), "id");
}

}  // namespace

TEST_CASE("GET /api/v1/actions gives every action past 1000, page by page through Link",
          "[paging][actions]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::int64_t contractId = 0;
  std::int64_t before = 0;
  std::int64_t otherProviderBefore = 0;
  {
    ServerProcess server{data, {}, true};
    const auto anna = server.login("anna.avtal", kDemoPassword);
    const auto nils = server.login("nils.norr", kDemoPassword);
    contractId = firstId(server, "/api/v1/contracts", anna);
    before = totalOf(server.get("/api/v1/actions", anna));
    otherProviderBefore = totalOf(server.get("/api/v1/actions", nils));
    server.stop();
  }
  // More actions than the old silent cap of 1000, written as the store writes them.
  constexpr int kAdded = 2500;
  {
    auto opened = store::Store::open({data, 1});
    REQUIRE(opened);
    (*opened)->write([&](store::Writing& c) {
      for (int i = 0; i < kAdded; ++i) {
        store::ActionRow row;
        row.contractId = contractId;
        row.text = "Åtgärd nummer " + std::to_string(i);
        row.responsibleParty = Party::Provider;
        row.dueOn = "2099-0" + std::to_string(1 + i % 9) + "-15";
        row.agreedAt = "2026-01-01T08:00:00Z";
        row.createdAt = row.agreedAt;
        store::insertAction(c, row);
      }
      return 0;
    });
  }
  ServerProcess server{data, {}, true};
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto nils = server.login("nils.norr", kDemoPassword);

  const auto first = server.get("/api/v1/actions?limit=1000", anna);
  REQUIRE(first.status == 200);
  CHECK(rowsOf(first).size() == 1000);
  CHECK(totalOf(first) == before + kAdded);
  REQUIRE(linksOf(first).contains("next"));

  const auto all = walk(server, "/api/v1/actions?limit=1000", anna);
  CHECK(all.pages == (before + kAdded + 999) / 1000);
  CHECK(std::ssize(all.rows) == before + kAdded);
  std::set<std::int64_t> ids;
  std::string lastDue;
  for (const auto& row : all.rows) {
    const auto a = object(row);
    ids.insert(number(a, "id"));
    // Soonest due first across the pages, as on one.
    CHECK(text(a, "due_on") >= lastDue);
    lastDue = text(a, "due_on");
  }
  CHECK(std::ssize(ids) == before + kAdded);

  // The default page is 100 and says where the rest is.
  const auto plain = server.get("/api/v1/actions", anna);
  CHECK(rowsOf(plain).size() == 100);
  CHECK(contains(linksOf(plain).at("next"), "/api/v1/actions?limit=100&offset=100"));

  // The filters stay in the links, and the total is the filtered one.
  const auto filtered =
      server.get("/api/v1/actions?contract=" + std::to_string(contractId) + "&limit=10", anna);
  CHECK(totalOf(filtered) >= kAdded);
  CHECK(contains(linksOf(filtered).at("next"), "contract=" + std::to_string(contractId)));

  // Another provider's people count none of them.
  CHECK(totalOf(server.get("/api/v1/actions", nils)) == otherProviderBefore);
}

TEST_CASE("every list under /api/v1 pages with limit, offset, X-Total-Count and Link", "[paging]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const auto admin = server.login("admin", kAdminPassword);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  // The demo's follow-up reports and cases are Södermalm's.
  const auto sofia = server.login("sofia.soder", kDemoPassword);

  const auto contract = std::to_string(firstId(server, "/api/v1/contracts", anna));
  const auto meeting = std::to_string(
      number(object(rowsOf(server.get("/api/v1/registry?limit=1", anna)).at(0)), "meeting_id"));
  const auto action = std::to_string(firstId(server, "/api/v1/actions", anna));
  const auto report = std::to_string(firstId(server, "/api/v1/reports", sofia));
  const auto kase = std::to_string(firstId(server, "/api/v1/follow-up-cases", sofia));

  const std::vector<std::string> lists = {
      "/api/v1/actions",
      "/api/v1/actions?status=open",
      "/api/v1/contracts",
      "/api/v1/contracts/" + contract + "/meetings",
      "/api/v1/organizations",
      "/api/v1/users",
      "/api/v1/notifications",
      "/api/v1/service-areas",
      "/api/v1/agenda-templates",
      "/api/v1/registry",
      "/api/v1/meetings/" + meeting + "/agenda/versions",
      "/api/v1/meetings/" + meeting + "/minutes/versions",
      "/api/v1/meetings/" + meeting + "/minutes/comments",
      "/api/v1/meetings/" + meeting + "/attachments",
      "/api/v1/actions/" + action + "/attachments",
  };
  for (const auto& path : lists) checkListPaging(server, path, anna);
  for (const auto& path :
       {std::string("/api/v1/reports"), std::string("/api/v1/follow-up-cases"),
        "/api/v1/reports/" + report + "/versions", "/api/v1/reports/" + report + "/comments",
        "/api/v1/reports/" + report + "/supplements", "/api/v1/reports/" + report + "/attachments",
        "/api/v1/follow-up-cases/" + kase + "/attachments"})
    checkListPaging(server, path, sofia);
  checkListPaging(server, "/api/v1/audit?object_type=contract", admin);

  // The page object of the lists that had one keeps its fields, now with the headers.
  const auto reports = server.get("/api/v1/reports?limit=1", sofia);
  const auto page = object(reports.body);
  CHECK(number(page, "total") == totalOf(reports));
  CHECK(number(page, "limit") == 1);
  CHECK(number(page, "offset") == 0);

  // The register's older `page` still works, and its links say offset.
  const auto registry = server.get("/api/v1/registry?page=1&limit=1", anna);
  CHECK(rowsOf(registry).size() == 1);
  if (totalOf(registry) > 1) CHECK(contains(linksOf(registry).at("next"), "offset=1"));
}

TEST_CASE("a list's total counts only what the caller may see", "[paging][tenant]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const auto admin = server.login("admin", kAdminPassword);
  const auto ulla = server.login("ulla.utforare", kDemoPassword);

  for (const std::string path : {"/api/v1/contracts", "/api/v1/actions", "/api/v1/users",
                                 "/api/v1/organizations", "/api/v1/registry"}) {
    INFO(path);
    const auto everything = totalOf(server.get(path, admin));
    const auto hers = walk(server, path + "?limit=3", ulla);
    CHECK(std::ssize(hers.rows) == hers.total);
    CHECK(hers.total < everything);
  }
}

}  // namespace SV_TEST_FILE
