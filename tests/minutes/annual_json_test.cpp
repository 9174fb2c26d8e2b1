// The yearly summary's figures as JSON (minutes/annual_json.hpp): read back into exactly the
// figures written (the registered report's frozen file), the same bytes when written again, and a
// file altered by hand refused with the place named.
#include <catch2/catch.hpp>

#include <string>

#include "minutes/annual_figures.hpp"
#include "minutes/annual_json.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::minutes::test::annual;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the figures read back from their JSON exactly, and write the same bytes again",
          "[annual]") {
  AnnualInput input = sampleInput();
  input.contracts[0].providerName = "Vård \"Trygg\" & Co\nAB";
  const AnnualFigures figures = computeAnnualFigures(input);
  const std::string json = annualFiguresToJson(figures);
  auto back = annualFiguresFromJson(json);
  REQUIRE(back);
  CHECK(*back == figures);
  CHECK(annualFiguresToJson(*back) == json);

  const AnnualFigures own = restrictToProvider(figures, 10);
  auto ownBack = annualFiguresFromJson(annualFiguresToJson(own));
  REQUIRE(ownBack);
  CHECK(*ownBack == own);
  CHECK(ownBack->providerOnly == 10);
}

TEST_CASE("the JSON has stable snake_case keys, medians as numbers and the comparison",
          "[annual]") {
  const std::string json = annualFiguresToJson(computeAnnualFigures(sampleInput()));
  CHECK(json.find("\"format\": 1") != std::string::npos);
  CHECK(json.find("\"median_days_to_approval\": 10") != std::string::npos);
  CHECK(json.find("\"median_days_to_acceptance\": 181.5") != std::string::npos);
  CHECK(json.find("\"median_days_to_approval\": null") != std::string::npos);
  CHECK(json.find("{\"figure\": \"held_meetings\", \"current\": 7, \"previous\": 3, "
                  "\"change\": 4}") != std::string::npos);
  CHECK(json.find("\"approval_days\": {\"days_0_7\": 2, \"days_8_14\": 2, \"days_15_21\": 1, "
                  "\"days_22_30\": 0, \"days_over_30\": 1}") != std::string::npos);
  CHECK(json.find("\"by_state_at_year_end\": {\"open\": 2, \"reported\": 2, \"accepted\": 3, "
                  "\"insufficient\": 1}") != std::string::npos);
  CHECK(json.find("{\"reason\": \"Sjukdom\", \"count\": 2}") != std::string::npos);
  CHECK(json.find("\"provider_only\": null") != std::string::npos);
}

TEST_CASE("a frozen file altered by hand is refused with the place named", "[annual]") {
  const std::string json = annualFiguresToJson(computeAnnualFigures(sampleInput()));

  auto unknown = annualFiguresFromJson(replaced(json, "\"planned\":", "\"scheduled\":"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == Errc::Malformed);
  CHECK(unknown.error().field == "totals.current.meetings.planned");  // missing, named first

  auto extra =
      annualFiguresFromJson(replaced(json, "\"planned\":", "\"scheduled\": 1, \"planned\":"));
  REQUIRE_FALSE(extra);
  CHECK(extra.error().code == Errc::Malformed);
  CHECK(extra.error().field == "totals.current.meetings.scheduled");

  auto negative = annualFiguresFromJson(replaced(json, "\"held\": 7", "\"held\": -7"));
  REQUIRE_FALSE(negative);
  CHECK(negative.error().code == Errc::Invalid);
  CHECK(negative.error().reason == Reason::OutOfRange);
  CHECK(negative.error().field == "totals.current.meetings.held");

  auto format = annualFiguresFromJson(replaced(json, "\"format\": 1", "\"format\": 2"));
  REQUIRE_FALSE(format);
  CHECK(format.error().reason == Reason::UnknownChoice);

  auto median = annualFiguresFromJson(
      replaced(json, "\"median_days_to_approval\": 10", "\"median_days_to_approval\": \"10\""));
  REQUIRE_FALSE(median);
  CHECK(median.error().field == "totals.current.minutes.median_days_to_approval");

  auto bucket = annualFiguresFromJson(replaced(json, "\"days_0_7\": 2, ", ""));
  REQUIRE_FALSE(bucket);
  CHECK(bucket.error().code == Errc::Malformed);

  CHECK_FALSE(annualFiguresFromJson("{"));
  CHECK_FALSE(annualFiguresFromJson("[]"));
}

}  // namespace SV_TEST_FILE
