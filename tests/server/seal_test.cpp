// The e-seal through the real server (issue "Evidence that outlives the server", points 4 and 6):
// an empty data folder gets a demo certificate (seal.p12, 0600); the registered demo minutes'
// PDF download and the archive's protocol.pdf are sealed (pdfsig: valid, the whole document) and
// name the certificate's subject on their last page, a draft is not; `samverkan verify` checks
// the seal offline and fails once one byte of the PDF changes, even with the package's manifests
// recomputed to match; each approval keeps the method it was made with.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/pdf_seal.hpp"
#include "support/server_process.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;
namespace fs = std::filesystem;

namespace {

std::string path(const std::string& rest) {
  return "/api/v1/meetings/1" + rest;
}

std::string lastPageText(const fs::path& file) {
  const std::string pages = pdfInfoField(runTool("pdfinfo " + quotedPath(file)), "Pages");
  return runTool("pdftotext -layout -f " + pages + " -l " + pages + " " + quotedPath(file) + " -");
}

// Changes one byte of the protocol's PDF inside the package and, like someone who wants the
// change to pass, writes METS.xml's checksum and the manifests and tag manifests to match.
void tamper(const fs::path& zip, const fs::path& script) {
  std::ofstream(script) << R"(import hashlib, sys, zipfile
src = sys.argv[1]
with zipfile.ZipFile(src) as z:
    files = {n: z.read(n) for n in z.namelist()}
pdf = next(n for n in files if n.endswith('/representations/rep1/data/protocol.pdf'))
old = hashlib.sha256(files[pdf]).hexdigest()
b = bytearray(files[pdf]); b[len(b) // 3] ^= 1; files[pdf] = bytes(b)
mets = pdf[:pdf.index('/representations/')] + '/METS.xml'
files[mets] = files[mets].replace(old.encode(), hashlib.sha256(files[pdf]).hexdigest().encode())
root = pdf[:pdf.index('/') + 1]
def rehash(kind, names):
    for n in names:
        algo = n.rsplit('-', 1)[1][:-4]
        lines = []
        for line in files[n].decode().splitlines():
            digest, rel = line.split(None, 1)
            if root + rel in files:
                digest = hashlib.new(algo, files[root + rel]).hexdigest()
            lines.append(digest + '  ' + rel)
        files[n] = ('\n'.join(lines) + '\n').encode()
rehash('manifest', [n for n in files if n[len(root):].startswith('manifest-')])
rehash('tagmanifest', [n for n in files if n[len(root):].startswith('tagmanifest-')])
with zipfile.ZipFile(src, 'w', zipfile.ZIP_DEFLATED) as z:
    for n, data in files.items():
        z.writestr(n, data)
)";
  int code = -1;
  const std::string out =
      runTool("python3 " + quotedPath(script) + " " + quotedPath(zip) + " 2>&1", &code);
  INFO(out);
  REQUIRE(code == 0);
}

}  // namespace

TEST_CASE("seal: registered minutes are sealed by the demo certificate and verify offline",
          "[server][seal][archive]") {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  ServerProcess server{data, {}, true};
  // An empty folder got a demo certificate, readable by the server alone.
  REQUIRE(fs::exists(data / "seal.p12"));
  CHECK((fs::status(data / "seal.p12").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  const std::string anna = server.login("anna.avtal", kDemoPassword);
  const std::string ulla = server.login("ulla.utforare", kDemoPassword);
  const std::string rita = server.login("rita.registrator", kDemoPassword);

  requireOk(server.post(path("/agenda/publish"), "", anna));
  const std::string version =
      text(requireOk(server.post(path("/minutes"), "", anna), 201), "version");
  requireOk(server.post(path("/minutes/submit"), "", anna));
  requireOk(server.post(path("/minutes/approve"), body({{"version", version}}), ulla));

  {
    // Not yet the record: the download is not sealed.
    const auto draft = server.get(path("/minutes.pdf"), ulla);
    REQUIRE(draft.status == 200);
    writeBytes(dir.path() / "draft.pdf", draft.body);
    const auto report = pdfsig(dir.path() / "draft.pdf");
    INFO(report.output);
    CHECK_THAT(report.output, !Catch::Contains("Signature is Valid"));
    CHECK_THAT(lastPageText(dir.path() / "draft.pdf"), !Catch::Contains("Elektroniskt sigill"));
  }

  requireOk(server.post(path("/minutes/approve"), body({{"version", version}}), anna));
  const auto registration =
      requireOk(server.post(path("/minutes/register"), "", rita))->getObject("registration");
  const std::string number = text(registration, "number");

  // The method of each approval is kept with it (migration 026).
  const std::string methods =
      runTool("sqlite3 " + quotedPath(data / "samverkan.db") +
              " 'SELECT method FROM minutes_approvals WHERE meeting_id = 1'");
  CHECK(methods == std::string(kPasswordMethod) + "\n" + kPasswordMethod + "\n");

  SECTION("the download is sealed and names the seal on its last page") {
    const auto pdf = server.get(path("/minutes.pdf"), ulla);
    REQUIRE(pdf.status == 200);
    const fs::path file = dir.path() / "download.pdf";
    writeBytes(file, pdf.body);
    const auto report = pdfsig(file);
    INFO(report.output);
    CHECK_THAT(report.output, Catch::Contains("Signature is Valid"));
    CHECK_THAT(report.output, Catch::Contains("Total document signed"));
    CHECK_THAT(report.output, Catch::Contains("ETSI.CAdES.detached"));
    CHECK_THAT(report.output, Catch::Contains("Demo e-sigill"));
    const std::string last = lastPageText(file);
    INFO(last);
    CHECK_THAT(last, Catch::Contains("Diarienummer: " + number));
    CHECK_THAT(last, Catch::Contains("Elektroniskt sigill, certifikatets innehavare: CN="));
    TempDir work;
    CHECK(opensslVerify(file, work).code == 0);
    // Sealed at the registration's time: every download of the record signs the same bytes
    // (the ECDSA signature itself differs each time, as ECDSA's do).
    const auto again = server.get(path("/minutes.pdf"), anna);
    CHECK(signedParts(again.body).covered == signedParts(pdf.body).covered);
  }

  SECTION("the archive's protocol.pdf is sealed; verify checks it and refuses a changed byte") {
    const auto archive = server.get(path("/minutes/archive"), rita);
    REQUIRE(archive.status == 200);
    const fs::path zip = dir.path() / "package.zip";
    writeBytes(zip, archive.body);
    const fs::path out = dir.path() / "unzipped";
    int code = -1;
    runTool("unzip -q " + quotedPath(zip) + " -d " + quotedPath(out), &code);
    REQUIRE(code == 0);
    const fs::path bag = fs::directory_iterator(out)->path();
    const fs::path protocol =
        bag / "data" / bag.filename() / "representations" / "rep1" / "data" / "protocol.pdf";
    const auto report = pdfsig(protocol);
    INFO(report.output);
    CHECK_THAT(report.output, Catch::Contains("Signature is Valid"));
    CHECK_THAT(report.output, Catch::Contains("Total document signed"));
    CHECK_THAT(lastPageText(protocol), Catch::Contains("Elektroniskt sigill"));

    const auto verified = runSamverkan(data, "verify --file=" + quotedPath(zip));
    INFO(verified.output);
    CHECK(verified.status == 0);
    CHECK_THAT(verified.output, Catch::Contains("protocol.pdf sealed by CN="));
    CHECK_THAT(verified.output, Catch::Contains("protocol.pdf is PDF/A-2A"));
    CHECK_THAT(verified.output, Catch::Contains("Demo e-sigill"));

    tamper(zip, dir.path() / "tamper.py");
    const auto refused = runSamverkan(data, "verify --file=" + quotedPath(zip));
    INFO(refused.output);
    CHECK(refused.status != 0);
    CHECK_THAT(refused.output,
               Catch::Contains("/representations/rep1/data/protocol.pdf: the seal does not hold"));
    // The manifests and METS were made to match: only the seal tells.
    CHECK_THAT(refused.output, !Catch::Contains("manifest"));
    CHECK_THAT(refused.output, !Catch::Contains("METS"));
  }
}

}  // namespace SV_TEST_FILE
