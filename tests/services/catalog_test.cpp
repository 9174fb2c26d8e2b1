// The catalog refuses to start on a broken follow-up template, naming the file and the line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "server/services/catalog.hpp"
#include "service_fixture.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

namespace {

// A copy of the repository's config/ to break one file of.
std::filesystem::path copyOfConfig(const test::TempDir& dir) {
  const auto target = dir.path() / "config";
  std::filesystem::copy(test::serviceConfigDir(), target, std::filesystem::copy_options::recursive);
  return target;
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

}  // namespace

TEST_CASE("the catalog holds the follow-up templates by service area", "[services][catalog]") {
  const auto catalog = test::loadServiceCatalog();
  REQUIRE(catalog.followUpTemplates.contains("hemtjanst"));
  REQUIRE(catalog.followUpTemplates.contains("vard_och_omsorgsboende"));
  const auto& source = catalog.followUpTemplates.at("hemtjanst");
  CHECK(source.parsed.id == "hemtjanst");
  CHECK_THAT(source.text, Catch::Contains("area: staffing"));
}

TEST_CASE("a broken follow-up template stops the start, naming the file and the line",
          "[services][catalog]") {
  test::TempDir dir;
  const auto config = copyOfConfig(dir);
  const auto file = config / "followups" / "hemtjanst.followup";
  write(file, "name: Hemtjänst\nversion: 1\narea: plans | sometimes | Planer\n  Fråga?\n");
  const auto loaded = services::loadCatalog(config, agenda::PlanRule{});
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code == Errc::Internal);
  CHECK_THAT(loaded.error().detail, Catch::Contains(file.string() + ": line 3: "));
}

TEST_CASE("a follow-up template of an unknown service area stops the start",
          "[services][catalog]") {
  test::TempDir dir;
  const auto config = copyOfConfig(dir);
  const auto file = config / "followups" / "simskola.followup";
  write(file, "name: Simskola\nversion: 1\narea: plans | all | Planer\n  Fråga?\n");
  const auto loaded = services::loadCatalog(config, agenda::PlanRule{});
  REQUIRE_FALSE(loaded);
  CHECK_THAT(loaded.error().detail, Catch::Contains(file.string()));
  CHECK_THAT(loaded.error().detail, Catch::Contains("not a service area"));
}

}  // namespace SV_TEST_FILE
