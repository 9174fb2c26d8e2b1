// Follow-up reports through HTTP against the real server with the demo data: the contract manager
// writes the year's report, the provider fact-checks it per area, a supplement with a file changes
// an assessment with its reason, the report becomes final (its improvements become actions that
// the next meeting's agenda carries), the registrar registers it and it never changes again; the
// fact-check's deadline closes it as "inga synpunkter inkom" (the command with an injected day).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/eark_checks.hpp"
#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/multipart.hpp"
#include "support/pdf_archival.hpp"
#include "support/pdf_seal.hpp"
#include "support/report_flow.hpp"
#include "support/sample_files.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

std::string today(int plusDays = 0) {
  const auto now = std::chrono::system_clock::now() + std::chrono::days{plusDays};
  return sv::formatDate(sv::toStockholm(now).date);
}

// Every area assessed; the first with findings and an improvement on the provider.
std::string assessed(const Poco::JSON::Object::Ptr& view, const std::string& firstAssessment) {
  auto report = view->getObject("report");
  auto areas = report->getArray("areas");
  for (std::size_t i = 0; i < areas->size(); ++i) {
    auto area = areas->getObject(static_cast<unsigned>(i));
    area->set("assessment", i == 0 ? firstAssessment : std::string("meets"));
    if (i == 0) {
      area->set("findings", "Genomförandeplanerna saknar **mål** för tre av tio.");
      Poco::JSON::Array improvements;
      Poco::JSON::Object imp;
      imp.set("id", "");
      imp.set("text", "Upprätta genomförandeplaner med mål för alla brukare");
      imp.set("due_date", today(60));
      imp.set("responsible_party", "provider");
      improvements.add(imp);
      area->set("improvements", improvements);
    }
  }
  report->set("method", "Dialogmöte, intervjuer och granskning av dokumentation.");
  Poco::JSON::Object wrapper;
  wrapper.set("report", report);
  std::ostringstream out;
  wrapper.stringify(out);
  return out.str();
}

struct Fixture {
  TempDir dir;
  std::filesystem::path data = dir.path() / "data";
  std::optional<ServerProcess> server{std::in_place, data, std::map<std::string, std::string>{},
                                      true};
  std::string anna = server->login("anna.avtal", kDemoPassword);
  std::string ulla = server->login("ulla.utforare", kDemoPassword);
  std::string rita = server->login("rita.registrator", kDemoPassword);
  std::string nils = server->login("nils.norr", kDemoPassword);
  std::string sofia = server->login("sofia.soder", kDemoPassword);

  HttpResult put(const std::string& path, const std::string& json, const std::string& token,
                 const std::string& ifMatch) const {
    return server->request("PUT", path, json,
                           {{"Authorization", bearer(token)}, {"If-Match", ifMatch}});
  }
  HttpResult upload(const std::string& path, const std::string& bytes,
                    const std::string& token) const {
    return server->request("POST", path, multipart("Genomförandeplan mall.pdf", bytes),
                           {{"Authorization", bearer(token)}},
                           "multipart/form-data; boundary=" + kBoundary);
  }
  Poco::JSON::Object::Ptr start(const std::string& kind) const {
    return requireOk(server->post("/api/v1/reports",
                                  body({{"contract_id", 1}, {"year", 2026}, {"kind", kind}}), anna),
                     201);
  }
  std::string git(const std::string& args, int* code = nullptr) const {
    return runTool(
        "git --git-dir='" + (data / "repositories" / "contract-1.git").string() + "' " + args,
        code);
  }
};

std::string path(std::int64_t id, const std::string& rest = {}) {
  return "/api/v1/reports/" + std::to_string(id) + rest;
}

std::string stateOf(const Poco::JSON::Object::Ptr& view) {
  return text(view->getObject("summary"), "state");
}

}  // namespace

TEST_CASE("reports: written, fact-checked, supplemented, final and registered",
          "[server][reports]") {
  Fixture f;
  // Roles before fields: the provider may not start one; another provider does not see the
  // contract at all.
  requireProblem(
      f.server->post("/api/v1/reports", body({{"contract_id", 1}, {"year", 2026}}), f.ulla), 403);
  requireProblem(
      f.server->post("/api/v1/reports", body({{"contract_id", 1}, {"year", 2026}}), f.nils), 404);
  const auto started = f.start("operational");
  const auto id = number(started->getObject("summary"), "id");
  CHECK(stateOf(started) == "draft");
  requireProblem(
      f.server->post("/api/v1/reports", body({{"contract_id", 1}, {"year", 2026}}), f.anna), 409);
  // Another provider and another authority answer 404; the list shows it to neither.
  requireProblem(f.server->get(path(id), f.nils), 404);
  requireProblem(f.server->get(path(id), f.sofia), 404);
  CHECK(number(requireOk(f.server->get("/api/v1/reports", f.nils)), "total") == 0);
  // A draft is the authority's own until it is sent: the provider does not see it yet.
  CHECK(number(requireOk(f.server->get("/api/v1/reports", f.ulla)), "total") == 0);
  requireProblem(f.server->get(path(id), f.ulla), 404);

  // Not every area assessed: not sent.
  const auto notAssessed =
      requireProblem(f.server->post(path(id, "/fact-check"), "{}", f.anna), 409);
  CHECK(text(notAssessed, "reason") == "area-not-assessed");

  const auto draft = requireOk(f.server->get(path(id), f.anna));
  const auto saved = requireOk(f.put(path(id), assessed(draft, "partly_meets"), f.anna,
                                     "\"" + text(draft, "version") + "\""));
  CHECK(saved->getValue<bool>("changed"));
  const auto firstArea = saved->getObject("report")->getArray("areas")->getObject(0);
  const std::string areaKey = text(firstArea, "key");
  CHECK(text(firstArea->getArray("improvements")->getObject(0), "id") == "i1");

  const auto sent = requireOk(f.server->post(path(id, "/fact-check"), "{}", f.anna));
  CHECK(stateOf(sent) == "fact_check");
  CHECK(text(sent->getObject("summary"), "fact_check_due_on") == today(14));
  CHECK(number(requireOk(f.server->get("/api/v1/reports", f.ulla)), "total") == 1);
  // The provider may not write the report, whatever the body holds.
  requireProblem(f.put(path(id), "{}", f.ulla, "\"" + text(sent, "version") + "\""), 403);
  // Out for fact-check: the text stays as the provider was shown it.
  requireProblem(
      f.put(path(id), assessed(sent, "meets"), f.anna, "\"" + text(sent, "version") + "\""), 409);
  // Only the provider answers; an unknown area is refused and changes nothing.
  requireProblem(f.server->post(path(id, "/fact-check/answer"), "{}", f.anna), 403);
  requireProblem(f.server->post(path(id, "/fact-check/answer"),
                                R"({"comments":[{"area":"no_such_area","text":"Fel"}]})", f.ulla),
                 422);
  CHECK(stateOf(requireOk(f.server->get(path(id), f.ulla))) == "fact_check");
  const auto answered = requireOk(
      f.server->post(path(id, "/fact-check/answer"),
                     R"({"comments":[{"area":")" + areaKey +
                         R"(","text":"Sju av tio planer har mål; tre var under revidering."}]})",
                     f.ulla));
  CHECK(stateOf(answered) == "answered");

  // A supplement on the area: requested, sent with a file, decided with a new assessment.
  const auto supplement =
      requireOk(f.server->post(path(id, "/supplements"),
                               body({{"area", areaKey},
                                     {"request", "Skicka de reviderade genomförandeplanerna."},
                                     {"due_on", today(10)}}),
                               f.anna),
                201);
  CHECK(number(supplement, "number") == 1);
  requireProblem(f.server->post(path(id, "/supplements/1/response"), body({{"text", "x"}}), f.anna),
                 403);
  const auto file = requireOk(
      f.upload(path(id, "/supplements/1/attachments"), sv::testing::samplePdf(), f.ulla), 201);
  CHECK(text(file, "attached_to") == "supplement");
  requireProblem(f.upload(path(id, "/supplements/1/attachments"), sv::testing::samplePdf(), f.nils),
                 404);
  requireOk(f.server->post(path(id, "/supplements/1/response"),
                           body({{"text", "De tre planerna är nu reviderade med mål."}}), f.ulla));
  requireProblem(f.server->post(path(id, "/supplements/1/decision"),
                                body({{"assessment", "meets"}, {"reason", ""}}), f.anna),
                 422);
  const auto decided = requireOk(f.server->post(
      path(id, "/supplements/1/decision"),
      body({{"assessment", "meets"}, {"reason", "Kompletteringen visar att kraven uppfylls."}}),
      f.anna));
  CHECK(text(decided->getObject("decision"), "before") == "partly_meets");
  CHECK(text(decided->getObject("decision"), "after") == "meets");
  const auto afterDecision = requireOk(f.server->get(path(id), f.anna));
  CHECK(text(afterDecision->getObject("report")->getArray("areas")->getObject(0), "assessment") ==
        "meets");

  // Final only once every comment is answered.
  const auto open = requireProblem(f.server->post(path(id, "/finalize"), "{}", f.anna), 409);
  CHECK(text(open, "reason") == "comments-open");
  const auto comments = requireArray(f.server->get(path(id, "/comments"), f.anna));
  REQUIRE(comments->size() == 1);
  const auto commentId = number(at(comments, 0), "id");
  requireOk(f.server->post(path(id, "/comments/" + std::to_string(commentId) + "/answer"),
                           body({{"answer", "Rättat: sju av tio planer hade mål."}}), f.anna));
  const auto final = requireOk(f.server->post(path(id, "/finalize"), "{}", f.anna));
  CHECK(stateOf(final) == "final");
  const auto record = f.server->get(path(id, "/record"), f.ulla);
  CHECK(contains(record.body, "Synpunkter lämnade"));
  CHECK(contains(record.body, "Rättat: sju av tio planer hade mål."));
  CHECK(contains(record.body, "Kompletteringen visar att kraven uppfylls."));
  CHECK(contains(record.body, text(file, "sha256")));

  // The improvement is an action of the contract, carried to the next meeting's agenda.
  const auto meeting = requireOk(
      f.server->post("/api/v1/contracts/1/meetings",
                     body({{"starts_at", today(30) + "T09:00"}, {"location", "Linnégården"}}),
                     f.anna),
      201);
  const auto agenda = f.server->get(
      "/api/v1/meetings/" + std::to_string(number(meeting, "id")) + "/agenda", f.anna);
  CHECK(contains(agenda.body, "Upprätta genomförandeplaner med mål för alla brukare"));
  CHECK(contains(agenda.body, "uppföljningsrapport"));

  // The registrar registers; from then on nothing changes.
  requireProblem(f.server->post(path(id, "/register"), "{}", f.anna), 403);
  const auto registered = requireOk(f.server->post(path(id, "/register"), "{}", f.rita));
  CHECK(stateOf(registered) == "registered");
  const std::string number = text(registered->getObject("summary"), "registry_number");
  CHECK_FALSE(number.empty());
  requireProblem(f.put(path(id), assessed(registered, "meets"), f.anna,
                       "\"" + text(registered, "version") + "\""),
                 409);
  requireProblem(f.upload(path(id, "/attachments"), sv::testing::samplePdf(), f.anna), 409);
  requireProblem(
      f.server->request("DELETE",
                        "/api/v1/attachments/" + std::to_string(sv::test::number(file, "id")), {},
                        {{"Authorization", bearer(f.anna)}}),
      409);

  // The PDF prints the record; the archival package's checksums pass sha256sum.
  const auto pdf = f.server->get(path(id, "/pdf"), f.ulla);
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  const auto pdfFile = f.dir.path() / "report.pdf";
  std::ofstream(pdfFile, std::ios::binary) << pdf.body;
  int code = -1;
  const auto pdfText = runTool("pdftotext -layout '" + pdfFile.string() + "' -", &code);
  CHECK(code == 0);
  CHECK(contains(pdfText, "Faktagranskning"));
  CHECK(contains(pdfText, "Kompletteringar"));
  CHECK(contains(pdfText, number));
  requireProblem(f.server->get(path(id, "/archive"), f.nils), 404);
  const auto zip = f.server->get(path(id, "/archive"), f.rita);
  REQUIRE(zip.status == 200);
  const auto bag = unpackBag(zip.body, f.dir.path(), "report");
  INFO(bag.checked);
  CHECK(bag.code == 0);
  // An E-ARK SIP like the minutes' (tests/support/eark_checks.hpp): the report as read in its
  // representation, the record beside it as metadata.
  sv::test::checkEarkSip(bag.sip, 0);
  for (const char* payload : {"report.md", "report.pdf"})
    CHECK(std::filesystem::exists(bag.representation() / payload));
  for (const char* payload :
       {"report.json", "faktagranskning.md", "bilagor.json", "metadata.json", "audit.json"})
    CHECK(std::filesystem::exists(bag.record() / payload));
  CHECK(contains(bag.checked, "bilagor/" + text(file, "sha256")));
  // The archived report is PDF/A-2a as rendered (tests/support/pdf_archival.hpp).
  const auto archived = bag.representation() / "report.pdf";
  const std::string title =
      sv::test::pdfInfoField(runTool("pdfinfo '" + archived.string() + "'"), "Title");
  CHECK(contains(title, " – "));
  sv::test::checkArchivalPdf(archived, {.title = title,
                                        .author = "Östermalms stadsdelsförvaltning",
                                        .registryNumber = number,
                                        .createdAt = std::nullopt});
  // And sealed by the authority (README, "E-sigill"): the whole file signed.
  {
    const auto sealed = sv::test::pdfsig(archived);
    INFO(sealed.output);
    CHECK_THAT(sealed.output, Catch::Contains("Signature is Valid"));
    CHECK_THAT(sealed.output, Catch::Contains("Total document signed"));
  }
  // The last page names the seal's holder under the registry number.
  {
    const auto pages =
        sv::test::pdfInfoField(runTool("pdfinfo '" + archived.string() + "'"), "Pages");
    const auto last = runTool("pdftotext -layout -f " + pages + " -l " + pages + " '" +
                              archived.string() + "' -");
    INFO(last);
    CHECK(contains(last, "Diarienummer: " + number));
    CHECK(contains(last, "Elektroniskt sigill, certifikatets innehavare: CN="));
  }
  // samverkan verify checks the package on its own: manifests, METS, the tag, PDF/A, the seal.
  {
    const auto zipFile = f.dir.path() / "report.zip";
    const auto verified =
        sv::test::runSamverkan(f.data, "verify --file='" + zipFile.string() + "'");
    INFO(verified.output);
    CHECK(verified.status == 0);
    CHECK(contains(verified.output, "report.pdf is PDF/A-2A"));
    CHECK(contains(verified.output, "report.pdf sealed by CN="));
  }

  f.server.reset();  // the repository read with the server stopped
  const auto tags = f.git("tag -l", &code);
  CHECK(code == 0);
  CHECK_FALSE(tags.empty());
  f.git("fsck --strict", &code);
  CHECK(code == 0);
  const auto committed = f.git("show " + text(registered, "version") + ":reports/" +
                               std::to_string(id) + "/faktagranskning.md");
  CHECK(contains(committed, "Faktagranskning"));
}

TEST_CASE("reports: a fact-check past its last day closes with no comments", "[server][reports]") {
  Fixture f;
  const auto started = f.start("contract");
  const auto id = number(started->getObject("summary"), "id");
  const auto saved = requireOk(
      f.put(path(id), assessed(started, "meets"), f.anna, "\"" + text(started, "version") + "\""));
  requireOk(f.server->post(path(id, "/fact-check"), "{}", f.anna));
  f.server.reset();

  // On the last day nothing closes; the day after, it does.
  auto run = runSamverkan(f.data, "fact-check-deadlines --today=" + today(14));
  INFO(run.output);
  CHECK(run.status == 0);
  CHECK(contains(run.output, "0 fact-checks closed"));
  // The day after: ours closes (and the demo's own report out for fact-checking with it).
  run = runSamverkan(f.data, "fact-check-deadlines --today=" + today(15));
  CHECK(run.status == 0);
  CHECK_FALSE(contains(run.output, "0 fact-checks closed"));

  f.server.emplace(f.data);
  const auto anna = f.server->login("anna.avtal", kDemoPassword);
  const auto ulla = f.server->login("ulla.utforare", kDemoPassword);
  const auto view = requireOk(f.server->get(path(id), anna));
  CHECK(stateOf(view) == "answered");
  CHECK(contains(f.server->get(path(id, "/record"), anna).body, "Inga synpunkter inkom"));
  // Too late to answer.
  requireProblem(f.server->post(path(id, "/fact-check/answer"), "{}", ulla), 409);
  // The audit log has the system's step (read by the authority's reader).
  const auto lars = f.server->login("lars.lasare", kDemoPassword);
  const auto audit =
      f.server->get("/api/v1/audit?object_type=report&object_id=" + std::to_string(id), lars);
  CHECK(contains(audit.body, "report.deadline_passed"));
}

// Hardening issue, finding 5: the findings of a whole report are bounded (a report's PDF is
// rendered on every request); a save over it, or a merge of two saves that each kept within it,
// answers 422 notes-too-long and changes nothing.
TEST_CASE("reports: the findings of all areas together are bounded", "[server][reports][budget]") {
  Fixture f;
  const auto started = f.start("operational");
  const auto id = number(started->getObject("summary"), "id");
  const auto draft = requireOk(f.server->get(path(id), f.anna));
  const std::string base = "\"" + text(draft, "version") + "\"";
  // The findings of the areas `from`..`from + sizes.size()` set to that many bytes each.
  const auto withFindings = [&](std::size_t from, const std::vector<std::size_t>& sizes) {
    std::ostringstream original;
    draft->getObject("report")->stringify(original);
    const auto report = object(original.str());
    const auto areas = report->getArray("areas");
    REQUIRE(areas->size() >= from + sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i)
      areas->getObject(static_cast<unsigned>(from + i))
          ->set("findings", std::string(sizes[i], static_cast<char>('a' + i)));
    Poco::JSON::Object wrapper;
    wrapper.set("report", report);
    std::ostringstream out;
    wrapper.stringify(out);
    return out.str();
  };
  const std::size_t third = 250'000 / 3 + 1;  // minutes/report.hpp kMaxReportFindingsBytes
  const auto refused =
      requireProblem(f.put(path(id), withFindings(0, {third, third, third}), f.anna, base), 422);
  CHECK(text(refused, "reason") == "notes-too-long");
  CHECK(text(refused, "field") == "areas[2].findings");
  CHECK("\"" + text(requireOk(f.server->get(path(id), f.anna)), "version") + "\"" == base);
  // Two saves from the same version, each 160 000 bytes in areas of its own: together too much.
  requireOk(f.put(path(id), withFindings(0, {80'000, 80'000}), f.anna, base));
  const auto merged =
      requireProblem(f.put(path(id), withFindings(2, {80'000, 80'000}), f.anna, base), 422);
  CHECK(text(merged, "reason") == "notes-too-long");
}

}  // namespace SV_TEST_FILE
