#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "fixtures.hpp"
#include "minutes/hostile_corpus.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
using fx::count;
using fx::RenderedPdf;

TEST_CASE("a protocol of twelve sections is a valid PDF with its text", "[pdf][protocol]") {
  const Minutes m = fx::sampleMinutes();
  const RenderedPdf pdf(m);
  CHECK(pdf.bytes().starts_with("%PDF-"));
  std::string qpdf;
  CHECK(pdf.qpdfCheck(&qpdf) == 0);
  INFO(qpdf);

  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Protokoll Samverkansmöte"));
  CHECK_THAT(text, Catch::Contains("Diarienummer: SDN 2026/0042"));
  CHECK_THAT(text, Catch::Contains("Avtalsnummer SDN 2025/0042"));
  CHECK_THAT(text, Catch::Contains("Tid 2026-03-12 kl. 13.00"));
  CHECK_THAT(text, Catch::Contains("Plats Karlavägen 104, sal Ängen"));
  CHECK_THAT(text, Catch::Contains("Förvaltning Östermalms stadsdelsförvaltning"));
  CHECK_THAT(text, Catch::Contains("Utförare Omsorg i Norr AB"));
  for (const Section& s : m.sections) {
    INFO(s.title);
    CHECK_THAT(text, Catch::Contains("§ " + std::to_string(s.number) + " " + s.title));
  }
  CHECK_THAT(text, Catch::Contains("§ 6 Förvaltningens uppföljning"));
  // Attendance with roles, the absent secretary marked.
  CHECK_THAT(text, Catch::Contains("Närvarande"));
  CHECK_THAT(text, Catch::Contains("Anna Berg, ordförande"));
  CHECK_THAT(text, Catch::Contains("Frånvarande:"));
  CHECK_THAT(text, Catch::Contains("Cecilia Dahl, sekreterare"));
  // Notes, observations, actions, decisions, evaluations.
  CHECK_THAT(text, Catch::Contains("Förvaltningen har granskat genomförandeplaner"));
  CHECK_THAT(text, Catch::Contains("• Tre saknade aktuell uppföljning"));
  CHECK_THAT(text, Catch::Contains("1. Journalföringen är i huvudsak god."));
  CHECK_THAT(text, Catch::Contains("Förvaltningens iakttagelser"));
  CHECK_THAT(text, Catch::Contains("Planerade åtgärder"));
  CHECK_THAT(text, Catch::Contains("Åtgärd Ansvarig part Ansvarig person Klart senast"));
  CHECK_THAT(text, Catch::Contains("Återkoppla resultatet av granskningen Förvaltningen Anna Berg "
                                   "2026-04-15"));
  CHECK_THAT(text, Catch::Contains("Dagordningen godkändes."));
  CHECK_THAT(text, Catch::Contains("Uppföljning av åtgärder"));
  CHECK_THAT(text, Catch::Contains("Otillräcklig"));
  CHECK_THAT(text, Catch::Contains("2026-04-30"));
  CHECK_THAT(text, Catch::Contains("Inga anteckningar."));  // § 10 Övriga frågor
  // Justering: both adjusters with the time and the approved version's commit id in full
  // (signature_block_test.cpp has the rest); the approval of an earlier version is shown as
  // replaced, with the first 10 characters of its version.
  CHECK_THAT(text, Catch::Contains("Justering"));
  CHECK_THAT(text, Catch::Contains("Bo Ek"));
  CHECK_THAT(text, Catch::Contains("Per Persson"));
  CHECK_THAT(text, Catch::Contains("Tid: 2026-03-16 kl. 14.40"));
  CHECK_THAT(text, Catch::Contains("9c0e5a7b1f2e3d4c5b6a79881726354453627180"));
  CHECK_THAT(text, Catch::Contains("Version 1a2b3c4d5e, 2026-03-13 kl. 09.12"));
  CHECK_THAT(text, Catch::Contains("Ersatt – avser en tidigare version"));
  CHECK_THAT(text, !Catch::Contains("Ej justerat"));
  CHECK_THAT(text, Catch::Contains("Reservationer och avvikande meningar"));
  CHECK_THAT(text, Catch::Contains("Utföraren, Lisa Ström: Utföraren delar inte bedömningen"));
  // The footer.
  CHECK_THAT(text, Catch::Contains("Sida 1 av"));
  CHECK_THAT(text, Catch::Contains("Hemtjänst Östermalm · Avtalsnummer SDN 2025/0042 · "
                                   "Diarienummer SDN 2026/0042"));
}

TEST_CASE("every page has its number out of the number of pages", "[pdf][protocol]") {
  const RenderedPdf pdf(fx::sampleMinutes());
  const int pages = pdf.pages();
  CHECK(pages >= 2);
  const std::string text = pdf.flatText();
  for (int page = 1; page <= pages; ++page)
    CHECK(count(text, "Sida " + std::to_string(page) + " av " + std::to_string(pages)) == 1);
  CHECK(count(text, "Sida ") == static_cast<std::size_t>(pages));
}

TEST_CASE("the PDF carries its metadata and embeds its fonts", "[pdf][protocol]") {
  PdfOptions options{.title = "Protokoll SDN 2026/0042", .createdAt = fx::at(2026, 3, 17, 8, 30)};
  const RenderedPdf pdf(fx::sampleMinutes(), options);
  const std::string info = pdf.info();
  INFO(info);
  CHECK_THAT(info, Catch::Contains("Title:           Protokoll SDN 2026/0042"));
  CHECK_THAT(info, Catch::Contains("Author:          Östermalms stadsdelsförvaltning"));
  CHECK_THAT(info, Catch::Contains("Creator:         Samverkan"));
  CHECK_THAT(info, Catch::Contains("Subject:         Samverkansmöte 2026-03-12 kl. 13.00, "
                                   "Hemtjänst Östermalm (avtal SDN 2025/0042)"));
  CHECK_THAT(info, Catch::Contains("Keywords:        protokoll, samverkansmöte, SDN 2025/0042, "
                                   "SDN 2026/0042"));
  CHECK_THAT(info, Catch::Contains("CreationDate:") && Catch::Contains("2026"));
  CHECK_THAT(info, Catch::Contains("Page size:       595.276 x 841.89 pts (A4)"));

  // pdffonts: a heading line, a rule, then one line per font with "emb sub uni" columns.
  std::istringstream fonts(pdf.fonts());
  std::string line;
  std::getline(fonts, line);
  std::getline(fonts, line);
  int listed = 0;
  while (std::getline(fonts, line)) {
    INFO(line);
    CHECK_THAT(line, Catch::Contains("DejaVu"));
    CHECK_THAT(line, Catch::Contains(" yes yes yes "));  // embedded, subset, with a ToUnicode map
    ++listed;
  }
  CHECK(listed >= 2);  // at least the regular and the bold face
}

TEST_CASE("the default title names the meeting and the contract", "[pdf][protocol]") {
  const RenderedPdf pdf(fx::sampleMinutes());
  CHECK_THAT(pdf.info(), Catch::Contains("Title:           Protokoll, samverkansmöte 2026-03-12 – "
                                         "Hemtjänst Östermalm"));
}

TEST_CASE("minutes not yet adjusted or registered say so", "[pdf][protocol]") {
  Minutes m = fx::sampleMinutes();
  m.signatures.clear();
  m.disagreements.clear();
  m.registryNumber.reset();
  const RenderedPdf pdf(m);
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  CHECK(count(text, "Ej justerat") == 2);  // one per party
  CHECK_THAT(text, Catch::Contains("Ej diariefört."));
  CHECK_THAT(text, !Catch::Contains("Diarienummer"));
  CHECK_THAT(text, !Catch::Contains("Reservationer"));
}

TEST_CASE("a party whose only approval names an old version has not adjusted", "[pdf][protocol]") {
  Minutes m = fx::sampleMinutes();
  m.signatures = {{Party::Authority, "Bo Ek", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                   fx::at(2026, 3, 13, 9, 12), true}};
  const std::string text = RenderedPdf(m).flatText();
  CHECK(count(text, "Ej justerat") == 2);
  CHECK_THAT(text, Catch::Contains("Ersatt – avser en tidigare version"));
}

TEST_CASE("empty minutes render", "[pdf][protocol]") {
  const Minutes m;
  const RenderedPdf pdf(m);
  CHECK(pdf.qpdfCheck() == 0);
  CHECK(pdf.pages() == 1);
  const std::string text = pdf.flatText();
  CHECK(count(text, "Ingen närvarande.") == 2);
  CHECK_THAT(text, Catch::Contains("Sida 1 av 1"));
}

TEST_CASE("a long protocol spans pages and repeats the header of a table that breaks",
          "[pdf][protocol][long]") {
  Minutes m = fx::sampleMinutes();
  std::vector<Action>& actions = m.sections[5].actions;
  actions.clear();
  for (int i = 1; i <= 200; ++i)
    actions.push_back({"a" + std::to_string(i),
                       "Åtgärd nummer " + std::to_string(i) +
                           (i % 7 == 0 ? ": en längre beskrivning som bryts över flera rader i "
                                         "tabellens första kolumn, så att raderna blir olika höga"
                                       : ""),
                       i % 3 == 0 ? Party::Authority : Party::Provider, "Per Persson",
                       fx::date(2026, 6, 30)});
  const RenderedPdf pdf(m);
  std::string qpdf;
  CHECK(pdf.qpdfCheck(&qpdf) == 0);
  INFO(qpdf);
  const int pages = pdf.pages();
  CHECK(pages >= 6);
  const std::string text = pdf.flatText();
  for (int i = 1; i <= 200; ++i)
    CHECK(count(text, "Åtgärd nummer " + std::to_string(i) + (i % 7 == 0 ? ":" : " ")) == 1);
  // The header row on the page the table starts on and on every page it continues on; the other
  // action table (§ 8) has its own.
  CHECK(count(text, "Åtgärd Ansvarig part Ansvarig person Klart senast") >= 6);
  CHECK_THAT(text,
             Catch::Contains("Sida " + std::to_string(pages) + " av " + std::to_string(pages)));
  // Everything after the table is still there.
  CHECK_THAT(text, Catch::Contains("§ 12 Mötets avslutande"));
  CHECK_THAT(text, Catch::Contains("Diarienummer: SDN 2026/0042"));
}

TEST_CASE("a table row taller than a page is split between its lines, nothing lost",
          "[pdf][protocol][long]") {
  Minutes m = fx::sampleMinutes();
  std::string text;
  for (int i = 1; i <= 1000; ++i) text += "ord" + std::to_string(i) + " ";
  text += "slutord";
  m.sections[5].actions.front().text = text;
  m.sections[5].observations.front().text = text;
  const RenderedPdf pdf(m);
  CHECK(pdf.qpdfCheck() == 0);
  const std::string flat = pdf.flatText();
  CHECK(count(flat, "ord1 ") == 2);
  CHECK(count(flat, "ord500 ") == 2);
  CHECK(count(flat, "slutord") == 2);
}

TEST_CASE("rendering twice gives the same pages", "[pdf][protocol]") {
  const Minutes m = fx::sampleMinutes();
  const RenderedPdf first(m);
  const RenderedPdf second(m);
  CHECK(first.pages() == second.pages());
  CHECK(first.flatText() == second.flatText());
}

TEST_CASE("user text that looks like markup stays text", "[pdf][protocol][hostile]") {
  Minutes m = fx::sampleMinutes();
  const std::string hostile =
      "<script>alert('x')</script> & <b>inte fet</b> </span> &amp; <span foreground=\"red\">";
  m.header.contractTitle = "Avtal <i>" + std::string("&") + " co";
  m.header.location = "Sal <b>A</b> & B";
  m.attendance[0].name = "Anna <u>Berg</u>";
  m.sections[5].title = "Titel </b> & <big>";
  m.sections[5].observations[0].text = hostile;
  m.sections[5].actions[0].text = hostile;
  m.sections[5].actions[0].responsiblePerson = "P & <P>";
  m.signatures[2].name = "Per <b>Persson</b>";
  m.disagreements[0].text = "Text med <span> och &lt;";
  m.sections[7].notes =
      "Tom & Jerry <3, a < b > c, `<script>alert(1)</script>` och \\<i\\> samt &amp;lt;\n\n"
      "<script>alert('borta')</script>\n\n"
      "Inline <b>html</b> tas bort.\n\n"
      "**fet *kursiv** slut* och __fel_ nästling";
  m.sections[8].notes =
      "Text med <tt>kod</tt> och [länk](javascript:alert(1)) och "
      "[webb](https://example.se/a?b=1&c=2).";
  const RenderedPdf pdf(m);
  std::string qpdf;
  CHECK(pdf.qpdfCheck(&qpdf) == 0);
  INFO(qpdf);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK(count(text,
              "<script>alert('x')</script> & <b>inte fet</b> </span> &amp; <span "
              "foreground=\"red\">") >= 1);  // the observation (the table cell wraps)
  CHECK_THAT(text, Catch::Contains("Avtal <i>& co"));
  CHECK_THAT(text, Catch::Contains("Sal <b>A</b> & B"));
  CHECK_THAT(text, Catch::Contains("Anna <u>Berg</u>, ordförande"));
  CHECK_THAT(text, Catch::Contains("§ 6 Titel </b> & <big>"));
  CHECK_THAT(text, Catch::Contains("P & <P>"));
  CHECK_THAT(text, Catch::Contains("Per <b>Persson</b>"));
  CHECK_THAT(text, Catch::Contains("Text med <span> och &lt;"));
  // Markdown notes: text stays text, raw HTML is dropped (as on the web page).
  CHECK_THAT(text, Catch::Contains("Tom & Jerry <3, a < b > c, <script>alert(1)</script> och <i> "
                                   "samt &lt;"));
  CHECK_THAT(text, !Catch::Contains("borta"));
  CHECK_THAT(text, Catch::Contains("Inline html tas bort."));
  CHECK_THAT(text, Catch::Contains("fet kursiv slut"));
  CHECK_THAT(text,
             Catch::Contains("Text med kod och länk och webb (https://example.se/a?b=1&c=2)."));
  CHECK_THAT(text, !Catch::Contains("javascript"));
}

TEST_CASE("hostile Markdown in the notes renders", "[pdf][protocol][hostile]") {
  Minutes m = fx::sampleMinutes();
  std::size_t i = 0;
  for (const auto& input : minutes::test::hostileCorpus()) {
    if (i >= m.sections.size()) break;
    // As long as an editor may make the notes of a section.
    m.sections[i++].notes = input.text.substr(0, 100'000);
  }
  const RenderedPdf pdf(m);
  CHECK(pdf.qpdfCheck() == 0);
  CHECK(pdf.pages() > 1);
  CHECK_THAT(pdf.flatText(), Catch::Contains("§ 12 Mötets avslutande"));
}

TEST_CASE(
    "the outline lists the attendance, every section, the adjustment, the attachments and the "
    "registration",
    "[pdf][protocol]") {
  const Minutes m = fx::sampleMinutes();
  const RenderedPdf pdf(m);
  const std::string outline = sv::test::runTool("qpdf --json --json-key=outlines " + pdf.path());
  INFO(outline);
  CHECK(count(outline, "\"title\":") == m.sections.size() + 5);
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Närvarande\""));
  for (const Section& s : m.sections)
    CHECK_THAT(outline, Catch::Contains("\"title\": \"§ " + std::to_string(s.number) + " " +
                                        s.title + "\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Justering\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Reservationer och avvikande meningar\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Bilagor\""));
  CHECK_THAT(outline, Catch::Contains("\"title\": \"Diarieföring\""));
}

TEST_CASE("protocols render on several threads at once", "[pdf][protocol][threads]") {
  const Minutes m = fx::sampleMinutes();
  const auto expected = renderProtocolPdf(m, {});
  REQUIRE(expected);
  std::vector<std::size_t> sizes(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < sizes.size(); ++t)
    threads.emplace_back([&m, &sizes, t] {
      for (int i = 0; i < 5; ++i) {
        const auto result = renderProtocolPdf(m, {});
        sizes[t] = result ? result->size() : 0;
      }
    });
  for (std::thread& thread : threads) thread.join();
  // The same layout on every thread; the bytes differ only in the creation date's digits.
  for (const std::size_t size : sizes) CHECK(size == Approx(expected->size()).margin(64));
}

// Issue 19 point 3: a draft never looks final.
TEST_CASE("every page of unregistered minutes carries the state's mark", "[pdf][protocol][mark]") {
  Minutes m = fx::sampleMinutes();
  m.registryNumber.reset();
  for (const auto& [state, mark] : {std::pair{MinutesState::Draft, "UTKAST"},
                                    std::pair{MinutesState::InReview, "UTKAST – ej justerat"},
                                    std::pair{MinutesState::Approved, "Justerat, ej diariefört"}}) {
    INFO(mark);
    CHECK(stateMarkOf(state) == mark);
    const RenderedPdf pdf(m, {.stateMark = stateMarkOf(state)});
    CHECK(pdf.qpdfCheck() == 0);
    const int pages = pdf.pages();
    REQUIRE(pages >= 2);
    for (int page = 1; page <= pages; ++page) {
      INFO("page " << page);
      CHECK_THAT(pdf.pageText(page), Catch::Contains(mark));
    }
  }
}

TEST_CASE("registered minutes carry no draft mark", "[pdf][protocol][mark]") {
  CHECK(stateMarkOf(MinutesState::Registered).empty());
  const RenderedPdf pdf(fx::sampleMinutes(), {.stateMark = stateMarkOf(MinutesState::Registered)});
  const std::string text = pdf.flatText();
  CHECK_THAT(text, !Catch::Contains("UTKAST"));
  CHECK_THAT(text, !Catch::Contains("ej diariefört"));
  CHECK_THAT(text, !Catch::Contains("Ej diariefört"));
}

// Issue 19 point 9: a person with two roles, and a guest without an account, as the protocol says.
TEST_CASE("the attendance shows every role of a person and the guests", "[pdf][protocol]") {
  Minutes m = fx::sampleMinutes();
  m.attendance[0].additionalRoles = {Role::Adjuster};
  m.attendance[1].role = Role::Participant;
  m.attendance.push_back({"Maja Svensson", "MAS", Party::Authority, Role::Participant, true});
  const RenderedPdf pdf(m);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Anna Berg, ordförande, justerare"));
  CHECK_THAT(text, Catch::Contains("Maja Svensson (MAS)"));
}

TEST_CASE("the attachments are listed with their size and checksum", "[pdf][protocol][bilagor]") {
  const std::string sha1(64, 'a');
  const std::string sha2 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  PdfOptions options;
  options.attachments = {
      {"närvarolista_<b>möte</b>.pdf", "application/pdf", 48213, sha1, "Mötet"},
      {"Bilaga 2 – årsrapport.docx", "application/vnd.openxmlformats", 1048576, sha2,
       "Protokollet"},
  };
  const RenderedPdf pdf(fx::sampleMinutes(), options);
  std::string qpdf;
  CHECK(pdf.qpdfCheck(&qpdf) == 0);
  INFO(qpdf);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Bilagor Fil och SHA-256 Hör till Storlek"));
  CHECK_THAT(text, Catch::Contains("närvarolista_<b>möte</b>.pdf Mötet 48 213 byte " + sha1));
  CHECK_THAT(text,
             Catch::Contains("Bilaga 2 – årsrapport.docx Protokollet 1 048 576 byte " + sha2));
  CHECK_THAT(text, !Catch::Contains("Inga bilagor."));
  // After the adjustment: the list is part of what was adjusted and registered.
  CHECK(text.find("Bilagor Fil") > text.find("Justering"));
}

TEST_CASE("minutes without attachments say so", "[pdf][protocol][bilagor]") {
  const std::string text = RenderedPdf(fx::sampleMinutes()).flatText();
  CHECK_THAT(text, Catch::Contains("Bilagor Inga bilagor."));
}

}  // namespace SV_TEST_FILE
