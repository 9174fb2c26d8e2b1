#include <catch2/catch.hpp>

#include <chrono>

#include "fixtures.hpp"
#include "hostile_corpus.hpp"
#include "minutes/cmark_tree.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_markdown.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;

namespace {

Minutes smallMinutes() {
  Minutes m = createMinutes(
      test::sampleHeader(),
      {{"Anna Berg", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Chair, true},
       {"Bo Ek", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Adjuster, false},
       {"Per Persson", "Omsorg i Norr AB", Party::Provider, Role::Adjuster, true},
       {"Gun Ahl", "Konsultbolaget", Party::Provider, Role::Participant, true}},
      {{"follow_up",
        "Uppföljning",
        {{17, "Ta fram en rutin", Party::Provider, "Per Persson", date(2026, 1, 31),
          "Protokoll 2025-12-10, § 3"}}},
       {"other", "Övriga frågor", {}}});
  Section& s = m.sections[0];
  s.notes = "Förvaltningen har *granskat* planerna.\n\n# Detaljer\n\nSe bilaga.";
  s.observations = {{"o1", "Planerna är inte uppdaterade."}};
  s.actions = {{"a1", "Uppdatera planerna", Party::Provider, "Per Persson", date(2026, 5, 31)}};
  s.decisions = {{"d1", "Frågan tas upp igen i juni."}};
  s.evaluations[0].outcome = Outcome::Insufficient;
  s.evaluations[0].comment = "Påbörjad.";
  s.evaluations[0].newDueDate = date(2026, 4, 30);
  m.signatures = {{Party::Authority, "Anna Berg", "b41f0c9e2d",
                   test::meetingStart() + std::chrono::hours{1}, true},
                  {Party::Provider, "Per Persson", "9c0e5a7b1f",
                   test::meetingStart() + std::chrono::hours{26}, false}};
  m.registryNumber = "SDN 2026/0042";
  m.disagreements = {{Party::Provider, "Per Persson", "Utföraren delar inte bedömningen."}};
  return m;
}

// The texts of the headings of `level` in a Markdown document, as a reader's parser sees them.
std::vector<std::string> headings(const std::string& markdown, int level) {
  const auto document = detail::parseMarkdown(markdown);
  std::vector<std::string> out;
  const detail::MarkdownIterator iter{cmark_iter_new(document.get())};
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING ||
        cmark_node_get_heading_level(node) != level)
      continue;
    std::string text;
    const detail::MarkdownIterator inner{cmark_iter_new(node)};
    while (cmark_iter_next(inner.get()) != CMARK_EVENT_DONE) {
      cmark_node* child = cmark_iter_get_node(inner.get());
      if (cmark_node_get_type(child) == CMARK_NODE_TEXT) text += cmark_node_get_literal(child);
    }
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST_CASE("the protocol in Markdown", "[minutes][render]") {
  CHECK(renderMarkdown(smallMinutes()) == R"(# Protokoll, samverkansmöte

- Avtal: Hemtjänst Östermalm (SDN 2025/0042)
- Utförare: Omsorg i Norr AB
- Förvaltning: Östermalms stadsdelsförvaltning
- Datum: 2026-03-12 kl. 13.00
- Plats: Karlavägen 104, sal Ängen

## Närvarande

### Förvaltningen

- Anna Berg, ordförande

Frånvarande:

- Bo Ek, justerare

### Utföraren

- Per Persson, justerare
- Gun Ahl (Konsultbolaget)

## § 1 Uppföljning

Förvaltningen har *granskat* planerna.

### Detaljer

Se bilaga.

### Förvaltningens iakttagelser

- Planerna är inte uppdaterade.

### Planerade åtgärder

| Åtgärd | Ansvarig part | Ansvarig person | Klart senast |
| --- | --- | --- | --- |
| Uppdatera planerna | Utföraren | Per Persson | 2026-05-31 |

### Beslut

- Frågan tas upp igen i juni.

### Uppföljning av åtgärder

| Åtgärd | Beslutad | Ansvarig | Klart senast | Bedömning | Kommentar | Nytt klart senast |
| --- | --- | --- | --- | --- | --- | --- |
| Ta fram en rutin | Protokoll 2025-12-10, § 3 | Utföraren, Per Persson | 2026-01-31 | Otillräcklig | Påbörjad. | 2026-04-30 |

## § 2 Övriga frågor

Inga anteckningar.

## Justering

- Förvaltningen: Anna Berg, version b41f0c9, 2026-03-12 kl. 14.00 (avser en tidigare version)
- Förvaltningen: ej justerat
- Utföraren: Per Persson, version 9c0e5a7, 2026-03-13 kl. 15.00

Diarienummer: SDN 2026/0042

## Reservationer och avvikande meningar

- Utföraren, Per Persson: Utföraren delar inte bedömningen.
)");
}

TEST_CASE("the Markdown is the same bytes for the same minutes", "[minutes][render]") {
  const Minutes m = test::editedMinutes();
  const std::string once = renderMarkdown(m);
  CHECK(renderMarkdown(m) == once);
  CHECK(renderMarkdown(*fromJson(toJson(m))) == once);
  CHECK(once.ends_with("\n"));
  CHECK_FALSE(once.ends_with("\n\n"));
}

TEST_CASE("unadjusted minutes say so", "[minutes][render]") {
  const std::string md = renderMarkdown(test::freshMinutes());
  CHECK_THAT(md, Catch::Contains("## Justering\n\nEj justerat.\n"));
  CHECK_THAT(md, !Catch::Contains("Diarienummer"));
  CHECK_THAT(md, !Catch::Contains("Reservationer"));
}

TEST_CASE("user text cannot change the protocol's structure", "[minutes][render]") {
  Minutes m = test::editedMinutes();
  m.header.contractTitle = "# Falsk rubrik";
  m.attendance[0].name = "## Närvarande\n- Någon";
  Section& s = m.sections[2];
  s.notes = "Text\n\n# Rubrik i anteckning\n\n```\nkod som aldrig stängs\n## § 99 Falsk";
  s.observations[0].text = "rad ett\n## § 98 Falsk\n---\n1. lista\n[x]: /länk";
  s.actions[0].text = "a | b | c\n# rubrik";
  s.actions[0].responsiblePerson = "Per | Persson";
  s.decisions[0].text = "<!-- kommentar som aldrig stängs";
  m.sections[4].notes = "<div>\n\nhtml-block\n\n<script>alert(1)</script>\nSlut";
  m.sections[3].evaluations[0].comment = "\\| `kod` *fet* _kursiv_ ~~ <b>";

  const std::string md = renderMarkdown(m);
  CHECK(headings(md, 1) == std::vector<std::string>{"Protokoll, samverkansmöte"});
  CHECK(headings(md, 2) ==
        std::vector<std::string>{"Närvarande", "§ 1 Mötets öppnande", "§ 2 Föregående protokoll",
                                 "§ 3 Förvaltningens uppföljning", "§ 4 Uppföljning av åtgärder",
                                 "§ 5 Övriga frågor", "§ 6 Mötets avslutande", "Justering"});
  CHECK_THAT(md, Catch::Contains("| a \\| b \\| c \\# rubrik | Utföraren | Per \\| Persson |"));
  CHECK_THAT(md, Catch::Contains("### Rubrik i anteckning"));
  CHECK_THAT(md, !Catch::Contains("<script>"));
  CHECK_THAT(md, !Catch::Contains("<div>"));
}

TEST_CASE("hostile notes keep the structure and finish", "[minutes][render][hostile]") {
  const std::vector<std::string> expected = {"Närvarande",
                                             "§ 1 Mötets öppnande",
                                             "§ 2 Föregående protokoll",
                                             "§ 3 Förvaltningens uppföljning",
                                             "§ 4 Uppföljning av åtgärder",
                                             "§ 5 Övriga frågor",
                                             "§ 6 Mötets avslutande",
                                             "Justering"};
  for (const auto& input : test::hostileCorpus()) {
    INFO(input.name);
    Minutes m = test::editedMinutes();
    m.sections[1].notes = input.text.substr(0, kMaxNotesBytes);
    CHECK(headings(renderMarkdown(m), 2) == expected);
  }
}

}  // namespace SV_TEST_FILE
