// Every PDF we render is PDF/A-2a (issue "Evidence that outlives the server", points 2 and 3): an
// output intent with Debian's sRGB profile, every font embedded, XMP with the title, author,
// subject, dates, registry number and pdfaid 2/A, an information dictionary saying the same, the
// structure tree with the protocol's headings, lists, tables with header cells and its signature
// block as a section, and nothing drawn outside the structure but artifacts. Checked with qpdf,
// poppler, xmllint and Apache PDFBox Preflight (tests/support/pdf_archival.hpp).
#include <catch2/catch.hpp>

#include <fstream>

#include "fixtures.hpp"
#include "server/pdf/annual_pdf.hpp"
#include "server/pdf/pdfa.hpp"
#include "support/pdf_archival.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
namespace annual = sv::minutes::test::annual;
using sv::test::ArchivalExpectation;
using sv::test::checkArchivalPdf;
using sv::test::pdfArchival;
using sv::test::TempDir;

namespace {

std::filesystem::path written(const TempDir& dir, const std::string& name,
                              const std::string& bytes) {
  const auto file = dir.path() / name;
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

}  // namespace

TEST_CASE("a registered protocol is a PDF/A-2a with its registry number in the XMP",
          "[pdf][pdfa]") {
  TempDir dir;
  const Minutes m = fx::sampleMinutes();
  auto bytes = renderProtocolPdf(m, {.createdAt = fx::at(2026, 3, 16, 15, 0)});
  REQUIRE(bytes);
  const auto file = written(dir, "protocol.pdf", *bytes);
  checkArchivalPdf(file, ArchivalExpectation{
                             .title = "Protokoll, samverkansmöte 2026-03-12 – Hemtjänst Östermalm",
                             .author = "Östermalms stadsdelsförvaltning",
                             .registryNumber = "SDN 2026/0042",
                             .createdAt = "2026-03-16T14:00:00Z"});
  // The same document renders to the same bytes: the file identifier comes from the content.
  auto again = renderProtocolPdf(m, {.createdAt = fx::at(2026, 3, 16, 15, 0)});
  REQUIRE(again);
  CHECK(*again == *bytes);
}

TEST_CASE("a draft protocol is a PDF/A-2a without an identifier", "[pdf][pdfa]") {
  TempDir dir;
  Minutes m = fx::sampleMinutes();
  m.registryNumber.reset();
  auto bytes = renderProtocolPdf(m, {.title = "Protokoll (utkast)",
                                     .createdAt = fx::at(2026, 3, 12, 16, 30),
                                     .stateMark = stateMarkOf(MinutesState::Draft)});
  REQUIRE(bytes);
  checkArchivalPdf(written(dir, "draft.pdf", *bytes),
                   ArchivalExpectation{.title = "Protokoll (utkast)",
                                       .author = "Östermalms stadsdelsförvaltning",
                                       .registryNumber = std::nullopt,
                                       .createdAt = "2026-03-12T15:30:00Z"});
}

TEST_CASE("the yearly summary, charts and all, is a PDF/A-2a", "[pdf][pdfa][annual_pdf]") {
  TempDir dir;
  const auto figures = computeAnnualFigures(annual::sampleInput());
  auto bytes = renderAnnualPdf(figures, {.title = "Årsrapport 2026"});
  REQUIRE(bytes);
  const auto file = written(dir, "annual.pdf", *bytes);
  checkArchivalPdf(
      file, ArchivalExpectation{.title = "Årsrapport 2026", .author = figures.authorityName});
  // Every chart is a figure with an alternate description; cairo cannot write one, makePdfA does.
  const auto structure = pdfArchival("structure", file);
  INFO(structure.output);
  CHECK(fx::count(structure.output, "Figure+Alt") >= 3);
  CHECK(fx::count(structure.output, "Figure") == fx::count(structure.output, "Figure+Alt"));
  const std::string alt = sv::test::runTool(
      "qpdf --json=2 --json-key=qpdf '" + file.string() +
      "' | python3 -c \"import json,sys; o=json.load(sys.stdin)['qpdf'][1]; "
      "print([v['value']['/Alt'] for v in o.values() if isinstance(v,dict) and "
      "isinstance(v.get('value'),dict) and v['value'].get('/S')=='/Figure'][0])\"");
  CHECK_THAT(alt, Catch::StartsWith("u:Stapeldiagram: ") &&
                      Catch::Contains("Diagrammets värden står i tabellen under det."));
}

TEST_CASE("the protocol's structure has its headings, lists, tables and signature block",
          "[pdf][pdfa][tagged]") {
  TempDir dir;
  Minutes m = fx::sampleMinutes();
  m.attendance[2].present = true;  // the secretary, Cecilia Dahl, kept the minutes
  auto bytes = renderProtocolPdf(m, {});
  REQUIRE(bytes);
  const auto structure = pdfArchival("structure", written(dir, "protocol.pdf", *bytes));
  INFO(structure.output);
  REQUIRE(structure.code == 0);
  const std::string& tree = structure.output;
  // The title, then the head's facts; a heading per § with the tables and lists under it.
  CHECK_THAT(tree, Catch::Contains("\nH1\n"));
  CHECK(fx::count(tree, "\nH2\n") >= m.sections.size() + 1);
  CHECK_THAT(tree, Catch::Contains("L(LI,LI"));
  // Närvarande: a table with a header cell per party.
  CHECK_THAT(tree, Catch::Contains("H2\nTable(TR(TH,TH),TR(TD,TD))\n"));
  // The planned actions: four header cells, a row per action.
  CHECK_THAT(tree, Catch::Contains("Table(TR(TH,TH,TH,TH),TR(TD,TD,TD,TD)"));
  // The signature block is a section: its heading, the approvals under a header cell per party,
  // "Vid protokollet" and the secretary; the registration is the last section.
  CHECK_THAT(tree, Catch::Contains("\nSect(H2,Table(TR(TH,TH),TR(TD,TD)),H3,P)\n"));
  CHECK(tree.ends_with("\nSect(H2,P)\n"));
}

TEST_CASE("the PDF/A checker finds a protocol without its output intent", "[pdf][pdfa]") {
  // What Preflight says when the one thing that gives DeviceRGB its meaning is gone: the
  // check the archival tests rely on can fail. The file is written out plainly (no object
  // streams) and the key renamed in place, so that nothing else about it changes.
  TempDir dir;
  auto bytes = renderProtocolPdf(fx::sampleMinutes(), {});
  REQUIRE(bytes);
  const auto file = written(dir, "protocol.pdf", *bytes);
  const auto plain = dir.path() / "plain.pdf";
  int code = -1;
  sv::test::runTool("qpdf --object-streams=disable --newline-before-endstream '" + file.string() +
                        "' '" + plain.string() + "'",
                    &code);
  REQUIRE(code == 0);
  CHECK(pdfArchival("preflight", plain).code == 0);
  std::string raw;
  {
    std::ifstream in(plain, std::ios::binary);
    raw.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto at = raw.find("/OutputIntents");
  REQUIRE(at != std::string::npos);
  raw.replace(at, 14, "/OutputIntentX");
  const auto broken = written(dir, "broken.pdf", raw);
  const auto preflight = pdfArchival("preflight", broken);
  INFO(preflight.output);
  CHECK(preflight.code == 1);
  CHECK_THAT(preflight.output, Catch::Contains("2.4.") && Catch::Contains("Color space"));
}

TEST_CASE("the XMP packet escapes what it is given and says nothing it was not told",
          "[pdf][pdfa]") {
  const std::string xmp = detail::xmpPacket(
      {.title = "A & B <C> \"D\"", .author = "", .subject = "", .keywords = "", .createdAt = {}},
      "cairo");
  CHECK_THAT(xmp, Catch::Contains("A &amp; B &lt;C&gt; &quot;D&quot;"));
  CHECK_THAT(xmp, !Catch::Contains("dc:creator"));
  CHECK_THAT(xmp, !Catch::Contains("dc:identifier"));
  CHECK_THAT(xmp, Catch::StartsWith("<?xpacket begin=\"\xEF\xBB\xBF\""));
  CHECK_THAT(xmp, Catch::EndsWith("<?xpacket end=\"w\"?>"));
  // The profile is the ICC profile itself: 'acsp' at byte 36, RGB, a display's.
  const std::string_view icc = detail::srgbProfile();
  REQUIRE(icc.size() > 128);
  CHECK(icc.substr(36, 4) == "acsp");
  CHECK(icc.substr(16, 4) == "RGB ");
  CHECK(icc.substr(12, 4) == "mntr");
}

}  // namespace SV_TEST_FILE
