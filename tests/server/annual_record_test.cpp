// The yearly summary as a record through HTTP against the real server with the demo data (issue
// 15 point 4): Södermalm's contract manager writes the text, sends it for approval (the figures of
// that day committed beside it), the director returns it with a comment and then approves the
// version read, the registrar registers it. New data after that (a case opened) does not alter
// the registered figures; the git repository holds the tag and the same figures, and git fsck
// finds it sound; a registered row cannot be changed in SQLite. Tenancy and roles first.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "minutes/registry_number.hpp"
#include "support/eark_checks.hpp"
#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/pdf_archival.hpp"
#include "support/report_flow.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string sofia = server.login("sofia.soder", kDemoPassword);
  std::string stina = server.login("stina.chef", kDemoPassword);
  std::string rolf = server.login("rolf.register", kDemoPassword);
  std::string hanna = server.login("hanna.hemtjanst", kDemoPassword);
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string admin = server.login("admin", kAdminPassword);
  sv::Date today = sv::toStockholm(std::chrono::system_clock::now()).date;
  int year = static_cast<int>(today.year());
  std::string authority = std::to_string(
      number(requireOk(server.get("/api/v1/reports/annual", sofia)), "authority_id"));
  std::string query = "?authority=" + authority + "&year=" + std::to_string(year);

  HttpResult put(const std::string& json, const std::map<std::string, std::string>& precondition,
                 const std::string& token) const {
    auto headers = precondition;
    headers["Authorization"] = bearer(token);
    return server.request("PUT", "/api/v1/reports/annual/record" + query, json, headers);
  }
  HttpResult step(const std::string& name, const std::string& json,
                  const std::string& token) const {
    return server.post("/api/v1/reports/annual/record/" + name + query, json, token);
  }
  std::string figures(const std::string& token) const {
    const auto r = server.get("/api/v1/reports/annual" + query, token);
    REQUIRE(r.status == 200);
    return r.body;
  }
  std::int64_t casesOpened(const std::string& token) const {
    auto parsed = requireOk(server.get("/api/v1/reports/annual" + query, token));
    return number(parsed->getObject("totals")->getObject("current")->getObject("cases"), "opened");
  }
  // A new complaint on Södermalm's first contract: new data of the year.
  void openCase(const std::string& title) const {
    auto contracts = array(server.get("/api/v1/contracts", sofia).body);
    const auto contract = number(at(contracts, 0), "id");
    requireOk(server.post("/api/v1/follow-up-cases",
                          body({{"contract_id", contract},
                                {"trigger", "complaints"},
                                {"title", title},
                                {"description", "En anhörig har hört av sig."},
                                {"occurred_on", sv::formatDate(today)}}),
                          sofia),
              201);
  }
};

bool lists(const Poco::JSON::Object::Ptr& view, const std::string& step) {
  auto available = view->getArray("available");
  for (std::size_t i = 0; i < available->size(); ++i)
    if (available->getElement<std::string>(static_cast<unsigned>(i)) == step) return true;
  return false;
}

const std::string kComplete =
    R"({"summary":"Året i korthet: möten hölls enligt plan.","assessment":"Utföraren uppfyller i huvudsak kraven.","proposal":"Nämnden föreslås godkänna årsrapporten."})";

}  // namespace

TEST_CASE("annual record: written, returned, approved, registered, and the figures stay",
          "[server][annual][annual_record]") {
  Fixture f;
  // Before the first save: a draft nobody started; only the contract manager may write.
  auto empty = requireOk(f.server.get("/api/v1/reports/annual/record" + f.query, f.sofia));
  CHECK(text(empty, "state") == "draft");
  CHECK_FALSE(empty->getValue<bool>("started"));
  CHECK(lists(empty, "save"));
  CHECK_FALSE(
      lists(requireOk(f.server.get("/api/v1/reports/annual/record" + f.query, f.stina)), "save"));
  // The text is the authority's own: the provider and another authority find nothing.
  requireProblem(f.server.get("/api/v1/reports/annual/record" + f.query, f.hanna), 404);
  requireProblem(f.server.get("/api/v1/reports/annual/record" + f.query, f.anna), 404);
  requireProblem(f.put(kComplete, {{"If-None-Match", "*"}}, f.hanna), 404);
  // Roles before fields: the director's unreadable body is refused for the role.
  CHECK(text(requireProblem(f.put("not json", {{"If-None-Match", "*"}}, f.stina), 403), "reason") ==
        "not-annual-writer");
  requireProblem(f.put(kComplete, {}, f.sofia), 428);

  // The first save lacks the assessment: sending it is refused, naming the part.
  auto first = requireOk(f.put(R"({"summary":"Året i korthet.","proposal":"Godkänn."})",
                               {{"If-None-Match", "*"}}, f.sofia));
  const auto v1 = text(first, "version");
  CHECK(first->getValue<bool>("started"));
  auto missing = requireProblem(f.step("submit", "{}", f.sofia), 409);
  CHECK(text(missing, "reason") == "narrative-missing");
  CHECK(text(missing, "field") == "assessment");
  // A control character is refused and nothing changes; a save from an old version too.
  auto bad = requireProblem(f.put(R"({"summary":"Bad\u0007","assessment":"x","proposal":"y"})",
                                  {{"If-Match", v1}}, f.sofia),
                            422);
  CHECK(text(bad, "field") == "summary");
  CHECK(text(requireOk(f.server.get("/api/v1/reports/annual/record" + f.query, f.sofia)),
             "version") == v1);
  auto second = requireOk(f.put(kComplete, {{"If-Match", "\"" + v1 + "\""}}, f.sofia));
  const auto v2 = text(second, "version");
  CHECK(v2 != v1);
  CHECK(text(requireProblem(f.put(kComplete, {{"If-Match", v1}}, f.sofia), 409), "reason") ==
        "version-moved-on");
  CHECK(text(second->getObject("narrative"), "assessment") ==
        "Utföraren uppfyller i huvudsak kraven.");

  // While a draft the figures are live: a new case counts at once.
  const auto before = f.casesOpened(f.sofia);
  f.openCase("Klagomål på maten");
  CHECK(f.casesOpened(f.sofia) == before + 1);

  // Only the contract manager sends it; then the text is fixed and the figures frozen.
  CHECK(text(requireProblem(f.step("submit", "{}", f.stina), 403), "reason") ==
        "role-missing-for-transition");
  auto submitted = requireOk(f.step("submit", "{}", f.sofia));
  CHECK(text(submitted, "state") == "submitted");
  CHECK(text(submitted, "figures_as_of") == sv::formatDate(f.today));
  CHECK_FALSE(lists(submitted, "save"));
  CHECK(text(requireProblem(f.put(kComplete, {{"If-Match", text(submitted, "version")}}, f.sofia),
                            409),
             "reason") == "transition-not-allowed");
  f.openCase("Klagomål på städningen");
  CHECK(f.casesOpened(f.sofia) == before + 1);  // frozen as sent

  // The director returns it with a comment (required); sent again, the figures are counted anew.
  CHECK(text(requireProblem(f.step("return", "{}", f.stina), 422), "reason") == "comment-missing");
  CHECK(text(requireProblem(f.step("return", R"({"comment":"x"})", f.sofia), 403), "reason") ==
        "role-missing-for-transition");
  auto returned = requireOk(
      f.step("return", R"({"comment":"Lägg till jämförelsen med förra året."})", f.stina));
  CHECK(text(returned, "state") == "draft");
  CHECK(text(returned, "returned_comment") == "Lägg till jämförelsen med förra året.");
  CHECK(f.casesOpened(f.sofia) == before + 2);
  auto again = requireOk(f.step("submit", "{}", f.sofia));
  const auto sent = text(again, "version");
  CHECK(again->isNull("returned_comment"));

  // The director approves the version read: none named, or an old one, is refused.
  CHECK(text(requireProblem(f.step("approve", "{}", f.stina), 422), "reason") ==
        "version-not-named");
  CHECK(text(requireProblem(f.step("approve", body({{"version", v2}}), f.stina), 409), "reason") ==
        "version-moved-on");
  CHECK(text(requireProblem(f.step("register", "{}", f.rolf), 409), "reason") ==
        "transition-not-allowed");
  auto approved = requireOk(f.step("approve", body({{"version", sent}}), f.stina));
  CHECK(text(approved, "state") == "approved");
  CHECK(text(approved, "approved_by") == "Stina Berg");

  // No archival package before the registration; none ever for the provider.
  CHECK(text(requireProblem(f.server.get("/api/v1/reports/annual/archive" + f.query, f.rolf), 409),
             "reason") == "report-not-registered");
  requireProblem(f.server.get("/api/v1/reports/annual/archive" + f.query, f.hanna), 404);

  // The registrar registers it; the provider now sees its own part of the frozen figures.
  requireProblem(f.step("register", "{}", f.sofia), 403);
  const auto frozen = f.figures(f.sofia);
  auto registered = requireOk(f.step("register", "{}", f.rolf));
  CHECK(text(registered, "state") == "registered");
  const auto number = text(registered, "registry_number");
  CHECK_FALSE(number.empty());
  CHECK(registered->getArray("available")->size() == 0);
  CHECK(text(requireProblem(f.step("register", "{}", f.rolf), 409), "reason") ==
        "transition-not-allowed");
  auto own = requireOk(f.server.get("/api/v1/reports/annual" + f.query, f.hanna));
  CHECK_FALSE(own->isNull("provider_only"));

  // New data does not alter the registered figures.
  f.openCase("Klagomål på bemanningen");
  CHECK(f.figures(f.sofia) == frozen);
  CHECK(f.casesOpened(f.sofia) == before + 2);

  // The PDF is the registered one: its number, the text, no draft mark.
  const auto pdf = f.server.get("/api/v1/reports/annual.pdf" + f.query, f.sofia);
  REQUIRE(pdf.status == 200);
  const auto pdfFile = f.dir.path() / "arsrapport.pdf";
  std::ofstream(pdfFile, std::ios::binary) << pdf.body;
  int code = -1;
  const auto words = runTool("pdftotext -layout '" + pdfFile.string() + "' -", &code);
  CHECK(code == 0);
  CHECK(contains(words, "Nämnden föreslås godkänna årsrapporten."));
  CHECK(contains(words, "Förslag till beslut"));
  CHECK_FALSE(contains(words, "UTKAST"));
  CHECK(contains(runTool("pdfinfo '" + pdfFile.string() + "'", &code), number));
  // The last page: the registration and whose seal it carries (issue 16, point 5).
  const auto pages = pdfInfoField(runTool("pdfinfo '" + pdfFile.string() + "'"), "Pages");
  const auto last =
      runTool("pdftotext -layout -f " + pages + " -l " + pages + " '" + pdfFile.string() + "' -");
  INFO(last);
  CHECK(contains(last, "Diarienummer: " + number));
  CHECK(contains(last, "Elektroniskt sigill, certifikatets innehavare: CN="));

  // The archival package: an E-ARK SIP in a BagIt bag, the sealed PDF/A, the text and the frozen
  // figures as committed; samverkan verify checks it against the repository's tag.
  requireProblem(f.server.get("/api/v1/reports/annual/archive" + f.query, f.hanna), 404);
  requireProblem(f.server.get("/api/v1/reports/annual/archive" + f.query, f.anna), 404);
  const auto zip = f.server.get("/api/v1/reports/annual/archive" + f.query, f.rolf);
  REQUIRE(zip.status == 200);
  CHECK(zip.header("content-type") == "application/zip");
  const auto bag = unpackBag(zip.body, f.dir.path(), "annual");
  INFO(bag.checked);
  CHECK(bag.code == 0);
  checkEarkSip(bag.sip, 0);
  for (const char* payload : {"arsrapport.pdf", "report.md", "figures.csv"})
    CHECK(std::filesystem::exists(bag.representation() / payload));
  for (const char* payload : {"report.json", "figures.json", "metadata.json", "audit.json"})
    CHECK(std::filesystem::exists(bag.record() / payload));
  {
    std::ifstream in(bag.record() / "figures.json", std::ios::binary);
    CHECK(std::string((std::istreambuf_iterator<char>(in)), {}) == frozen);
  }
  const auto verified = runSamverkan(
      f.dir.path() / "data", "verify --file='" + (f.dir.path() / "annual.zip").string() + "'");
  INFO(verified.output);
  CHECK(verified.status == 0);
  CHECK(contains(verified.output, "arsrapport.pdf is PDF/A-2A"));
  CHECK(contains(verified.output, "arsrapport.pdf sealed by CN="));

  // Git: the tag names the registered version, whose figures are the ones served; fsck is clean.
  const auto repo =
      (f.dir.path() / "data" / "repositories" / ("authority-" + f.authority + ".git")).string();
  const auto tags = runTool("git -C '" + repo + "' tag -l", &code);
  REQUIRE(code == 0);
  REQUIRE_FALSE(tags.empty());
  // This summary's tag among the repository's (the demo registered last year's summary too).
  const auto tag = sv::minutes::tagNameOf(number);
  CHECK(contains(tags, tag + "\n"));
  CHECK(runTool("git -C '" + repo + "' rev-list -n 1 '" + tag + "'", &code) == sent + "\n");
  CHECK(runTool("git -C '" + repo + "' show '" + tag + ":annual/" + std::to_string(f.year) +
                    "/figures.json'",
                &code) == frozen);
  runTool("git -C '" + repo + "' fsck --strict 2>&1", &code);
  CHECK(code == 0);

  // The record cannot be changed behind the server's back, and every step is in the audit log.
  const auto db = (f.dir.path() / "data" / "samverkan.db").string();
  // Waiting for the server's own writes (the notices of the registration go out meanwhile): without
  // the wait the update could fail on the lock ("database is locked") instead of the trigger.
  const auto refused = runTool("sqlite3 -cmd '.timeout 10000' '" + db +
                                   "' \"UPDATE annual_reports SET state = 'draft' WHERE year = " +
                                   std::to_string(f.year) + "\" 2>&1",
                               &code);
  INFO(refused);
  CHECK(code != 0);
  CHECK(contains(refused, "registered"));
  const auto audit = f.server.get("/api/v1/audit?object_type=annual_report&limit=100", f.admin);
  REQUIRE(audit.status == 200);
  for (const char* action : {"annual.start", "annual.save", "annual.submit", "annual.return",
                             "annual.approve", "annual.register"})
    CHECK(contains(audit.body, action));
}

TEST_CASE("annual record: the director and registrar are told, the register's series is shared",
          "[server][annual][annual_record]") {
  Fixture f;
  requireOk(f.put(kComplete, {{"If-None-Match", "*"}}, f.sofia));
  requireOk(f.step("submit", "{}", f.sofia));
  auto notices = f.server.get("/api/v1/notifications", f.stina);
  REQUIRE(notices.status == 200);
  CHECK(contains(notices.body, "annual.submitted"));
  const auto version =
      text(requireOk(f.server.get("/api/v1/reports/annual/record" + f.query, f.stina)), "version");
  requireOk(f.step("approve", body({{"version", version}}), f.stina));
  CHECK(contains(f.server.get("/api/v1/notifications", f.rolf).body, "annual.approved"));
  // The number follows the register's series: not one a protocol or report of the year holds.
  auto registry = f.server.get("/api/v1/registry?limit=200", f.rolf);
  REQUIRE(registry.status == 200);
  const auto number = text(requireOk(f.step("register", "{}", f.rolf)), "registry_number");
  CHECK_FALSE(contains(registry.body, "\"" + number + "\""));
  CHECK(contains(f.server.get("/api/v1/notifications", f.sofia).body, "annual.registered"));
}

}  // namespace SV_TEST_FILE
