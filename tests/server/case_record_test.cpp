// A case's record through HTTP against the real server (issue 14, point 5): the material's and
// the action plan's files, each uploaded only by the party who writes that part and never by
// another provider; the case's report printed (pdftotext reads the case in it) and, once
// registered, archived with the case along: its timeline, the plan, the case's audit entries and
// every file with its checksum (sha256sum -c); after registration the case's material is closed.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/eark_checks.hpp"
#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/multipart.hpp"
#include "support/report_flow.hpp"
#include "support/sample_files.hpp"
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

}  // namespace

TEST_CASE("cases: the material and the plan's files, the report printed and archived with its case",
          "[server][cases]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  ServerProcess server(data, {}, true);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto ulla = server.login("ulla.utforare", kDemoPassword);
  const auto nils = server.login("nils.norr", kDemoPassword);
  const auto rita = server.login("rita.registrator", kDemoPassword);
  auto post = [&](const std::string& path, const std::string& json, const std::string& token) {
    return server.post("/api/v1/follow-up-cases" + path, json, token);
  };
  auto upload = [&](const std::string& path, const std::string& name, const std::string& token) {
    return server.request(
        "POST", "/api/v1/follow-up-cases" + path, multipart(name, sv::testing::samplePdf()),
        {{"Authorization", bearer(token)}}, "multipart/form-data; boundary=" + kBoundary);
  };

  auto opened =
      requireOk(post("",
                     body({{"contract_id", 1},
                           {"trigger", "deviations"},
                           {"title", "Upprepade avvikelser i läkemedelshanteringen"},
                           {"description", "Sju avvikelser om missade doser på en månad."},
                           {"occurred_on", day(-10)},
                           {"urgency", "normal"}}),
                     anna),
                201);
  const auto id = std::to_string(number(opened, "id"));

  // The material is the contract manager's; the plan's files are the provider's.
  auto material = requireOk(upload("/" + id + "/attachments", "Avvikelserapporter.pdf", anna), 201);
  CHECK(text(requireProblem(upload("/" + id + "/attachments", "x.pdf", ulla), 403), "reason") ==
        "not-case-writer");
  requireProblem(upload("/" + id + "/attachments", "x.pdf", nils), 404);
  requireOk(post("/" + id + "/analysis/start", "{}", anna));
  requireOk(post("/" + id + "/analysis",
                 body({{"outcome", "not_ok"},
                       {"text", "Signeringen följs inte upp."},
                       {"plan_due_on", day(14)}}),
                 anna));
  auto planFile =
      requireOk(upload("/" + id + "/plan/attachments", "Rutin signering.pdf", ulla), 201);
  CHECK(text(requireProblem(upload("/" + id + "/plan/attachments", "x.pdf", anna), 403),
             "reason") == "not-plan-writer");
  requireProblem(upload("/" + id + "/plan/attachments", "x.pdf", nils), 404);
  // Both parties see both files, the material's and the plan's.
  for (const auto& who : {anna, ulla}) {
    const auto listed = server.get("/api/v1/follow-up-cases/" + id + "/attachments", who);
    REQUIRE(listed.status == 200);
    CHECK(array(listed.body)->size() == 2);
  }
  requireProblem(server.get("/api/v1/follow-up-cases/" + id + "/attachments", nils), 404);

  requireOk(server.request(
      "PUT", "/api/v1/follow-up-cases/" + id + "/plan",
      R"({"plan":{"summary":"Ny rutin.","items":[{"id":"","text":"Dubbelsignering vid varje dos","responsible":"MAS","due_date":")" +
          day(30) + R"("}]}})",
      {{"Authorization", bearer(ulla)}, {"If-None-Match", "*"}}));
  requireOk(post("/" + id + "/plan/submit", "{}", ulla));
  requireOk(post("/" + id + "/plan/accept", "{}", anna));
  // No plan is asked for any longer: its files are closed too.
  requireProblem(upload("/" + id + "/plan/attachments", "sent.pdf", ulla), 409);
  requireOk(
      post("/" + id + "/analysis", body({{"outcome", "ok"}, {"text", "Planen räcker."}}), anna));
  requireOk(post("/" + id + "/feedback", body({{"text", "Återkoppling given."}}), anna));
  const auto reportId =
      std::to_string(number(requireOk(post("/" + id + "/report", "{}", anna), 201), "report_id"));
  const auto reportPath = "/api/v1/reports/" + reportId;

  // The report as printed while it is written: the case is in it.
  const auto pdf = server.get(reportPath + "/pdf", anna);
  REQUIRE(pdf.status == 200);
  const auto pdfFile = dir.path() / "case-report.pdf";
  std::ofstream(pdfFile, std::ios::binary) << pdf.body;
  int code = -1;
  const auto printed = runTool("pdftotext -layout '" + pdfFile.string() + "' -", &code);
  CHECK(code == 0);
  CHECK(contains(printed, "Upprepade avvikelser i läkemedelshanteringen"));
  CHECK(contains(printed, "Dubbelsignering vid varje dos"));

  assessRemainingAreas(server, reportPath, anna, "meets");
  requireOk(server.post(reportPath + "/fact-check", "{}", anna));
  requireOk(server.post(reportPath + "/fact-check/answer", "{}", ulla));
  requireOk(server.post(reportPath + "/finalize", "{}", anna));
  requireOk(server.post(reportPath + "/register", "{}", rita));

  // Registered: the material takes no more files, and nothing of it goes away.
  requireProblem(upload("/" + id + "/attachments", "late.pdf", anna), 409);
  requireProblem(
      server.request("DELETE", "/api/v1/attachments/" + std::to_string(number(material, "id")), {},
                     {{"Authorization", bearer(anna)}}),
      409);

  requireProblem(server.get(reportPath + "/archive", nils), 404);
  const auto zip = server.get(reportPath + "/archive", rita);
  REQUIRE(zip.status == 200);
  const auto bag = unpackBag(zip.body, dir.path(), "case");
  INFO(bag.checked);
  CHECK(bag.code == 0);
  // An E-ARK SIP (tests/support/eark_checks.hpp): the case's record beside the report.
  checkEarkSip(bag.sip, 0);
  for (const char* payload : {"report.md", "report.pdf"})
    CHECK(std::filesystem::exists(bag.representation() / payload));
  for (const char* payload :
       {"arende.json", "arende-audit.json", "atgardsplan.md", "atgardsplan.json", "bilagor.json"})
    CHECK(std::filesystem::exists(bag.record() / payload));
  CHECK(contains(bag.checked, "bilagor/" + text(material, "sha256")));
  // samverkan verify takes a case report's package like any other.
  const auto verified =
      runSamverkan(data, "verify --file='" + (dir.path() / "case.zip").string() + "'");
  INFO(verified.output);
  CHECK(verified.status == 0);
  std::ifstream caseFile(bag.record() / "arende.json");
  const std::string caseJson((std::istreambuf_iterator<char>(caseFile)), {});
  CHECK(contains(caseJson, "\"action_plan_accepted\""));
  CHECK(contains(caseJson, "Sju avvikelser om missade doser"));
  std::ifstream planMd(bag.record() / "atgardsplan.md");
  const std::string planText((std::istreambuf_iterator<char>(planMd)), {});
  CHECK(contains(planText, "Dubbelsignering vid varje dos"));
  CHECK(contains(bag.checked, "bilagor/" + text(planFile, "sha256")));
}

}  // namespace SV_TEST_FILE
