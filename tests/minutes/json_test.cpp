#include <catch2/catch.hpp>

#include <chrono>

#include "fixtures.hpp"
#include "minutes/minutes_json.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;
using test::replaceOnce;

namespace {

Minutes completeMinutes() {
  Minutes m = test::editedMinutes();
  m.signatures = {
      {Party::Authority, "Bo Ek", "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
       test::meetingStart() + std::chrono::hours{24} + std::chrono::milliseconds{250}, true},
      {Party::Provider, "Per Persson", "9c0e", test::meetingStart() + std::chrono::hours{48},
       false},
  };
  m.disagreements = {{Party::Provider, "Per Persson", "Utföraren delar inte bedömningen i § 3."}};
  m.registryNumber = "SDN 2026/0042";
  return m;
}

void requireError(const Result<Minutes>& result, Errc code, const std::string& field) {
  REQUIRE_FALSE(result);
  CHECK(result.error().code == code);
  CHECK(result.error().field == field);
}

}  // namespace

TEST_CASE("minutes survive a JSON round trip exactly", "[minutes][json]") {
  SECTION("fresh minutes with carried actions and empty lists") {
    const Minutes m = test::freshMinutes();
    auto back = fromJson(toJson(m));
    REQUIRE(back);
    CHECK(*back == m);
    CHECK(back->sections[3].evaluations.size() == 2);
  }
  SECTION("edited minutes with Swedish text, signatures, reservations, registry number") {
    const Minutes m = completeMinutes();
    auto back = fromJson(toJson(m));
    REQUIRE(back);
    CHECK(*back == m);
    CHECK(toJson(*back) == toJson(m));
  }
  SECTION("empty minutes") {
    const Minutes m;
    auto back = fromJson(toJson(m));
    REQUIRE(back);
    CHECK(*back == m);
  }
  SECTION("quotes, backslashes, control characters and a missing due date") {
    Minutes m = test::freshMinutes();
    m.sections[4].notes = "\"citat\" \\ snedstreck\ttab\r\n\x01 \x1f slut\n";
    m.sections[4].actions = {{"a1", "Åtgärd", Party::Provider, "", Date{}}};
    m.header.startsAt = TimePoint{} + std::chrono::nanoseconds{1};
    auto back = fromJson(toJson(m));
    REQUIRE(back);
    CHECK(*back == m);
    CHECK(toJson(m).find("\"due_date\": null") != std::string::npos);
    CHECK(toJson(m).find("\"starts_at\": \"1970-01-01T00:00:00.000000001Z\"") != std::string::npos);
  }
}

TEST_CASE("the JSON is canonical and diffable", "[minutes][json]") {
  const std::string json = toJson(completeMinutes());
  CHECK(json.starts_with("{\n  \"format\": 1,\n  \"header\": {\n    \"meeting_id\": 42,\n"));
  CHECK(json.ends_with("  \"registry_number\": \"SDN 2026/0042\"\n}\n"));
  CHECK(json.find("\"contract_title\": \"Hemtjänst Östermalm\"") != std::string::npos);
  CHECK(json.find("        {\"id\": \"a1\", \"text\": \"Se över alla genomförandeplaner\", "
                  "\"responsible_party\": \"provider\", \"responsible_person\": \"Per Persson\", "
                  "\"due_date\": \"2026-05-31\"},\n") != std::string::npos);
  CHECK(json.find("\"at\": \"2026-03-13T12:00:00.25Z\"") != std::string::npos);
  CHECK(json.find("\"observations\": [],\n") != std::string::npos);

  SECTION("the same minutes give the same bytes, whatever the input's layout") {
    std::string compact;
    for (char c : json)
      if (c != '\n') compact += c;
    auto back = fromJson(compact);
    REQUIRE(back);
    CHECK(toJson(*back) == json);
  }
}

TEST_CASE("JSON that cannot be read is Malformed", "[minutes][json]") {
  const std::string good = toJson(test::editedMinutes());
  requireError(fromJson("not json"), Errc::Malformed, "");
  requireError(fromJson(""), Errc::Malformed, "");
  requireError(fromJson(good + "x"), Errc::Malformed, "");
  requireError(fromJson("[]"), Errc::Malformed, "");
  requireError(fromJson(replaceOnce(good, "Mötets öppnande", "M\xC3\xB6tets \xFF")),
               Errc::Malformed, "");
  requireError(fromJson(std::string(100, '[') + std::string(100, ']')), Errc::Malformed, "");
  requireError(fromJson(replaceOnce(good, ",\n  \"registry_number\": null", "")), Errc::Malformed,
               "registry_number");
  requireError(fromJson(replaceOnce(good, "\"notes\": \"\",", "\"notes\": \"\", \"extra\": 1,")),
               Errc::Malformed, "sections[1].extra");
  requireError(fromJson(replaceOnce(good, "\"present\": false", "\"present\": \"nej\"")),
               Errc::Malformed, "attendance[4].present");
  requireError(fromJson(replaceOnce(good, "\"meeting_id\": 42", "\"meeting_id\": \"42\"")),
               Errc::Malformed, "header.meeting_id");
  requireError(fromJson(replaceOnce(good, "\"meeting_id\": 42", "\"meeting_id\": 4.5")),
               Errc::Malformed, "header.meeting_id");
  requireError(fromJson(replaceOnce(good, "\"decisions\": [\n", "\"decisions\": [\n 7,\n")),
               Errc::Malformed, "sections[2].decisions[0]");
  requireError(fromJson(replaceOnce(good, "\"evaluations\": []", "\"evaluations\": {}")),
               Errc::Malformed, "sections[0].evaluations");
  requireError(fromJson(replaceOnce(good, "\"notes\": \"\",", "\"notes\": null,")), Errc::Malformed,
               "sections[1].notes");
  requireError(fromJson(replaceOnce(good, "\"registry_number\": null", "\"registry_number\": 5")),
               Errc::Malformed, "registry_number");
  requireError(fromJson(replaceOnce(good, "\"action_id\": 17", "\"action_id\": true")),
               Errc::Malformed, "sections[3].evaluations[0].action_id");
}

TEST_CASE("JSON with values that break a rule is Invalid, naming the field", "[minutes][json]") {
  const std::string good = toJson(test::editedMinutes());
  requireError(fromJson(replaceOnce(good, "\"2026-05-31\"", "\"2026-02-30\"")), Errc::Invalid,
               "sections[2].actions[0].due_date");
  requireError(fromJson(replaceOnce(good, "\"2026-05-31\"", "\"31/5 2026\"")), Errc::Invalid,
               "sections[2].actions[0].due_date");
  requireError(fromJson(replaceOnce(good, "\"new_due_date\": \"2026-04-30\"",
                                    "\"new_due_date\": \"snart\"")),
               Errc::Invalid, "sections[3].evaluations[1].new_due_date");
  requireError(fromJson(replaceOnce(good, "\"party\": \"authority\"", "\"party\": \"kommunen\"")),
               Errc::Invalid, "attendance[0].party");
  requireError(fromJson(replaceOnce(good, "\"role\": \"chair\"", "\"role\": \"boss\"")),
               Errc::Invalid, "attendance[0].role");
  requireError(fromJson(replaceOnce(good, "\"outcome\": \"accepted\"", "\"outcome\": \"ok\"")),
               Errc::Invalid, "sections[3].evaluations[0].outcome");
  requireError(fromJson(replaceOnce(good, "\"responsible_party\": \"authority\"",
                                    "\"responsible_party\": \"ingen\"")),
               Errc::Invalid, "sections[2].actions[1].responsible_party");
  requireError(fromJson(replaceOnce(good, "\"number\": 2,", "\"number\": 7,")), Errc::Invalid,
               "sections[1].number");
  requireError(fromJson(replaceOnce(good, "\"format\": 1", "\"format\": 2")), Errc::Invalid,
               "format");
  requireError(
      fromJson(replaceOnce(good, "\"meeting_id\": 42", "\"meeting_id\": 18446744073709551615")),
      Errc::Invalid, "header.meeting_id");
  requireError(fromJson(replaceOnce(good, "\"2026-03-12T12:00:00Z\"", "\"i morgon\"")),
               Errc::Invalid, "header.starts_at");
}

}  // namespace SV_TEST_FILE
