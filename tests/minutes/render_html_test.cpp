#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hostile_corpus.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_html.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;

TEST_CASE("the protocol as an HTML fragment", "[minutes][render][html]") {
  Minutes m = test::editedMinutes();
  m.signatures = {{Party::Provider, "Per Persson", "9c0e5a7b1f", test::meetingStart(), false}};
  m.registryNumber = "SDN 2026/0042";
  const std::string html = renderHtml(m);
  CHECK(
      html.starts_with("<article class=\"protocol\" lang=\"sv\">\n<header>\n"
                       "<h1>Protokoll, samverkansmöte</h1>\n"));
  CHECK(html.ends_with("</article>\n"));
  CHECK(test::occurrences(html, "<h1") == 1);
  CHECK(test::occurrences(html, "<h2>") == 8);  // Närvarande, six §, Justering
  CHECK_THAT(html, Catch::Contains("<dt>Datum</dt><dd><time datetime=\"2026-03-12T12:00:00Z\">"
                                   "2026-03-12 kl. 13.00</time></dd>"));
  CHECK_THAT(html, Catch::Contains("<section class=\"protocol-section\" id=\"paragraf-3\">\n"
                                   "<h2>§ 3 Förvaltningens uppföljning</h2>"));
  CHECK_THAT(html, Catch::Contains("<th scope=\"col\">Åtgärd</th><th scope=\"col\">Ansvarig part"));
  CHECK_THAT(html,
             Catch::Contains("<tr><th scope=\"row\">Se över alla genomförandeplaner</th>"
                             "<td>Utföraren</td><td>Per Persson</td><td>2026-05-31</td></tr>"));
  CHECK_THAT(html, Catch::Contains("<li>Utföraren: Per Persson, version <code>9c0e5a7</code>"));
  CHECK_THAT(html, Catch::Contains("<li>Förvaltningen: ej justerat</li>"));
  CHECK_THAT(html, Catch::Contains("<p>Diarienummer: SDN 2026/0042</p>"));
  CHECK_THAT(html, Catch::Contains("<p>Inga anteckningar.</p>"));
  CHECK(renderHtml(m) == html);
  CHECK(renderHtml(*fromJson(toJson(m))) == html);
}

TEST_CASE("user text in the HTML is escaped everywhere", "[minutes][render][html]") {
  const std::string attack = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>";
  Minutes m = test::editedMinutes();
  m.header.contractTitle = attack;
  m.header.location = attack;
  m.attendance[0].name = attack;
  m.attendance[1].organization = attack;
  Section& s = m.sections[2];
  s.title = attack;
  s.observations[0].text = attack;
  s.actions[0].text = attack;
  s.actions[0].responsiblePerson = attack;
  s.decisions[0].text = attack;
  m.sections[3].evaluations[0].comment = attack;
  m.sections[3].evaluations[0].origin = attack;
  m.signatures = {{Party::Authority, attack, attack, test::meetingStart(), false}};
  m.registryNumber = attack;
  m.disagreements = {{Party::Provider, attack, attack}};
  const std::string html = renderHtml(m);
  CHECK(test::occurrences(html, "<script") == 0);
  CHECK(test::occurrences(html, "<img") == 0);
  CHECK(test::occurrences(html, "&lt;script&gt;") >= 14);
  CHECK(test::occurrences(html, "&quot;&#39;&gt;") >= 14);
}

TEST_CASE("notes in the HTML are safe Markdown", "[minutes][render][html]") {
  Minutes m = test::editedMinutes();
  m.sections[0].notes =
      "# Rubrik\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) och "
      "[y](https://example.se)\n\n<div onclick=\"steal()\">\nraw\n</div>\n";
  const std::string html = renderHtml(m);
  CHECK_THAT(html, Catch::Contains("<div class=\"notes\">\n<h3>Rubrik</h3>\n"));
  CHECK(test::occurrences(html, "<h1") == 1);
  CHECK(test::occurrences(html, "<script") == 0);
  CHECK(test::occurrences(html, "javascript:") == 0);
  CHECK(test::occurrences(html, "onclick") == 0);
  CHECK_THAT(html, Catch::Contains("<a href=\"\">x</a> och <a href=\"https://example.se\">y</a>"));
}

TEST_CASE("hostile notes in the HTML finish", "[minutes][render][html][hostile]") {
  for (const auto& input : test::hostileCorpus()) {
    INFO(input.name);
    Minutes m = test::editedMinutes();
    m.sections[1].notes = input.text;
    const std::string html = renderHtml(m);
    CHECK(test::occurrences(html, "<h2>") == 8);
    CHECK(test::occurrences(html, "<script") == 0);
  }
}

}  // namespace SV_TEST_FILE
