// The protocol as evidence, through the real server (issue "Evidence that outlives the server",
// points 2, 3 and 5): the PDF offered for download and the archival package's protocol.pdf are
// both PDF/A-2a (output intent, XMP, fonts, structure; tests/support/pdf_archival.hpp), their
// signature block names each adjuster's organisation, time, method and the approved commit id in
// full, and `samverkan verify` still passes the package.
#include <Poco/JSON/Object.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/pdf_archival.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;
namespace fs = std::filesystem;

namespace {

std::string path(const std::string& rest) {
  return "/api/v1/meetings/1" + rest;
}

fs::path written(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary) << bytes;
  return file;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
    ++n;
  return n;
}

// pdftotext in content order, every run of white space one space.
std::string contentText(const fs::path& file) {
  const std::string text = runTool("pdftotext -raw -enc UTF-8 " + quotedPath(file) + " -");
  return sv::test::oneSpaced(text);
}

}  // namespace

// The demo's contract 1 (Linnégården): anna.avtal is chair, secretary and the authority's
// adjuster of its meetings; ulla.utforare the provider's; rita.registrator registers.
TEST_CASE(
    "evidence: the downloaded and the archived protocol are PDF/A-2a with a true "
    "signature block",
    "[server][pdf][pdfa][archive]") {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  ServerProcess server{data, {}, true};
  const std::string anna = server.login("anna.avtal", kDemoPassword);
  const std::string ulla = server.login("ulla.utforare", kDemoPassword);
  const std::string rita = server.login("rita.registrator", kDemoPassword);

  requireOk(server.post(path("/agenda/publish"), "", anna));
  const std::string version =
      text(requireOk(server.post(path("/minutes"), "", anna), 201), "version");
  requireOk(server.post(path("/minutes/submit"), "", anna));
  requireOk(server.post(path("/minutes/approve"), body({{"version", version}}), ulla));
  requireOk(server.post(path("/minutes/approve"), body({{"version", version}}), anna));
  const auto registration =
      requireOk(server.post(path("/minutes/register"), "", rita))->getObject("registration");
  const std::string number = text(registration, "number");

  const auto contract = requireOk(server.get("/api/v1/contracts/1", anna));
  const std::string date = text(requireOk(server.get(path(""), anna)), "starts_at").substr(0, 10);
  const std::string title = "Protokoll, samverkansmöte " + date + " – " + text(contract, "title");
  const ArchivalExpectation want{.title = title,
                                 .author = text(contract, "authority_name"),
                                 .registryNumber = number,
                                 .createdAt = std::nullopt};

  auto checkSignatureBlock = [&](const fs::path& file) {
    const std::string content = contentText(file);
    INFO(content);
    // Both adjusters, each with the method and the approved commit id in full.
    CHECK(count(content, kPasswordMethod) == 2);
    CHECK(count(content, "Versionens hash (git-commit): " + version) == 2);
    CHECK_THAT(content, Catch::Contains("(förvaltningen) Tid: "));
    CHECK_THAT(content, Catch::Contains("(utföraren) Tid: "));
    CHECK_THAT(content, Catch::Contains("Vid protokollet Anna Lind"));
    CHECK_THAT(content, Catch::Contains("Diarieföring Diarienummer: " + number));
  };

  SECTION("the download") {
    const auto pdf = server.get(path("/minutes.pdf"), ulla);
    REQUIRE(pdf.status == 200);
    const auto file = written(dir.path() / "download.pdf", pdf.body);
    checkArchivalPdf(file, want);
    checkSignatureBlock(file);
  }

  SECTION("the archive's protocol.pdf, and the package still verifies") {
    const auto archive = server.get(path("/minutes/archive"), rita);
    REQUIRE(archive.status == 200);
    const auto zip = written(dir.path() / "package.zip", archive.body);
    const auto out = dir.path() / "unzipped";
    int code = -1;
    runTool("unzip -q " + quotedPath(zip) + " -d " + quotedPath(out), &code);
    REQUIRE(code == 0);
    const auto bag = fs::directory_iterator(out)->path();
    // The bag's payload is the E-ARK SIP named as the bag (data/<OBJID>/representations/rep1/).
    const auto protocol =
        bag / "data" / bag.filename() / "representations" / "rep1" / "data" / "protocol.pdf";
    REQUIRE(fs::exists(protocol));
    ArchivalExpectation archived = want;
    // The archive's file is dated by its registration, so two packages of it are the same bytes.
    archived.createdAt = text(registration, "registered_at");
    checkArchivalPdf(protocol, archived);
    checkSignatureBlock(protocol);
    const auto verified = runSamverkan(data, "verify --file=" + quotedPath(zip));
    INFO(verified.output);
    CHECK(verified.status == 0);
    CHECK_THAT(verified.output, Catch::Contains("OK"));
  }
}

}  // namespace SV_TEST_FILE
