// Action follow-up across meetings through HTTP against the real server (issue 6): the actions
// planned in approved minutes appear in the next meeting's agenda and minutes, the evaluations
// written in those minutes close or reopen them, a cancelled meeting hands them on, each party
// sees and does only what is its own, every change is audited, and the minutes keep the actions
// as they were agreed.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

// Far ahead: the server runs on the real clock, and these must not pass while the tests live.
const std::string kDueA = "2098-03-31";
const std::string kDueB = "2098-04-30";
const std::string kNewDueA = "2098-09-30";

using Ids = std::vector<std::int64_t>;

std::string stringify(const Poco::JSON::Object::Ptr& o) {
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

Ids idsOf(const Poco::JSON::Array::Ptr& list, const std::string& key = "id") {
  Ids out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto item = at(list, i);
    out.push_back(item->getValue<std::int64_t>(key));
  }
  return out;
}

Ids sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The section with this key in a minutes document.
Poco::JSON::Object::Ptr section(const Poco::JSON::Object::Ptr& document, const std::string& key) {
  const auto sections = document->getArray("sections");
  for (std::size_t i = 0; i < sections->size(); ++i)
    if (text(at(sections, i), "key") == key) return at(sections, i);
  FAIL("no section " << key);
  return {};
}

// The lines of the Markdown agenda under item `number`, up to the next item.
std::string itemText(const std::string& markdown, int number) {
  const std::string start = "\n" + std::to_string(number) + ". ";
  const std::string next = "\n" + std::to_string(number + 1) + ". ";
  const auto b = markdown.find(start);
  if (b == std::string::npos) return {};
  const auto e = markdown.find(next, b + 1);
  return markdown.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

Poco::JSON::Object::Ptr plannedAction(const std::string& actionText, const std::string& person,
                                      const std::string& due) {
  Poco::JSON::Object::Ptr a = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  a->set("id", "");
  a->set("text", actionText);
  a->set("responsible_party", "provider");
  a->set("responsible_person", person);
  a->set("due_date", due);
  return a;
}

// The demo data: contract 1 with this year's meetings 1-4; anna.avtal manages it and is chair,
// secretary and the authority's adjuster; ulla.utforare is the provider's adjuster; nils.norr
// represents another provider.
struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string admin = server.login("admin", kAdminPassword);
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);

  static std::string path(std::int64_t meeting, const std::string& rest = "") {
    return "/api/v1/meetings/" + std::to_string(meeting) + rest;
  }
  static std::string actionPath(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/actions/" + std::to_string(id) + rest;
  }

  HttpResult patch(const std::string& p, const std::string& json, const std::string& token) const {
    return server.request("PATCH", p, json, {{"Authorization", bearer(token)}});
  }

  Poco::JSON::Object::Ptr agenda(std::int64_t meeting) const {
    return requireOk(server.get(path(meeting, "/agenda"), anna));
  }

  // Publishes the agenda and starts the minutes; the minutes answer.
  Poco::JSON::Object::Ptr start(std::int64_t meeting) const {
    requireOk(server.post(path(meeting, "/agenda/publish"), "", anna));
    return requireOk(server.post(path(meeting, "/minutes"), "", anna), 201);
  }

  // Saves the document (as edited) over `version`; the new version.
  std::string save(std::int64_t meeting, const std::string& version,
                   const Poco::JSON::Object::Ptr& document) const {
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("minutes", document);
    const auto saved = requireOk(
        server.request("PUT", path(meeting, "/minutes"), stringify(out),
                       {{"Authorization", bearer(anna)}, {"If-Match", "\"" + version + "\""}}));
    CHECK(saved->getValue<bool>("changed"));
    return text(saved, "version");
  }

  // Submitted by anna, approved by ulla and anna: approved.
  void approve(std::int64_t meeting, const std::string& version) const {
    requireOk(server.post(path(meeting, "/minutes/submit"), "", anna));
    requireOk(server.post(path(meeting, "/minutes/approve"), body({{"version", version}}), ulla));
    const auto done = requireOk(
        server.post(path(meeting, "/minutes/approve"), body({{"version", version}}), anna));
    REQUIRE(text(done, "state") == "approved");
  }

  Poco::JSON::Array::Ptr actions(const std::string& token, const std::string& query = "") const {
    return requireArray(server.get("/api/v1/actions" + query, token));
  }

  Poco::JSON::Object::Ptr action(std::int64_t id, const std::string& token) const {
    return requireOk(server.get(actionPath(id), token));
  }

  std::vector<std::string> auditedActions(std::int64_t id) const {
    const auto entries = requireArray(server.get(
        "/api/v1/audit?object_type=action&object_id=" + std::to_string(id) + "&limit=1000", admin));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < entries->size(); ++i) out.push_back(text(at(entries, i), "action"));
    return out;
  }

  // Meeting 1 started, two planned actions for the provider in § 6, approved by both parties;
  // the ids of the two actions (by due date) and the approved version.
  std::pair<Ids, std::string> meetingOneWithTwoActions() const {
    const auto started = start(1);
    const auto document = started->getObject("minutes");
    auto planned = section(document, "authority_followup");
    CHECK(number(planned, "number") == 6);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    list->add(plannedAction("Ta fram en rutin för nattbemanningen", "Enhetschef Eva Ek", kDueA));
    list->add(plannedAction("Utbilda personalen i dokumentation", "Sjuksköterska Per Ås", kDueB));
    planned->set("actions", list);
    const std::string version = save(1, text(started, "version"), document);
    // Nothing is an action before the minutes are approved.
    CHECK(actions(anna, "?contract=1")->size() == 0);
    approve(1, version);
    const auto listed = actions(anna, "?contract=1");
    REQUIRE(listed->size() == 2);
    return {idsOf(listed), version};
  }
};

}  // namespace

TEST_CASE(
    "actions: planned in meeting 1, followed up in meeting 2, reopened or closed there, handed "
    "on past a cancelled meeting 3 to meeting 4",
    "[server][actions]") {
  Fixture f;
  const auto [ids, version1] = f.meetingOneWithTwoActions();
  const std::int64_t a = ids[0];
  const std::int64_t b = ids[1];

  // 1. The actions as the approved minutes agreed them.
  auto first = f.action(a, f.anna);
  CHECK(text(first, "text") == "Ta fram en rutin för nattbemanningen");
  CHECK(text(first, "responsible_party") == "provider");
  CHECK(text(first, "responsible_person") == "Enhetschef Eva Ek");
  CHECK(text(first, "due_on") == kDueA);
  CHECK(text(first, "status") == "open");
  CHECK_FALSE(first->getValue<bool>("overdue"));
  CHECK(number(first, "contract_id") == 1);
  CHECK(first->getObject("origin")->getValue<std::int64_t>("meeting_id") == 1);
  CHECK(first->getObject("origin")->getValue<int>("section") == 6);
  CHECK(contains(text(first->getObject("origin"), "text"), "§ 6"));
  REQUIRE(first->getArray("events")->size() == 1);
  CHECK(text(at(first->getArray("events"), 0), "kind") == "created");
  CHECK(text(f.action(b, f.anna), "due_on") == kDueB);
  // Created by the approval, and audited.
  CHECK(f.auditedActions(a) == std::vector<std::string>{"action.create"});
  CHECK(f.auditedActions(b) == std::vector<std::string>{"action.create"});

  // Meeting 2's agenda lists both under item 5, in its data and in its text.
  auto agenda2 = f.agenda(2);
  CHECK_FALSE(agenda2->getValue<bool>("published"));
  auto open = agenda2->getObject("agenda")->getArray("open_actions");
  REQUIRE(open->size() == 2);
  CHECK(text(at(open, 0), "id") == std::to_string(a));
  CHECK(text(at(open, 0), "due") == kDueA);
  CHECK(text(at(open, 0), "status") == "open");
  CHECK(text(at(open, 1), "id") == std::to_string(b));
  const std::string item5 = itemText(text(agenda2, "markdown"), 5);
  INFO(item5);
  CHECK(contains(item5, "Uppföljning av åtgärder"));
  CHECK(contains(item5, "Åtgärd " + std::to_string(a) + ": Ta fram en rutin för nattbemanningen."));
  CHECK(contains(item5, "Åtgärd " + std::to_string(b) + ": Utbilda personalen i dokumentation."));
  CHECK(contains(item5, "Klar senast " + kDueA));
  // The provider sees the same agenda.
  CHECK(requireOk(f.server.get(Fixture::path(2, "/agenda"), f.ulla))
            ->getObject("agenda")
            ->getArray("open_actions")
            ->size() == 2);

  // Meeting 2's minutes: the follow-up section has an evaluation of each, none decided yet.
  const auto started2 = f.start(2);
  auto document2 = started2->getObject("minutes");
  auto followup = section(document2, "action_followup");
  CHECK(number(followup, "number") == 5);
  auto evaluations = followup->getArray("evaluations");
  REQUIRE(evaluations->size() == 2);
  CHECK(idsOf(evaluations, "action_id") == Ids{a, b});
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(text(at(evaluations, i), "outcome") == "none");
    CHECK(at(evaluations, i)->isNull("new_due_date"));
  }
  CHECK(text(at(evaluations, 0), "action_text") == "Ta fram en rutin för nattbemanningen");
  CHECK(text(at(evaluations, 0), "due_date") == kDueA);
  // No other section follows up actions.
  for (const char* key : {"opening", "authority_followup", "other_questions"})
    CHECK(section(document2, key)->getArray("evaluations")->size() == 0);

  // 2. At meeting 2: a is insufficient with a new due date, b is accepted.
  at(evaluations, 0)->set("outcome", "insufficient");
  at(evaluations, 0)->set("comment", "Rutinen saknar ansvarsfördelning.");
  at(evaluations, 0)->set("new_due_date", kNewDueA);
  at(evaluations, 1)->set("outcome", "accepted");
  at(evaluations, 1)->set("comment", "Alla har gått utbildningen.");
  const std::string version2 = f.save(2, text(started2, "version"), document2);
  // Written but not yet approved: the actions are unchanged.
  CHECK(text(f.action(a, f.anna), "status") == "open");
  CHECK(text(f.action(b, f.anna), "status") == "open");
  f.approve(2, version2);

  first = f.action(a, f.anna);
  CHECK(text(first, "status") == "open");
  CHECK(text(first, "due_on") == kNewDueA);
  auto events = first->getArray("events");
  REQUIRE(events->size() == 2);
  CHECK(text(at(events, 1), "kind") == "evaluation");
  CHECK(text(at(events, 1), "outcome") == "insufficient");
  CHECK(text(at(events, 1), "text") == "Rutinen saknar ansvarsfördelning.");
  CHECK(text(at(events, 1), "new_due_on") == kNewDueA);
  CHECK(number(at(events, 1), "meeting_id") == 2);
  const auto second = f.action(b, f.anna);
  CHECK(text(second, "status") == "accepted");
  CHECK(text(second, "due_on") == kDueB);
  CHECK(f.actions(f.anna, "?contract=1&status=accepted")->size() == 1);
  CHECK(idsOf(f.actions(f.anna, "?contract=1&status=open")) == Ids{a});
  // The meeting's evaluation of each action is audited as a change of the action.
  CHECK(f.auditedActions(a) == std::vector<std::string>{"action.create", "action.evaluate"});
  CHECK(f.auditedActions(b) == std::vector<std::string>{"action.create", "action.evaluate"});

  // Meeting 3's agenda: only a, with its new due date.
  auto agenda3 = f.agenda(3);
  open = agenda3->getObject("agenda")->getArray("open_actions");
  REQUIRE(open->size() == 1);
  CHECK(text(at(open, 0), "id") == std::to_string(a));
  CHECK(text(at(open, 0), "due") == kNewDueA);
  const std::string item5of3 = itemText(text(agenda3, "markdown"), 5);
  CHECK(contains(item5of3, "Klar senast " + kNewDueA));
  CHECK_FALSE(contains(item5of3, "Utbilda personalen"));

  // 3. Meeting 3 is cancelled: meeting 4 follows a up.
  const auto cancelled = requireOk(f.patch(
      Fixture::path(3),
      body({{"status", "cancelled"}, {"cancel_reason", "Verksamhetschefen är sjuk"}}), f.anna));
  CHECK(text(cancelled, "status") == "cancelled");
  requireProblem(f.server.post(Fixture::path(3, "/minutes"), "", f.anna), 409);
  auto agenda4 = f.agenda(4);
  open = agenda4->getObject("agenda")->getArray("open_actions");
  REQUIRE(open->size() == 1);
  CHECK(text(at(open, 0), "id") == std::to_string(a));
  CHECK(text(at(open, 0), "due") == kNewDueA);
  CHECK(contains(itemText(text(agenda4, "markdown"), 5),
                 "Åtgärd " + std::to_string(a) + ": Ta fram en rutin för nattbemanningen."));
  const auto started4 = f.start(4);
  evaluations = section(started4->getObject("minutes"), "action_followup")->getArray("evaluations");
  REQUIRE(evaluations->size() == 1);
  CHECK(number(at(evaluations, 0), "action_id") == a);
  CHECK(text(at(evaluations, 0), "due_date") == kNewDueA);
  CHECK(text(at(evaluations, 0), "outcome") == "none");

  // The published agenda of meeting 2 still lists what was open when it was published.
  agenda2 = f.agenda(2);
  CHECK(agenda2->getValue<bool>("published"));
  CHECK(agenda2->getObject("agenda")->getArray("open_actions")->size() == 2);
}

TEST_CASE("actions: the minutes show the actions as agreed at the meeting, not as changed later",
          "[server][actions]") {
  Fixture f;
  const auto [ids, version1] = f.meetingOneWithTwoActions();
  const std::int64_t a = ids[0];

  const auto before = f.server.get(Fixture::path(1, "/minutes.html"), f.anna);
  REQUIRE(before.status == 200);
  CHECK(contains(before.body, "Ta fram en rutin för nattbemanningen"));
  CHECK(contains(before.body, kDueA));

  const auto changed = requireOk(f.patch(
      Fixture::actionPath(a),
      body({{"text", "Ta fram och inför en rutin för nattbemanningen"}, {"due_on", "2098-12-31"}}),
      f.anna));
  CHECK(text(changed, "text") == "Ta fram och inför en rutin för nattbemanningen");
  CHECK(text(changed, "due_on") == "2098-12-31");
  // The provider does not change actions.
  requireProblem(f.patch(Fixture::actionPath(a), body({{"text", "Utförarens lydelse"}}), f.ulla),
                 403);

  for (const auto& token : {f.anna, f.ulla}) {
    const auto page = f.server.get(Fixture::path(1, "/minutes.html"), token);
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Ta fram en rutin för nattbemanningen"));
    CHECK_FALSE(contains(page.body, "Ta fram och inför"));
    CHECK(contains(page.body, kDueA));
    CHECK_FALSE(contains(page.body, "2098-12-31"));
  }
  const auto minutes = requireOk(f.server.get(Fixture::path(1, "/minutes"), f.anna));
  CHECK(text(minutes, "version") == version1);
  const auto planned = section(minutes->getObject("minutes"), "authority_followup");
  CHECK(text(at(planned->getArray("actions"), 0), "text") ==
        "Ta fram en rutin för nattbemanningen");
  CHECK(text(at(planned->getArray("actions"), 0), "due_date") == kDueA);

  // The next meeting follows up the action as it stands now.
  const auto open = f.agenda(2)->getObject("agenda")->getArray("open_actions");
  REQUIRE(open->size() == 2);
  CHECK(text(at(open, 0), "id") == std::to_string(a));
  CHECK(text(at(open, 0), "text") == "Ta fram och inför en rutin för nattbemanningen");
  CHECK(text(at(open, 0), "due") == "2098-12-31");
}

TEST_CASE(
    "actions: a provider sees and reports its own actions only, the authority evaluates, "
    "every change is audited",
    "[server][actions][tenancy][audit]") {
  Fixture f;
  // Nils's provider has no contract: nothing to see.
  CHECK(f.actions(f.nils)->size() == 0);

  const auto created =
      requireOk(f.server.post("/api/v1/actions",
                              body({{"contract_id", 1},
                                    {"text", "Skicka bemanningsplanen för sommaren"},
                                    {"responsible_party", "provider"},
                                    {"responsible_person", "Ulla Ek"},
                                    {"due_on", "2020-01-15"}}),
                              f.anna),
                201);
  const auto p = number(created, "id");
  CHECK(text(created, "status") == "open");
  CHECK(created->getValue<bool>("overdue"));  // long past: overdue for both parties
  CHECK(created->getObject("origin")->isNull("meeting_id"));
  CHECK(contains(text(created->getObject("origin"), "text"), "överenskommen"));
  const auto q = number(requireOk(f.server.post("/api/v1/actions",
                                                body({{"contract_id", 1},
                                                      {"text", "Skicka mallen för egenkontroll"},
                                                      {"responsible_party", "authority"},
                                                      {"due_on", "2099-12-31"}}),
                                                f.anna),
                                  201),
                        "id");
  // Only the contract manager records actions.
  requireProblem(f.server.post("/api/v1/actions",
                               body({{"contract_id", 1},
                                     {"text", "Egen"},
                                     {"responsible_party", "provider"},
                                     {"due_on", "2099-12-31"}}),
                               f.ulla),
                 403);
  requireProblem(f.server.post("/api/v1/actions",
                               body({{"contract_id", 1},
                                     {"text", "Främmande"},
                                     {"responsible_party", "provider"},
                                     {"due_on", "2099-12-31"}}),
                               f.nils),
                 404);
  requireProblem(f.server.post("/api/v1/actions",
                               body({{"contract_id", 1},
                                     {"text", "Utan datum"},
                                     {"responsible_party", "provider"},
                                     {"due_on", "snart"}}),
                               f.anna),
                 422, "due_on");

  // A contract of nils's provider with an action of its own.
  std::int64_t norr = 0;
  const auto orgs = requireArray(f.server.get("/api/v1/organizations", f.admin));
  for (std::size_t i = 0; i < orgs->size(); ++i)
    if (text(at(orgs, i), "name") == "Hemtjänst i Norr AB") norr = number(at(orgs, i), "id");
  REQUIRE(norr != 0);
  const auto contract2 = number(requireOk(f.server.post("/api/v1/contracts",
                                                        body({{"title", "Hemtjänst Norr"},
                                                              {"provider_id", norr},
                                                              {"service_area", "hemtjanst"},
                                                              {"reference", "SDN 2026/0999"},
                                                              {"starts_on", "2026-01-01"}}),
                                                        f.anna),
                                          201),
                                "id");
  const auto n = number(requireOk(f.server.post("/api/v1/actions",
                                                body({{"contract_id", contract2},
                                                      {"text", "Nattpatrullens rutiner"},
                                                      {"responsible_party", "provider"},
                                                      {"due_on", "2099-06-30"}}),
                                                f.anna),
                                  201),
                        "id");

  // Each provider sees its own contract's actions only; the authority sees all.
  CHECK(sorted(idsOf(f.actions(f.ulla))) == sorted(Ids{p, q}));
  CHECK(idsOf(f.actions(f.nils)) == Ids{n});
  CHECK(f.actions(f.nils, "?contract=1")->size() == 0);
  CHECK(f.actions(f.nils, "?overdue=true")->size() == 0);
  // The authority sees all: these, and the demo's of its other contract (Solgården).
  const auto ofTheseContracts = [&](const std::string& query) {
    Ids out;
    const auto all = f.actions(f.anna, query);
    for (std::size_t i = 0; i < all->size(); ++i) {
      const auto contract = number(at(all, i), "contract_id");
      if (contract == 1 || contract == contract2) out.push_back(number(at(all, i), "id"));
    }
    return out;
  };
  CHECK(sorted(ofTheseContracts("")) == sorted(Ids{p, q, n}));
  CHECK(idsOf(f.actions(f.ulla, "?overdue=true")) == Ids{p});
  CHECK(ofTheseContracts("?overdue=true") == Ids{p});
  CHECK(idsOf(f.actions(f.ulla, "?due_before=2099-12-30")) == Ids{p});
  CHECK(idsOf(f.actions(f.ulla, "?due_before=2099-12-31")) == Ids{p, q});
  requireProblem(f.server.get(Fixture::actionPath(n), f.ulla), 404);
  requireProblem(f.server.get(Fixture::actionPath(p), f.nils), 404);
  requireProblem(
      f.server.post(Fixture::actionPath(p, "/report"), body({{"text", "Klart"}}), f.nils), 404);
  requireProblem(
      f.server.post(Fixture::actionPath(p, "/evaluate"), body({{"outcome", "accepted"}}), f.nils),
      404);
  requireProblem(f.patch(Fixture::actionPath(p), body({{"text", "Annat"}}), f.nils), 404);
  // Bad filters.
  requireProblem(f.server.get("/api/v1/actions?overdue=maybe", f.anna), 422, "overdue");
  requireProblem(f.server.get("/api/v1/actions?status=closed", f.anna), 422, "status");
  requireProblem(f.server.get("/api/v1/actions?due_before=2026-02-30", f.anna), 422, "due_before");

  // Ulla reports her action, not the authority's.
  requireProblem(
      f.server.post(Fixture::actionPath(q, "/report"), body({{"text", "Vi skickade den"}}), f.ulla),
      403);
  requireProblem(f.server.post(Fixture::actionPath(p, "/report"), body({{"text", " "}}), f.ulla),
                 422, "text");
  auto reported =
      requireOk(f.server.post(Fixture::actionPath(p, "/report"),
                              body({{"text", "Planen är skickad till förvaltningen."}}), f.ulla));
  CHECK(text(reported, "status") == "reported");
  CHECK(reported->getValue<bool>("overdue"));  // reported is not accepted: still overdue
  const auto events = reported->getArray("events");
  REQUIRE(events->size() == 2);
  CHECK(text(at(events, 1), "kind") == "report");
  CHECK(text(at(events, 1), "by") == "Ulla Ek");
  CHECK(text(at(events, 1), "text") == "Planen är skickad till förvaltningen.");
  requireProblem(
      f.server.post(Fixture::actionPath(p, "/report"), body({{"text", "En gång till"}}), f.ulla),
      409);

  // Ulla does not evaluate: the workflow gives that to the authority.
  requireProblem(
      f.server.post(Fixture::actionPath(p, "/evaluate"), body({{"outcome", "accepted"}}), f.ulla),
      403);
  // Insufficient needs a comment and a new due date that has not passed.
  const std::string evaluate = Fixture::actionPath(p, "/evaluate");
  requireProblem(
      f.server.post(evaluate, body({{"outcome", "insufficient"}, {"new_due_date", "2099-01-31"}}),
                    f.anna),
      422, "comment");
  requireProblem(
      f.server.post(evaluate,
                    body({{"outcome", "insufficient"}, {"comment", "Planen saknar namn"}}), f.anna),
      422, "new_due_date");
  requireProblem(f.server.post(evaluate,
                               body({{"outcome", "insufficient"},
                                     {"comment", "Planen saknar namn"},
                                     {"new_due_date", "2020-02-01"}}),
                               f.anna),
                 422, "new_due_date");
  requireProblem(f.server.post(evaluate, body({{"outcome", "maybe"}}), f.anna), 422, "outcome");
  requireProblem(f.server.post(evaluate, body({{"comment", "Bra"}}), f.anna), 422, "outcome");
  CHECK(text(f.action(p, f.anna), "status") == "reported");

  const auto accepted = requireOk(
      f.server.post(evaluate, body({{"outcome", "accepted"}, {"comment", "Bra"}}), f.anna));
  CHECK(text(accepted, "status") == "accepted");
  CHECK_FALSE(accepted->getValue<bool>("overdue"));
  CHECK(text(f.action(p, f.ulla), "status") == "accepted");
  CHECK(f.actions(f.ulla, "?overdue=true")->size() == 0);
  requireProblem(f.patch(Fixture::actionPath(p), body({{"text", "Ändrad i efterhand"}}), f.anna),
                 409);
  requireProblem(f.server.post(evaluate, body({{"outcome", "accepted"}}), f.anna), 409);

  // An authority's action found insufficient is open again with the new due date.
  const auto reopened = requireOk(f.server.post(Fixture::actionPath(q, "/evaluate"),
                                                body({{"outcome", "insufficient"},
                                                      {"comment", "Mallen är fel version."},
                                                      {"new_due_date", "2099-12-31"}}),
                                                f.anna));
  CHECK(text(reopened, "status") == "open");

  // Every change is in the audit log, refused attempts are not.
  CHECK(f.auditedActions(p) ==
        std::vector<std::string>{"action.create", "action.report", "action.evaluate"});
  CHECK(f.auditedActions(q) == std::vector<std::string>{"action.create", "action.evaluate"});
  CHECK(f.auditedActions(n) == std::vector<std::string>{"action.create"});
  const auto entries = requireArray(
      f.server.get("/api/v1/audit?object_type=action&object_id=" + std::to_string(p), f.admin));
  REQUIRE(entries->size() == 3);
  CHECK(contains(stringify(at(entries, 1)), "Planen är skickad till förvaltningen."));
  CHECK(contains(stringify(at(entries, 2)), "accepted"));
  requireProblem(f.server.get("/api/v1/audit?object_type=action", f.ulla), 403);
  CHECK(requireOk(f.server.get("/api/v1/audit/verification", f.admin))->getValue<bool>("intact"));
}

// Known bug (reported with issue 6, not fixed here): an evaluation "insufficient" without a new
// due date is saved, submitted and approved, and the approval then drops it without a word
// (ActionService::recordApprovedMinutes `continue`s when the reopen guard fails): the protocol
// says "otillräcklig" while the action stays open with its old due date and no evaluation. Either
// a step refuses it naming new_due_date, or the decision must be recorded. Remove
// when fixed.
TEST_CASE(
    "actions: minutes that find an action insufficient without a new due date are not "
    "approved as if nothing was decided",
    "[server][actions]") {
  Fixture f;
  const auto [ids, version1] = f.meetingOneWithTwoActions();
  const std::int64_t a = ids[0];
  const auto started2 = f.start(2);
  auto document2 = started2->getObject("minutes");
  auto evaluations = section(document2, "action_followup")->getArray("evaluations");
  at(evaluations, 0)->set("outcome", "insufficient");
  at(evaluations, 0)->set("comment", "Rutinen saknar ansvarsfördelning.");
  Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
  out->set("minutes", document2);
  const auto refusedAt = [](const HttpResult& r) {
    return r.status == 422 &&
           contains(object(r.body)->optValue<std::string>("field", ""), "new_due_date");
  };
  const auto put = f.server.request(
      "PUT", Fixture::path(2, "/minutes"), stringify(out),
      {{"Authorization", bearer(f.anna)}, {"If-Match", "\"" + text(started2, "version") + "\""}});
  if (refusedAt(put)) return;
  const std::string version2 = text(requireOk(put), "version");
  const auto submitted = f.server.post(Fixture::path(2, "/minutes/submit"), "", f.anna);
  if (refusedAt(submitted)) return;
  requireOk(submitted);
  requireOk(
      f.server.post(Fixture::path(2, "/minutes/approve"), body({{"version", version2}}), f.ulla));
  const auto approved =
      f.server.post(Fixture::path(2, "/minutes/approve"), body({{"version", version2}}), f.anna);
  if (refusedAt(approved)) return;
  requireOk(approved);
  // Approved: then the decision must show on the action.
  const auto action = f.action(a, f.anna);
  INFO(stringify(action));
  CHECK(action->getArray("events")->size() == 2);
}

// Known bug (reported with issue 6, not fixed here): approving minutes again after a revision
// runs recordApprovedMinutes again. The meeting's evaluations are applied a second time to the
// actions as they are now (a report the provider made since is undone, a second evaluation event
// is written), and planned actions are overwritten with the minutes' values (a due date the
// contract manager changed since is silently put back). Remove  when fixed.
TEST_CASE("actions: approving revised minutes again does not apply their decisions again",
          "[server][actions]") {
  Fixture f;
  const auto [ids, version1] = f.meetingOneWithTwoActions();
  const std::int64_t a = ids[0];
  const std::int64_t b = ids[1];
  const auto started2 = f.start(2);
  auto document2 = started2->getObject("minutes");
  auto evaluations = section(document2, "action_followup")->getArray("evaluations");
  at(evaluations, 0)->set("outcome", "insufficient");
  at(evaluations, 0)->set("comment", "Rutinen saknar ansvarsfördelning.");
  at(evaluations, 0)->set("new_due_date", kNewDueA);
  const std::string version2 = f.save(2, text(started2, "version"), document2);
  f.approve(2, version2);

  // After the meeting the provider reports a; the contract manager gives b more time.
  requireOk(f.server.post(Fixture::actionPath(a, "/report"),
                          body({{"text", "Rutinen har nu ansvarsfördelning."}}), f.ulla));
  requireOk(f.patch(Fixture::actionPath(b), body({{"due_on", "2099-01-31"}}), f.anna));
  const auto eventsBefore = f.action(a, f.anna)->getArray("events")->size();

  // A typo is corrected in the minutes of both meetings, which both parties approve again.
  for (const auto& [meeting, version] :
       {std::pair<std::int64_t, std::string>{2, version2}, {1, version1}}) {
    auto doc =
        requireOk(f.server.get(Fixture::path(meeting, "/minutes"), f.anna))->getObject("minutes");
    section(doc, "opening")->set("notes", "Ordföranden öppnade mötet.");
    const std::string revised = f.save(meeting, version, doc);
    requireOk(f.server.post(Fixture::path(meeting, "/minutes/approve"),
                            body({{"version", revised}}), f.ulla));
    const auto done = requireOk(f.server.post(Fixture::path(meeting, "/minutes/approve"),
                                              body({{"version", revised}}), f.anna));
    REQUIRE(text(done, "state") == "approved");
  }
  const auto first = f.action(a, f.anna);
  INFO(stringify(first));
  CHECK(text(first, "status") == "reported");
  CHECK(first->getArray("events")->size() == eventsBefore);
  CHECK(text(f.action(b, f.anna), "due_on") == "2099-01-31");
}

}  // namespace SV_TEST_FILE
