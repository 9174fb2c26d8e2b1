#include <catch2/catch.hpp>

#include "minutes/hostile_corpus.hpp"
#include "server/pdf/markup.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::pdf::detail;

namespace {

const std::string kCode = "<span font_family=\"DejaVu Sans Mono\">";

}  // namespace

TEST_CASE("user text is escaped for Pango markup", "[pdf][markup]") {
  CHECK(escapeMarkup("Tom & Jerry <b>\"x\" 'y'</b>") ==
        "Tom &amp; Jerry &lt;b&gt;&quot;x&quot; &apos;y&apos;&lt;/b&gt;");
  CHECK(escapeMarkup("&amp; </span>") == "&amp;amp; &lt;/span&gt;");
  CHECK(escapeMarkup("Åsa Öberg-Ängström") == "Åsa Öberg-Ängström");
  CHECK(escapeMarkup("rad ett\r\nrad två\tflik") == "rad ett\nrad två\tflik");
  CHECK(escapeMarkup(std::string("a\0b\x01"
                                 "c\x7f",
                                 6)) == "a b c ");
  CHECK(escapeMarkup("trasig \xff\xc3( text") == "trasig \xEF\xBF\xBD\xEF\xBF\xBD( text");
  CHECK(isValidMarkup(escapeMarkup("<b>inte fet</b> &lt; <span foreground='red'>")));
  CHECK_FALSE(isValidMarkup("<b>öppen"));
  CHECK_FALSE(isValidMarkup("<script>"));
}

TEST_CASE("notes: paragraphs with emphasis, strong, code and line breaks", "[pdf][markup]") {
  const auto blocks =
      markdownToBlocks("Första **fet** och *kursiv* med `<kod> & mer`\nsamma stycke  \nny rad");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].kind == BlockKind::Paragraph);
  CHECK(blocks[0].markup == "Första <b>fet</b> och <i>kursiv</i> med " + kCode +
                                "&lt;kod&gt; &amp; mer</span> samma stycke\nny rad");
  CHECK(blocks[0].depth == 0);
  CHECK(blocks[0].marker.empty());
}

TEST_CASE("notes: headings are bold lines, lists carry their markers", "[pdf][markup]") {
  const auto blocks = markdownToBlocks(
      "# Rubrik\n\n- ett\n- två\n  - två a\n\n3. tre\n4. fyra\n\n> citat\n\n---\n\n```\nkod "
      "<x>\n```\n");
  REQUIRE(blocks.size() == 9);
  CHECK(blocks[0].kind == BlockKind::Heading);
  CHECK(blocks[0].markup == "<b>Rubrik</b>");
  CHECK(blocks[1].markup == "ett");
  CHECK(blocks[1].marker == "•");
  CHECK(blocks[1].depth == 1);
  CHECK(blocks[1].tight);
  CHECK(blocks[2].markup == "två");
  CHECK(blocks[3].markup == "två a");
  CHECK(blocks[3].depth == 2);
  CHECK_FALSE(blocks[3].tight);  // the end of the list: space after it
  CHECK(blocks[4].marker == "3.");
  CHECK(blocks[5].marker == "4.");
  CHECK(blocks[6].markup == "citat");
  CHECK(blocks[6].quoted);
  CHECK(blocks[6].depth == 1);
  CHECK(blocks[7].kind == BlockKind::Rule);
  CHECK(blocks[8].kind == BlockKind::Code);
  CHECK(blocks[8].markup == kCode + "kod &lt;x&gt;</span>");
}

TEST_CASE("notes: an item that opens with a list, and an empty item", "[pdf][markup]") {
  const auto blocks = markdownToBlocks("- - inre\n-\n- sista\n");
  REQUIRE(blocks.size() == 4);
  CHECK(blocks[0].marker == "•");  // the outer item's marker on a line of its own
  CHECK(blocks[0].markup.empty());
  CHECK(blocks[1].marker == "•");
  CHECK(blocks[1].markup == "inre");
  CHECK(blocks[1].depth == 2);
  CHECK(blocks[2].marker == "•");  // the empty item
  CHECK(blocks[2].markup.empty());
  CHECK(blocks[3].markup == "sista");
}

TEST_CASE("notes: raw HTML is dropped, text that looks like HTML stays", "[pdf][markup]") {
  const auto blocks = markdownToBlocks(
      "<script>alert(1)</script>\n\nInline <b>html</b> och <span foreground='red'>röd</span>."
      "\n\na < b & c > d, \\<i\\> och &amp;lt;");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].markup == "Inline html och röd.");
  CHECK(blocks[1].markup == "a &lt; b &amp; c &gt; d, &lt;i&gt; och &amp;lt;");
}

TEST_CASE("notes: links keep their text and show a web address", "[pdf][markup]") {
  const auto blocks = markdownToBlocks(
      "[webb](https://example.se/a?b=1&c=2), [https://x.se](https://x.se), "
      "[skript](javascript:alert(1)), [post](mailto:a@b.se), "
      "[a@b.se](mailto:a@b.se), ![bild](data:image/png;base64,AA)");
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].markup ==
        "webb (https://example.se/a?b=1&amp;c=2), https://x.se, skript, post (mailto:a@b.se), "
        "a@b.se, [bild]");
}

TEST_CASE("notes: blank notes give no blocks", "[pdf][markup]") {
  CHECK(markdownToBlocks("").empty());
  CHECK(markdownToBlocks(" \n\t\r\n").empty());
  CHECK(markdownToBlocks("<!-- bara en kommentar -->").empty());
}

TEST_CASE("notes nested deeper than real notes are printed as plain text", "[pdf][markup]") {
  const std::string deep = std::string(100, '>') + " <b>a</b> & *b*";
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += "&gt;";
  expected += " &lt;b&gt;a&lt;/b&gt; &amp; *b*";
  const auto blocks = markdownToBlocks(deep);
  REQUIRE(blocks.size() == 1);
  CHECK(blocks[0].markup == expected);
}

TEST_CASE("the markup of hostile notes always parses", "[pdf][markup][hostile]") {
  for (const auto& input : sv::minutes::test::hostileCorpus()) {
    INFO(input.name);
    for (const NoteBlock& block : markdownToBlocks(input.text.substr(0, 100'000))) {
      const bool valid = isValidMarkup(block.markup);
      CHECK(valid);
      if (!valid) break;
    }
  }
}

}  // namespace SV_TEST_FILE
