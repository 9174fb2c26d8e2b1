// Hardening issue, finding 5: notes that ask for more Markdown structure than real notes have
// are printed as plain text, a note at a time and for the whole document, and what they say is
// all in the PDF, which stays valid. No timing here: the bound on the work is what is asserted
// (tests/bench/markdown_bench.cpp measures the time).
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "minutes/markdown_budget.hpp"
#include "server/pdf/markup.hpp"
#include "server/pdf/report_pdf.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::pdf;
using namespace sv::pdf::detail;
namespace fx = sv::pdf::test;
using fx::RenderedPdf;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::size_t countOf(const std::string& text, char c) {
  return static_cast<std::size_t>(std::ranges::count(text, c));
}

// A protocol of the sample's header whose sections hold `notes`, one each.
Minutes protocolWithNotes(const std::vector<std::string>& notes) {
  Minutes m = fx::sampleMinutes();
  for (std::size_t i = 0; i < m.sections.size(); ++i) {
    m.sections[i].notes = i < notes.size() ? notes[i] : "";
    m.sections[i].observations.clear();
    m.sections[i].actions.clear();
    m.sections[i].decisions.clear();
    m.sections[i].evaluations.clear();
  }
  m.disagreements.clear();
  return m;
}

}  // namespace

TEST_CASE("a note with more markup than a note has is printed as plain text",
          "[pdf][markup][budget]") {
  const std::string within = repeat("**fet** ", kMarkupPerNote / 4);
  REQUIRE(markupCharacters(within) == kMarkupPerNote);
  const auto formatted = markdownToBlocks(within);
  REQUIRE(formatted.size() == 1);
  CHECK_THAT(formatted[0].markup, Catch::StartsWith("<b>fet</b> <b>fet</b>"));

  const std::string over = within + "**fet**\n\nNästa <stycke> & *slut*";
  const auto plain = markdownToBlocks(over);
  REQUIRE(plain.size() == 2);
  CHECK_THAT(plain[0].markup, Catch::StartsWith("**fet** **fet**"));
  CHECK(plain[0].markup.find("<b>") == std::string::npos);
  CHECK(plain[1].markup == "Nästa &lt;stycke&gt; &amp; *slut*");
  for (const NoteBlock& block : plain) CHECK(isValidMarkup(block.markup));
}

TEST_CASE("plain text keeps every character, paragraphs at blank lines", "[pdf][markup][budget]") {
  const auto blocks = plainTextBlocks("rad ett\nrad *två*\n\n \n[tre](x) <b>\r\n\nfyra");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].markup == "rad ett\nrad *två*");
  CHECK(blocks[1].markup == "[tre](x) &lt;b&gt;");
  CHECK(blocks[2].markup == "fyra");
  CHECK(plainTextBlocks(" \n\n\t").empty());
}

TEST_CASE("the protocol's budget of Markdown: the notes after it is spent print as plain text",
          "[pdf][protocol][budget]") {
  // Each note within a note's bound; six of them together over the document's.
  const std::size_t perNote = 2'250;  // "**fet** ": 4 markup characters each
  const std::size_t notes = kMarkupPerDocument / (4 * perNote) + 1;
  REQUIRE(notes * 4 * perNote > kMarkupPerDocument);
  REQUIRE(4 * perNote <= kMarkupPerNote);
  std::vector<std::string> sections;
  for (std::size_t i = 0; i < notes; ++i) sections.push_back(repeat("**fet** ", perNote));
  const RenderedPdf pdf(protocolWithNotes(sections));
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  // The sections within the budget are bold words, the last one is its text as written, whole.
  CHECK(fx::count(text, "fet") == notes * perNote);
  CHECK(fx::count(text, "**fet**") == perNote);
}

TEST_CASE("pathological notes of the longest protocol allowed give a valid PDF with all their text",
          "[pdf][protocol][budget][hostile]") {
  // The finding's input: runs of `*_` in two sections at their limit (kMaxNotesBytes).
  const std::string note = repeat("*_", 50'000);
  const RenderedPdf pdf(protocolWithNotes({note, note}));
  std::string check;
  CHECK(pdf.qpdfCheck(&check) == 0);
  INFO(check.substr(0, 400));
  const std::string text = pdf.text();
  // Every character of the notes is there: none was taken as emphasis, none was lost.
  CHECK(countOf(text, '*') == 100'000);
  CHECK(countOf(text, '_') == 100'000);
  CHECK_THAT(pdf.flatText(), Catch::Contains("§ 12 Mötets avslutande"));
}

TEST_CASE("a long paragraph keeps its formatting across the pieces it is set in",
          "[pdf][protocol][budget]") {
  // Far longer than a piece (flow.cpp), with bold and code spans all along it: each span's text
  // is printed once, at its place, whichever pieces it falls in.
  std::string paragraph;
  for (int i = 0; i < 400; ++i)
    paragraph += "Ord nummer " + std::to_string(i) + " är **fetstilt" + std::to_string(i) +
                 "** och `kod" + std::to_string(i) + "` här. ";
  const RenderedPdf pdf(protocolWithNotes({paragraph}));
  CHECK(pdf.qpdfCheck() == 0);
  const std::string text = pdf.flatText();
  for (int i : {0, 57, 199, 333, 399}) {
    INFO(i);
    CHECK(fx::count(text, "fetstilt" + std::to_string(i) + " ") == 1);
    CHECK(fx::count(text, "kod" + std::to_string(i) + " ") == 1);
  }
  CHECK(text.find("**") == std::string::npos);
  CHECK(text.find('`') == std::string::npos);
}

}  // namespace SV_TEST_FILE
