// Steps the HTTP tests of follow-up reports and cases share: every area of a report not yet
// assessed given an assessment and saved from the version read, and an archive package unpacked
// with its manifest checked by sha256sum.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/http_checks.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace sv::test {

// The report at `reportPath` saved by `token` with `assessment` on each area still not assessed.
inline void assessRemainingAreas(const ServerProcess& server, const std::string& reportPath,
                                 const std::string& token, const std::string& assessment) {
  auto current = server.get(reportPath, token);
  auto view = requireOk(current);
  auto doc = view->getObject("report");
  auto areas = doc->getArray("areas");
  for (std::size_t i = 0; i < areas->size(); ++i)
    if (text(at(areas, i), "assessment") == "not_assessed")
      at(areas, i)->set("assessment", assessment);
  Poco::JSON::Object wrapper;
  wrapper.set("report", doc);
  std::ostringstream out;
  wrapper.stringify(out);
  requireOk(
      server.request("PUT", reportPath, out.str(),
                     {{"Authorization", bearer(token)}, {"If-Match", current.header("etag")}}));
}

struct UnpackedBag {
  std::filesystem::path root;  // the bag's folder: data/, manifest-sha256.txt, …
  // The E-ARK SIP in data/ (named like the bag): METS.xml, metadata/, representations/rep1/.
  std::filesystem::path sip;
  std::filesystem::path representation() const { return sip / "representations/rep1/data"; }
  std::filesystem::path record() const { return sip / "metadata/other"; }
  std::string checked;  // what sha256sum -c said
  int code = -1;        // its exit code: 0 when every file matches
};

// The zip written under `dir` as `name`, unzipped beside it, its manifest checked.
inline UnpackedBag unpackBag(const std::string& zip, const std::filesystem::path& dir,
                             const std::string& name) {
  const auto zipFile = dir / (name + ".zip");
  const auto unzipped = dir / name;
  std::ofstream(zipFile, std::ios::binary) << zip;
  int code = -1;
  runTool("unzip -q '" + zipFile.string() + "' -d '" + unzipped.string() + "'", &code);
  REQUIRE(code == 0);
  UnpackedBag bag;
  bag.root = std::filesystem::directory_iterator(unzipped)->path();
  bag.sip = bag.root / "data" / bag.root.filename();
  bag.checked =
      runTool("cd '" + bag.root.string() + "' && sha256sum -c manifest-sha256.txt", &bag.code);
  return bag;
}

}  // namespace sv::test
