// Attachments through HTTP against the real server with the demo data: the size limit answered
// from the Content-Length before the body is read, types judged by their bytes, names made safe,
// another provider's attachment not found, the download's headers, and git fsck afterwards.
#include <catch2/catch.hpp>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <chrono>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/multipart.hpp"
#include "support/sample_files.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

constexpr std::size_t kLimit = 100'000;  // small, so that a test can go over it

// What the server answers to raw bytes on a new connection, within a few seconds; what it
// answered first when it closes or the time is up.
std::string rawExchange(unsigned short port, const std::string& bytes, bool closeSending) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  if (closeSending) socket.shutdownSend();
  std::string answer;
  char buffer[4096];
  try {
    while (true) {
      const int n = socket.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      answer.append(buffer, static_cast<std::size_t>(n));
      if (answer.find("\r\n\r\n") != std::string::npos && !closeSending) break;
    }
  } catch (const Poco::Exception&) {
  }
  return answer;
}

// A chunked body sent piece by piece, as a slow client would: the answer that comes while it is
// still sending (the server counts the body as it comes and stops at the limit).
std::string chunkedExchange(unsigned short port, const std::string& head, std::size_t pieces,
                            std::size_t pieceSize) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  socket.sendBytes(head.data(), static_cast<int>(head.size()));
  const std::string piece(pieceSize, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx", piece.size());
  const std::string chunk = std::string(size) + "\r\n" + piece + "\r\n";
  std::string answer;
  char buffer[4096];
  try {
    for (std::size_t i = 0; i < pieces; ++i) {
      if (socket.poll(Poco::Timespan(0, 100'000), Poco::Net::Socket::SELECT_READ)) break;
      socket.sendBytes(chunk.data(), static_cast<int>(chunk.size()));
    }
    const int n = socket.receiveBytes(buffer, sizeof buffer);
    if (n > 0) answer.append(buffer, static_cast<std::size_t>(n));
  } catch (const Poco::Exception&) {
  }
  return answer;
}

// anna.avtal manages contract 1 and its meeting 1; ulla.utforare represents its provider;
// nils.norr another provider.
struct Fixture {
  TempDir dir;
  ServerProcess server{dir.path() / "data",
                       {{"samverkan.limits.max_attachment_bytes", std::to_string(kLimit)}},
                       true};
  std::string anna = server.login("anna.avtal", kDemoPassword);
  std::string ulla = server.login("ulla.utforare", kDemoPassword);
  std::string nils = server.login("nils.norr", kDemoPassword);
  const std::string uploadPath = "/api/v1/meetings/1/attachments";

  HttpResult upload(const std::string& fileName, const std::string& bytes,
                    const std::string& token) const {
    return server.request("POST", uploadPath, multipart(fileName, bytes),
                          {{"Authorization", bearer(token)}},
                          "multipart/form-data; boundary=" + kBoundary);
  }

  std::string git(const std::string& args, int* code = nullptr) const {
    return runTool("git --git-dir='" +
                       (dir.path() / "data" / "repositories" / "contract-1.git").string() + "' " +
                       args,
                   code);
  }
};

}  // namespace

TEST_CASE("attachments: a PDF is uploaded, listed and downloaded with safe headers",
          "[server][attachments]") {
  Fixture f;
  const auto added =
      requireOk(f.upload("Genomförandeplan.pdf", sv::testing::samplePdf(), f.anna), 201);
  CHECK(text(added, "content_type") == "application/pdf");
  CHECK(text(added, "file_name") == "Genomförandeplan.pdf");
  const auto id = number(added, "id");

  const auto listed = requireArray(f.server.get(f.uploadPath, f.ulla));
  REQUIRE(listed->size() == 1);

  const auto r = f.server.get("/api/v1/attachments/" + std::to_string(id), f.ulla);
  REQUIRE(r.status == 200);
  CHECK(r.body == sv::testing::samplePdf());
  CHECK(r.header("content-type") == "application/pdf");
  CHECK(r.header("x-content-type-options") == "nosniff");
  CHECK(r.header("content-disposition") ==
        "attachment; filename=\"Genomf_randeplan.pdf\"; "
        "filename*=UTF-8''Genomf%C3%B6randeplan.pdf");

  // Another provider's people find neither the list nor the file, nor can they remove it.
  requireProblem(f.server.get(f.uploadPath, f.nils), 404);
  requireProblem(f.server.get("/api/v1/attachments/" + std::to_string(id), f.nils), 404);
  requireProblem(f.server.request("DELETE", "/api/v1/attachments/" + std::to_string(id), {},
                                  {{"Authorization", bearer(f.nils)}}),
                 404);
  requireProblem(f.upload("x.pdf", sv::testing::samplePdf(), f.nils), 404);
}

TEST_CASE("attachments: HTML renamed .pdf and an executable are refused", "[server][attachments]") {
  Fixture f;
  const auto html = requireProblem(f.upload("rapport.pdf", sv::testing::sampleHtml(), f.anna), 422);
  CHECK(text(html, "reason") == "attachment-type-not-allowed");
  const auto elf = requireProblem(f.upload("rapport.pdf", sv::testing::sampleElf(), f.anna), 422);
  CHECK(text(elf, "reason") == "attachment-type-not-allowed");
  CHECK(requireArray(f.server.get(f.uploadPath, f.anna))->size() == 0);
}

TEST_CASE("attachments: a name with a path and control characters is made safe",
          "[server][attachments]") {
  Fixture f;
  const auto added =
      requireOk(f.upload("../../etc/pass\x01wd\x1b.txt", "root:x:0:0\n", f.anna), 201);
  CHECK(text(added, "file_name") == "passwd.txt");
  CHECK(text(added, "content_type") == "text/plain; charset=utf-8");
  // The repository holds the file under the document, nowhere else, and git finds it sound.
  const auto files = f.git("ls-tree -r --name-only main");
  CHECK(contains(files, "meetings/1/bilagor/" + text(added, "sha256") + "-passwd.txt"));
  CHECK_FALSE(contains(files, "etc/passwd"));
  int code = -1;
  const auto fsck = f.git("fsck --strict --no-progress", &code);
  INFO(fsck);
  CHECK(code == 0);
  CHECK_FALSE(contains(fsck, "error"));
}

TEST_CASE("attachments: over the limit is 413 before the body is read; a short body is 400",
          "[server][attachments]") {
  Fixture f;
  const std::string head = "POST " + f.uploadPath +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer(f.anna) +
                           "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary + "\r\n";
  // Headers only: had the server waited for the body, no answer would come.
  const auto started = std::chrono::steady_clock::now();
  const auto tooLarge =
      rawExchange(f.server.port(), head + "Content-Length: 30000000\r\n\r\n", false);
  CHECK(tooLarge.starts_with("HTTP/1.1 413"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));

  const auto shortBody =
      rawExchange(f.server.port(), head + "Content-Length: 5000\r\n\r\n--" + kBoundary, true);
  CHECK(shortBody.starts_with("HTTP/1.1 400"));

  // Without a Content-Length (chunked), the body is counted as it comes: 413 past the limit,
  // before the client has sent all it meant to.
  const auto counted =
      chunkedExchange(f.server.port(), head + "Transfer-Encoding: chunked\r\n\r\n", 100, 16'384);
  CHECK(counted.starts_with("HTTP/1.1 413"));

  // A file of the limit's size passes; one byte over is refused by the use case.
  CHECK(f.upload("a.txt", std::string(kLimit, 'a'), f.anna).status == 201);
  const auto over = requireProblem(f.upload("b.txt", std::string(kLimit + 1, 'b'), f.anna), 422);
  CHECK(text(over, "reason") == "attachment-too-large");
  CHECK(requireArray(f.server.get(f.uploadPath, f.anna))->size() == 1);
}

TEST_CASE("attachments: the uploader removes; the record keeps it", "[server][attachments]") {
  Fixture f;
  const auto added = requireOk(f.upload("bild.png", sv::testing::samplePng(), f.anna), 201);
  const auto path = "/api/v1/attachments/" + std::to_string(number(added, "id"));
  requireProblem(f.server.request("DELETE", path, {}, {{"Authorization", bearer(f.ulla)}}), 403);
  CHECK(f.server.request("DELETE", path, {}, {{"Authorization", bearer(f.anna)}}).status == 204);
  requireProblem(f.server.get(path, f.anna), 404);
  int code = -1;
  f.git("fsck --strict --no-progress", &code);
  CHECK(code == 0);
}

TEST_CASE("attachments: files with the report on an action, for its parties only",
          "[server][attachments]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  // Södermalm's demo contract has actions; its provider reports on them.
  const auto hanna = server.login("hanna.hemtjanst", kDemoPassword);
  const auto sofia = server.login("sofia.soder", kDemoPassword);
  const auto nils = server.login("nils.norr", kDemoPassword);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto actions = requireArray(server.get("/api/v1/actions", hanna));
  REQUIRE(actions->size() >= 1);
  const auto actionId = number(at(actions, 0), "id");
  const std::string path = "/api/v1/actions/" + std::to_string(actionId) + "/attachments";
  auto upload = [&](const std::string& token) {
    return server.request(
        "POST", path, multipart("Ny rutin för signering.pdf", sv::testing::samplePdf()),
        {{"Authorization", bearer(token)}}, "multipart/form-data; boundary=" + kBoundary);
  };
  const auto added = requireOk(upload(hanna), 201);
  CHECK(text(added, "attached_to") == "action_report");
  CHECK(number(added, "action_id") == actionId);
  const auto listed = requireArray(server.get(path, sofia));
  REQUIRE(listed->size() == 1);
  CHECK(text(at(listed, 0), "sha256") == text(added, "sha256"));
  const auto file = server.get("/api/v1/attachments/" + std::to_string(number(added, "id")), sofia);
  CHECK(file.status == 200);
  CHECK(file.body == sv::testing::samplePdf());
  // Another provider and another authority find neither the action nor its files.
  requireProblem(server.get(path, nils), 404);
  requireProblem(upload(nils), 404);
  requireProblem(upload(anna), 404);
  requireProblem(server.get("/api/v1/attachments/" + std::to_string(number(added, "id")), anna),
                 404);
  // HTML renamed .pdf is refused here too.
  requireProblem(
      server.request(
          "POST", path, multipart("rapport.pdf", "<!DOCTYPE html><html><body>x</body></html>"),
          {{"Authorization", bearer(hanna)}}, "multipart/form-data; boundary=" + kBoundary),
      422);
  CHECK(requireArray(server.get(path, hanna))->size() == 1);
}

}  // namespace SV_TEST_FILE
