// Contracts, the meeting year and single meetings through HTTP against the real server: the year's
// plan, rescheduling and cancelling, participants and their roles, validation and tenancy.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

// The demo data (anna.avtal, ulla.utforare of Linnégården, nils.norr of Hemtjänst i Norr), with
// the tokens and ids a test needs.
struct Demo {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string admin = server.login("admin", kAdminPassword);
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);

  HttpResult get(const std::string& path, const std::string& token) const {
    return server.get(path, token);
  }
  HttpResult post(const std::string& path, const std::string& json,
                  const std::string& token) const {
    return server.post(path, json, token);
  }
  HttpResult patch(const std::string& path, const std::string& json,
                   const std::string& token) const {
    return server.request("PATCH", path, json, {{"Authorization", bearer(token)}});
  }

  std::int64_t organization(const std::string& name) const {
    const auto orgs = array(get("/api/v1/organizations", admin).body);
    for (std::size_t i = 0; i < orgs->size(); ++i)
      if (text(at(orgs, i), "name") == name) return number(at(orgs, i), "id");
    FAIL("no organisation " << name);
    return 0;
  }
  std::int64_t user(const std::string& username) const {
    const auto users = array(get("/api/v1/users", admin).body);
    for (std::size_t i = 0; i < users->size(); ++i)
      if (text(at(users, i), "username") == username) return number(at(users, i), "id");
    FAIL("no user " << username);
    return 0;
  }
  std::int64_t linnegarden() const { return organization("Omsorgshuset Linnégården AB"); }
  std::int64_t norr() const { return organization("Hemtjänst i Norr AB"); }

  // A contract made by anna; REQUIREs 201.
  std::int64_t contract(const std::string& reference, std::int64_t providerId,
                        const std::string& startsOn, const std::optional<std::string>& endsOn,
                        int meetingsPerYear) const {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("title", "Avtal " + reference);
    o.set("provider_id", providerId);
    o.set("service_area", "hemtjanst");
    o.set("reference", reference);
    o.set("starts_on", startsOn);
    if (endsOn) o.set("ends_on", *endsOn);
    o.set("meetings_per_year", meetingsPerYear);
    std::ostringstream json;
    o.stringify(json);
    const auto r = post("/api/v1/contracts", json.str(), anna);
    INFO(r.body);
    REQUIRE(r.status == 201);
    const auto c = object(r.body);
    CHECK(r.header("location") == "/api/v1/contracts/" + std::to_string(number(c, "id")));
    CHECK(number(c, "meetings_per_year") == meetingsPerYear);
    return number(c, "id");
  }

  HttpResult plan(std::int64_t contractId, int year, const std::string& token) const {
    return post("/api/v1/contracts/" + std::to_string(contractId) + "/meeting-plan",
                body({{"year", year}}), token);
  }

  Poco::JSON::Array::Ptr meetings(std::int64_t contractId) const {
    const auto r = get("/api/v1/contracts/" + std::to_string(contractId) + "/meetings", anna);
    REQUIRE(r.status == 200);
    return array(r.body);
  }

  Poco::JSON::Object::Ptr meeting(std::int64_t id) const {
    const auto r = get("/api/v1/meetings/" + std::to_string(id), anna);
    REQUIRE(r.status == 200);
    return object(r.body);
  }
};

// "2030-02-12 kl. 13.00" -> year, month, and the date as text.
struct LocalDate {
  int year;
  int month;
  std::string date;
};

LocalDate localDateOf(const Poco::JSON::Object::Ptr& meeting) {
  const std::string local = text(meeting, "starts_at_local");
  REQUIRE(local.size() >= 10);
  return {std::stoi(local.substr(0, 4)), std::stoi(local.substr(5, 2)), local.substr(0, 10)};
}

std::vector<std::int64_t> idsOf(const Poco::JSON::Array::Ptr& meetings) {
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < meetings->size(); ++i) ids.push_back(number(at(meetings, i), "id"));
  return ids;
}

// Every planned meeting of `plan` is in `year`, in the period of its slot (the year divided in
// `perYear` equal parts), has ends_at after starts_at, and its slots are the ones listed.
void checkPlanned(const Poco::JSON::Array::Ptr& created, int year, int perYear,
                  const std::vector<int>& slots) {
  REQUIRE(created->size() == slots.size());
  for (std::size_t i = 0; i < created->size(); ++i) {
    const auto m = at(created, i);
    INFO("meeting " << i << ": " << text(m, "starts_at_local"));
    const auto plan = m->getObject("plan");
    REQUIRE(plan);
    CHECK(plan->getValue<int>("year") == year);
    const int slot = plan->getValue<int>("slot");
    CHECK(slot == slots[i]);
    const auto local = localDateOf(m);
    CHECK(local.year == year);
    const int firstMonth = 12 * (slot - 1) / perYear + 1;
    const int nextFirst = 12 * slot / perYear + 1;
    CHECK(local.month >= firstMonth);
    CHECK(local.month < nextFirst);
    CHECK(text(m, "ends_at") > text(m, "starts_at"));
    CHECK(text(m, "status") == "planned");
    CHECK(number(m, "sequence") == 0);
  }
}

}  // namespace

TEST_CASE("a year's plan gives the contract's number of meetings, a second run adds none",
          "[server][meetings][plan]") {
  Demo d;
  const auto provider = d.linnegarden();

  SECTION("quarterly, the default") {
    const auto id = d.contract("PLAN-4", provider, "2029-01-01", std::nullopt, 4);
    const auto first = d.plan(id, 2030, d.anna);
    INFO(first.body);
    REQUIRE(first.status == 201);
    const auto plan = object(first.body);
    CHECK(plan->getValue<int>("year") == 2030);
    checkPlanned(plan->getArray("created"), 2030, 4, {1, 2, 3, 4});
    CHECK(plan->getArray("existing")->size() == 0);
    const auto listed = d.meetings(id);
    CHECK(listed->size() == 4);
    std::set<std::string> dates;
    for (std::size_t i = 0; i < listed->size(); ++i) dates.insert(localDateOf(at(listed, i)).date);
    CHECK(dates.size() == 4);

    const auto second = d.plan(id, 2030, d.anna);
    INFO(second.body);
    REQUIRE(second.status == 200);
    const auto again = object(second.body);
    CHECK(again->getArray("created")->size() == 0);
    CHECK(idsOf(again->getArray("existing")) == idsOf(plan->getArray("created")));
    CHECK(idsOf(d.meetings(id)) == idsOf(listed));

    // Another year adds that year's meetings next to these.
    const auto next = d.plan(id, 2031, d.anna);
    REQUIRE(next.status == 201);
    checkPlanned(object(next.body)->getArray("created"), 2031, 4, {1, 2, 3, 4});
    CHECK(d.meetings(id)->size() == 8);
  }

  SECTION("six a year") {
    const auto id = d.contract("PLAN-6", provider, "2030-01-01", std::nullopt, 6);
    const auto first = d.plan(id, 2030, d.anna);
    INFO(first.body);
    REQUIRE(first.status == 201);
    checkPlanned(object(first.body)->getArray("created"), 2030, 6, {1, 2, 3, 4, 5, 6});
    CHECK(d.meetings(id)->size() == 6);
    const auto second = d.plan(id, 2030, d.anna);
    REQUIRE(second.status == 200);
    CHECK(object(second.body)->getArray("created")->size() == 0);
    CHECK(object(second.body)->getArray("existing")->size() == 6);
    CHECK(d.meetings(id)->size() == 6);
  }

  SECTION("a contract starting mid-year gets the meetings after its start, slots kept") {
    const auto id = d.contract("PLAN-MID", provider, "2030-06-01", std::nullopt, 4);
    const auto first = d.plan(id, 2030, d.anna);
    INFO(first.body);
    REQUIRE(first.status == 201);
    const auto created = object(first.body)->getArray("created");
    checkPlanned(created, 2030, 4, {3, 4});
    for (std::size_t i = 0; i < created->size(); ++i)
      CHECK(localDateOf(at(created, i)).date >= "2030-06-01");
    const auto second = d.plan(id, 2030, d.anna);
    REQUIRE(second.status == 200);
    CHECK(object(second.body)->getArray("created")->size() == 0);
    CHECK(d.meetings(id)->size() == 2);
  }

  SECTION("a contract ending mid-year gets the meetings before its end") {
    const auto id = d.contract("PLAN-END", provider, "2029-01-01", "2030-06-30", 6);
    const auto first = d.plan(id, 2030, d.anna);
    INFO(first.body);
    REQUIRE(first.status == 201);
    const auto created = object(first.body)->getArray("created");
    checkPlanned(created, 2030, 6, {1, 2, 3});
    for (std::size_t i = 0; i < created->size(); ++i)
      CHECK(localDateOf(at(created, i)).date <= "2030-06-30");
    // A year outside the contract adds nothing and says why (issue 19 point 13: it was a 200
    // that the page showed as "Året var redan planerat").
    const auto outside = d.plan(id, 2031, d.anna);
    INFO(outside.body);
    REQUIRE(outside.status == 422);
    CHECK(object(outside.body)->getValue<std::string>("reason") == "year-outside-contract");
    CHECK(object(outside.body)->getValue<std::string>("field") == "year");
    CHECK(d.meetings(id)->size() == 3);
  }

  SECTION("a rescheduled or cancelled meeting keeps its slot: planning again adds none") {
    const auto id = d.contract("PLAN-KEEP", provider, "2030-01-01", std::nullopt, 4);
    REQUIRE(d.plan(id, 2030, d.anna).status == 201);
    const auto listed = d.meetings(id);
    const auto moved = number(at(listed, 0), "id");
    const auto cancelled = number(at(listed, 1), "id");
    REQUIRE(d.patch("/api/v1/meetings/" + std::to_string(moved),
                    body({{"starts_at", "2030-03-20T09:00:00+01:00"}}), d.anna)
                .status == 200);
    REQUIRE(d.patch("/api/v1/meetings/" + std::to_string(cancelled),
                    body({{"status", "cancelled"}, {"cancel_reason", "Krockar med tillsyn"}}),
                    d.anna)
                .status == 200);
    const auto again = d.plan(id, 2030, d.anna);
    INFO(again.body);
    REQUIRE(again.status == 200);
    CHECK(object(again.body)->getArray("created")->size() == 0);
    CHECK(object(again.body)->getArray("existing")->size() == 4);
    CHECK(d.meetings(id)->size() == 4);
  }

  SECTION("only the authority's contract manager plans; bad years are refused") {
    const auto id = d.contract("PLAN-WHO", provider, "2030-01-01", std::nullopt, 4);
    requireProblem(d.plan(id, 2030, d.ulla), 403);
    requireProblem(d.plan(id, 2030, d.nils), 404);
    requireProblem(d.plan(id, 1800, d.anna), 422, "year");
    requireProblem(
        d.post("/api/v1/contracts/" + std::to_string(id) + "/meeting-plan", "{}", d.anna), 422,
        "year");
    requireProblem(d.post("/api/v1/contracts/" + std::to_string(id) + "/meeting-plan",
                          R"({"year":"2030"})", d.anna),
                   400, "year");
    CHECK(d.meetings(id)->size() == 0);
  }
}

TEST_CASE("a single meeting outside the contract period answers 422 naming starts_at",
          "[server][meetings]") {
  Demo d;
  const auto id = d.contract("SINGLE-1", d.linnegarden(), "2030-03-01", "2030-10-31", 4);
  const std::string path = "/api/v1/contracts/" + std::to_string(id) + "/meetings";

  requireProblem(d.post(path, body({{"starts_at", "2030-02-28T13:00"}}), d.anna), 422, "starts_at");
  requireProblem(d.post(path, body({{"starts_at", "2030-11-01T10:00:00+01:00"}}), d.anna), 422,
                 "starts_at");
  // 22:30 UTC on 28 February is 23:30 in Stockholm, the day before the contract starts.
  requireProblem(d.post(path, body({{"starts_at", "2030-02-28T22:30:00Z"}}), d.anna), 422,
                 "starts_at");
  requireProblem(d.post(path, body({{"starts_at", "not a time"}}), d.anna), 422, "starts_at");
  requireProblem(d.post(path, "{}", d.anna), 422, "starts_at");
  requireProblem(d.post(path, body({{"starts_at", "2030-05-05T10:00"}}), d.ulla), 403);
  requireProblem(d.post(path, body({{"starts_at", "2030-05-05T10:00"}}), d.nils), 404);
  CHECK(d.meetings(id)->size() == 0);

  // 23:30 UTC is 00:30 on 1 March in Stockholm: the first day, inside.
  const auto first = d.post(path, body({{"starts_at", "2030-02-28T23:30:00Z"}}), d.anna);
  INFO(first.body);
  REQUIRE(first.status == 201);
  const auto lastDay = d.post(
      path, body({{"starts_at", "2030-10-31T15:00"}, {"location", "Stadshuset, rum 3"}}), d.anna);
  INFO(lastDay.body);
  REQUIRE(lastDay.status == 201);
  const auto m = object(lastDay.body);
  CHECK(lastDay.header("location") == "/api/v1/meetings/" + std::to_string(number(m, "id")));
  CHECK(text(m, "starts_at") == "2030-10-31T14:00:00Z");
  CHECK(text(m, "location") == "Stadshuset, rum 3");
  CHECK(text(m, "status") == "planned");
  CHECK(m->isNull("plan"));
  CHECK(number(m, "contract_id") == id);
  CHECK(d.meetings(id)->size() == 2);

  // Rescheduling out of the period is refused the same way and changes nothing.
  const std::string meetingPath = "/api/v1/meetings/" + std::to_string(number(m, "id"));
  requireProblem(d.patch(meetingPath, body({{"starts_at", "2030-11-01T10:00"}}), d.anna), 422,
                 "starts_at");
  const auto after = d.meeting(number(m, "id"));
  CHECK(text(after, "starts_at") == "2030-10-31T14:00:00Z");
  CHECK(number(after, "sequence") == number(m, "sequence"));
}

TEST_CASE("rescheduling raises the sequence, cancelling needs a reason and is final",
          "[server][meetings]") {
  Demo d;
  const auto id = d.contract("RESCHED-1", d.linnegarden(), "2030-01-01", std::nullopt, 4);
  REQUIRE(d.plan(id, 2030, d.anna).status == 201);
  const auto before = d.meetings(id);
  const auto first = at(before, 0);
  const auto meetingId = number(first, "id");
  const std::string path = "/api/v1/meetings/" + std::to_string(meetingId);
  const auto sequence = number(first, "sequence");

  // Reschedule: the sequence goes up, the length of the meeting is kept.
  const auto moved = d.patch(path, body({{"starts_at", "2030-03-04T09:30:00+01:00"}}), d.anna);
  INFO(moved.body);
  REQUIRE(moved.status == 200);
  auto m = object(moved.body);
  CHECK(text(m, "starts_at") == "2030-03-04T08:30:00Z");
  CHECK(text(m, "ends_at") == "2030-03-04T10:30:00Z");
  CHECK(number(m, "sequence") == sequence + 1);
  CHECK(number(d.meeting(meetingId), "sequence") == sequence + 1);
  // The same time again is no change and no new sequence.
  REQUIRE(d.patch(path, body({{"starts_at", "2030-03-04T08:30:00Z"}}), d.anna).status == 200);
  CHECK(number(d.meeting(meetingId), "sequence") == sequence + 1);
  // A new place is a change the invited need to see.
  const auto relocated = d.patch(path, body({{"location", "Linnégården, matsalen"}}), d.anna);
  REQUIRE(relocated.status == 200);
  CHECK(number(object(relocated.body), "sequence") == sequence + 2);

  // Only the contract manager changes a meeting.
  requireProblem(d.patch(path, body({{"starts_at", "2030-03-05T09:30"}}), d.ulla), 403);
  requireProblem(d.patch(path, body({{"starts_at", "2030-03-05T09:30"}}), d.nils), 404);
  requireProblem(d.patch(path, body({{"status", "planned"}}), d.anna), 422, "status");

  // Cancelling needs a reason; without one nothing at all changes, not even a reschedule sent
  // along in the same request.
  requireProblem(d.patch(path, body({{"status", "cancelled"}}), d.anna), 422, "cancel_reason");
  requireProblem(d.patch(path, body({{"status", "cancelled"}, {"cancel_reason", "   "}}), d.anna),
                 422, "cancel_reason");
  requireProblem(
      d.patch(path, body({{"starts_at", "2030-03-06T10:00"}, {"status", "cancelled"}}), d.anna),
      422, "cancel_reason");
  requireProblem(d.patch(path, body({{"cancel_reason", "Sjukdom"}}), d.anna), 422, "cancel_reason");
  m = d.meeting(meetingId);
  CHECK(text(m, "status") == "planned");
  CHECK(text(m, "starts_at") == "2030-03-04T08:30:00Z");
  CHECK(number(m, "sequence") == sequence + 2);

  const auto cancelled = d.patch(
      path, body({{"status", "cancelled"}, {"cancel_reason", "Utföraren byter lokaler"}}), d.anna);
  INFO(cancelled.body);
  REQUIRE(cancelled.status == 200);
  m = object(cancelled.body);
  CHECK(text(m, "status") == "cancelled");
  CHECK(text(m, "cancel_reason") == "Utföraren byter lokaler");
  CHECK(number(m, "sequence") == sequence + 3);

  // It stays in the list, cancelled.
  const auto after = d.meetings(id);
  REQUIRE(after->size() == before->size());
  bool found = false;
  for (std::size_t i = 0; i < after->size(); ++i)
    if (number(at(after, i), "id") == meetingId) {
      found = true;
      CHECK(text(at(after, i), "status") == "cancelled");
    }
  CHECK(found);

  // A cancelled meeting is not rescheduled, moved or cancelled again.
  requireProblem(d.patch(path, body({{"starts_at", "2030-03-11T10:00"}}), d.anna), 409);
  requireProblem(d.patch(path, body({{"location", "Någon annanstans"}}), d.anna), 409);
  requireProblem(d.patch(path, body({{"status", "cancelled"}, {"cancel_reason", "igen"}}), d.anna),
                 409);
  m = d.meeting(meetingId);
  CHECK(text(m, "starts_at") == "2030-03-04T08:30:00Z");
  CHECK(number(m, "sequence") == sequence + 3);
}

TEST_CASE("participants: a chair, a secretary and one adjuster per party of the contract",
          "[server][meetings][participants]") {
  Demo d;
  const auto id = d.contract("PART-1", d.linnegarden(), "2030-01-01", std::nullopt, 4);
  const auto created = d.post("/api/v1/contracts/" + std::to_string(id) + "/meetings",
                              body({{"starts_at", "2030-04-15T13:00"}}), d.anna);
  REQUIRE(created.status == 201);
  const auto meetingId = number(object(created.body), "id");
  const std::string path = "/api/v1/meetings/" + std::to_string(meetingId);
  const auto anna = d.user("anna.avtal");
  const auto lars = d.user("lars.lasare");
  const auto ulla = d.user("ulla.utforare");
  const auto nils = d.user("nils.norr");

  auto participants = [](std::vector<std::tuple<std::int64_t, std::string, std::string>> list) {
    Poco::JSON::Array a;
    for (const auto& [user, role, party] : list) {
      Poco::JSON::Object p(Poco::JSON_PRESERVE_KEY_ORDER);
      p.set("user_id", user);
      p.set("role", role);
      if (!party.empty()) p.set("party", party);
      a.add(p);
    }
    Poco::JSON::Object o;
    o.set("participants", a);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
  };

  const auto ok = d.patch(path,
                          participants({{anna, "chair", ""},
                                        {lars, "secretary", "authority"},
                                        {anna, "adjuster", "authority"},
                                        {ulla, "adjuster", "provider"}}),
                          d.anna);
  INFO(ok.body);
  REQUIRE(ok.status == 200);
  const auto set = object(ok.body)->getArray("participants");
  REQUIRE(set->size() == 4);
  std::set<std::tuple<std::int64_t, std::string, std::string>> got;
  for (std::size_t i = 0; i < set->size(); ++i) {
    const auto p = at(set, i);
    got.insert({number(p, "user_id"), text(p, "role"), text(p, "party")});
  }
  CHECK(got == std::set<std::tuple<std::int64_t, std::string, std::string>>{
                   {anna, "chair", "authority"},
                   {lars, "secretary", "authority"},
                   {anna, "adjuster", "authority"},
                   {ulla, "adjuster", "provider"}});
  const auto before = d.get(path, d.anna).body;

  // Two adjusters for one party.
  requireProblem(
      d.patch(path, participants({{anna, "adjuster", ""}, {lars, "adjuster", ""}}), d.anna), 422,
      "participants[1]");
  requireProblem(d.patch(path,
                         participants({{anna, "chair", ""},
                                       {ulla, "adjuster", ""},
                                       {anna, "adjuster", ""},
                                       {lars, "adjuster", "authority"}}),
                         d.anna),
                 422, "participants[3]");
  // An adjuster said to be the provider's who belongs to the authority.
  requireProblem(
      d.patch(path, participants({{lars, "chair", ""}, {anna, "adjuster", "provider"}}), d.anna),
      422, "participants[1].party");
  // A user of another provider.
  requireProblem(d.patch(path, participants({{anna, "chair", ""}, {nils, "adjuster", ""}}), d.anna),
                 422, "participants[1].user_id");
  requireProblem(d.patch(path, participants({{nils, "participant", ""}}), d.anna), 422,
                 "participants[0].user_id");
  // Someone outside both parties is answered like an id that does not exist: no name, no hint
  // that they exist (nils.norr is of a provider with no contract with this authority; the
  // administrator is of another authority).
  const auto unknownDetail = text(
      object(d.patch(path, participants({{999999, "participant", ""}}), d.anna).body), "detail");
  for (const auto outsider : {nils, d.user("admin")}) {
    const auto answer = d.patch(path, participants({{outsider, "participant", ""}}), d.anna);
    requireProblem(answer, 422, "participants[0].user_id");
    CHECK(text(object(answer.body), "detail") == unknownDetail);
    CHECK(answer.body.find("Nils") == std::string::npos);
    CHECK(answer.body.find("Administrat") == std::string::npos);
  }
  // Two chairs, two secretaries, an unknown role, an unknown user.
  requireProblem(d.patch(path, participants({{anna, "chair", ""}, {lars, "chair", ""}}), d.anna),
                 422, "participants[1]");
  requireProblem(
      d.patch(path, participants({{anna, "secretary", ""}, {ulla, "secretary", ""}}), d.anna), 422,
      "participants[1]");
  requireProblem(d.patch(path, participants({{anna, "ordförande", ""}}), d.anna), 422,
                 "participants[0].role");
  requireProblem(d.patch(path, participants({{999999, "chair", ""}}), d.anna), 422,
                 "participants[0].user_id");
  requireProblem(d.patch(path, R"({"participants":[42]})", d.anna), 400, "participants[0]");
  // Only the contract manager sets them.
  requireProblem(d.patch(path, participants({{ulla, "chair", ""}}), d.ulla), 403);

  // None of it changed the meeting.
  CHECK(d.get(path, d.anna).body == before);
}

TEST_CASE("contract validation: service area, who creates, a unique reference",
          "[server][contracts]") {
  Demo d;
  const auto provider = d.linnegarden();
  const auto countBefore = array(d.get("/api/v1/contracts", d.anna).body)->size();
  const auto make = [&](const std::string& reference, const std::string& area,
                        const std::string& token) {
    return d.post("/api/v1/contracts",
                  body({{"title", "Hemtjänst Vasastan"},
                        {"provider_id", provider},
                        {"service_area", area},
                        {"reference", reference},
                        {"starts_on", "2030-01-01"}}),
                  token);
  };

  requireProblem(make("SDN 2030/0001", "tandvard", d.anna), 422, "service_area");
  requireProblem(make("SDN 2030/0001", "hemtjanst", d.ulla), 403);
  requireProblem(make("SDN 2030/0001", "hemtjanst", d.nils), 403);
  requireProblem(d.post("/api/v1/contracts",
                        body({{"provider_id", provider},
                              {"service_area", "hemtjanst"},
                              {"reference", "SDN 2030/0001"},
                              {"starts_on", "2030-01-01"}}),
                        d.anna),
                 422, "title");
  requireProblem(d.post("/api/v1/contracts",
                        body({{"title", "X"},
                              {"provider_id", d.organization("Östermalms stadsdelsförvaltning")},
                              {"service_area", "hemtjanst"},
                              {"reference", "SDN 2030/0001"},
                              {"starts_on", "2030-01-01"}}),
                        d.anna),
                 422, "provider_id");
  CHECK(array(d.get("/api/v1/contracts", d.anna).body)->size() == countBefore);

  const auto created = make("SDN 2030/0001", "hemtjanst", d.anna);
  INFO(created.body);
  REQUIRE(created.status == 201);
  const auto c = object(created.body);
  CHECK(text(c, "service_area") == "hemtjanst");
  CHECK(number(c, "meetings_per_year") == 4);  // quarterly unless told otherwise
  CHECK(text(c, "agenda_template") == "standard");
  requireProblem(make("SDN 2030/0001", "hemtjanst", d.anna), 409, "reference");
  requireProblem(make(" SDN 2030/0001 ", "hemtjanst", d.anna), 409, "reference");
  CHECK(array(d.get("/api/v1/contracts", d.anna).body)->size() == countBefore + 1);

  // Changing another contract to the taken reference is a conflict too.
  const auto other = make("SDN 2030/0002", "hemtjanst", d.anna);
  REQUIRE(other.status == 201);
  requireProblem(d.patch("/api/v1/contracts/" + std::to_string(number(object(other.body), "id")),
                         body({{"reference", "SDN 2030/0001"}}), d.anna),
                 409, "reference");
  requireProblem(d.patch("/api/v1/contracts/" + std::to_string(number(c, "id")),
                         body({{"service_area", "tandvard"}}), d.anna),
                 422, "service_area");
}

TEST_CASE("a provider's people see only their own contracts and meetings",
          "[server][contracts][tenancy]") {
  Demo d;
  const auto own = d.contract("TEN-NORR", d.norr(), "2030-01-01", std::nullopt, 4);
  REQUIRE(d.plan(own, 2030, d.anna).status == 201);

  // Linnégården's demo contract and its meetings.
  std::int64_t foreign = 0;
  const auto annaContracts = array(d.get("/api/v1/contracts", d.anna).body);
  for (std::size_t i = 0; i < annaContracts->size(); ++i)
    if (text(at(annaContracts, i), "provider_name") == "Omsorgshuset Linnégården AB")
      foreign = number(at(annaContracts, i), "id");
  REQUIRE(foreign != 0);
  const auto foreignMeetings = d.meetings(foreign);
  REQUIRE(foreignMeetings->size() > 0);
  const auto meeting = std::to_string(number(at(foreignMeetings, 0), "id"));
  const auto contract = std::to_string(foreign);

  // The contract lists: each provider user has only its own.
  const auto nilsContracts = array(d.get("/api/v1/contracts", d.nils).body);
  REQUIRE(nilsContracts->size() == 1);
  CHECK(number(at(nilsContracts, 0), "id") == own);
  const auto ullaContracts = array(d.get("/api/v1/contracts", d.ulla).body);
  REQUIRE(ullaContracts->size() >= 1);
  for (std::size_t i = 0; i < ullaContracts->size(); ++i)
    CHECK(number(at(ullaContracts, i), "provider_id") == d.linnegarden());

  for (const std::string& path :
       {"/api/v1/contracts/" + contract, "/api/v1/contracts/" + contract + "/meetings",
        "/api/v1/contracts/" + contract + "/calendar.ics", "/api/v1/meetings/" + meeting,
        "/api/v1/meetings/" + meeting + "/agenda",
        "/api/v1/meetings/" + meeting + "/agenda/versions",
        "/api/v1/meetings/" + meeting + "/calendar.ics"}) {
    INFO(path);
    requireProblem(d.get(path, d.nils), 404);
    CHECK(d.get(path, d.ulla).status == 200);
  }
  // Writes to another tenant's objects answer 404 too, not 403.
  requireProblem(d.plan(foreign, 2030, d.nils), 404);
  requireProblem(d.patch("/api/v1/meetings/" + meeting, body({{"location", "x"}}), d.nils), 404);
  requireProblem(d.post("/api/v1/meetings/" + meeting + "/agenda/items",
                        body({{"title", "Från fel utförare"}}), d.nils),
                 404);
  requireProblem(d.post("/api/v1/meetings/" + meeting + "/agenda/publish", "", d.nils), 404);
  requireProblem(d.patch("/api/v1/contracts/" + contract, body({{"title", "x"}}), d.nils), 404);

  // And the other way round.
  const auto ownMeeting = std::to_string(number(at(d.meetings(own), 0), "id"));
  requireProblem(d.get("/api/v1/contracts/" + std::to_string(own), d.ulla), 404);
  requireProblem(d.get("/api/v1/meetings/" + ownMeeting, d.ulla), 404);
  requireProblem(d.get("/api/v1/meetings/" + ownMeeting + "/calendar.ics", d.ulla), 404);
  CHECK(d.get("/api/v1/meetings/" + ownMeeting + "/agenda", d.nils).status == 200);
}

// Known bug, kept as a reproduction (may fail until fixed): when a contract's meetings_per_year
// changes after a year is planned, planning that year again adds the new plan's extra slots on
// the new plan's dates, next to the old plan's meetings. With 4 then 6 a year, slot 4 (old plan)
// and slot 6 (new plan) are the same day and hour. Whatever the fix (refuse, keep the old plan,
// or fill only the periods without a meeting), two meetings must not start at the same time.
TEST_CASE("re-planning a year after meetings_per_year changes does not double-book",
          "[server][meetings][plan]") {
  Demo d;
  const auto id = d.contract("PLAN-CHANGE", d.linnegarden(), "2030-01-01", std::nullopt, 4);
  REQUIRE(d.plan(id, 2030, d.anna).status == 201);
  REQUIRE(
      d.patch("/api/v1/contracts/" + std::to_string(id), body({{"meetings_per_year", 6}}), d.anna)
          .status == 200);
  const auto again = d.plan(id, 2030, d.anna);
  INFO(again.body);
  CHECK(again.status < 500);
  const auto listed = d.meetings(id);
  std::set<std::string> starts;
  for (std::size_t i = 0; i < listed->size(); ++i) {
    INFO(text(at(listed, i), "starts_at_local"));
    CHECK(starts.insert(text(at(listed, i), "starts_at")).second);
  }
  CHECK(listed->size() <= 6);
}

}  // namespace SV_TEST_FILE
