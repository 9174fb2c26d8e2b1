// The yearly summary's record on its page (/arsrapport, issue 15 point 4) through forms, as a
// person without JavaScript uses it: Södermalm's contract manager writes the text, sends it (asked
// first), the director's empty return is refused in Swedish and changes nothing, a return with a
// comment comes back to the writer, the director approves the version on the page, the
// registrar registers it (asked first). The provider's page has no part of the record; the forms
// refuse a post without the CSRF token.
#include <catch2/catch.hpp>

#include <regex>

#include "support/browser_session.hpp"
#include "support/json.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

// The year's value in the page's forms: the record's actions carry ?ar=.
std::string versionOnPage(const std::string& html) {
  const std::string marker = "name=\"version\" value=\"";
  const auto at = html.find(marker);
  REQUIRE(at != std::string::npos);
  const auto start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

}  // namespace

TEST_CASE("annual record pages: written, sent, returned, approved and registered by forms",
          "[server][annual][annual_record]") {
  TempDir dir;
  ServerProcess server(dir.path() / "data", {}, true);
  const Browser sofia(server, "sofia.soder");
  const Browser stina(server, "stina.chef");
  const Browser rolf(server, "rolf.register");
  const Browser hanna(server, "hanna.hemtjanst");

  auto start = sofia.get("/arsrapport");
  REQUIRE(start.status == 200);
  CHECK(contains(start.body, "Rapportens text är inte påbörjad."));
  CHECK(contains(start.body, "Skriv rapportens text"));
  CHECK_FALSE(contains(stina.get("/arsrapport").body, "Skriv rapportens text"));
  // The provider sees its part of the figures, nothing of the record.
  auto own = hanna.get("/arsrapport");
  REQUIRE(own.status == 200);
  CHECK_FALSE(contains(own.body, "Rapporten till nämnden"));
  CHECK(hanna.get("/arsrapport/text").status == 404);

  // The text's form; a bell character is refused with the Swedish message and what was typed.
  auto form = sofia.get("/arsrapport/text");
  REQUIRE(form.status == 200);
  auto bad = sofia.post(
      "/arsrapport/text",
      {{"version", ""}, {"summary", "Året\x07"}, {"assessment", "Bra."}, {"proposal", "Godkänn."}});
  CHECK(bad.status == 422);
  CHECK(contains(bad.body, "aria-invalid=\"true\""));
  CHECK(contains(bad.body, "Bra."));
  CHECK(contains(sofia.get("/arsrapport").body, "Rapportens text är inte påbörjad."));
  auto saved =
      sofia.post("/arsrapport/text",
                 {{"version", ""},
                  {"summary", "Året i korthet: **alla** möten hölls."},
                  {"assessment", "Utföraren uppfyller kraven."},
                  {"proposal", "Nämnden föreslås godkänna <script>x</script> rapporten."}});
  REQUIRE(saved.status == 303);
  auto page = sofia.get(saved.header("location").substr(0, saved.header("location").find('#')));
  CHECK(contains(page.body, "Årsrapportens text är sparad."));
  CHECK(contains(page.body, "<strong>alla</strong>"));
  CHECK_FALSE(contains(page.body, "<script>x</script>"));  // raw HTML dropped, safe mode

  // Sending is asked first; only the confirmed post sends it.
  auto asked = sofia.post("/arsrapport/lamna", {});
  CHECK(asked.status == 200);
  CHECK(contains(asked.body, "Vill du lämna årsrapporten för godkännande?"));
  CHECK(contains(sofia.get("/arsrapport").body, "Utkast: avtalsansvarig skriver"));
  CHECK(sofia.post("/arsrapport/lamna", {{"confirm", "ja"}}, false).status == 403);  // no CSRF
  REQUIRE(sofia.post("/arsrapport/lamna", {{"confirm", "ja"}}).status == 303);
  CHECK(contains(sofia.get("/arsrapport").body, "Lämnad för godkännande"));

  // The director: an empty return is refused in Swedish and changes nothing.
  auto empty = stina.post("/arsrapport/skicka-tillbaka", {{"comment", " "}});
  CHECK(empty.status == 422);
  CHECK(contains(empty.body, "id=\"return-error\""));
  CHECK(contains(stina.get("/arsrapport").body, "Lämnad för godkännande"));
  REQUIRE(
      stina.post("/arsrapport/skicka-tillbaka", {{"comment", "Jämför med förra året."}}).status ==
      303);
  auto back = sofia.get("/arsrapport");
  CHECK(contains(back.body, "Jämför med förra året."));
  CHECK(contains(back.body, "Ändra rapportens text"));
  REQUIRE(sofia.post("/arsrapport/lamna", {{"confirm", "ja"}}).status == 303);

  // The director approves the version on the page; the registrar registers it, asked first.
  auto review = stina.get("/arsrapport");
  REQUIRE(stina.post("/arsrapport/godkann", {{"version", versionOnPage(review.body)}}).status ==
          303);
  CHECK(contains(rolf.get("/arsrapport").body, "Väntar på diarieföring."));
  CHECK(contains(rolf.post("/arsrapport/diariefor", {}).body, "Vill du diarieföra årsrapporten?"));
  REQUIRE(rolf.post("/arsrapport/diariefor", {{"confirm", "ja"}}).status == 303);
  auto registered = sofia.get("/arsrapport");
  CHECK(contains(registered.body, "Diarieförd som"));
  CHECK_FALSE(contains(registered.body, "Ändra rapportens text"));
  // The archival package is offered once registered, and is a zip.
  CHECK(contains(registered.body, "Ladda ned arkivpaketet (zip)"));
  CHECK_FALSE(contains(review.body, "Ladda ned arkivpaketet"));
  const auto href = registered.body.find("/api/v1/reports/annual/archive?authority=");
  REQUIRE(href != std::string::npos);
  const auto link = registered.body.substr(href, registered.body.find('"', href) - href);
  const auto zip = rolf.get(std::regex_replace(link, std::regex("&amp;"), "&"));
  CHECK(zip.status == 200);
  CHECK(zip.body.starts_with("PK"));
  // Registered: the text's form is closed.
  CHECK(sofia.get("/arsrapport/text").status == 409);
}

}  // namespace SV_TEST_FILE
