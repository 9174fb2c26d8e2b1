// The protocol page around the article (minutes/render_page.hpp): its "Bilagor", and the Swedish
// words it and the report share (an attachment's size, the report's kind).
#include <catch2/catch.hpp>

#include "minutes/labels.hpp"
#include "minutes/render_page.hpp"
#include "minutes/report.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::minutes;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the page lists the attachments after the article, escaped", "[minutes][page]") {
  const std::string sha(64, 'c');
  const std::string page = renderPage(
      {.title = "Protokoll <Eken>",
       .article = "<article class=\"protocol\">x</article>\n",
       .attachments = {{"plan <b>&</b>.pdf", "application/pdf", 1234567, sha, "Protokollet"},
                       {"bild.png", "image/png", 12, sha, "Mötet"}}});
  INFO(page);
  CHECK(has(page, "<title>Protokoll &lt;Eken&gt;</title>"));
  CHECK(has(page, "</article>\n<section class=\"protocol protocol-attachments\""));
  CHECK(has(page, "<h2 id=\"bilagor\">Bilagor</h2>"));
  CHECK(has(page,
            "<th scope=\"row\">plan &lt;b&gt;&amp;&lt;/b&gt;.pdf</th><td>Protokollet</td>"
            "<td>1 234 567 byte</td><td><code>" +
                sha + "</code></td>"));
  CHECK(has(page, "<th scope=\"row\">bild.png</th><td>Mötet</td><td>12 byte</td>"));
  CHECK_FALSE(has(page, "Inga bilagor."));
  CHECK_FALSE(has(page, "<b>&</b>"));
}

TEST_CASE("a page without attachments says so", "[minutes][page]") {
  const std::string page = renderPage({.title = "P", .article = "<article></article>\n"});
  CHECK(has(page, "<h2 id=\"bilagor\">Bilagor</h2>\n<p>Inga bilagor.</p>\n</section>\n</main>"));
  CHECK_FALSE(has(page, "<table>"));
}

TEST_CASE("an attachment's size is exact bytes grouped by three", "[minutes][labels]") {
  using detail::sizeLabel;
  CHECK(sizeLabel(0) == "0 byte");
  CHECK(sizeLabel(999) == "999 byte");
  CHECK(sizeLabel(1000) == "1 000 byte");
  CHECK(sizeLabel(48213) == "48 213 byte");
  CHECK(sizeLabel(1048576) == "1 048 576 byte");
  CHECK(sizeLabel(26214400) == "26 214 400 byte");
  CHECK(sizeLabel(-5) == "0 byte");
}

TEST_CASE("the report's kind in Swedish", "[minutes][report]") {
  CHECK(swedishKind(ReportKind::Operational) == "Verksamhetsuppföljning");
  CHECK(swedishKind(ReportKind::Contract) == "Avtalsuppföljning");
}

}  // namespace SV_TEST_FILE
