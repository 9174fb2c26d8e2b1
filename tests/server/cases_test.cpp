// Event-driven cases through HTTP against the real server with the demo data (issue 14): a
// complaint opens an acute case on Linnégården, the director and the committee secretary of
// Östermalm are told and no one else, the provider's first plan is returned with a comment on a
// point, the second is accepted and its point is an action on the next agenda, the case's report is
// fact-checked and registered, and only then is the case reported and closed. Another provider
// and another authority find no such case.
#include <catch2/catch.hpp>

#include <chrono>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/report_flow.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

std::string day(int plusDays) {
  const auto now = std::chrono::system_clock::now() + std::chrono::days{plusDays};
  return sv::formatDate(sv::toStockholm(now).date);
}

std::string planBody(const std::string& id, const std::string& text) {
  return R"({"plan":{"summary":"Orsak: vakanser nattetid.","items":[{"id":")" + id +
         R"(","text":")" + text + R"(","responsible":"Enhetschef","due_date":")" + day(60) +
         R"("}]}})";
}

}  // namespace

TEST_CASE("cases: a complaint, a returned plan, an accepted plan, the report registered",
          "[server][cases]") {
  TempDir dir;
  ServerProcess server(dir.path() / "data", {}, true);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto ulla = server.login("ulla.utforare", kDemoPassword);
  const auto nils = server.login("nils.norr", kDemoPassword);
  const auto sofia = server.login("sofia.soder", kDemoPassword);
  const auto rita = server.login("rita.registrator", kDemoPassword);
  auto post = [&](const std::string& path, const std::string& json, const std::string& token) {
    return server.post("/api/v1/follow-up-cases" + path, json, token);
  };

  // The provider cannot open a case; roles come before the fields.
  auto refused = requireProblem(post("", "{\"contract_id\":1}", ulla), 403);
  CHECK(text(refused, "reason") == "not-case-writer");
  auto opened =
      requireOk(post("",
                     body({{"contract_id", 1},
                           {"trigger", "complaints"},
                           {"title", "Klagomål på nattbemanningen"},
                           {"description", "En anhörig beskriver att ingen svarade på larm."},
                           {"occurred_on", day(-3)},
                           {"urgency", "acute"}}),
                     anna),
                201);
  const auto id = std::to_string(opened->getValue<int>("id"));
  CHECK(text(opened, "state") == "collecting");
  // Exactly Östermalm's director and committee secretary were told (not Södermalm's).
  auto notices = opened->getArray("notices");
  REQUIRE(notices->size() == 2);
  std::set<std::string> told;
  for (std::size_t i = 0; i < notices->size(); ++i) told.insert(text(at(notices, i), "name"));
  CHECK(told == std::set<std::string>{"Dag Wallin", "Nora Falk"});

  // Tenant isolation: another provider and another authority find nothing.
  requireProblem(server.get("/api/v1/follow-up-cases/" + id, nils), 404);
  requireProblem(server.get("/api/v1/follow-up-cases/" + id, sofia), 404);
  requireProblem(post("/" + id + "/notes", body({{"text", "x"}}), sofia), 404);
  CHECK(requireOk(server.get("/api/v1/follow-up-cases", nils))->getValue<int>("total") == 0);
  requireOk(server.get("/api/v1/follow-up-cases/" + id, ulla));

  requireOk(post("/" + id + "/notes", body({{"text", "Larmloggen för veckan inhämtad."}}), anna));
  requireOk(post("/" + id + "/analysis/start", "{}", anna));
  auto missingDate = requireProblem(
      post("/" + id + "/analysis", body({{"outcome", "not_ok"}, {"text", "Brister."}}), anna), 422);
  CHECK(text(missingDate, "field") == "plan_due_on");
  CHECK(text(requireOk(post("/" + id + "/analysis",
                            body({{"outcome", "not_ok"},
                                  {"text", "Bemanningen nattetid räcker inte."},
                                  {"plan_due_on", day(14)}}),
                            anna)),
             "state") == "action_plan_requested");

  // An empty plan cannot be sent; the first plan is returned with a comment on its point.
  CHECK(text(requireProblem(post("/" + id + "/plan/submit", "{}", ulla), 409), "reason") ==
        "plan-empty");
  const auto planPath = "/api/v1/follow-up-cases/" + id + "/plan";
  auto first = requireOk(server.request("PUT", planPath, planBody("", "Anställ två nattsköterskor"),
                                        {{"Authorization", bearer(ulla)}, {"If-None-Match", "*"}}));
  const auto v1 = text(first, "version");
  requireOk(post("/" + id + "/plan/submit", "{}", ulla));
  auto returned = requireOk(post(
      "/" + id + "/plan/return",
      R"({"comments":[{"point":"p1","text":"Hur säkras bemanningen till dess?"}],"plan_due_on":")" +
          day(21) + "\"}",
      anna));
  CHECK(text(returned, "state") == "action_plan_requested");
  CHECK(returned->getArray("plan_comments")->size() == 1);
  auto second = requireOk(server.request(
      "PUT", planPath, planBody("p1", "Anställ två nattsköterskor; inhyrd personal till dess"),
      {{"Authorization", bearer(ulla)}, {"If-Match", "\"" + v1 + "\""}}));
  CHECK(text(second, "version") != v1);
  requireOk(post("/" + id + "/plan/submit", "{}", ulla));
  auto accepted = requireOk(post("/" + id + "/plan/accept", "{}", anna));
  CHECK(text(accepted, "state") == "analysis");
  REQUIRE(accepted->getArray("actions")->size() == 1);

  // The accepted point is an action on the next meeting's agenda, and the open case is listed.
  const auto meeting = requireOk(
      server.post("/api/v1/contracts/1/meetings",
                  body({{"starts_at", day(30) + "T09:00"}, {"location", "Linnégården"}}), anna),
      201);
  const std::string agendaText =
      server.get("/api/v1/meetings/" + std::to_string(number(meeting, "id")) + "/agenda", anna)
          .body;
  CHECK(agendaText.find("inhyrd personal till dess") != std::string::npos);
  CHECK(agendaText.find("Klagomål på nattbemanningen") != std::string::npos);

  requireOk(
      post("/" + id + "/analysis", body({{"outcome", "ok"}, {"text", "Planen räcker."}}), anna));
  CHECK(text(requireProblem(post("/" + id + "/report", "{}", anna), 409), "reason") ==
        "feedback-missing");
  requireOk(post("/" + id + "/feedback", body({{"text", "Planen följs upp på mötena."}}), anna));
  auto report = requireOk(post("/" + id + "/report", "{}", anna), 201);
  const auto reportPath = "/api/v1/reports/" + std::to_string(report->getValue<int>("report_id"));
  CHECK(text(requireProblem(post("/" + id + "/reported", "{}", anna), 409), "reason") ==
        "case-report-not-registered");

  // The report of kind case goes the yearly report's way: assessed, fact-checked, registered.
  CHECK(text(requireOk(server.get(reportPath, anna))->getObject("summary"), "kind") == "case");
  assessRemainingAreas(server, reportPath, anna, "partly_meets");
  requireOk(server.post(reportPath + "/fact-check", "{}", anna));
  requireOk(server.post(reportPath + "/fact-check/answer", "{}", ulla));
  requireOk(server.post(reportPath + "/finalize", "{}", anna));
  requireOk(server.post(reportPath + "/register", "{}", rita));

  // The material is sealed with the registered report; the case is reported and closed.
  CHECK(text(requireProblem(post("/" + id + "/acute", body({{"text", "x"}}), anna), 409),
             "reason") == "already-acute");
  CHECK(text(requireOk(post("/" + id + "/reported", "{}", anna)), "state") == "reported");
  CHECK(text(requireProblem(post("/" + id + "/notes", body({{"text", "sent"}}), anna), 409),
             "reason") == "case-closed");
  CHECK(text(requireOk(post("/" + id + "/close", "{}", anna)), "state") == "closed");
}

}  // namespace SV_TEST_FILE
