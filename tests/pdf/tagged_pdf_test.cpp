// Our PDFs are tagged (issue 16 point 3; WCAG 1.3.1 for a screen reader): pdfinfo says "Tagged:
// yes", and the structure tree as qpdf reads it has the protocol's headings (the title H1, each §
// H2), its attendance and action tables with header cells, the notes' lists, and the yearly
// summary's charts as figures; the catalog says the language (sv-SE) and asks a reader to show the
// title rather than the file name.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "fixtures.hpp"
#include "server/pdf/annual_pdf.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
using fx::count;
using fx::RenderedPdf;
namespace annual = sv::minutes::test::annual;

namespace {

// The structure tree and the catalog as qpdf reads them (its JSON, version 2): one line per role
// with how many elements have it ("H2 12"), then the catalog's /Lang, /MarkInfo and
// /ViewerPreferences.
struct Structure {
  std::map<std::string, int> roles;
  std::string catalog;
  int count(const std::string& role) const {
    auto it = roles.find(role);
    return it == roles.end() ? 0 : it->second;
  }
};

Structure structureOf(const RenderedPdf& pdf) {
  const std::string out = sv::test::runTool(
      "qpdf --json=2 --json-key=qpdf " + pdf.path() +
      " | python3 -c \"import json,sys,collections; o=json.load(sys.stdin)['qpdf'][1]; "
      "v=[x.get('value') for x in o.values() if isinstance(x,dict)]; v=[x for x in v if "
      "isinstance(x,dict)]; c=collections.Counter(x['/S'][1:] for x in v if "
      "x.get('/Type')=='/StructElem'); [print(k,n) for k,n in c.items()]; r=[x for x in v if "
      "x.get('/Type')=='/Catalog'][0]; print('catalog', r.get('/Lang'), r.get('/MarkInfo'), "
      "r.get('/ViewerPreferences'))\"");
  Structure s;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with("catalog ")) {
      s.catalog = line;
      continue;
    }
    const auto space = line.find(' ');
    if (space != std::string::npos)
      s.roles[line.substr(0, space)] = std::stoi(line.substr(space + 1));
  }
  return s;
}

}  // namespace

TEST_CASE("a protocol is a tagged PDF with headings, tables and lists, in Swedish",
          "[pdf][tagged]") {
  Minutes m = fx::sampleMinutes();
  m.sections.front().notes = "Punkter:\n\n- en\n- två\n- tre\n";
  const RenderedPdf pdf(m);
  REQUIRE(pdf.qpdfCheck() == 0);
  const std::string info = sv::test::runTool("pdfinfo " + pdf.path());
  INFO(info);
  const auto tagged = info.find("Tagged:");
  REQUIRE(tagged != std::string::npos);
  CHECK(info.substr(info.find_first_not_of(' ', tagged + 7), 3) == "yes");
  const Structure tree = structureOf(pdf);
  INFO(tree.catalog);
  CHECK(tree.count("H1") == 1);
  CHECK(tree.count("H2") >= static_cast<int>(m.sections.size()));
  CHECK(tree.count("Table") >= 2);
  CHECK(tree.count("TR") >= 3);
  CHECK(tree.count("TH") >= 2);
  CHECK(tree.count("TD") >= 4);
  CHECK(tree.count("L") >= 1);
  CHECK(tree.count("LI") >= 3);
  CHECK_THAT(tree.catalog, Catch::Contains("u:sv-SE"));
  CHECK_THAT(tree.catalog, Catch::Contains("'/Marked': True"));
  CHECK_THAT(tree.catalog, Catch::Contains("'/DisplayDocTitle': True"));
}

TEST_CASE("the yearly summary's charts are figures in its structure", "[pdf][tagged][annual_pdf]") {
  const auto figures = computeAnnualFigures(annual::sampleInput());
  auto bytes = renderAnnualPdf(figures, {});
  REQUIRE(bytes);
  const RenderedPdf pdf(fx::PdfBytes{std::move(*bytes)});
  REQUIRE(pdf.qpdfCheck() == 0);
  const Structure tree = structureOf(pdf);
  CHECK(tree.count("Figure") >= 3);
  CHECK(tree.count("Table") >= 3);
  CHECK(tree.count("H2") >= 3);
}

}  // namespace SV_TEST_FILE
