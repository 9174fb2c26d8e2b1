// The open event-driven cases of an agenda: kept in agenda.json under "open_cases" (an agenda
// stored before cases existed has no such key and reads as having none), and listed in the
// Markdown under Förvaltningens uppföljning.
#include <catch2/catch.hpp>

#include <string>

#include "agenda/agenda.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using namespace sv::agenda::testing;

namespace {

OpenCaseRef acuteCase() {
  return {"7",
          "Klagomål på uteblivna besök",
          "Klagomål och synpunkter",
          "Åtgärdsplan begärd",
          true,
          date("2026-03-02")};
}

OpenCaseRef calmCase() {
  return {"9",
          "Avvikelser i läkemedelshanteringen",
          "Upprepade avvikelser",
          "Analys",
          false,
          date("2026-02-10")};
}

Agenda withCases(std::vector<OpenCaseRef> cases) {
  Agenda agenda = sampleAgenda();
  agenda.openCases = std::move(cases);
  return agenda;
}

// The JSON with its "open_cases" member taken out, as agendas stored before it were written.
std::string withoutOpenCases(std::string json) {
  const std::string member = "  \"open_cases\": [],\n";
  const auto at = json.find(member);
  REQUIRE(at != std::string::npos);
  json.erase(at, member.size());
  return json;
}

// The text of item 6 (Förvaltningens uppföljning) up to item 7.
std::string authorityFollowUp(const Agenda& agenda) {
  const std::string md = renderAgendaMarkdown(agenda);
  const auto from = md.find("6. Förvaltningens uppföljning\n");
  const auto to = md.find("\n7. ");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  return md.substr(from, to - from);
}

}  // namespace

TEST_CASE("open cases: a new agenda has none, and the server's cases survive a round trip",
          "[agenda][case]") {
  CHECK(sampleAgenda().openCases.empty());
  const Agenda agenda = withCases({acuteCase(), calmCase()});
  const std::string json = serializeAgenda(agenda);
  auto back = parseAgenda(json);
  INFO((back ? json : back.error().detail));
  REQUIRE(back);
  CHECK(back->openCases == agenda.openCases);
  CHECK(*back == agenda);
  CHECK(serializeAgenda(*back) == json);
  CHECK_THAT(json, Catch::Contains("  \"open_cases\": [\n"
                                   "    {\n"
                                   "      \"id\": \"7\",\n"
                                   "      \"title\": \"Klagomål på uteblivna besök\",\n"
                                   "      \"trigger\": \"Klagomål och synpunkter\",\n"
                                   "      \"state\": \"Åtgärdsplan begärd\",\n"
                                   "      \"acute\": true,\n"
                                   "      \"opened_on\": \"2026-03-02\"\n"
                                   "    },\n"));
  // After the open actions, before the items.
  CHECK(json.find("\"open_actions\"") < json.find("\"open_cases\""));
  CHECK(json.find("\"open_cases\"") < json.find("\"items\""));
}

TEST_CASE("open cases: an agenda stored before cases existed reads as having none",
          "[agenda][case]") {
  const Agenda agenda = sampleAgenda();
  const std::string old = withoutOpenCases(serializeAgenda(agenda));
  CHECK(old.find("open_cases") == std::string::npos);
  auto back = parseAgenda(old);
  REQUIRE(back);
  CHECK(back->openCases.empty());
  CHECK(*back == agenda);
}

TEST_CASE("open cases: a stored case with a bad member names it", "[agenda][case]") {
  std::string json = serializeAgenda(withCases({acuteCase()}));
  const std::string date = "\"opened_on\": \"2026-03-02\"";
  json.replace(json.find(date), date.size(), "\"opened_on\": \"2026-02-30\"");
  const auto badDate = parseAgenda(json);
  REQUIRE_FALSE(badDate);
  CHECK(badDate.error().code == Errc::Invalid);
  CHECK(badDate.error().field == "open_cases[0].opened_on");

  json = serializeAgenda(withCases({acuteCase()}));
  const std::string acute = "\"acute\": true";
  json.replace(json.find(acute), acute.size(), "\"acute\": \"ja\"");
  const auto badFlag = parseAgenda(json);
  REQUIRE_FALSE(badFlag);
  CHECK(badFlag.error().code == Errc::Malformed);
  CHECK(badFlag.error().field == "open_cases[0].acute");
}

TEST_CASE("open cases: listed under Förvaltningens uppföljning, the acute one marked",
          "[agenda][case]") {
  const std::string item = authorityFollowUp(withCases({acuteCase(), calmCase()}));
  CHECK_THAT(item,
             Catch::Contains("   - Ärende 7: Klagomål på uteblivna besök (Klagomål och "
                             "synpunkter; Åtgärdsplan begärd; öppnat 2026-03-02) **Akut**\n"));
  CHECK_THAT(item, Catch::Contains("   - Ärende 9: Avvikelser i läkemedelshanteringen (Upprepade "
                                   "avvikelser; Analys; öppnat 2026-02-10)\n"));
  CHECK(item.find("Ärende 9: Avvikelser i läkemedelshanteringen (Upprepade avvikelser; Analys; "
                  "öppnat 2026-02-10) **Akut**") == std::string::npos);
  // Only there: not under the action follow-up or anywhere else.
  const std::string md = renderAgendaMarkdown(withCases({acuteCase()}));
  CHECK(md.find("Ärende 7") == md.rfind("Ärende 7"));
}

TEST_CASE("open cases: none adds nothing to the item", "[agenda][case]") {
  const std::string md = renderAgendaMarkdown(sampleAgenda());
  CHECK(md.find("Ärende") == std::string::npos);
  CHECK_THAT(authorityFollowUp(sampleAgenda()),
             Catch::Equals("6. Förvaltningens uppföljning\n\n"
                           "   Iakttagelser från verksamhets- och avtalsuppföljning.\n"));
}

TEST_CASE("open cases: a hostile title stays text", "[agenda][case]") {
  OpenCaseRef hostile = acuteCase();
  hostile.title = "# Rubrik\n- [länk](javascript:alert(1)) <script>x</script> | *fet*";
  const std::string item = authorityFollowUp(withCases({hostile}));
  const auto line = item.substr(item.find("   - Ärende 7: "));
  // One line: the break in the title cannot start a heading or a list item of its own.
  CHECK(line.find('\n') == line.size() - 1);
  // Every character that could open HTML, a link, emphasis or a table cell is escaped.
  CHECK_THAT(line, Catch::Contains("# Rubrik - \\[länk\\](javascript:alert(1)) "
                                   "\\<script>x\\</script> \\| \\*fet\\*"));
  CHECK_THAT(line, Catch::EndsWith("(Klagomål och synpunkter; Åtgärdsplan begärd; öppnat "
                                   "2026-03-02) **Akut**\n"));
}

}  // namespace SV_TEST_FILE
