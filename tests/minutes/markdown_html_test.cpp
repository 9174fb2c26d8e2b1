#include <catch2/catch.hpp>

#include "hostile_corpus.hpp"
#include "minutes/markdown_html.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::minutes;
using test::unsafeHtmlReason;

TEST_CASE("notes become HTML without raw HTML", "[minutes][markdown]") {
  CHECK(markdownToSafeHtml("Hej **du**") == "<p>Hej <strong>du</strong></p>\n");
  CHECK(markdownToSafeHtml("") == "");
  const std::string html = markdownToSafeHtml(
      "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> slut\n\n"
      "<div onclick=\"x()\">\nblock\n</div>\n");
  CHECK(html == "<p>Text  slut</p>\n");
  CHECK(unsafeHtmlReason(html).empty());
}

TEST_CASE("links with script URLs lose their target", "[minutes][markdown]") {
  for (const char* input : {
           "[x](javascript:alert(1))",
           "[x](JavaScript:alert(1))",
           "[x](java&#x73;cript:alert(1))",
           "[x](<javascript:alert(1)>)",
           "<javascript:alert(1)>",
           "![x](javascript:alert(1))",
           "[x](vbscript:msgbox(1))",
           "[x](data:text/html;base64,PHNjcmlwdD4=)",
           "[x][r]\n\n[r]: javascript:alert(1)",
       }) {
    INFO(input);
    const std::string html = markdownToSafeHtml(input);
    const std::string lowered = test::lower(html);
    CHECK(lowered.find("=\"javascript:") == std::string::npos);
    CHECK(lowered.find("=\"vbscript:") == std::string::npos);
    CHECK(lowered.find("=\"data:text") == std::string::npos);
    CHECK(unsafeHtmlReason(html).empty());
  }
  CHECK(markdownToSafeHtml("[x](https://example.se/a?b=1&c=2)") ==
        "<p><a href=\"https://example.se/a?b=1&amp;c=2\">x</a></p>\n");
}

TEST_CASE("headings can be demoted", "[minutes][markdown]") {
  CHECK(markdownToSafeHtml("# Ett\n\n## Två\n\nText\n===\n", 2) ==
        "<h3>Ett</h3>\n<h4>Två</h4>\n<h3>Text</h3>\n");
  CHECK(markdownToSafeHtml("##### Fem\n###### Sex", 2) == "<h6>Fem</h6>\n<h6>Sex</h6>\n");
  CHECK(markdownToSafeHtml("# Ett") == "<h1>Ett</h1>\n");
}

TEST_CASE("ill-formed UTF-8 is replaced", "[minutes][markdown]") {
  CHECK(markdownToSafeHtml("a\xff"
                           "b") ==
        "<p>a\xEF\xBF\xBD"
        "b</p>\n");
}

TEST_CASE("hostile inputs finish and stay safe", "[minutes][markdown][hostile]") {
  for (const auto& input : test::hostileCorpus()) {
    INFO(input.name);
    const std::string html = markdownToSafeHtml(input.text, 2);
    CHECK(unsafeHtmlReason(html).empty());
  }
}

}  // namespace SV_TEST_FILE
