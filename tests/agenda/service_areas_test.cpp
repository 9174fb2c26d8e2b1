#include <catch2/catch.hpp>

#include "agenda/service_areas.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;

TEST_CASE("the shipped service areas parse and hold the areas of the seeds", "[agenda]") {
  auto areas = parseServiceAreas(testing::readSourceFile("config/service_areas.txt"));
  REQUIRE(areas);
  const std::pair<const char*, const char*> expected[] = {
      {"vard_och_omsorgsboende", "Vård- och omsorgsboende"},
      {"hemtjanst", "Hemtjänst"},
      {"korttidsboende", "Korttidsboende"},
      {"dagverksamhet", "Dagverksamhet"},
      {"daglig_verksamhet", "Daglig verksamhet"},
      {"bostad_med_sarskild_service", "Bostad med särskild service"},
      {"personlig_assistans", "Personlig assistans"},
      {"oppna_motesplatser", "Öppna mötesplatser"},
  };
  for (const auto& [key, name] : expected) {
    INFO(key);
    const ServiceArea* area = findServiceArea(*areas, key);
    REQUIRE(area != nullptr);
    CHECK(area->name == name);
  }
  CHECK(findServiceArea(*areas, "no_such_area") == nullptr);
}

TEST_CASE("service areas keep file order and skip comments, blank lines, CRLF and BOM",
          "[agenda]") {
  auto areas = parseServiceAreas(
      "\xEF\xBB\xBF# comment\r\n\r\nb_area   Bee område\r\n  # indented comment\na\tA\n");
  REQUIRE(areas);
  REQUIRE(areas->size() == 2);
  CHECK((*areas)[0].key == "b_area");
  CHECK((*areas)[0].name == "Bee område");
  CHECK((*areas)[1].key == "a");
  CHECK((*areas)[1].name == "A");
}

TEST_CASE("service area rules name the line and the key", "[agenda]") {
  struct Case {
    const char* text;
    Errc code;
    const char* field;
    const char* detailStart;
  };
  const Case cases[] = {
      {"hemtjanst Hemtjänst\nHemtjanst Hemtjänst\n", Errc::Invalid, "Hemtjanst", "line 2:"},
      {"hem-tjanst Hemtjänst\n", Errc::Invalid, "hem-tjanst", "line 1:"},
      {"# c\nhemtjanst\n", Errc::Invalid, "hemtjanst",
       "line 2: service area 'hemtjanst' has no name"},
      {"a A\nb B\na Annan\n", Errc::Invalid, "a", "line 3: service area 'a' is listed twice"},
      {"a A\x01\n", Errc::Invalid, "a", "line 1:"},
      {"# only comments\n\n", Errc::Invalid, "", "no service areas"},
      {"", Errc::Invalid, "", "no service areas"},
      {"a \xC3\n", Errc::Malformed, "", "service areas are not UTF-8"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    auto result = parseServiceAreas(c.text);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == c.code);
    CHECK(result.error().field == c.field);
    CHECK_THAT(result.error().detail, Catch::StartsWith(c.detailStart));
  }
}

}  // namespace SV_TEST_FILE
