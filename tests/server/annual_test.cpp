// The yearly summary to the committee through HTTP against the real server with the demo data
// (issue 15): Södermalm's year (meetings, actions, observations per agenda item, reports and the
// two cases the demo walks) as JSON and as CSV read by Python's csv module; the provider gets the
// part about its own contracts; another authority and another provider get 404, a year out of
// range 422.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/browser_session.hpp"
#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

TEST_CASE("annual: the authority's year as JSON and CSV, a provider's part, no one else's",
          "[server][annual]") {
  TempDir dir;
  ServerProcess server(dir.path() / "data", {}, true);
  const auto sofia = server.login("sofia.soder", kDemoPassword);
  const auto hanna = server.login("hanna.hemtjanst", kDemoPassword);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto ulla = server.login("ulla.utforare", kDemoPassword);
  const auto year = static_cast<int>(sv::toStockholm(std::chrono::system_clock::now()).date.year());

  auto whole = requireOk(server.get("/api/v1/reports/annual", sofia));
  CHECK(text(whole, "authority_name") == "Södermalms stadsdelsförvaltning");
  CHECK(number(whole, "year") == year);
  CHECK(whole->isNull("provider_only"));
  const auto authority = std::to_string(number(whole, "authority_id"));
  auto current = whole->getObject("totals")->getObject("current");
  // The demo's two cases, one analysed not ok then ok, and their plan's two actions.
  auto cases = current->getObject("cases");
  CHECK(number(cases, "opened") == 2);
  CHECK(number(cases, "action_plans_requested") == 1);
  CHECK(number(current->getObject("actions"), "opened") >= 2);
  CHECK(number(current->getObject("meetings"), "planned") >= 4);
  // The observations the demo's protocols record under the administration's follow-up (the
  // first protocol's one at least), counted per agenda item from what the saves recorded; the
  // exact counting is services_tests "[annual]".
  auto items = current->getArray("observations");
  REQUIRE(items);
  int followUp = -1;
  for (std::size_t i = 0; i < items->size(); ++i)
    if (text(at(items, i), "key") == "authority_followup")
      followUp = static_cast<int>(number(at(items, i), "observations"));
  CHECK(followUp >= 1);
  auto providers = whole->getArray("providers");
  REQUIRE(providers->size() == 2);  // by name: Hemtjänst Söder AB, Vita Bergens Dagverksamhet AB
  CHECK(text(at(providers, 0), "provider_name") == "Hemtjänst Söder AB");

  // The provider: only its own part, marked as such.
  auto own = requireOk(server.get("/api/v1/reports/annual?authority=" + authority, hanna));
  CHECK(number(own, "provider_only") == number(at(providers, 0), "provider_id"));
  CHECK(own->getArray("providers")->size() == 1);

  // Another authority's people and another provider find nothing; a wrong year is bad input.
  requireProblem(server.get("/api/v1/reports/annual?authority=" + authority, anna), 404);
  requireProblem(server.get("/api/v1/reports/annual?authority=" + authority, ulla), 404);
  requireProblem(server.get("/api/v1/reports/annual.csv?authority=" + authority, ulla), 404);
  CHECK(text(requireProblem(server.get("/api/v1/reports/annual?year=1999", sofia), 422), "field") ==
        "year");
  CHECK(text(requireProblem(server.get("/api/v1/reports/annual?year=tva", sofia), 400), "field") ==
        "year");
  // Östermalm's own summary is Östermalm's.
  CHECK(text(requireOk(server.get("/api/v1/reports/annual", anna)), "authority_name") ==
        "Östermalms stadsdelsförvaltning");

  // The CSV: a byte order mark, a header and one row per contract, read by Python.
  const auto csv = server.get("/api/v1/reports/annual.csv?year=" + std::to_string(year), sofia);
  REQUIRE(csv.status == 200);
  CHECK(csv.header("content-type").rfind("text/csv", 0) == 0);
  REQUIRE(csv.body.size() > 3);
  CHECK(csv.body.substr(0, 3) == "\xEF\xBB\xBF");
  const auto file = dir.path() / "arsrapport.csv";
  std::ofstream(file, std::ios::binary) << csv.body;
  int code = -1;
  const auto rows = runTool(
      "python3 -c \"import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', "
      "newline=''), strict=True)); print(len(r)); print('|'.join(r[1]) if len(r) > 1 else '')\" '" +
          file.string() + "'",
      &code);
  CHECK(code == 0);
  CHECK(rows.find("3\n") == 0);
  CHECK(rows.find("Hemtjänst Söder") != std::string::npos);

  // The PDF: qpdf finds it sound, pdftotext reads the charts' titles and the provider; the
  // provider's copy has its part only, and another authority's people get none.
  const auto pdf = server.get("/api/v1/reports/annual.pdf", sofia);
  REQUIRE(pdf.status == 200);
  CHECK(pdf.header("content-type") == "application/pdf");
  const auto pdfFile = dir.path() / "arsrapport.pdf";
  std::ofstream(pdfFile, std::ios::binary) << pdf.body;
  runTool("qpdf --check '" + pdfFile.string() + "'", &code);
  CHECK(code == 0);
  const auto printed = runTool("pdftotext -layout '" + pdfFile.string() + "' -", &code);
  CHECK(code == 0);
  CHECK(printed.find("Södermalms stadsdelsförvaltning") != std::string::npos);
  CHECK(printed.find("Hemtjänst Söder AB") != std::string::npos);
  CHECK(printed.find("UTKAST") != std::string::npos);
  CHECK(printed.find("Iakttagelser per dagordningspunkt") != std::string::npos);
  CHECK(server.get("/api/v1/reports/annual.pdf?authority=" + authority, hanna).status == 200);
  requireProblem(server.get("/api/v1/reports/annual.pdf?authority=" + authority, anna), 404);
}

TEST_CASE("annual: the page shows each chart as SVG with its table, the provider its own part",
          "[server][annual]") {
  TempDir dir;
  ServerProcess server(dir.path() / "data", {}, true);
  const Browser sofia(server, "sofia.soder");
  const auto page = sofia.get("/arsrapport");
  REQUIRE(page.status == 200);
  const auto& html = page.body;
  CHECK(html.find("Årsrapport") != std::string::npos);
  CHECK(html.find("Södermalms stadsdelsförvaltning") != std::string::npos);
  // Every chart: an SVG with its title and description named, and a table of the same figures.
  std::size_t svgs = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    ++svgs;
    const auto end = html.find("</svg>", at);
    REQUIRE(end != std::string::npos);
    const auto svg = html.substr(at, end - at);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("<title") != std::string::npos);
    CHECK(svg.find("<desc") != std::string::npos);
  }
  CHECK(svgs >= 3);
  CHECK(html.find("<caption>") != std::string::npos);
  // The observations per agenda item, as a table with the items as row headers.
  const auto observations = html.find("<table class=\"table\" id=\"iakttagelser\">");
  REQUIRE(observations != std::string::npos);
  CHECK(html.find("Iakttagelser per dagordningspunkt") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">", observations) != std::string::npos);
  CHECK(html.find("href=\"/api/v1/reports/annual.pdf?") != std::string::npos);
  CHECK(html.find("href=\"/arsrapport\" aria-current=\"page\"") != std::string::npos);

  // The provider's page has its part; a year that does not read is refused in Swedish.
  const Browser hanna(server, "hanna.hemtjanst");
  const auto own = hanna.get("/arsrapport");
  REQUIRE(own.status == 200);
  CHECK(own.body.find("era egna avtal") != std::string::npos);
  CHECK(sofia.get("/arsrapport?ar=tjugo").status == 400);
  CHECK(sofia.get("/arsrapport?ar=1999").status == 422);
  // Someone following no contract (Östermalm's, without a contract there) sees its own, empty.
  const Browser anna(server, "anna.avtal");
  CHECK(anna.get("/arsrapport").body.find("Södermalm") == std::string::npos);
}

TEST_CASE("annual: the API's .html is the page, by authority and year, for no one else",
          "[server][annual]") {
  TempDir dir;
  ServerProcess server(dir.path() / "data", {}, true);
  const Browser sofia(server, "sofia.soder");
  const Browser anna(server, "anna.avtal");
  const auto authority = std::to_string(number(
      requireOk(server.get("/api/v1/reports/annual", server.login("sofia.soder", kDemoPassword))),
      "authority_id"));
  const auto year = sv::toStockholm(std::chrono::system_clock::now()).date.year();
  const auto query =
      "?authority=" + authority + "&year=" + std::to_string(static_cast<int>(year) - 1);
  const auto page = sofia.get("/api/v1/reports/annual.html" + query);
  REQUIRE(page.status == 200);
  CHECK(page.header("content-type").rfind("text/html", 0) == 0);
  CHECK(contains(page.body,
                 "Årsrapport " + std::to_string(static_cast<int>(year) - 1) + " till nämnden"));
  CHECK(contains(page.body, "Södermalms stadsdelsförvaltning"));
  // Another authority's people find nothing; a bad year is said in Swedish.
  CHECK(anna.get("/api/v1/reports/annual.html" + query).status == 404);
  CHECK(anna.get("/arsrapport?authority=" + authority).status == 404);
  CHECK(sofia.get("/api/v1/reports/annual.html?year=20x6").status == 400);
}

}  // namespace SV_TEST_FILE
