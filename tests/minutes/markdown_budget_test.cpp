// Hardening issue, finding 5: the notes of a protocol are bounded as a whole, and text that asks
// a renderer for more Markdown structure than real notes have is shown as plain text, every
// character of it, on the page and in minutes.md.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hostile_corpus.hpp"
#include "minutes/edit.hpp"
#include "minutes/markdown_budget.hpp"
#include "minutes/markdown_html.hpp"
#include "minutes/render_html.hpp"
#include "minutes/render_markdown.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::repeat;

TEST_CASE("the notes of all sections together are bounded", "[minutes][edit][budget]") {
  const Minutes current = test::editedMinutes();
  Minutes p = current;
  REQUIRE(p.sections.size() >= 3);
  const std::size_t third = kMaxDocumentNotesBytes / 3;
  SECTION("exactly the bound is accepted") {
    p.sections[0].notes = std::string(third, 'a');
    p.sections[1].notes = std::string(third, 'b');
    p.sections[2].notes = std::string(kMaxDocumentNotesBytes - 2 * third, 'c');
    CHECK(applyEdit(current, p));
    CHECK(checkDocumentNotes(p));
  }
  SECTION("one byte more is refused, naming the section that went over it") {
    p.sections[0].notes = std::string(third, 'a');
    p.sections[1].notes = std::string(third, 'b');
    p.sections[2].notes = std::string(kMaxDocumentNotesBytes - 2 * third + 1, 'c');
    p.sections[3].notes = "Kort.";
    const auto result = applyEdit(current, p);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Errc::Invalid);
    CHECK(result.error().reason == Reason::NotesTooLong);
    CHECK(result.error().field == "sections[2].notes");
    CHECK(result.error().value == std::to_string(kMaxDocumentNotesBytes));
    CHECK(reasonName(Reason::NotesTooLong) == "notes-too-long");
    const auto alone = checkDocumentNotes(p);
    REQUIRE_FALSE(alone);
    CHECK(alone.error().field == "sections[2].notes");
  }
}

TEST_CASE("markup characters are counted", "[minutes][markdown][budget]") {
  CHECK(markupCharacters("Vanlig text, med (parentes) och 3 > 2 & #1.") == 0);
  CHECK(markupCharacters("**fet** _kursiv_ [länk](x) ![b](y) <a> `kod`") == 14);
  MarkdownBudget budget(10);
  CHECK(budget.take("**a**"));
  CHECK(budget.left() == 6);
  CHECK(budget.take("**a** *b*"));  // all that was left
  CHECK(budget.left() == 0);
}

TEST_CASE("a budget is spent note by note and never goes below nothing",
          "[minutes][markdown][budget]") {
  MarkdownBudget budget(8);
  CHECK(budget.take("*a* *b*"));            // 4
  CHECK_FALSE(budget.take("*a* *b* *c*"));  // 6 > 4 left: plain, nothing spent
  CHECK(budget.left() == 4);
  CHECK(budget.take("Ingen markup alls."));
  CHECK(budget.take("_a_ _b_"));
  CHECK(budget.left() == 0);
  CHECK_FALSE(budget.take("*a*"));
  CHECK(budget.take("ren text"));
  MarkdownBudget large;
  CHECK_FALSE(large.take(repeat("*", kMarkupPerNote + 1)));  // over a note's bound
  CHECK(large.take(repeat("*", kMarkupPerNote)));
}

TEST_CASE("notes over a note's budget become plain HTML, every character shown",
          "[minutes][markdown][budget]") {
  const std::string over = repeat("*_", kMarkupPerNote) + "\n\nSlut <b> & [länk](x)";
  const std::string html = markdownToSafeHtml(over);
  CHECK(html ==
        "<p>" + repeat("*_", kMarkupPerNote) + "</p>\n<p>Slut &lt;b&gt; &amp; [länk](x)</p>\n");
  CHECK(test::unsafeHtmlReason(html).empty());
  CHECK(plainTextHtml("a\nb\r\n\n\nc") == "<p>a<br>\nb</p>\n<p>c</p>\n");
  CHECK(plainTextHtml("  \n") == "");
}

TEST_CASE("the protocol page spends one budget over all its notes", "[minutes][render][budget]") {
  Minutes m = test::editedMinutes();
  const std::size_t perNote = kMarkupPerNote / 4;  // "**fet** ": 4 markup characters
  const std::size_t spent = kMarkupPerDocument / kMarkupPerNote;
  REQUIRE(m.sections.size() > spent);
  for (std::size_t i = 0; i <= spent; ++i) m.sections[i].notes = repeat("**fet** ", perNote);
  const std::string html = renderHtml(m);
  // The sections within the budget have bold words, the one after it its text as written.
  CHECK(test::occurrences(html, "<strong>fet</strong>") == spent * perNote);
  CHECK(test::occurrences(html, "**fet**") == perNote);
  const std::string md = renderMarkdown(m);
  CHECK(test::occurrences(md, "**fet**") == spent * perNote);
  CHECK(test::occurrences(md, "\\*\\*fet\\*\\*") == perNote);
}

TEST_CASE("hostile notes over the budget stay whole in minutes.md", "[minutes][render][budget]") {
  Minutes m = test::editedMinutes();
  m.sections[1].notes = repeat("![[]()", kMaxNotesBytes / 6);
  const std::string md = renderMarkdown(m);
  // Escaped, so that minutes.md shows the characters and cmark finds no brackets in them.
  CHECK(test::occurrences(md, "!\\[\\[\\]()") == kMaxNotesBytes / 6);
}

TEST_CASE("notes nested deeper than real notes become plain HTML", "[minutes][markdown][budget]") {
  std::string quotes;
  for (int i = 0; i < 100; ++i) quotes += "&gt;";
  CHECK(markdownToSafeHtml(std::string(100, '>') + " citat") == "<p>" + quotes + " citat</p>\n");
  // As deep as the bound (the document and the paragraph count too) is still Markdown.
  const int quotesAllowed = kMaxMarkdownDepth - 2;
  CHECK(test::occurrences(markdownToSafeHtml(std::string(quotesAllowed, '>') + " citat"),
                          "<blockquote>") == static_cast<std::size_t>(quotesAllowed));
  CHECK(test::occurrences(markdownToSafeHtml(std::string(quotesAllowed + 1, '>') + " citat"),
                          "<blockquote>") == 0);
}

}  // namespace SV_TEST_FILE
