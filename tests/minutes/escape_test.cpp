#include <catch2/catch.hpp>

#include "minutes/escape.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::minutes::detail;

TEST_CASE("Markdown escaping of plain text", "[minutes][escape]") {
  CHECK(escapeMarkdownInline("Omsorg & Co AB") == "Omsorg & Co AB");
  CHECK(escapeMarkdownInline("&amp; &#60;") == "\\&amp; \\&\\#60;");
  CHECK(escapeMarkdownInline("1. punkt") == "1\\. punkt");
  CHECK(escapeMarkdownInline("2026-03-12") == "2026-03-12");
  CHECK(escapeMarkdownInline("- lista") == "\\- lista");
  CHECK(escapeMarkdownInline("a | b") == "a \\| b");
  CHECK(escapeMarkdownInline("# rubrik #") == "\\# rubrik \\#");
  CHECK(escapeMarkdownInline("*fet* _kursiv_ `kod` [länk](x) <b> ~~s~~ \\") ==
        "\\*fet\\* \\_kursiv\\_ \\`kod\\` \\[länk\\](x) \\<b\\> \\~\\~s\\~\\~ \\\\");
  CHECK(escapeMarkdownInline("  rad ett\n\n   rad\ttvå  ") == "rad ett rad två");
  CHECK(escapeMarkdownInline("trasig \xff") == "trasig \xEF\xBF\xBD");
}

TEST_CASE("Markdown escaping of multi-line text in a list item", "[minutes][escape]") {
  CHECK(escapeMarkdownBlock("Första raden\n# andra\n\n\n    ```\n= tredje  ", "  ") ==
        "Första raden\n  \\# andra\n\n  \\`\\`\\`\n  \\= tredje");
}

TEST_CASE("HTML escaping", "[minutes][escape]") {
  CHECK(escapeHtml("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(escapeHtmlLines("ett\r\ntvå\n<tre>") == "ett<br>\ntvå<br>\n&lt;tre&gt;");
  CHECK(escapeHtml("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace SV_TEST_FILE
