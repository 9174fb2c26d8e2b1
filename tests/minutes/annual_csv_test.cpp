// The yearly summary's CSV (minutes/annual_csv.hpp) as Python's csv module reads it: the byte
// order mark, a Swedish header, one row per contract with å/ä/ö intact, RFC 4180 quoting, CRLF,
// and cells that would start a formula guarded with an apostrophe.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <string>
#include <vector>

#include "minutes/annual_csv.hpp"
#include "minutes/annual_figures.hpp"
#include "minutes/annual_labels.hpp"
#include "support/temp_dir.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::minutes::test::annual;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// The file as Python's csv module reads it (utf-8-sig takes the byte order mark away).
Rows readWithPython(const std::string& csv) {
  sv::test::TempDir dir;
  const auto file = dir.path() / "arsrapport.csv";
  std::ofstream(file, std::ios::binary) << csv;
  int exit = -1;
  const std::string out = sv::test::runTool(
      "python3 -c 'import csv, json, sys\n"
      "with open(sys.argv[1], encoding=\"utf-8-sig\", newline=\"\") as f:\n"
      "    print(json.dumps(list(csv.reader(f, strict=True))))' " +
          file.string(),
      &exit);
  REQUIRE(exit == 0);
  Poco::JSON::Parser parser;
  const auto rows = parser.parse(out).extract<Poco::JSON::Array::Ptr>();
  Rows result;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto row = rows->getArray(static_cast<unsigned>(i));
    std::vector<std::string> cells;
    for (std::size_t j = 0; j < row->size(); ++j)
      cells.push_back(row->getElement<std::string>(static_cast<unsigned>(j)));
    result.push_back(cells);
  }
  return result;
}

}  // namespace

TEST_CASE("the CSV has a byte order mark, CRLF line ends and one row per contract", "[annual]") {
  const std::string csv = annualCsv(computeAnnualFigures(sampleInput()));
  REQUIRE(csv.size() > 3);
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(csv.find("\r\n") != std::string::npos);
  for (std::size_t i = 0; i < csv.size(); ++i)
    if (csv[i] == '\n') CHECK(csv[i - 1] == '\r');

  const Rows rows = readWithPython(csv);
  REQUIRE(rows.size() == 4);  // the header and three contracts
  const std::vector<std::string>& header = rows[0];
  REQUIRE(header.size() == 4 + std::size(kAllAnnualFigures));
  CHECK(header[0] == "Leverantör");
  CHECK(header[3] == "År");
  CHECK(header[4] == "Planerade möten");
  CHECK(header[5] == "Genomförda möten");
  CHECK(header[17] == "Mediandagar till godkännande");

  // Providers by name, contracts by reference.
  CHECK(rows[1][0] == "Bästa Vård AB");
  CHECK(rows[1][1] == "Daglig verksamhet Östberga");
  CHECK(rows[2][0] == "Åldreomsorg Öst AB");
  CHECK(rows[2][1] == "Hemtjänst Årsta");
  CHECK(rows[2][2] == "SDN 2024/0001");
  CHECK(rows[2][3] == "2026");
  CHECK(rows[2][4] == "5");    // planned
  CHECK(rows[2][5] == "4");    // held
  CHECK(rows[2][8] == "9,5");  // median days to both approvals, a decimal comma
  CHECK(rows[3][1] == "Särskilt boende Älvsjö");
  CHECK(rows[3][6] == "2");  // cancelled
  CHECK(rows[3][17] == "");  // no action accepted: no median
}

TEST_CASE("a cell that would start a formula is guarded, and quoting follows RFC 4180",
          "[annual]") {
  CHECK(csvCell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csvCell("+46 8 123") == "'+46 8 123");
  CHECK(csvCell("-1") == "'-1");
  CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csvCell("\tx") == "'\tx");
  CHECK(csvCell("\rx") == "\"'\rx\"");
  CHECK(csvCell("Vård, omsorg") == "\"Vård, omsorg\"");
  CHECK(csvCell("rad 1\nrad 2") == "\"rad 1\nrad 2\"");
  CHECK(csvCell("Åsa") == "Åsa");
  CHECK(csvCell("a=b") == "a=b");

  AnnualInput input = sampleInput();
  input.contracts[0].providerName = "=cmd|' /C calc'!A0";
  input.contracts[0].title = "Boende \"Solgläntan\", plan 2\nÖst";
  input.contracts[0].reference = "@ref";
  const Rows rows = readWithPython(annualCsv(computeAnnualFigures(input)));
  REQUIRE(rows.size() == 4);
  CHECK(rows[1][0] == "'=cmd|' /C calc'!A0");
  CHECK(rows[1][1] == "Boende \"Solgläntan\", plan 2\nÖst");
  CHECK(rows[1][2] == "'@ref");
}

}  // namespace SV_TEST_FILE
