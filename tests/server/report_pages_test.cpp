// The follow-up report's pages against the real binary with the demo data (issue 13 point 7):
// the contract manager starts a report on the contract's page and assesses it in the edit form,
// the provider fact-checks it, the manager answers the comment and finalizes, the registrar
// registers after a confirmation; every page for each of the three people, another provider's
// 404, a form without its CSRF token refused, and bad input answered in Swedish with nothing
// changed.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/browser_session.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv::test;

namespace {

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every first group of `pattern` in `text`, in order.
std::vector<std::string> all(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

std::string first(const std::string& text, const std::string& pattern) {
  const auto found = all(text, pattern);
  REQUIRE_FALSE(found.empty());
  return found.front();
}

// The demo's contract of Linnégården (vård- och omsorgsboende), as its manager sees it.
std::string demoContractPath(const Browser& anna) {
  const auto page = anna.get("/avtal");
  REQUIRE(page.status == 200);
  return first(page.body, R"re(href="(/avtal/[0-9]+)")re");
}

// The report's edit form, every area assessed as meeting the requirements, with `extra` fields.
std::vector<std::pair<std::string, std::string>> assessedForm(
    const std::string& editPage, std::vector<std::pair<std::string, std::string>> extra = {}) {
  std::vector<std::pair<std::string, std::string>> fields{
      {"version", first(editPage, R"re(name="version" value="([0-9a-f]+)")re")},
      {"method", "Dialogmöte, intervjuer och granskning av genomförandeplaner."},
      {"visits-0-date", "2026-03-02"},
      {"visits-0-announced", "nej"},
      {"visits-0-note", "Oanmält besök kväll"}};
  for (const auto& name : all(editPage, R"re(name="(areas-[0-9]+-assessment)")re"))
    fields.emplace_back(name, "meets");
  for (auto& f : extra) fields.push_back(std::move(f));
  return fields;
}

}  // namespace

TEST_CASE("report pages: started, assessed, fact-checked, answered, finalized and registered",
          "[server][web][report_pages]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const Browser anna(server, "anna.avtal");
  const Browser ulla(server, "ulla.utforare");
  const Browser rita(server, "rita.registrator");
  const Browser nils(server, "nils.norr");
  const std::string contract = demoContractPath(anna);

  // The contract's page has the section and, for its manager only, the start form.
  const auto contractPage = anna.get(contract);
  REQUIRE(contractPage.status == 200);
  CHECK(has(contractPage.body, "Uppföljningar"));
  CHECK(has(contractPage.body, "action=\"" + contract + "/uppfoljningar\""));
  CHECK_FALSE(has(ulla.get(contract).body, "action=\"" + contract + "/uppfoljningar\""));
  CHECK(has(anna.get("/uppfoljningar").body, "id=\"inga-uppfoljningar\""));
  const std::string year =
      first(contractPage.body, R"re(id="report_year"[^>]*value="([0-9]{4})")re");

  // Without the CSRF token nothing is started; a year out of range is refused in Swedish.
  CHECK(anna.post(contract + "/uppfoljningar", {{"kind", "operational"}, {"year", year}}, false)
            .status == 403);
  const auto badYear =
      anna.post(contract + "/uppfoljningar", {{"kind", "operational"}, {"year", "1999"}});
  INFO(badYear.body);
  CHECK(badYear.status == 422);
  CHECK(has(badYear.body, "Kontrollera fältet År."));
  CHECK(has(badYear.body, "value=\"1999\""));
  CHECK(has(anna.get("/uppfoljningar").body, "id=\"inga-uppfoljningar\""));

  const auto started =
      anna.post(contract + "/uppfoljningar", {{"kind", "operational"}, {"year", year}});
  REQUIRE(started.status == 303);
  const std::string report =
      first(started.header("location"), R"re(^(/uppfoljningar/[0-9]+)/redigera)re");
  CHECK(has(anna.get("/uppfoljningar").body, "href=\"" + report + "\""));
  CHECK(nils.get(report).status == 404);
  CHECK(nils.get(report + "/redigera").status == 404);

  // The edit form: a due date that is no date is refused in Swedish and nothing is saved.
  const auto edit = anna.get(report + "/redigera");
  INFO(edit.body);
  REQUIRE(edit.status == 200);
  CHECK(has(edit.body, "Ännu inte bedömt"));
  CHECK(has(edit.body, "Oanmält"));
  const auto before = anna.get(report).body;
  const auto refused = anna.post(
      report + "/redigera",
      assessedForm(edit.body, {{"areas-0-improvements-0-text", "Rutin för signering"},
                               {"areas-0-improvements-0-due_date", "snart"},
                               {"areas-0-improvements-0-responsible_party", "provider"}}));
  CHECK(refused.status == 422);
  CHECK(has(refused.body, "Klart senast för förbättring 1 i område 1"));
  CHECK(has(refused.body, "Rutin för signering"));  // what was typed is kept
  CHECK(first(anna.get(report).body, R"re(<code>([0-9a-f]{7})</code>)re") ==
        first(before, R"re(<code>([0-9a-f]{7})</code>)re"));
  // A draft is the authority's own until it is sent: the provider does not find it at all.
  CHECK(ulla.post(report + "/redigera", assessedForm(edit.body)).status == 404);

  const auto saved = anna.post(
      report + "/redigera",
      assessedForm(edit.body, {{"areas-0-findings", "**Brister** i <script>signering</script>"},
                               {"areas-0-improvements-0-text", "Rutin för signering"},
                               {"areas-0-improvements-0-due_date", "2026-12-31"},
                               {"areas-0-improvements-0-responsible_party", "provider"}}));
  REQUIRE(saved.status == 303);
  const auto assessed = anna.get(report);
  CHECK(has(assessed.body, "Uppfyller kraven"));
  CHECK(has(assessed.body, "<strong>Brister</strong>"));
  CHECK_FALSE(has(assessed.body, "<script>signering"));
  CHECK(has(assessed.body, "Oanmält besök kväll"));

  // Sent for fact-check: every person sees the page; the provider has the form.
  REQUIRE(anna.post(report + "/skicka", {}).status == 303);
  const auto forProvider = ulla.get(report);
  REQUIRE(forProvider.status == 200);
  CHECK(has(forProvider.body, "Faktagranskning"));
  CHECK(has(forProvider.body, "Sakfel eller kommentar"));
  CHECK(has(ulla.get("/").body, "Uppföljningar att faktagranska"));
  CHECK(rita.get(report).status == 200);
  CHECK(nils.get(report).status == 404);
  const auto areaField = first(forProvider.body, R"re(name="(factcheck-[a-z_0-9]+)")re");

  // "Skicka synpunkter" with nothing written, and "Inga synpunkter" with text, change nothing.
  const auto empty = ulla.post(report + "/faktagranskning", {{"answer", "synpunkter"}});
  CHECK(empty.status == 422);
  CHECK(has(empty.body, "välj Inga synpunkter"));
  const auto mixed =
      ulla.post(report + "/faktagranskning", {{"answer", "inga"}, {areaField, "Fel datum"}});
  CHECK(mixed.status == 422);
  CHECK(has(mixed.body, "Fel datum"));
  CHECK(has(ulla.get(report).body, "Sakfel eller kommentar"));

  const std::string comment = "Besöket var den 3 mars, inte den 2 mars.";
  REQUIRE(ulla.post(report + "/faktagranskning", {{"answer", "synpunkter"}, {areaField, comment}})
              .status == 303);
  const auto answered = anna.get(report);
  CHECK(has(answered.body, "Besvarad"));
  CHECK(has(answered.body, "Besöket var den 3 mars"));
  CHECK(has(anna.get("/").body, "synpunkter att besvara"));
  const auto commentId = first(answered.body, R"re(id="synpunkt-([0-9]+)")re");
  const std::string answerPath = report + "/synpunkter/" + commentId + "/svar";

  // Finalizing with the comment open, or an empty answer, is refused in Swedish.
  const auto early = anna.post(report + "/slutlig", {});
  CHECK(early.status == 409);
  CHECK(has(early.body, "Besvara varje synpunkt"));
  const auto blank = anna.post(answerPath, {{"answer", " "}});
  CHECK(blank.status == 422);
  CHECK(ulla.post(answerPath, {{"answer", "Jag svarar själv"}}).status == 403);
  REQUIRE(anna.post(answerPath, {{"answer", "Datumet är rättat."}}).status == 303);
  CHECK(has(ulla.get(report).body, "Datumet är rättat."));

  // A supplement: a due date that is no date is refused in Swedish; the provider sends it; a
  // decision without a reason is refused.
  const auto area = first(answered.body, R"re(<option value="([a-z_0-9]+)")re");
  const auto noDate =
      anna.post(report + "/kompletteringar",
                {{"area", area}, {"request", "Skicka schemat."}, {"due_on", "snart"}});
  CHECK(noDate.status == 422);
  CHECK(has(noDate.body, "Kontrollera fältet Senast."));
  CHECK_FALSE(has(noDate.body, "id=\"komplettering-1\""));
  REQUIRE(anna.post(report + "/kompletteringar",
                    {{"area", area}, {"request", "Skicka schemat."}, {"due_on", "2099-01-31"}})
              .status == 303);
  CHECK(has(ulla.get("/").body, "Begärda kompletteringar"));
  REQUIRE(ulla.post(report + "/kompletteringar/1/skicka", {{"text", "Schemat för mars."}}).status ==
          303);
  const auto noReason =
      anna.post(report + "/kompletteringar/1/besluta", {{"assessment", "meets"}, {"reason", ""}});
  CHECK(noReason.status == 422);
  CHECK(has(noReason.body, "Kontrollera fältet Motivering."));
  REQUIRE(anna.post(report + "/kompletteringar/1/besluta",
                    {{"assessment", "meets"}, {"reason", "Schemat visar bemanningen."}})
              .status == 303);
  CHECK(has(ulla.get(report).body, "Schemat visar bemanningen."));

  REQUIRE(anna.post(report + "/slutlig", {}).status == 303);
  CHECK(has(rita.get("/").body, "Slutliga uppföljningar att diarieföra"));
  CHECK(ulla.post(report + "/diariefor", {{"confirm", "ja"}}).status == 403);
  const auto ask = rita.post(report + "/diariefor", {});
  CHECK(ask.status == 200);
  CHECK(has(ask.body, "Vill du diarieföra rapporten?"));
  REQUIRE(rita.post(report + "/diariefor", {{"confirm", "ja"}}).status == 303);
  const auto registered = ulla.get(report);
  CHECK(has(registered.body, "Diarieförd"));
  CHECK(has(registered.body, "<dt>Diarienummer</dt>"));
  CHECK(anna.get(report + "/redigera").status == 409);
}

}  // namespace SV_TEST_FILE
