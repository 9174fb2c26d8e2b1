// Issue 20, point 8, through HTTP against the real server: a NUL or an escape character in a
// contract's title or a meeting's place answers 422 problem+json naming the field
// (reason control-character) and nothing is stored, so no page can serve it raw.
#include <catch2/catch.hpp>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

TEST_CASE("free text: control characters answer 422 and change nothing", "[server][free_text]") {
  TempDir dir;
  ServerProcess server(dir.path() / "data", {}, true);
  const auto anna = server.login("anna.avtal", kDemoPassword);
  const auto before = text(requireOk(server.get("/api/v1/contracts/1", anna)), "title");

  auto titled = requireProblem(
      server.request("PATCH", "/api/v1/contracts/1", R"({"title":"Linnégården\u0000"})",
                     {{"Authorization", bearer(anna)}}),
      422);
  CHECK(text(titled, "reason") == "control-character");
  CHECK(text(titled, "field") == "title");
  CHECK(text(requireOk(server.get("/api/v1/contracts/1", anna)), "title") == before);

  auto placed = requireProblem(
      server.post("/api/v1/contracts/1/meetings",
                  R"({"starts_at":"2027-03-02T10:00","location":"Matsalen\u001b[2J"})", anna),
      422);
  CHECK(text(placed, "reason") == "control-character");
  CHECK(text(placed, "field") == "location");
}

TEST_CASE("a second server on a port in use fails to start instead of sharing it",
          "[server][port]") {
  TempDir dir;
  ServerProcess first(dir.path() / "first", {}, false);
  // The same port with another data folder: with SO_REUSEPORT both would listen and the kernel
  // would hand each of them part of the requests.
  const auto command = "SAMVERKAN_PORT=" + std::to_string(first.port()) + " SAMVERKAN_DATA_DIR='" +
                       (dir.path() / "second").string() + "' timeout 20 '" + samverkanBinary() +
                       "' --config='" +
                       (sourceDirectory() / "config/samverkan.properties").string() + "' 2>&1";
  int code = -1;
  const auto said = runTool("cd '" + sourceDirectory().string() + "' && " + command, &code);
  INFO(said);
  CHECK(code != 0);
  CHECK(code != 124);  // it stopped by itself, not by the timeout
  CHECK(first.get("/healthz").status == 200);
}

}  // namespace SV_TEST_FILE
