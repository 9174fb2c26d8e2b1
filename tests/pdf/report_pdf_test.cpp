// The follow-up report as a PDF (server/pdf/report_pdf.hpp), read back with qpdf and poppler.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "fixtures.hpp"
#include "minutes/report_record.hpp"
#include "server/pdf/report_pdf.hpp"
#include "support/pdf_archival.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
namespace fx = sv::pdf::test;
using fx::count;
using fx::RenderedPdf;

namespace {

const std::string kSha1 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const std::string kSha2 = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbf9f39c9aa5b0b";

// A registered operational follow-up with every part: visits, three areas (one with Markdown
// findings and improvements), a fact-check with a comment answered and one not, a decided
// supplement, and two attachments. User text holds Swedish letters and markup-looking text.
ReportRecord sampleRecord() {
  ReportRecord r;
  FollowUpReport& rep = r.report;
  rep.header = ReportHeader{.kind = ReportKind::Operational,
                            .contractTitle = "Hemtjänst Östermalm",
                            .contractReference = "SDN 2025/0042",
                            .authorityName = "Östermalms stadsdelsförvaltning",
                            .providerName = "Omsorg i Norr AB",
                            .year = 2026,
                            .templateId = "hemtjanst",
                            .templateVersion = "2026-1"};
  rep.method = "Dialogmöten, intervjuer med personal och granskning av <b>dokumentation</b>.";
  rep.visits = {{fx::date(2026, 3, 4), true, "Besök på kontoret på Karlavägen."},
                {fx::date(2026, 4, 9), false, "Kontroll av bemanningen en lördag."}};
  ReportArea staff{
      .key = "personal",
      .title = "Personal och kompetens",
      .questions = {"Har personalen den utbildning avtalet kräver?",
                    "Hur följs introduktionen av nyanställda upp?"},
      .assessment = Assessment::PartlyMeets,
      .findings =
          "Utföraren har **god** kontinuitet.\n\n"
          "- Två av tio saknade utbildning i dokumentation\n"
          "- Introduktionen följer rutinen\n",
      .improvements = {
          {"i1", "Utbilda även <b>vikarier</b>", fx::date(2026, 9, 30), Party::Provider},
          {"i2", "Återkoppla resultatet till nämnden", fx::date(2026, 10, 15), Party::Authority}}};
  ReportArea safety{.key = "sakerhet",
                    .title = "Säkerhet och avvikelser",
                    .questions = {"Hanteras avvikelser enligt rutinen?"},
                    .assessment = Assessment::Meets,
                    .findings = "Avvikelser rapporteras och åtgärdas."};
  ReportArea empty{.key = "ovrigt", .title = "Övrigt", .questions = {}};
  rep.areas = {staff, safety, empty};
  rep.registryNumber = "SDN 2026/0815";

  FactCheckRecord f;
  f.sentVersion = "4be1c0de9a8f7e6d5c4b3a29180716253443f2e1";
  f.sentBy = "Anna Berg";
  f.sentAt = "2026-05-04T08:00:00Z";
  f.dueOn = fx::date(2026, 5, 18);
  f.outcome = FactCheckOutcome::Commented;
  f.answeredBy = "Per Persson";
  f.endedAt = "2026-05-12T13:30:00Z";
  f.comments = {{"personal", "Personal och kompetens",
                 "Utbildningen för två personer var bokad före granskningen.", "Per Persson",
                 "2026-05-12T13:30:00Z", std::string("Texten är ändrad så att det framgår."),
                 "Anna Berg", "2026-05-20T09:15:00Z"},
                {"", "", "Rapporten är i övrigt korrekt & <i>tydlig</i>.", "Per Persson",
                 "2026-05-12T13:31:00Z", std::nullopt, "", ""}};
  f.changedAreas = {"Personal och kompetens"};
  r.factCheck = f;

  SupplementEntry s;
  s.number = 1;
  s.areaKey = "personal";
  s.areaTitle = "Personal och kompetens";
  s.request = "Skicka utbildningsplanen för hösten.";
  s.dueOn = fx::date(2026, 6, 15);
  s.requestedBy = "Anna Berg";
  s.requestedAt = "2026-05-21T10:00:00Z";
  s.response = "Utbildningsplanen bifogas.";
  s.respondedBy = "Per Persson";
  s.respondedAt = "2026-06-10T14:00:00Z";
  s.decided = true;
  s.before = Assessment::DoesNotMeet;
  s.after = Assessment::PartlyMeets;
  s.reason = "Planen visar att alla utbildas före årets slut.";
  s.decidedBy = "Anna Berg";
  s.decidedAt = "2026-06-12T08:45:00Z";
  r.supplements = {s};

  r.attachments = {
      {"utbildningsplan_höst.pdf", "application/pdf", 48213, kSha1, "Komplettering 1"},
      {"Bemanning <lördag>.xlsx", "application/vnd.ms-excel", 1048576, kSha2, "Rapporten"}};
  return r;
}

RenderedPdf render(const ReportRecord& record, ReportPdfOptions options = {}) {
  if (options.createdAt == TimePoint{}) options.createdAt = fx::at(2026, 6, 20, 9, 0);
  auto bytes = renderReportPdf(record, options);
  REQUIRE(bytes);
  return RenderedPdf(fx::PdfBytes{std::move(*bytes)});
}

}  // namespace

TEST_CASE("a follow-up report with its record is a valid PDF with its text", "[pdf][report]") {
  const RenderedPdf pdf = render(sampleRecord());
  CHECK(pdf.bytes().starts_with("%PDF-"));
  std::string qpdf;
  CHECK(pdf.qpdfCheck(&qpdf) == 0);
  INFO(qpdf);
  const std::string text = pdf.flatText();
  INFO(text);
  // The head.
  CHECK_THAT(text, Catch::Contains("Östermalms stadsdelsförvaltning Diarienummer SDN 2026/0815"));
  CHECK_THAT(text, Catch::Contains("Verksamhetsuppföljning 2026 Hemtjänst Östermalm"));
  CHECK_THAT(text, Catch::Contains("Avtalsnummer SDN 2025/0042"));
  CHECK_THAT(text, Catch::Contains("Utförare Omsorg i Norr AB"));
  CHECK_THAT(text, Catch::Contains("År 2026"));
  // Method and visits; user text that looks like markup stays text.
  CHECK_THAT(text, Catch::Contains("Metod Dialogmöten, intervjuer med personal och granskning av "
                                   "<b>dokumentation</b>."));
  CHECK_THAT(text, Catch::Contains("• 2026-03-04, anmält besök: Besök på kontoret på Karlavägen."));
  CHECK_THAT(text, Catch::Contains("• 2026-04-09, oanmält besök: Kontroll av bemanningen"));
  // The areas: questions, assessment, findings as Markdown, improvements as a table.
  CHECK_THAT(text,
             Catch::Contains("Personal och kompetens Frågor • Har personalen den utbildning"));
  CHECK_THAT(text, Catch::Contains("Bedömning: Uppfyller delvis kraven"));
  CHECK_THAT(text, Catch::Contains("Bedömning: Uppfyller kraven"));
  CHECK_THAT(text, Catch::Contains("Iakttagelser Utföraren har god kontinuitet."));
  CHECK_THAT(text, Catch::Contains("• Två av tio saknade utbildning i dokumentation"));
  CHECK_THAT(text, Catch::Contains("Krav på förbättringar Nr Förbättring Ansvarig Senast"));
  CHECK_THAT(text, Catch::Contains("1 Utbilda även <b>vikarier</b> Utföraren 2026-09-30"));
  CHECK_THAT(text, Catch::Contains("2 Återkoppla resultatet till nämnden Förvaltningen "
                                   "2026-10-15"));
  CHECK_THAT(text, Catch::Contains("Övrigt Bedömning: Ännu inte bedömt Iakttagelser Inga "
                                   "iakttagelser har förts in."));
  // The fact-check: the version sent (7 characters), who and when, the outcome, the comments.
  CHECK_THAT(text, Catch::Contains("Granskad version 4be1c0d "));
  CHECK_THAT(text, !Catch::Contains("4be1c0de"));
  CHECK_THAT(text, Catch::Contains("Skickad till utföraren Anna Berg, 2026-05-04 kl. 10.00"));
  CHECK_THAT(text, Catch::Contains("Sista svarsdag 2026-05-18"));
  CHECK_THAT(text,
             Catch::Contains("Utfall Synpunkter lämnade (Per Persson, 2026-05-12 kl. 15.30)"));
  CHECK_THAT(text, Catch::Contains("Synpunkt: Personal och kompetens Utbildningen för två"));
  CHECK_THAT(text, Catch::Contains("Förvaltningens svar (Anna Berg, 2026-05-20 kl. 11.15): Texten "
                                   "är ändrad så att det framgår."));
  CHECK_THAT(text, Catch::Contains("Synpunkt: Rapporten som helhet Rapporten är i övrigt korrekt & "
                                   "<i>tydlig</i>."));
  CHECK_THAT(text, Catch::Contains("Förvaltningens svar: ännu inte besvarad."));
  CHECK_THAT(text, Catch::Contains("Ändrat efter faktagranskningen • Personal och kompetens"));
  // The supplement, decided.
  CHECK_THAT(text, Catch::Contains("Komplettering 1: Personal och kompetens"));
  CHECK_THAT(text, Catch::Contains("senast 2026-06-15: Skicka utbildningsplanen för hösten."));
  CHECK_THAT(text, Catch::Contains("Utförarens komplettering (Per Persson, 2026-06-10 kl. 16.00): "
                                   "Utbildningsplanen bifogas."));
  CHECK_THAT(text, Catch::Contains("Bedömning: Uppfyller inte kraven → Uppfyller delvis kraven "
                                   "(Anna Berg, 2026-06-12 kl. 10.45). Skäl: Planen visar"));
  // The attachments with their checksums.
  CHECK_THAT(text, Catch::Contains("Bilagor Fil och SHA-256 Hör till Storlek"));
  CHECK_THAT(text,
             Catch::Contains("utbildningsplan_höst.pdf Komplettering 1 48 213 byte " + kSha1));
  CHECK_THAT(text, Catch::Contains("Bemanning <lördag>.xlsx Rapporten 1 048 576 byte " + kSha2));
  // The footer.
  CHECK_THAT(text, Catch::Contains("Hemtjänst Östermalm · Avtalsnummer SDN 2025/0042 · "
                                   "Diarienummer SDN 2026/0815"));
  const int pages = pdf.pages();
  for (int page = 1; page <= pages; ++page)
    CHECK(count(text, "Sida " + std::to_string(page) + " av " + std::to_string(pages)) == 1);
}

TEST_CASE("the report's PDF carries its metadata", "[pdf][report]") {
  const RenderedPdf pdf = render(sampleRecord(), {.title = "Uppföljning SDN 2026/0815"});
  const std::string info = pdf.info();
  INFO(info);
  CHECK_THAT(info, Catch::Contains("Title:           Uppföljning SDN 2026/0815"));
  CHECK_THAT(info, Catch::Contains("Author:          Östermalms stadsdelsförvaltning"));
  CHECK_THAT(info, Catch::Contains("Creator:         Samverkan"));
  CHECK_THAT(info, Catch::Contains("Subject:         Verksamhetsuppföljning 2026, Hemtjänst "
                                   "Östermalm (avtal SDN 2025/0042), utförare Omsorg i Norr AB"));
  CHECK_THAT(info, Catch::Contains("Keywords:        uppföljning, Verksamhetsuppföljning, "
                                   "SDN 2025/0042, SDN 2026/0815"));
  CHECK_THAT(info, Catch::Contains("Pages:           " + std::to_string(pdf.pages())));
  CHECK(pdf.pages() >= 2);
  CHECK_THAT(render(sampleRecord()).info(),
             Catch::Contains("Title:           Verksamhetsuppföljning 2026 – Hemtjänst Östermalm"));
}

TEST_CASE("the report's outline has its main headings and every area", "[pdf][report]") {
  const RenderedPdf pdf = render(sampleRecord());
  const std::string outline = sv::test::runTool("qpdf --json --json-key=outlines " + pdf.path());
  INFO(outline);
  CHECK(count(outline, "\"title\":") == 9);
  for (const char* title :
       {"Metod", "Besök", "Personal och kompetens", "Säkerhet och avvikelser", "Övrigt",
        "Faktagranskning", "Kompletteringar", "Bilagor", "Diarieföring"})
    CHECK_THAT(outline, Catch::Contains(std::string("\"title\": \"") + title + "\""));
}

TEST_CASE("an unregistered report carries the state's mark on every page", "[pdf][report][mark]") {
  ReportRecord record = sampleRecord();
  record.report.registryNumber.reset();
  for (const auto& [state, mark] : {std::pair{ReportState::Draft, "UTKAST"},
                                    std::pair{ReportState::FactCheck, "Faktagranskning pågår"},
                                    std::pair{ReportState::Answered, "UTKAST"},
                                    std::pair{ReportState::Final, "Slutlig, ej diarieförd"}}) {
    INFO(mark);
    CHECK(reportStateMarkOf(state) == mark);
    const RenderedPdf pdf = render(record, {.stateMark = reportStateMarkOf(state)});
    CHECK(pdf.qpdfCheck() == 0);
    const int pages = pdf.pages();
    for (int page = 1; page <= pages; ++page) {
      INFO("page " << page);
      CHECK_THAT(pdf.pageText(page), Catch::Contains(mark));
    }
    CHECK_THAT(pdf.flatText(), !Catch::Contains("Diarienummer"));
  }
}

TEST_CASE("a registered report carries no mark", "[pdf][report][mark]") {
  CHECK(reportStateMarkOf(ReportState::Registered).empty());
  const std::string text =
      render(sampleRecord(), {.stateMark = reportStateMarkOf(ReportState::Registered)}).flatText();
  CHECK_THAT(text, !Catch::Contains("UTKAST"));
  CHECK_THAT(text, !Catch::Contains("Faktagranskning pågår"));
  CHECK_THAT(text, !Catch::Contains("ej diarieförd"));
}

TEST_CASE("a report not sent for fact-checking says so, and so do its empty parts",
          "[pdf][report]") {
  ReportRecord record = sampleRecord();
  record.factCheck.reset();
  record.supplements.clear();
  record.attachments.clear();
  record.report.method.clear();
  record.report.visits.clear();
  record.supplements.push_back(
      {.number = 2, .request = "Skicka rutinen.", .dueOn = fx::date(2026, 6, 1)});
  const RenderedPdf pdf = render(record);
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Faktagranskning Rapporten har inte skickats på "
                                   "faktagranskning."));
  CHECK_THAT(text, Catch::Contains("Metod Ingen metod har angetts."));
  CHECK_THAT(text, Catch::Contains("Besök Inga besök har förts in."));
  CHECK_THAT(text, Catch::Contains("Komplettering 2: Rapporten som helhet"));
  CHECK_THAT(text, Catch::Contains("Ingen komplettering har kommit in. Ännu inte avgjord."));
  CHECK_THAT(text, Catch::Contains("Bilagor Inga bilagor."));
}

TEST_CASE("a fact-check without changes says no area changed", "[pdf][report]") {
  ReportRecord record = sampleRecord();
  record.factCheck->changedAreas.clear();
  record.factCheck->outcome = FactCheckOutcome::DeadlinePassed;
  record.factCheck->answeredBy.clear();
  record.factCheck->comments.clear();
  record.supplements.clear();
  record.report.header.kind = ReportKind::Contract;
  const std::string text = render(record).flatText();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Avtalsuppföljning 2026"));
  CHECK_THAT(text, Catch::Contains("Utfall Inga synpunkter inkom (2026-05-12 kl. 15.30)"));
  CHECK_THAT(text, Catch::Contains("Ändrat efter faktagranskningen Inget område ändrades."));
  CHECK_THAT(text, Catch::Contains("Kompletteringar Inga kompletteringar har begärts."));
}

TEST_CASE("a registered follow-up report is a PDF/A-2a with its registry number in the XMP",
          "[pdf][report][pdfa]") {
  sv::test::TempDir dir;
  auto bytes = renderReportPdf(sampleRecord(), {.title = "Uppföljning SDN 2026/0815",
                                                .createdAt = fx::at(2026, 6, 20, 9, 0)});
  REQUIRE(bytes);
  const auto file = dir.path() / "report.pdf";
  std::ofstream(file, std::ios::binary) << *bytes;
  sv::test::checkArchivalPdf(file, {.title = "Uppföljning SDN 2026/0815",
                                    .author = "Östermalms stadsdelsförvaltning",
                                    .registryNumber = "SDN 2026/0815",
                                    .createdAt = "2026-06-20T07:00:00Z"});
}

// Hardening issue, finding 5: the report's findings are bounded like the protocol's notes.
TEST_CASE("pathological findings give a valid report PDF with all their text",
          "[pdf][report][budget][hostile]") {
  const auto counts = [](const RenderedPdf& pdf) {
    const std::string text = pdf.text();
    return std::pair{std::count(text.begin(), text.end(), '*'),
                     std::count(text.begin(), text.end(), '_')};
  };
  ReportRecord record = sampleRecord();
  for (ReportArea& area : record.report.areas) area.findings.clear();
  const auto before = counts(render(record));
  std::string runs;
  for (int i = 0; i < 50'000; ++i) runs += "*_";  // kMaxFindingsBytes
  for (ReportArea& area : record.report.areas) area.findings = runs;
  const RenderedPdf pdf = render(record);
  CHECK(pdf.qpdfCheck() == 0);
  const auto after = counts(pdf);
  const auto areas = static_cast<long>(record.report.areas.size());
  CHECK(after.first - before.first == 50'000 * areas);
  CHECK(after.second - before.second == 50'000 * areas);
}

}  // namespace SV_TEST_FILE
