// The yearly summary to the committee as a PDF (server/pdf/annual_pdf.hpp), read back with qpdf
// and poppler. The figures come from the hand-counted year of the domain's tests
// (tests/minutes/annual_fixtures.hpp) through computeAnnualFigures.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fixtures.hpp"
#include "minutes/annual_charts.hpp"
#include "minutes/annual_figures.hpp"
#include "minutes/annual_labels.hpp"
#include "server/pdf/annual_pdf.hpp"
#include "support/temp_dir.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
namespace annual = sv::minutes::test::annual;
using fx::count;
using fx::RenderedPdf;

namespace {

const std::string kTitle = "Årsrapport 2026 till nämnden – Stadsdelsförvaltning Söder";

AnnualFigures sampleFigures() {
  return computeAnnualFigures(annual::sampleInput());
}

RenderedPdf render(const AnnualFigures& figures, AnnualPdfOptions options = {}) {
  if (options.title.empty()) options.title = kTitle;
  if (options.createdAt == TimePoint{}) options.createdAt = fx::at(2027, 2, 1, 9, 0);
  auto bytes = renderAnnualPdf(figures, options);
  REQUIRE(bytes);
  return RenderedPdf(fx::PdfBytes{std::move(*bytes)});
}

// The page contents uncompressed (qpdf's QDF form), where the drawing operators can be counted.
std::string contentOf(const RenderedPdf& pdf) {
  sv::test::TempDir dir;
  const std::filesystem::path out = dir.path() / "qdf.pdf";
  int rc = -1;
  sv::test::runTool("qpdf --qdf --object-streams=disable " + pdf.path() + " '" + out.string() + "'",
                    &rc);
  REQUIRE(rc == 0);
  std::ifstream in(out, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Rectangles drawn (`x y w h re`): the bars, the legends' squares and the tables' header fills.
std::size_t rectangles(const std::string& content) {
  return count(content, " re\n") + count(content, " re ");
}

// A third provider with one contract: two meetings held, one cancelled, two open actions.
minutes::ContractFacts contract4() {
  minutes::ContractFacts c;
  c.contractId = 4;
  c.title = "Korttidsboende Årsta";
  c.reference = "SDN 2025/0100";
  c.providerId = 30;
  c.providerName = "Cura Öster AB";
  c.meetings = {{400, annual::sthlm(2026, 2, 2), MeetingState::Held, ""},
                {401, annual::sthlm(2026, 5, 4), MeetingState::Held, ""},
                {402, annual::sthlm(2026, 9, 7), MeetingState::Cancelled, "Personalbrist"}};
  c.actions = {{40, annual::sthlm(2026, 2, 2), annual::day(2026, 6, 1), {}},
               {41, annual::sthlm(2026, 5, 4), annual::day(2027, 1, 15), {}}};
  return c;
}

// The bars with a value above zero in every chart the figures give.
std::size_t barsOf(const AnnualFigures& figures) {
  std::size_t bars = 0;
  for (const Chart& chart : annualCharts(figures))
    for (const ChartSeries& s : chart.series)
      for (double v : s.values) bars += v > 0 ? 1 : 0;
  return bars;
}

}  // namespace

TEST_CASE("the yearly summary is a valid A4 PDF with its sections, charts and tables",
          "[pdf][annual_pdf]") {
  const AnnualFigures figures = sampleFigures();
  const RenderedPdf pdf = render(figures);
  CHECK(pdf.bytes().starts_with("%PDF-"));
  std::string qpdf;
  CHECK(pdf.qpdfCheck(&qpdf) == 0);
  INFO(qpdf);
  const std::string info = pdf.info();
  INFO(info);
  CHECK_THAT(info, Catch::Contains("Page size:       595.276 x 841.89 pts (A4)"));
  CHECK_THAT(info, Catch::Contains("Title:           " + kTitle));
  CHECK_THAT(info, Catch::Contains("Author:          Stadsdelsförvaltning Söder"));
  const int pages = pdf.pages();
  CHECK(pages >= 3);

  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains(kTitle));
  CHECK_THAT(text, Catch::Contains("Förvaltning Stadsdelsförvaltning Söder"));
  CHECK_THAT(text, Catch::Contains("År 2026 (jämförs med 2025)"));
  // Every page says which of how many it is.
  for (int page = 1; page <= pages; ++page)
    CHECK(count(pdf.pageText(page),
                "Sida " + std::to_string(page) + " av " + std::to_string(pages)) == 1);
  // The sections with data, each a heading, and the comparison and the providers after them.
  for (AnnualSection s : sectionsWithData(figures.totals))
    CHECK_THAT(text, Catch::Contains(std::string(swedishSectionTitle(s))));
  CHECK(sectionsWithData(figures.totals).size() == 6);
  CHECK_THAT(text, Catch::Contains("Jämförelse med föregående år"));
  CHECK_THAT(text, Catch::Contains("Utförare och avtal"));
  // Each chart: its title, and its figures as a table, numbers as Swedes write them.
  const std::vector<Chart> charts = annualCharts(figures);
  CHECK(charts.size() == 4);
  for (const Chart& chart : charts) {
    CHECK_THAT(text, Catch::Contains(chart.title));
    for (const std::vector<std::string>& row : chartTable(chart).rows) {
      std::string line;
      for (const std::string& cell : row) line += (line.empty() ? "" : " ") + cell;
      CHECK_THAT(text, Catch::Contains(line));
    }
  }
  // Worked out by hand in annual_fixtures.hpp: provider 10 planned 9 meetings, held 5, 3 cancelled.
  CHECK_THAT(text, Catch::Contains("Åldreomsorg Öst AB 9 5 3"));
  CHECK_THAT(text, Catch::Contains("Bästa Vård AB 2 2 0"));
  // The providers' contracts side by side: contract 1's median is 9,5 days (5, 7, 12, 20), contract
  // 2's 43, the provider's 12; accepted after 181 and 182 days, 181,5.
  CHECK_THAT(text, Catch::Contains("Mediandagar till justering 9,5 43 12"));
  CHECK_THAT(text, Catch::Contains("Mediandagar till godkännande 181,5 – 181,5"));
  CHECK_THAT(text, Catch::Contains("Hemtjänst Årsta"));  // a contract's title heads its column
  CHECK_THAT(text, Catch::Contains("Älvsjö"));
  CHECK_THAT(text, Catch::Contains("SDN 2023/0007"));
  // The year against the previous: 2025 held 3 meetings, 2026 held 7.
  CHECK_THAT(text, Catch::Contains("Genomförda möten 3 7 +4"));
  // No narrative given: none of its headings.
  CHECK_THAT(text, !Catch::Contains("Sammanfattning"));
  CHECK_THAT(text, !Catch::Contains("Förslag till beslut"));
  CHECK_THAT(text, !Catch::Contains("UTKAST"));
}

TEST_CASE("the yearly summary's outline has a bookmark per main heading", "[pdf][annual_pdf]") {
  const AnnualFigures figures = sampleFigures();
  AnnualPdfOptions options;
  options.narrative = AnnualNarrative{"Året i korthet.", "", "Nämnden föreslås godkänna."};
  const RenderedPdf pdf = render(figures, options);
  const std::string outline = sv::test::runTool("qpdf --json --json-key=outlines " + pdf.path());
  INFO(outline);
  // Two narrative parts (the blank assessment has none), six sections, the comparison, providers,
  // and last Diarieföring.
  CHECK(count(outline, "\"title\":") == 2 + 6 + 2 + 1);
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Diarieföring\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Sammanfattning\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Förslag till beslut\""));
  CHECK_THAT(outline, !Catch::Contains("\"title\": \"Bedömning\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Händelsestyrda uppföljningar\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Jämförelse med föregående år\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Utförare och avtal\""));
}

TEST_CASE("the narrative prints its Markdown under its headings before the figures",
          "[pdf][annual_pdf]") {
  AnnualPdfOptions options;
  options.narrative = AnnualNarrative{
      .summary = "Samverkan med utförarna har **fungerat väl** under året.",
      .assessment = "- Protokollen justeras för sent\n- Åtgärderna följs upp\n",
      .proposal = "Nämnden föreslås\n\n1. godkänna årsrapporten,\n2. lägga den till handlingarna."};
  const RenderedPdf pdf = render(sampleFigures(), options);
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Sammanfattning Samverkan med utförarna har fungerat väl under "
                                   "året."));
  CHECK_THAT(text, Catch::Contains("Bedömning • Protokollen justeras för sent • Åtgärderna följs"));
  CHECK_THAT(text, Catch::Contains("Förslag till beslut Nämnden föreslås 1. godkänna "
                                   "årsrapporten, 2. lägga den till handlingarna."));
  CHECK_THAT(text, !Catch::Contains("**"));
  // Before the first section.
  CHECK(text.find("Förslag till beslut") < text.find("Planerade och genomförda möten"));
}

TEST_CASE("a provider's view holds only that provider", "[pdf][annual_pdf]") {
  const AnnualFigures own = restrictToProvider(sampleFigures(), 20);
  const RenderedPdf pdf = render(own);
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Bästa Vård AB"));
  CHECK_THAT(text, Catch::Contains("Daglig verksamhet Östberga"));
  CHECK_THAT(text, Catch::Contains("Utförarens egna uppgifter"));
  CHECK_THAT(text, !Catch::Contains("Åldreomsorg Öst AB"));
  CHECK_THAT(text, !Catch::Contains("Hemtjänst Årsta"));
  CHECK_THAT(text, !Catch::Contains("Särskilt boende Älvsjö"));
  // Its own totals: 2 meetings planned and held, none cancelled (the authority's are 11, 7, 3).
  CHECK_THAT(text, Catch::Contains("Bästa Vård AB 2 2 0"));
  CHECK_THAT(text, Catch::Contains("Planerade möten 0 2 +2"));
  CHECK_THAT(pdf.info(), Catch::Contains("utförare Bästa Vård AB"));
}

TEST_CASE("the state mark is on every page while the report is not registered",
          "[pdf][annual_pdf]") {
  AnnualPdfOptions options;
  options.stateMark = "UTKAST";
  const RenderedPdf pdf = render(sampleFigures(), options);
  CHECK(pdf.qpdfCheck() == 0);
  const int pages = pdf.pages();
  for (int page = 1; page <= pages; ++page)
    CHECK_THAT(pdf.pageText(page), Catch::Contains("UTKAST"));
}

TEST_CASE("the charts are drawn as vector bars in the series' colours", "[pdf][annual_pdf]") {
  const AnnualFigures two = sampleFigures();
  AnnualInput input = annual::sampleInput();
  input.contracts.push_back(contract4());
  const AnnualFigures three = computeAnnualFigures(input);
  const std::size_t newBars = barsOf(three) - barsOf(two);
  REQUIRE(newBars == 4);  // planned, held, cancelled; open actions (the comparison's bars grow)

  const std::string twoContent = contentOf(render(two));
  const std::string threeContent = contentOf(render(three));
  // Every bar above zero is a rectangle of its own.
  CHECK(rectangles(twoContent) >= barsOf(two));
  // The third provider's bars are drawn, beside one more table header.
  CHECK(rectangles(threeContent) >= rectangles(twoContent) + newBars);

  // Each bar is filled in its series' colour, as cairo writes it (r g b as fractions of 255): as
  // many fills of a colour as there are bars of it above zero, and a legend square for each series.
  const std::pair<std::string_view, const char*> colours[] = {
      {kChartBlue, "0.0431373 0.32549 0.580392 rg"},
      {kChartOrange, "0.705882 0.372549 0.0235294 rg"},
      {kChartGreen, "0.219608 0.462745 0.113725 rg"},
      {kChartRed, "0.65098 0.109804 0 rg"},
      {kChartPurple, "0.403922 0.305882 0.654902 rg"}};
  for (const auto& [hex, operation] : colours) {
    std::size_t bars = 0;
    std::size_t squares = 0;
    for (const Chart& chart : annualCharts(two))
      for (const ChartSeries& s : chart.series)
        if (s.colour == hex) {
          ++squares;
          for (double v : s.values) bars += v > 0 ? 1 : 0;
        }
    INFO(operation);
    CHECK(bars > 0);
    CHECK(count(twoContent, operation) >= bars + squares);
  }
  // The legends, the axes' units and the categories are text on the page.
  const std::string text = render(two).flatText();
  CHECK_THAT(text, Catch::Contains("Antal möten"));
  CHECK_THAT(text, Catch::Contains("Antal åtgärder"));
  CHECK_THAT(text, Catch::Contains("Över 30 dagar"));
}

TEST_CASE("a year without any facts says so and still prints", "[pdf][annual_pdf]") {
  AnnualInput input;
  input.authorityId = 1;
  input.authorityName = "Stadsdelsförvaltning Söder";
  input.year = 2026;
  const RenderedPdf pdf = render(computeAnnualFigures(input));
  CHECK(pdf.qpdfCheck() == 0);
  CHECK(pdf.pages() == 1);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Det finns inga uppgifter för 2025 eller 2026."));
  CHECK_THAT(text, !Catch::Contains("Jämförelse med föregående år"));
  CHECK_THAT(text, Catch::Contains("Sida 1 av 1"));
}

TEST_CASE("a chart of many providers still draws every bar and names every provider",
          "[pdf][annual_pdf]") {
  // Fourteen providers leave each a band too narrow for its name under the bars: the names are
  // slanted, as in the SVG, and the table under the chart gives them in full.
  AnnualInput input = annual::sampleInput();
  for (int i = 0; i < 12; ++i) {
    minutes::ContractFacts c = contract4();
    c.contractId = 100 + i;
    c.providerId = 100 + i;
    c.providerName = "Omsorgsbolaget Ängsbacken nummer " + std::to_string(i + 1) + " AB";
    c.reference = "SDN 2026/" + std::to_string(200 + i);
    input.contracts.push_back(c);
  }
  const AnnualFigures figures = computeAnnualFigures(input);
  REQUIRE(figures.providers.size() == 14);
  const RenderedPdf pdf = render(figures);
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  for (const ProviderFigures& p : figures.providers)
    CHECK_THAT(text, Catch::Contains(p.providerName));
  CHECK(rectangles(contentOf(pdf)) >= barsOf(figures));
}

TEST_CASE("names that look like markup stay text in the charts and tables", "[pdf][annual_pdf]") {
  AnnualInput input = annual::sampleInput();
  minutes::ContractFacts c = contract4();
  c.providerName = "Vård & Omsorg <b>Norr</b> AB";
  c.title = "Boende \"Solgläntan\" & <i>co</i>";
  input.contracts.push_back(c);
  const RenderedPdf pdf = render(computeAnnualFigures(input));
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  INFO(text);
  // Under the bars, in the chart's table and over its own contract table.
  CHECK(count(text, "Vård & Omsorg <b>Norr</b> AB") >= 3);
  CHECK_THAT(text, Catch::Contains("Boende \"Solgläntan\" & <i>co</i>"));
}

}  // namespace SV_TEST_FILE
