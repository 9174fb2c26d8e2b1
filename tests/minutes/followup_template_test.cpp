#include <catch2/catch.hpp>

#include <string>

#include "agenda/agenda_fixtures.hpp"
#include "minutes/followup_template.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using agenda::testing::readSourceFile;

namespace {

const std::string kGood =
    "# Mall\n"
    "name: Verksamhetsuppföljning, hemtjänst\n"
    "version: 2026-1\n"
    "\n"
    "area: implementation_plans | all | Genomförandeplaner\n"
    "  Har varje kund en aktuell genomförandeplan?\n"
    "\tBeskriver planen när och hur insatserna ska ges?\n"
    "area: staffing | contract | Bemanning enligt avtal\n"
    "  Följer bemanningen avtalet?\n";

void requireFault(const std::string& text, Errc code, Reason reason, const std::string& linePart,
                  const std::string& field = {}) {
  const auto parsed = parseFollowUpTemplate("hemtjanst", text);
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().code == code);
  CHECK(parsed.error().reason == reason);
  if (!linePart.empty()) CHECK_THAT(parsed.error().detail, Catch::StartsWith(linePart));
  if (!field.empty()) CHECK(parsed.error().field == field);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a follow-up template reads its areas, scopes and questions", "[minutes][followup]") {
  const auto parsed = parseFollowUpTemplate("hemtjanst", kGood);
  REQUIRE(parsed);
  CHECK(parsed->id == "hemtjanst");
  CHECK(parsed->name == "Verksamhetsuppföljning, hemtjänst");
  CHECK(parsed->version == "2026-1");
  REQUIRE(parsed->areas.size() == 2);
  CHECK(parsed->areas[0] == TemplateArea{"implementation_plans",
                                         AreaScope::All,
                                         "Genomförandeplaner",
                                         {"Har varje kund en aktuell genomförandeplan?",
                                          "Beskriver planen när och hur insatserna ska ges?"}});
  CHECK(parsed->areas[1].scope == AreaScope::Contract);
  CHECK(findTemplateArea(*parsed, "staffing") == &parsed->areas[1]);
  CHECK(findTemplateArea(*parsed, "nothing") == nullptr);
}

TEST_CASE("each fault of a follow-up template names its line", "[minutes][followup]") {
  SECTION("a line that is nothing") {
    requireFault(replaced(kGood, "version: 2026-1\n", "version: 2026-1\nrubbish\n"),
                 Errc::Malformed, Reason::None, "line 4: ");
  }
  SECTION("an area without two bars") {
    requireFault(replaced(kGood, "staffing | contract |", "staffing | contract"), Errc::Malformed,
                 Reason::None, "line 8: ");
  }
  SECTION("a question before any area") {
    requireFault(replaced(kGood, "version: 2026-1\n", "version: 2026-1\n  En fråga?\n"),
                 Errc::Malformed, Reason::None, "line 4: ");
  }
  SECTION("an unknown setting, and a setting after the areas") {
    requireFault(replaced(kGood, "version:", "versio:"), Errc::Malformed, Reason::None, "line 3: ");
    requireFault(kGood + "name: Igen\n", Errc::Malformed, Reason::None, "line 10: ");
  }
  SECTION("a bad key and an unknown scope") {
    requireFault(replaced(kGood, "staffing |", "Bemanning |"), Errc::Invalid, Reason::None,
                 "line 8: ", "Bemanning");
    requireFault(replaced(kGood, "| contract |", "| avtal |"), Errc::Invalid, Reason::None,
                 "line 8: ", "staffing");
  }
  SECTION("an empty title and a title too long") {
    requireFault(replaced(kGood, "| Bemanning enligt avtal", "|  "), Errc::Invalid, Reason::Missing,
                 "line 8: ", "staffing");
    requireFault(replaced(kGood, "Bemanning enligt avtal", std::string(201, 'x')), Errc::Invalid,
                 Reason::TooLong, "line 8: ", "staffing");
  }
  SECTION("a question too long") {
    requireFault(replaced(kGood, "Följer bemanningen avtalet?", std::string(501, 'y')),
                 Errc::Invalid, Reason::TooLong, "line 9: ", "staffing");
  }
  SECTION("an area without questions") {
    requireFault(replaced(kGood, "  Följer bemanningen avtalet?\n", ""), Errc::Invalid,
                 Reason::Missing, "line 8: ", "staffing");
  }
  SECTION("a key used twice") {
    requireFault(replaced(kGood, "staffing |", "implementation_plans |"), Errc::Invalid,
                 Reason::DuplicateKey, "line 8: ", "implementation_plans");
  }
  SECTION("a setting given twice") {
    requireFault(replaced(kGood, "version: 2026-1\n", "version: 2026-1\nversion: 2\n"),
                 Errc::Invalid, Reason::DuplicateKey, "line 4: ", "version");
  }
}

TEST_CASE("a follow-up template needs a name, a version and areas", "[minutes][followup]") {
  requireFault(replaced(kGood, "name: Verksamhetsuppföljning, hemtjänst\n", ""), Errc::Invalid,
               Reason::Missing, "", "name");
  requireFault(replaced(kGood, "version: 2026-1\n", ""), Errc::Invalid, Reason::Missing, "",
               "version");
  requireFault("name: N\nversion: 1\n", Errc::Invalid, Reason::Missing, "", "areas");
  requireFault(std::string("name: N\xff\n"), Errc::Malformed, Reason::None, "");
  const auto badId = parseFollowUpTemplate("../etc", kGood);
  REQUIRE_FALSE(badId);
  CHECK(badId.error().field == "id");
}

TEST_CASE("the shipped follow-up templates parse", "[minutes][followup]") {
  for (const std::string id : {"vard_och_omsorgsboende", "hemtjanst"}) {
    const auto parsed =
        parseFollowUpTemplate(id, readSourceFile("config/followups/" + id + ".followup"));
    INFO(id << ": " << (parsed ? std::string() : parsed.error().detail));
    REQUIRE(parsed);
    CHECK(parsed->areas.size() >= 8);
    for (const char* key :
         {"management_system", "implementation_plans", "documentation", "contact_person",
          "deviations_complaints", "health_care", "participation", "staffing"})
      CHECK(findTemplateArea(*parsed, key) != nullptr);
    CHECK(findTemplateArea(*parsed, "staffing")->scope == AreaScope::Contract);
  }
}

}  // namespace SV_TEST_FILE
