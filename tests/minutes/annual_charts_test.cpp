// The yearly summary's charts (minutes/annual_charts.hpp): the models built from the hand-counted
// year, their tables, and the SVG as an XML parser (xmllint) reads it, with <title> and <desc>
// named by aria-labelledby and user text escaped.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "minutes/annual_charts.hpp"
#include "minutes/annual_figures.hpp"
#include "support/temp_dir.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::minutes::test::annual;

namespace {

// xmllint's answer to an XPath expression over the SVG; the SVG must be well-formed.
std::string xpath(const std::string& svg, const std::string& expression) {
  sv::test::TempDir dir;
  const auto file = dir.path() / "chart.svg";
  std::ofstream(file, std::ios::binary) << svg;
  int exit = -1;
  const std::string errors = sv::test::runTool("xmllint --noout " + file.string(), &exit);
  INFO(errors);
  REQUIRE(exit == 0);
  std::string out =
      sv::test::runTool("xmllint --xpath '" + expression + "' " + file.string(), &exit);
  REQUIRE(exit == 0);
  if (!out.empty() && out.back() == '\n') out.pop_back();  // xmllint ends its answer with one
  return out;
}

}  // namespace

TEST_CASE("the charts of the year: meetings, actions by state, days to approval, the year before",
          "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const std::vector<Chart> charts = annualCharts(f);
  REQUIRE(charts.size() == 4);
  CHECK(charts[0].id == "meetings");
  CHECK(charts[3].id == "year-over-year");

  const Chart meetings = meetingsChart(f);
  CHECK(meetings.kind == ChartKind::GroupedBars);
  CHECK(meetings.categories == std::vector<std::string>{"Bästa Vård AB", "Åldreomsorg Öst AB"});
  REQUIRE(meetings.series.size() == 3);
  CHECK(meetings.series[0].name == "Planerade möten");
  CHECK(meetings.series[0].values == std::vector<double>{2, 9});
  CHECK(meetings.series[1].values == std::vector<double>{2, 5});
  CHECK(meetings.description.find("Av 11 planerade möten genomfördes 7 och 3 ställdes in. Flest "
                                  "inställda möten hade Åldreomsorg Öst AB (3).") !=
        std::string::npos);

  const Chart actions = actionsChart(f);
  CHECK(actions.kind == ChartKind::StackedBars);
  REQUIRE(actions.series.size() == 4);
  CHECK(actions.series[0].name == "Öppen");
  CHECK(actions.series[0].values == std::vector<double>{0, 2});
  CHECK(actions.series[3].name == "Godkänd");
  CHECK(actions.series[3].values == std::vector<double>{1, 2});
  CHECK(actions.series[3].colour == kChartGreen);  // accepted is green, insufficient red
  CHECK(actions.series[2].colour == kChartRed);
  CHECK(actions.description.find("4 var försenade vid årets slut") != std::string::npos);

  const Chart days = approvalDaysChart(f);
  CHECK(days.categories.size() == 5);
  REQUIRE(days.series.size() == 1);
  CHECK(days.series[0].values == std::vector<double>{2, 2, 1, 0, 1});
  CHECK(days.description.find("Mediantiden var 10 dagar.") != std::string::npos);

  const Chart years = yearComparisonChart(f);
  REQUIRE(years.series.size() == 2);
  CHECK(years.series[0].name == "2025");
  CHECK(years.series[1].name == "2026");
  CHECK(years.categories[1] == "Genomförda möten");
  CHECK(years.series[0].values[1] == 3);
  CHECK(years.series[1].values[1] == 7);

  // Without a previous year, no comparison; without anything, no chart.
  AnnualInput input = sampleInput();
  input.contracts = {contract3()};
  CHECK(annualCharts(computeAnnualFigures(input)).size() == 3);
  input.contracts.clear();
  CHECK(annualCharts(computeAnnualFigures(input)).empty());
}

TEST_CASE("each chart's figures as a table, a stacked chart with its totals", "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const ChartTable table = chartTable(actionsChart(f));
  CHECK(table.caption == actionsChart(f).title);
  CHECK(table.columns == std::vector<std::string>{"Utförare", "Öppen", "Redovisad", "Otillräcklig",
                                                  "Godkänd", "Totalt"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1] == std::vector<std::string>{"Åldreomsorg Öst AB", "2", "1", "1", "2", "6"});
  const ChartTable meetings = chartTable(meetingsChart(f));
  CHECK(meetings.columns.size() == 4);
  CHECK(meetings.rows[0] == std::vector<std::string>{"Bästa Vård AB", "2", "2", "0"});
}

TEST_CASE("every chart is well-formed SVG with its title and description", "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  for (const Chart& chart : annualCharts(f)) {
    const std::string svg = renderChartSvg(chart);
    INFO(chart.id);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("aria-labelledby=\"chart-" + chart.id + "-title chart-" + chart.id +
                   "-desc\"") != std::string::npos);
    CHECK(svg.find("viewBox=\"0 0 720 420\"") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(xpath(svg, "string(//*[@id=\"chart-" + chart.id + "-title\"])") == chart.title);
    CHECK(xpath(svg, "string(//*[@id=\"chart-" + chart.id + "-desc\"])") == chart.description);
    // The bars' count: a rect per series and category (and the ground and legend's rects).
    const std::size_t bars = chart.series.size() * chart.categories.size();
    CHECK(xpath(svg, "count(//*[local-name()=\"rect\"])") ==
          std::to_string(bars + 1 + chart.series.size()));
  }
}

TEST_CASE("text in a chart is escaped: a provider named with < & \" stays text", "[annual]") {
  AnnualInput input = sampleInput();
  input.contracts[0].providerName = "Vård <&\"> AB\x01";
  const Chart chart = meetingsChart(computeAnnualFigures(input));
  const std::string svg = renderChartSvg(chart);
  CHECK(svg.find("Vård <&") == std::string::npos);
  CHECK(svg.find("Vård &lt;&amp;&quot;&gt; AB") != std::string::npos);
  CHECK(xpath(svg, "string(//*[local-name()=\"g\"][@class=\"bars\"]/*[@class=\"category\"][1])") ==
        "Vård <&\"> AB ");

  Chart hostile;
  hostile.id = "x\"><script>";
  hostile.title = "<script>alert(1)</script>";
  hostile.description = "]]> & <!-- -->";
  hostile.categories = {"a"};
  hostile.series = {{"<b>", {3}}};
  const std::string other = renderChartSvg(hostile);
  CHECK(other.find("<script") == std::string::npos);
  CHECK(xpath(other, "string(//*[local-name()=\"title\"][1])") == hostile.title);
  CHECK(xpath(other, "string(//*[local-name()=\"desc\"][1])") == hostile.description);
}

TEST_CASE("a chart without categories still draws its axis and says there is no data", "[annual]") {
  AnnualInput input = sampleInput();
  input.contracts.clear();
  const std::string svg = renderChartSvg(meetingsChart(computeAnnualFigures(input)));
  CHECK(svg.find("Inga uppgifter för perioden") != std::string::npos);
  CHECK(xpath(svg, "count(//*[local-name()=\"line\"])") != "0");
}

}  // namespace SV_TEST_FILE
