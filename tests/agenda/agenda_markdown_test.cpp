#include <catch2/catch.hpp>

#include "agenda/agenda.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using namespace sv::agenda::testing;

namespace {

Agenda withOneAddedItem() {
  auto added = addItem(sampleAgenda(), NewItem{"Vikarier under sommaren", "Hur planeras semestern?",
                                               "Eva Lind", Party::Authority});
  REQUIRE(added);
  return *added;
}

// The text of a hostile added item as rendered, from its bullet to the end of the item.
std::string renderAdded(const std::string& title, const std::string& description = "") {
  auto added = addItem(sampleAgenda(), NewItem{title, description, "Eva", Party::Provider});
  REQUIRE(added);
  const std::string md = renderAgendaMarkdown(*added);
  const auto from = md.find("11. ");
  const auto to = md.find("\n12. ");
  REQUIRE(from != std::string::npos);
  return md.substr(from, to - from);
}

}  // namespace

TEST_CASE("the agenda document in Swedish", "[agenda]") {
  const std::string expected =
      "# Dagordning\n"
      "\n"
      "Samverkansmöte mellan Östermalms stadsdelsförvaltning och Omsorg i Stockholm AB.\n"
      "\n"
      "- Avtal: Hemtjänst Östermalm\n"
      "- Avtalsnummer: SDN 2025/0012\n"
      "- Utförare: Omsorg i Stockholm AB\n"
      "- Förvaltning: Östermalms stadsdelsförvaltning\n"
      "- Tid: 2026-03-12 kl. 13.00\n"
      "- Plats: Karlavägen 104, rum 3\n"
      "- Fastställd agenda: Standardagenda för samverkansmöten, version 2026-1\n"
      "- Status: utkast, ej publicerad\n"
      "\n"
      "## Punkter\n"
      "\n"
      "1. Mötets öppnande\n"
      "\n"
      "2. Val av justerare\n"
      "\n"
      "   En justerare från förvaltningen och en från utföraren.\n"
      "\n"
      "3. Godkännande av dagordningen\n"
      "\n"
      "4. Föregående mötes protokoll\n"
      "\n"
      "   Protokoll från mötet 2025-11-11 (diarienummer SDN 2025/0399)\n"
      "\n"
      "5. Uppföljning av åtgärder från tidigare möten\n"
      "\n"
      "   Parterna utvärderar de åtgärder som har vidtagits och om de är tillräckliga.\n"
      "\n"
      "   - Åtgärd 17: Ta fram en rutin för introduktion av nyanställda. Ansvarig: utföraren "
      "(Anna Berg). Klar senast 2026-02-28 (försenad). Status: öppen. Från möte 2025-11-11 § 6.\n"
      "\n"
      "6. Förvaltningens uppföljning\n"
      "\n"
      "   Iakttagelser från verksamhets- och avtalsuppföljning.\n"
      "\n"
      "7. Utförarens rapport\n"
      "\n"
      "   Verksamhet, bemanning och kompetens.\n"
      "\n"
      "8. Avvikelser, klagomål och synpunkter\n"
      "\n"
      "9. Hälso- och sjukvård (MAS/MAR)\n"
      "\n"
      "10. Övriga frågor\n"
      "\n"
      "11. Vikarier under sommaren (övrig fråga, föreslagen av Eva Lind, förvaltningen)\n"
      "\n"
      "    Hur planeras semestern?\n"
      "\n"
      "12. Nästa möte\n"
      "\n"
      "13. Mötets avslutande\n";
  CHECK(renderAgendaMarkdown(withOneAddedItem()) == expected);
}

TEST_CASE("the same agenda renders to the same bytes, ending in one newline", "[agenda]") {
  const Agenda agenda = withOneAddedItem();
  const std::string first = renderAgendaMarkdown(agenda);
  CHECK(renderAgendaMarkdown(agenda) == first);
  CHECK(renderAgendaMarkdown(*parseAgenda(serializeAgenda(agenda))) == first);
  REQUIRE_FALSE(first.empty());
  CHECK(first.back() == '\n');
  CHECK_FALSE(first.ends_with("\n\n"));
  CHECK(first.find('\r') == std::string::npos);
}

TEST_CASE("the previous meeting line tells whether its minutes are registered", "[agenda]") {
  const AgendaTemplate t = standardTemplate();
  struct Case {
    std::optional<PreviousMeetingRef> previous;
    const char* line;
  };
  const Case cases[] = {
      {PreviousMeetingRef{date("2026-03-12"), "registered", "SDN 2026/0042"},
       "   Protokoll från mötet 2026-03-12 (diarienummer SDN 2026/0042)\n"},
      {PreviousMeetingRef{date("2026-03-12"), "approved", std::nullopt},
       "   Protokoll från mötet 2026-03-12 (ej diariefört). Protokollets status: justerat.\n"},
      {PreviousMeetingRef{date("2026-03-12"), "in_review", std::nullopt},
       "   Protokoll från mötet 2026-03-12 (ej diariefört). Protokollets status: under "
       "granskning.\n"},
      {std::nullopt, "   Inget tidigare möte.\n"},
  };
  for (const auto& c : cases) {
    INFO(c.line);
    const Agenda agenda = generateAgenda(t, sampleMeeting(), c.previous, {});
    const std::string md = renderAgendaMarkdown(agenda);
    CHECK_THAT(md, Catch::Contains(std::string("4. Föregående mötes protokoll\n\n") + c.line));
    CHECK_THAT(md, Catch::Contains("   Inga öppna åtgärder.\n"));
  }
}

TEST_CASE("open actions show due date, responsible party and lateness", "[agenda]") {
  OpenActionRef onTime = sampleAction();
  onTime.id = "18";
  onTime.text = "Redovisa bemanningen?";
  onTime.responsibleParty = Party::Authority;
  onTime.responsiblePerson = "";
  onTime.due = date("2026-03-12");  // the meeting day itself is not late
  onTime.status = ActionStatus::Insufficient;
  onTime.origin = "";
  const Agenda agenda =
      generateAgenda(standardTemplate(), sampleMeeting(), std::nullopt, {sampleAction(), onTime});
  const std::string md = renderAgendaMarkdown(agenda);
  CHECK_THAT(md, Catch::Contains("Klar senast 2026-02-28 (försenad). Status: öppen."));
  CHECK_THAT(md, Catch::Contains("   - Åtgärd 18: Redovisa bemanningen? Ansvarig: förvaltningen. "
                                 "Klar senast 2026-03-12. Status: otillräcklig, åter öppen.\n"));
}

TEST_CASE("people's text cannot add Markdown structure", "[agenda]") {
  struct Case {
    const char* title;
    const char* rendered;
  };
  const Case titles[] = {
      {"# Rubrik", "11. \\# Rubrik ("},  // a list item's first block: escaped as a line
      {"Kostnad | tabell | rad", "11. Kostnad \\| tabell \\| rad ("},
      {"[klicka](javascript:alert(1))", "11. \\[klicka\\](javascript:alert(1)) ("},
      {"<script>x</script>", "11. \\<script>x\\</script> ("},
      {"*fet* _kursiv_ `kod`", "11. \\*fet\\* \\_kursiv\\_ \\`kod\\` ("},
      {"Vård & omsorg &amp; &#60;", "11. Vård & omsorg \\&amp; \\&#60; ("},
      {"snedstreck \\", "11. snedstreck \\\\ ("},
  };
  for (const auto& c : titles) {
    INFO(c.title);
    CHECK_THAT(renderAdded(c.title), Catch::Contains(c.rendered));
  }

  const std::string description = renderAdded("Titel",
                                              "# rubrik\n"
                                              "> citat\n"
                                              "- punkt\n"
                                              "+ punkt\n"
                                              "2026. år\n"
                                              "3) tre\n"
                                              "===\n"
                                              "~~~\n"
                                              "        indragen kod\n"
                                              "\n\n\n"
                                              "| a | b |");
  CHECK(description ==
        "11. Titel (övrig fråga, föreslagen av Eva, utföraren)\n"
        "\n"
        "    \\# rubrik\n"
        "    \\> citat\n"
        "    \\- punkt\n"
        "    \\+ punkt\n"
        "    2026\\. år\n"
        "    3\\) tre\n"
        "    \\===\n"
        "    \\~~~\n"
        "    indragen kod\n"
        "\n"
        "    \\| a \\| b \\|\n");
}

TEST_CASE("template and meeting text is escaped too", "[agenda]") {
  AgendaTemplate t = standardTemplate();
  t.items[0].title = "# Öppnande";
  t.items[0].description = "1. inte en lista";
  MeetingInfo meeting = sampleMeeting();
  meeting.contractTitle = "Avtal [1]";
  meeting.location = "";
  const std::string md = renderAgendaMarkdown(generateAgenda(t, meeting, std::nullopt, {}));
  CHECK_THAT(md, Catch::Contains("1. \\# Öppnande\n\n   1\\. inte en lista\n"));
  CHECK_THAT(md, Catch::Contains("- Avtal: Avtal \\[1\\]\n"));
  CHECK_THAT(md, Catch::Contains("- Plats: ej angiven\n"));
}

TEST_CASE("a published agenda says so", "[agenda]") {
  auto published = publish(sampleAgenda());
  REQUIRE(published);
  CHECK_THAT(renderAgendaMarkdown(*published), Catch::Contains("- Status: publicerad\n"));
}

}  // namespace SV_TEST_FILE
