#include <catch2/catch.hpp>

#include "agenda/agenda.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using namespace sv::agenda::testing;

namespace {

Agenda richAgenda() {
  Agenda agenda = sampleAgenda();
  for (const char* title : {"Första", "Andra \"citat\" \\ snedstreck", "Tredje"}) {
    auto next = addItem(std::move(agenda),
                        NewItem{title, "Rad ett\nRad två\ttabb", "Eva Lind", Party::Authority});
    REQUIRE(next);
    agenda = std::move(*next);
  }
  auto removed = removeItem(std::move(agenda), "extra-1");
  REQUIRE(removed);
  auto moved = moveItem(std::move(*removed), "extra-3", 1);
  REQUIRE(moved);
  return *moved;
}

}  // namespace

TEST_CASE("an agenda survives a JSON round trip exactly", "[agenda]") {
  OpenActionRef noPerson = sampleAction();
  noPerson.id = "a-\x01";
  noPerson.responsiblePerson = "";
  noPerson.origin = "";
  const Agenda cases[] = {
      sampleAgenda(),
      richAgenda(),
      *publish(richAgenda()),
      generateAgenda(standardTemplate(), sampleMeeting(), std::nullopt, {}),
      generateAgenda(standardTemplate(), sampleMeeting(),
                     PreviousMeetingRef{date("2026-03-12"), "approved", std::nullopt},
                     {sampleAction(), noPerson}),
  };
  for (const auto& agenda : cases) {
    const std::string json = serializeAgenda(agenda);
    auto back = parseAgenda(json);
    INFO((back ? json : back.error().detail));
    REQUIRE(back);
    CHECK(*back == agenda);
    CHECK(serializeAgenda(*back) == json);
  }
}

TEST_CASE("a meeting time is kept to the second", "[agenda]") {
  MeetingInfo meeting = sampleMeeting();
  meeting.startsAt += std::chrono::milliseconds{1500};
  const Agenda agenda = generateAgenda(standardTemplate(), meeting, std::nullopt, {});
  CHECK(agenda.meeting.startsAt == utc("2026-03-12T12:00:01Z"));
  CHECK(*parseAgenda(serializeAgenda(agenda)) == agenda);
}

TEST_CASE("agenda JSON has a fixed layout for git", "[agenda]") {
  const std::string json = serializeAgenda(richAgenda());
  CHECK_THAT(json, Catch::StartsWith("{\n"
                                     "  \"format\": \"samverkan-agenda/1\",\n"
                                     "  \"template\": {\n"
                                     "    \"id\": \"standard\",\n"
                                     "    \"name\": \"Standardagenda för samverkansmöten\",\n"
                                     "    \"version\": \"2026-1\"\n"
                                     "  },\n"
                                     "  \"meeting\": {\n"
                                     "    \"contract_title\": \"Hemtjänst Östermalm\",\n"));
  CHECK_THAT(json, Catch::Contains("    \"starts_at\": \"2026-03-12T12:00:00Z\",\n"));
  CHECK_THAT(json, Catch::Contains("  \"last_added_number\": 3,\n"));
  CHECK_THAT(json, Catch::Contains("          \"key\": \"extra-3\",\n"
                                   "          \"number\": 1,\n"
                                   "          \"title\": \"Tredje\",\n"
                                   "          \"description\": \"Rad ett\\nRad två\\ttabb\",\n"
                                   "          \"proposed_by\": \"Eva Lind\",\n"
                                   "          \"proposed_by_party\": \"authority\"\n"));
  CHECK_THAT(json, Catch::Contains("\"title\": \"Andra \\\"citat\\\" \\\\ snedstreck\""));
  CHECK_THAT(json, Catch::Contains("      \"added_items\": []\n"));
  CHECK_THAT(json, Catch::EndsWith("  ]\n}\n"));
}

TEST_CASE("bad agenda JSON names the member", "[agenda]") {
  const std::string good = serializeAgenda(richAgenda());
  const auto replaced = [&](const std::string& from, const std::string& to) {
    const auto at = good.find(from);
    REQUIRE(at != std::string::npos);
    return std::string(good).replace(at, from.size(), to);
  };
  struct Case {
    const char* name;
    std::string json;
    Errc code;
    const char* field;
  };
  const Case cases[] = {
      {"not JSON", "{\"format\": ", Errc::Malformed, ""},
      {"not an object", "[1, 2]", Errc::Malformed, ""},
      {"not UTF-8", "{\"format\": \"\xFF\"}", Errc::Malformed, ""},
      {"other format", replaced("samverkan-agenda/1", "samverkan-agenda/2"), Errc::Malformed,
       "format"},
      {"missing title", replaced("\"title\": \"Mötets öppnande\",", ""), Errc::Malformed,
       "items[0].title"},
      {"number as text", replaced("\"number\": 2,", "\"number\": \"2\","), Errc::Malformed,
       "items[1].number"},
      {"numbers out of order", replaced("\"number\": 2,", "\"number\": 3,"), Errc::Invalid,
       "items[1].number"},
      {"bad kind", replaced("\"kind\": \"fixed\"", "\"kind\": \"loose\""), Errc::Invalid,
       "items[0].kind"},
      {"bad due date", replaced("2026-02-28", "2026-02-30"), Errc::Invalid, "open_actions[0].due"},
      {"bad party", replaced("\"provider\"", "\"utförare\""), Errc::Invalid,
       "open_actions[0].responsible_party"},
      {"bad time", replaced("2026-03-12T12:00:00Z", "12 mars"), Errc::Invalid, "meeting.starts_at"},
      {"published as text", replaced("\"published\": false", "\"published\": \"no\""),
       Errc::Malformed, "published"},
      {"previous meeting as text",
       replaced("\"previous_meeting\": {",
                "\"previous_meeting\": 1,"
                "\"x\": {"),
       Errc::Malformed, "previous_meeting"},
      {"added under a fixed item", replaced("\"added_items\": []", "\"added_items\": [{}]"),
       Errc::Invalid, "items[0].added_items"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto result = parseAgenda(c.json);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == c.code);
    CHECK(result.error().field == c.field);
  }
}

}  // namespace SV_TEST_FILE
