// The protocol's "Bilagor" against the real server: an attachment uploaded to the minutes is
// listed on the protocol page (whose cached copy must not outlive the upload or a removal) and in
// the protocol's PDF, with its size and SHA-256.
#include <catch2/catch.hpp>

#include <fstream>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/multipart.hpp"
#include "support/sample_files.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

// anna.avtal manages contract 1 and its meeting 1; ulla.utforare represents its provider.
struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);

  void startMinutes() const {
    REQUIRE(server.post("/api/v1/meetings/1/agenda/publish", "", anna).status == 200);
    REQUIRE(server.post("/api/v1/meetings/1/minutes", "", anna).status == 201);
  }

  HttpResult upload(const std::string& fileName, const std::string& bytes,
                    const std::string& to) const {
    return server.request("POST", "/api/v1/meetings/1/attachments", multipart(fileName, bytes, to),
                          {{"Authorization", bearer(anna)}},
                          "multipart/form-data; boundary=" + kBoundary);
  }

  // The text of the protocol's PDF as the viewer gets it, every run of white space one space.
  std::string pdfText(const std::string& token) const {
    const auto pdf = server.get("/api/v1/meetings/1/minutes.pdf", token);
    REQUIRE(pdf.status == 200);
    const auto file = dir.path() / "protokoll.pdf";
    std::ofstream(file, std::ios::binary) << pdf.body;
    int code = -1;
    const std::string quoted = "'" + file.string() + "'";
    CHECK(runTool("qpdf --check " + quoted, &code).size() > 0);
    CHECK(code == 0);
    return runTool("pdftotext -layout -enc UTF-8 " + quoted + " - | tr -s ' \\n\\t\\f' ' '");
  }
};

}  // namespace

TEST_CASE("minutes attachments: listed on the protocol page and in its PDF",
          "[server][attachments][minutes]") {
  Fixture f;
  f.startMinutes();
  const auto before = f.server.get("/api/v1/meetings/1/minutes.html", f.ulla);
  REQUIRE(before.status == 200);
  CHECK(contains(before.body, "<h2 id=\"bilagor\">Bilagor</h2>"));
  CHECK(contains(before.body, "Inga bilagor."));
  {
    // The draft's big pale "UTKAST" is text too, and pdftotext may put its letters anywhere
    // between the lines, so the parts are looked for one by one.
    const std::string none = f.pdfText(f.ulla);
    INFO(none);
    CHECK(contains(none, "Bilagor"));
    CHECK(contains(none, "Inga bilagor."));
  }

  const auto added =
      requireOk(f.upload("Närvarolista.pdf", sv::testing::samplePdf(), "minutes"), 201);
  const std::string sha = text(added, "sha256");
  const std::string size = std::to_string(sv::testing::samplePdf().size()) + " byte";

  // The page is rendered again: a new ETag, and the file with what it belongs to, size, checksum.
  const auto after = f.server.get("/api/v1/meetings/1/minutes.html", f.ulla);
  REQUIRE(after.status == 200);
  CHECK(after.header("etag") != before.header("etag"));
  CHECK_FALSE(contains(after.body, "Inga bilagor."));
  CHECK(contains(after.body, "<th scope=\"row\">Närvarolista.pdf</th><td>Protokollet</td><td>" +
                                 size + "</td><td><code>" + sha + "</code></td>"));
  // The old ETag no longer answers 304.
  const auto revalidated = f.server.request(
      "GET", "/api/v1/meetings/1/minutes.html", {},
      {{"Authorization", bearer(f.anna)}, {"If-None-Match", before.header("etag")}});
  CHECK(revalidated.status == 200);

  const std::string pdf = f.pdfText(f.ulla);
  INFO(pdf);
  CHECK(contains(pdf, "Närvarolista.pdf Protokollet " + size));
  CHECK(contains(pdf, sha));
  CHECK_FALSE(contains(pdf, "Inga bilagor."));

  // An attachment of the meeting is listed too, and a removal takes the file off the page.
  const auto meetingFile =
      requireOk(f.upload("bild.png", sv::testing::samplePng(), "meeting"), 201);
  const auto both = f.server.get("/api/v1/meetings/1/minutes.html", f.anna);
  CHECK(contains(both.body, "<th scope=\"row\">bild.png</th><td>Mötet</td>"));
  CHECK(f.server
            .request("DELETE", "/api/v1/attachments/" + std::to_string(number(added, "id")), {},
                     {{"Authorization", bearer(f.anna)}})
            .status == 204);
  const auto removed = f.server.get("/api/v1/meetings/1/minutes.html", f.anna);
  CHECK(removed.header("etag") != both.header("etag"));
  CHECK_FALSE(contains(removed.body, "Närvarolista.pdf"));
  CHECK(contains(removed.body, "bild.png"));
  CHECK(number(meetingFile, "id") > number(added, "id"));
}

}  // namespace SV_TEST_FILE
