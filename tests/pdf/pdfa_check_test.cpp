// The offline PDF/A check `samverkan verify` runs on a package's PDF (server/pdf/pdfa_check.hpp):
// what we render passes; a plain PDF, one whose output intent was renamed and one whose
// font program was taken out (both edited with qpdf's own QDF mode and fix-qdf, tools nobody
// here wrote) each fail with the clause that no longer holds.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <sstream>

#include "fixtures.hpp"
#include "server/pdf/pdfa_check.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
using sv::test::runTool;
using sv::test::TempDir;

namespace {

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// `pdf` through qpdf's QDF form (every object plain text), `edit` applied to the text, and
// fix-qdf to make the offsets and stream lengths right again.
std::string editedWithQpdf(const std::string& pdf, const std::function<void(std::string&)>& edit) {
  TempDir dir;
  const auto in = dir.path() / "in.pdf";
  const auto qdf = dir.path() / "qdf.pdf";
  const auto out = dir.path() / "out.pdf";
  std::ofstream(in, std::ios::binary) << pdf;
  int code = -1;
  runTool("qpdf --qdf --object-streams=disable '" + in.string() + "' '" + qdf.string() + "'",
          &code);
  REQUIRE(code == 0);
  std::string text = readAll(qdf);
  edit(text);
  std::ofstream(qdf, std::ios::binary) << text;
  runTool("fix-qdf '" + qdf.string() + "' > '" + out.string() + "'", &code);
  REQUIRE(code == 0);
  return readAll(out);
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

bool mentions(const PdfACheck& check, const std::string& words) {
  for (const auto& p : check.problems)
    if (p.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("pdfa check: the protocol as rendered is PDF/A-2a by every part checked",
          "[pdf][pdfa][pdfa_check]") {
  auto bytes = renderProtocolPdf(fx::sampleMinutes(), {});
  REQUIRE(bytes);
  const PdfACheck check = checkPdfA(*bytes);
  INFO(check.problems.size());
  for (const auto& p : check.problems) UNSCOPED_INFO(p);
  CHECK(check.problems.empty());
  CHECK(check.part == "2");
  CHECK(check.conformance == "A");
}

TEST_CASE("pdfa check: what is not PDF/A is told by the clause it breaks",
          "[pdf][pdfa][pdfa_check]") {
  auto bytes = renderProtocolPdf(fx::sampleMinutes(), {});
  REQUIRE(bytes);

  SECTION("a plain PDF (qpdf --empty) has no XMP identification") {
    TempDir dir;
    int code = -1;
    runTool("qpdf --empty '" + (dir.path() / "plain.pdf").string() + "'", &code);
    REQUIRE(code == 0);
    const PdfACheck check = checkPdfA(readAll(dir.path() / "plain.pdf"));
    CHECK(mentions(check, "no XMP metadata"));
  }
  SECTION("an output intent that is not PDF/A's") {
    const PdfACheck check = checkPdfA(editedWithQpdf(
        *bytes, [](std::string& text) { replaceAll(text, "/GTS_PDFA1", "/GTS_PDFX1"); }));
    CHECK(mentions(check, "output intent"));
  }
  SECTION("a font whose program is no longer in the file") {
    const PdfACheck check = checkPdfA(editedWithQpdf(*bytes, [](std::string& text) {
      for (const char* key : {"/FontFile ", "/FontFile2 ", "/FontFile3 "})
        replaceAll(text, key, std::string(key).replace(8, 1, "X"));
    }));
    CHECK(mentions(check, "is not embedded (6.2.11.4)"));
  }
  SECTION("a catalog without its language and structure is not level A") {
    const PdfACheck check = checkPdfA(editedWithQpdf(*bytes, [](std::string& text) {
      replaceAll(text, "/StructTreeRoot ", "/StructTreeRooX ");
      replaceAll(text, "/Lang ", "/Lanx ");
    }));
    CHECK(mentions(check, "no structure tree"));
    CHECK(mentions(check, "names no language"));
  }
  SECTION("bytes that are not a PDF") {
    CHECK(mentions(checkPdfA("not a pdf"), "cannot be read"));
  }
}

}  // namespace SV_TEST_FILE
