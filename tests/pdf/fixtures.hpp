// A realistic protocol for the PDF tests, and the tools that read a PDF back (qpdf, poppler).
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/minutes.hpp"
#include "server/pdf/protocol_pdf.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::pdf::test {

using namespace sv::minutes;

inline Date date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// 2026-03-12 kl. 13.00 in Stockholm.
inline TimePoint meetingStart() {
  return fromStockholm(date(2026, 3, 12), std::chrono::hours{13});
}

inline TimePoint at(int y, unsigned m, unsigned d, int hour, int minute) {
  return fromStockholm(date(y, m, d), std::chrono::hours{hour} + std::chrono::minutes{minute});
}

inline const std::vector<std::string>& agendaTitles() {
  static const std::vector<std::string> titles = {
      "Mötets öppnande",
      "Val av justerare",
      "Godkännande av dagordningen",
      "Föregående mötes protokoll",
      "Uppföljning av åtgärder från tidigare möten",
      "Förvaltningens uppföljning",
      "Utförarens rapport",
      "Avvikelser, klagomål och synpunkter",
      "Hälso- och sjukvård (MAS/MAR)",
      "Övriga frågor",
      "Nästa möte",
      "Mötets avslutande",
  };
  return titles;
}

// Twelve sections after the standard agenda, two attendees per party (and one absent), notes in
// Markdown, observations, actions, decisions, evaluations, both parties' approvals (one of them
// renewed after an edit) and a registry number.
inline Minutes sampleMinutes() {
  Minutes m;
  m.header = MinutesHeader{
      .meetingId = 42,
      .contractTitle = "Hemtjänst Östermalm",
      .contractReference = "SDN 2025/0042",
      .authorityName = "Östermalms stadsdelsförvaltning",
      .providerName = "Omsorg i Norr AB",
      .startsAt = meetingStart(),
      .location = "Karlavägen 104, sal Ängen",
  };
  m.attendance = {
      {"Anna Berg", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Chair, true},
      {"Bo Ek", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Adjuster, true},
      {"Cecilia Dahl", "Östermalms stadsdelsförvaltning", Party::Authority, Role::Secretary, false},
      {"Per Persson", "Omsorg i Norr AB", Party::Provider, Role::Adjuster, true},
      {"Lisa Ström", "Omsorg i Norr AB", Party::Provider, Role::Participant, true},
  };
  const auto& titles = agendaTitles();
  for (std::size_t i = 0; i < titles.size(); ++i) {
    Section s;
    s.number = static_cast<int>(i) + 1;
    s.key = "item" + std::to_string(i + 1);
    s.title = titles[i];
    m.sections.push_back(std::move(s));
  }
  m.sections[0].notes = "Ordföranden öppnade mötet och hälsade alla välkomna.";
  m.sections[1].notes =
      "Till justerare valdes **Bo Ek** (förvaltningen) och **Per Persson** "
      "(utföraren).";
  m.sections[2].decisions = {{"d1", "Dagordningen godkändes."}};
  m.sections[3].notes = "Föregående protokoll (2025-12-10) lades till handlingarna.";
  Section& evaluations = m.sections[4];
  evaluations.evaluations = {
      {17, "Ta fram en rutin för läkemedelshantering", Party::Provider, "Per Persson",
       date(2026, 1, 31), "Protokoll 2025-12-10, § 6", Outcome::Accepted,
       "Rutinen är införd och känd av personalen.", std::nullopt},
      {18, "Utbilda personalen i dokumentation", Party::Provider, "", date(2026, 2, 28),
       "Protokoll 2025-12-10, § 6", Outcome::Insufficient,
       "Hälften av personalen har gått utbildningen.", date(2026, 4, 30)},
      {19, "Återkoppla resultatet av brukarenkäten", Party::Authority, "Anna Berg",
       date(2026, 3, 1), "Protokoll 2025-12-10, § 7", Outcome::None, "", std::nullopt},
  };
  Section& followUp = m.sections[5];
  followUp.notes =
      "Förvaltningen har granskat **genomförandeplaner** för tio brukare, _stickprov_ enligt "
      "uppföljningsplanen.\n\n"
      "- Tre saknade aktuell uppföljning\n"
      "- Två saknade brukarens underskrift\n"
      "  - varav en med god man\n\n"
      "## Dokumentation\n\n"
      "1. Journalföringen är i huvudsak god.\n"
      "2. Signeringslistor saknades vid ett tillfälle.\n";
  followUp.observations = {
      {"o1", "Genomförandeplanerna följs inte upp var sjätte månad."},
      {"o2",
       "Avvikelser rapporteras men analyseras sällan, och resultatet av analyserna "
       "återkopplas inte till personalen på arbetsplatsträffarna."},
  };
  followUp.actions = {
      {"a1", "Se över alla genomförandeplaner och följa upp dem tillsammans med brukaren",
       Party::Provider, "Per Persson", date(2026, 5, 31)},
      {"a2", "Återkoppla resultatet av granskningen", Party::Authority, "Anna Berg",
       date(2026, 4, 15)},
      {"a3", "Införa en rutin för analys av avvikelser på varje arbetsplatsträff", Party::Provider,
       "Lisa Ström", date(2026, 6, 30)},
  };
  followUp.decisions = {{"d2", "Nästa uppföljning sker vid mötet i juni."}};
  m.sections[6].notes =
      "Utföraren redogjorde för verksamheten. Bemanningen är stabil; två undersköterskor har "
      "anställts sedan förra mötet. Sjukfrånvaron är 6,2 %.";
  m.sections[7].notes = "Två klagomål har inkommit, båda gällande sena besök.";
  m.sections[7].observations = {{"o3", "Besökstiderna hålls inte alltid på helger."}};
  m.sections[7].actions = {
      {"a4", "Se över planeringen av helgbesök", Party::Provider, "Lisa Ström", date(2026, 4, 30)}};
  m.sections[8].notes = "MAS informerade om den nya rutinen för *delegering*.";
  m.sections[10].notes = "Nästa möte hålls **2026-06-11 kl. 13.00** på Karlavägen 104.";
  m.sections[11].notes = "Ordföranden tackade för ett bra möte och avslutade mötet.";
  m.signatures = {
      {Party::Authority, "Bo Ek", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
       at(2026, 3, 13, 9, 12), true},
      {Party::Authority, "Bo Ek", "9c0e5a7b1f2e3d4c5b6a79881726354453627180",
       at(2026, 3, 16, 10, 5), false},
      {Party::Provider, "Per Persson", "9c0e5a7b1f2e3d4c5b6a79881726354453627180",
       at(2026, 3, 16, 14, 40), false},
  };
  m.disagreements = {{Party::Provider, "Lisa Ström",
                      "Utföraren delar inte bedömningen att rutinen för dokumentation är "
                      "otillräcklig."}};
  m.registryNumber = "SDN 2026/0042";
  return m;
}

// The bytes of a PDF some renderer made (the follow-up report's, report_pdf_test.cpp).
struct PdfBytes {
  std::string bytes;
};

// A rendered protocol (or any PDF's bytes) written to a file, with what the command-line tools
// say about it.
class RenderedPdf {
 public:
  explicit RenderedPdf(const Minutes& m, PdfOptions options = {}) {
    if (options.createdAt == TimePoint{}) options.createdAt = at(2026, 3, 16, 15, 0);
    auto result = renderProtocolPdf(m, options);
    REQUIRE(result);
    write(std::move(*result));
  }

  explicit RenderedPdf(PdfBytes pdf) { write(std::move(pdf.bytes)); }

  const std::string& bytes() const { return bytes_; }
  std::string path() const { return "'" + path_.string() + "'"; }

  // qpdf --check: structure, cross-reference table, streams. Its output is kept for the log.
  int qpdfCheck(std::string* output = nullptr) const {
    int rc = -1;
    const std::string out = sv::test::runTool("qpdf --check " + path(), &rc);
    if (output) *output = out;
    return rc;
  }

  std::string text() const { return sv::test::runTool("pdftotext -layout " + path() + " -"); }

  // The text of one page (1-based), as pdftotext reads it.
  std::string pageText(int page) const {
    const std::string n = std::to_string(page);
    return sv::test::runTool("pdftotext -layout -f " + n + " -l " + n + " " + path() + " -");
  }

  // The text with every run of white space (line breaks, layout columns) one space.
  std::string flatText() const { return sv::test::oneSpaced(text()); }

  std::string info() const { return sv::test::runTool("pdfinfo " + path()); }

  int pages() const {
    const std::string out = info();
    const auto at = out.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(out.substr(at + 6));
  }

  std::string fonts() const { return sv::test::runTool("pdffonts " + path()); }

 private:
  void write(std::string bytes) {
    bytes_ = std::move(bytes);
    path_ = dir_.path() / "dokument.pdf";
    std::ofstream(path_, std::ios::binary) << bytes_;
  }

  sv::test::TempDir dir_;
  std::filesystem::path path_;
  std::string bytes_;
};

inline std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace sv::pdf::test
