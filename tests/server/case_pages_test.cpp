// The event-driven case's pages against the real binary with the demo data (issue 14): the
// contract manager opens a complaint case from the contract's page (a bad form answered in
// Swedish with nothing created), finds it in the list by its filters, analyses it and asks for an
// action plan; the provider writes the plan in its form (a bad row and a save on an old version
// refused with the text kept) and sends it; the manager returns it with a comment on a point after
// a confirmation, the provider revises it, the manager accepts it and its point is an action.
// Another provider finds no such case. The start page counts the overdue cases.
#include <catch2/catch.hpp>

#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <chrono>
#include <regex>
#include <string>
#include <vector>

#include "server/store/cases.hpp"
#include "server/store/store.hpp"
#include "support/browser_session.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "workflows/stockholm_time.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;

namespace {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// The page's upload form as a browser posts it: the CSRF token, where the file goes, the file.
HttpResult upload(const Browser& b, const std::string& path, const std::string& to,
                  const std::string& fileName, const std::string& bytes) {
  const std::string boundary = "----samverkan-case-pages-4b2e";
  const auto part = [&](const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
           value + "\r\n";
  };
  std::string body = part("csrf_token", b.csrf) + part("till", to);
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
          fileName + "\"\r\nContent-Type: text/plain\r\n\r\n" + bytes + "\r\n";
  body += "--" + boundary + "--\r\n";
  return b.server.request("POST", path, body, {{"Cookie", b.cookie}},
                          "multipart/form-data; boundary=" + boundary);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string first(const std::string& text, const std::string& pattern) {
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex(pattern)));
  return m[1];
}

std::string day(int plusDays) {
  const auto now = std::chrono::system_clock::now() + std::chrono::days{plusDays};
  return formatDate(toStockholm(now).date);
}

// The demo's contract of Linnégården, as its manager sees it.
std::string demoContractPath(const Browser& anna) {
  const auto page = anna.get("/avtal");
  REQUIRE(page.status == 200);
  return first(page.body, R"re(href="(/avtal/[0-9]+)")re");
}

FormFields complaint(const std::string& title) {
  return {{"trigger", "complaints"},
          {"title", title},
          {"description", "En anhörig beskriver att **ingen** svarade på larmet."},
          {"occurred_on", day(-3)},
          {"urgency", "normal"}};
}

// The plan form's fields: the version it was loaded from and one point.
FormFields planFields(const std::string& version, const std::string& id, const std::string& text,
                  const std::string& responsible) {
  return {{"version", version},
          {"summary", "Orsak: vakanser nattetid."},
          {"items-0-id", id},
          {"items-0-text", text},
          {"items-0-responsible", responsible},
          {"items-0-due_date", day(60)},
          {"items-1-id", ""},
          {"items-1-text", ""},
          {"items-1-responsible", ""},
          {"items-1-due_date", ""}};
}

std::string versionOf(const std::string& planPage) {
  return first(planPage, R"re(name="version" value="([0-9a-f]*)")re");
}

}  // namespace

TEST_CASE("case pages: opened, listed, analysed, a plan written, returned, revised and accepted",
          "[server][web][case_pages]") {
  TempDir dir;
  ServerProcess server{dir.path() / "data", {}, true};
  const Browser anna(server, "anna.avtal");
  const Browser ulla(server, "ulla.utforare");
  const Browser nils(server, "nils.norr");
  const Browser lars(server, "lars.lasare");
  const std::string contract = demoContractPath(anna);

  // The navigation leads to the list; the contract's page has the open form for its manager only.
  CHECK(has(anna.get("/").body, "href=\"/arenden\""));
  CHECK(has(anna.get("/arenden").body, "id=\"inga-arenden\""));
  const auto contractPage = anna.get(contract);
  CHECK(has(contractPage.body, "id=\"arenden-rubrik\">Ärenden<"));
  CHECK(has(contractPage.body, "action=\"" + contract + "/arenden\""));
  CHECK(has(contractPage.body, "Klagomål och synpunkter"));
  CHECK_FALSE(has(ulla.get(contract).body, "action=\"" + contract + "/arenden\""));

  // A bad form: answered in Swedish with what was typed kept, and nothing opened.
  auto noTitle = complaint("");
  const auto refused = anna.post(contract + "/arenden", noTitle);
  INFO(refused.body);
  CHECK(refused.status == 422);
  CHECK(has(refused.body, "Kontrollera fältet Rubrik. Ange en rubrik."));
  CHECK(has(refused.body,
            "id=\"case_title\" name=\"title\" type=\"text\" maxlength=\"200\" "
            "value=\"\" aria-invalid=\"true\""));
  CHECK(has(refused.body, "svarade på larmet."));
  auto future = complaint("Klagomål i framtiden");
  future[3].second = day(5);
  const auto later = anna.post(contract + "/arenden", future);
  CHECK(later.status == 422);
  CHECK(has(later.body, "Kontrollera fältet När det hände."));
  CHECK(has(anna.get("/arenden").body, "id=\"inga-arenden\""));
  // The provider cannot open a case.
  CHECK(ulla.post(contract + "/arenden", complaint("Utförarens försök")).status == 403);
  CHECK(has(anna.get("/arenden").body, "id=\"inga-arenden\""));

  const auto opened = anna.post(contract + "/arenden", complaint("Klagomål på nattbemanningen"));
  REQUIRE(opened.status == 303);
  const std::string location = opened.header("location");
  REQUIRE(std::regex_match(location, std::regex(R"(/arenden/[0-9]+\?klart=oppnat)")));
  const std::string casePath = location.substr(0, location.find('?'));
  const auto page = anna.get(location);
  REQUIRE(page.status == 200);
  CHECK(has(page.body, "Ärendet är öppnat."));
  CHECK(has(page.body, "Material inhämtas"));
  CHECK(has(page.body, "Klagomål och synpunkter"));
  CHECK(has(page.body, "<strong>ingen</strong>"));  // the description through the safe renderer
  CHECK(has(page.body, "Ärendet öppnades"));

  // The list by its filters.
  CHECK(has(anna.get("/arenden").body, "Klagomål på nattbemanningen"));
  CHECK(has(anna.get("/arenden?orsak=complaints&lage=collecting").body,
            "Klagomål på nattbemanningen"));
  const auto otherTrigger = anna.get("/arenden?orsak=deviations");
  CHECK(has(otherTrigger.body, "Inga ärenden passar urvalet."));
  CHECK_FALSE(has(otherTrigger.body, "Klagomål på nattbemanningen"));
  CHECK_FALSE(has(anna.get("/arenden?akut=ja").body, "Klagomål på nattbemanningen"));
  CHECK(has(anna.get("/arenden?akut=nej").body, "Klagomål på nattbemanningen"));
  CHECK_FALSE(has(anna.get("/arenden?forsenade=ja").body, "Klagomål på nattbemanningen"));
  CHECK(has(anna.get("/arenden?sida=9").body, "Sidan finns inte: det finns 1 ärende."));
  CHECK(has(ulla.get("/arenden").body, "Klagomål på nattbemanningen"));
  CHECK_FALSE(has(nils.get("/arenden").body, "Klagomål på nattbemanningen"));

  // The reader reads the case and has no forms; the provider has none of the authority's.
  const auto read = lars.get(casePath);
  CHECK(read.status == 200);
  CHECK(has(read.body, "href=\"/arenden\""));
  CHECK_FALSE(has(read.body, "id=\"gora\""));
  CHECK_FALSE(has(read.body, "<form class=\"form\" method=\"post\" action=\"" + casePath));
  CHECK_FALSE(has(ulla.get(casePath).body, "id=\"gora\""));
  CHECK(has(anna.get(casePath).body, "id=\"gora\""));

  // Another provider finds no such case, nor its plan form.
  CHECK(nils.get(casePath).status == 404);
  CHECK(nils.get(casePath + "/atgardsplan").status == 404);
  CHECK(nils.post(casePath + "/atgardsplan", planFields("", "", "Försök", "Nils")).status == 404);

  // Marked acute with why: the leadership is told, and the list's filter finds it.
  const auto why = anna.post(casePath + "/akut", {{"text", ""}});
  CHECK(why.status == 422);
  CHECK(has(why.body, "Kontrollera fältet Varför ärendet är akut."));
  CHECK_FALSE(has(anna.get(casePath).body, "id=\"besked\""));
  REQUIRE(anna.post(casePath + "/akut", {{"text", "Fler anhöriga hör av sig."}}).status == 303);
  const auto acute = anna.get(casePath);
  CHECK(has(acute.body, "id=\"besked\""));
  CHECK(has(acute.body, "(Förvaltningschef)"));
  CHECK(has(acute.body, "(Nämndsekreterare)"));
  CHECK(has(anna.get("/arenden?akut=ja").body, "Klagomål på nattbemanningen"));

  // The manager writes a note, starts the analysis and asks for a plan; a missing analysis first.
  CHECK(anna.post(casePath + "/anteckningar", {{"text", "Samtal med enhetschefen."}}).status ==
        303);
  CHECK(anna.post(casePath + "/analys/starta", {}).status == 303);
  const auto noText = anna.post(casePath + "/analys",
                                {{"outcome", "not_ok"}, {"text", ""}, {"plan_due_on", day(30)}});
  CHECK(noText.status == 422);
  CHECK(has(noText.body, "Kontrollera fältet Analys."));
  CHECK(has(noText.body, "id=\"analysis_text\" name=\"text\" rows=\"5\" aria-invalid=\"true\""));
  const auto asked = anna.post(
      casePath + "/analys",
      {{"outcome", "not_ok"}, {"text", "Bemanningen räcker inte."}, {"plan_due_on", day(30)}});
  REQUIRE(asked.status == 303);
  CHECK(has(anna.get(casePath).body, "Åtgärdsplan begärd"));
  // The manager writes no plan.
  CHECK(anna.get(casePath + "/atgardsplan").status == 403);

  // Files: the manager's material on the case, the provider's on the plan while it is asked for;
  // a file of a type not allowed is refused in Swedish; another provider finds no case.
  CHECK(upload(anna, casePath + "/bilagor", "arende", "samtal.txt", "Samtal med MAS.\n").status ==
        303);
  CHECK(upload(ulla, casePath + "/bilagor", "atgardsplan", "schema.txt", "Schema mars.\n").status ==
        303);
  const auto html = upload(anna, casePath + "/bilagor", "arende", "sida.txt",
                           "<!DOCTYPE html><html><body>x</body></html>");
  CHECK(html.status == 422);
  CHECK(has(html.body, "Filen kan inte bifogas."));
  CHECK(upload(nils, casePath + "/bilagor", "atgardsplan", "n.txt", "Nils.\n").status == 404);
  const auto files = ulla.get(casePath);
  CHECK(std::regex_search(
      files.body,
      std::regex(R"re(href="/bilagor/[0-9]+" download>samtal\.txt</a></td><td>Ärendet<)re")));
  CHECK(std::regex_search(
      files.body,
      std::regex(R"re(href="/bilagor/[0-9]+" download>schema\.txt</a></td><td>Åtgärdsplanen<)re")));
  CHECK_FALSE(has(files.body, "sida.txt"));
  const std::string download = first(files.body, R"re(href="(/bilagor/[0-9]+)" download>samtal)re");
  const auto got = ulla.get(download);
  CHECK(got.status == 200);
  CHECK(got.body == "Samtal med MAS.\n");
  CHECK(nils.get(download).status == 404);

  // The provider's plan: a row without a responsible person is refused and kept, then saved.
  const auto form = ulla.get(casePath + "/atgardsplan");
  REQUIRE(form.status == 200);
  CHECK(versionOf(form.body).empty());
  const auto noOne =
      ulla.post(casePath + "/atgardsplan", planFields("", "", "Anställ två nattsköterskor.", ""));
  CHECK(noOne.status == 422);
  CHECK(has(noOne.body, "Kontrollera fältet Ansvarig för åtgärd 1."));
  CHECK(has(noOne.body, "Anställ två nattsköterskor."));
  CHECK(has(noOne.body,
            "id=\"items-0-responsible\" name=\"items-0-responsible\" type=\"text\" "
            "maxlength=\"200\" value=\"\" aria-invalid=\"true\""));
  CHECK_FALSE(has(ulla.get(casePath).body, "Anställ två nattsköterskor."));
  const auto saved = ulla.post(casePath + "/atgardsplan",
                               planFields("", "", "Anställ två nattsköterskor.", "Enhetschef"));
  REQUIRE(saved.status == 303);
  CHECK(has(saved.header("location"), "klart=sparad"));
  const auto savedForm = ulla.get(casePath + "/atgardsplan");
  const std::string v1 = versionOf(savedForm.body);
  REQUIRE(v1.size() == 40);
  const std::string pointId = first(savedForm.body, R"re(name="items-0-id" value="(p[0-9]+)")re");
  // A save from the version before (none) changes nothing and keeps the editor's text.
  const auto stale =
      ulla.post(casePath + "/atgardsplan", planFields("", "", "Min äldre text.", "Enhetschef"));
  CHECK(stale.status == 409);
  CHECK(has(stale.body, "Min äldre text."));
  CHECK(has(stale.body, "name=\"version\" value=\"" + v1 + "\""));
  CHECK_FALSE(has(ulla.get(casePath).body, "Min äldre text."));
  REQUIRE(ulla.post(casePath + "/atgardsplan/skicka", {}).status == 303);
  CHECK(has(anna.get(casePath).body, "Åtgärdsplan inkommen"));

  // Returning without a comment is refused in Swedish, without asking first.
  const auto silent =
      anna.post(casePath + "/atgardsplan/skicka-tillbaka",
                {{"point-" + pointId, ""}, {"comment", ""}, {"plan_due_on", day(20)}});
  CHECK(silent.status == 422);
  CHECK(
      has(silent.body, "Kontrollera fältet Synpunkter på åtgärdsplanen. Skriv minst en synpunkt"));

  // The manager returns it with a comment on the point: asked first, then done.
  const FormFields returned{
      {"point-" + pointId, "Ange när de börjar."}, {"comment", ""}, {"plan_due_on", day(20)}};
  const auto ask = anna.post(casePath + "/atgardsplan/skicka-tillbaka", returned);
  CHECK(ask.status == 200);
  CHECK(has(ask.body, "Vill du skicka tillbaka åtgärdsplanen?"));
  CHECK(has(anna.get(casePath).body, "Åtgärdsplan inkommen"));
  FormFields confirmed = returned;
  confirmed.emplace_back("confirm", "ja");
  const auto back = anna.post(casePath + "/atgardsplan/skicka-tillbaka", confirmed);
  REQUIRE(back.status == 303);
  const auto afterReturn = anna.get(casePath);
  CHECK(has(afterReturn.body, "Åtgärdsplan begärd"));
  CHECK(has(afterReturn.body, "Ange när de börjar."));
  CHECK(has(afterReturn.body, "Skickad tillbaka"));

  // The provider sees the comment beside the point, revises and sends again.
  const auto revise = ulla.get(casePath + "/atgardsplan");
  REQUIRE(revise.status == 200);
  CHECK(has(revise.body, "Ange när de börjar."));
  const std::string v2 = versionOf(revise.body);
  REQUIRE(
      ulla.post(casePath + "/atgardsplan",
                planFields(v2, pointId, "Anställ två nattsköterskor från 1 mars.", "Enhetschef"))
          .status == 303);
  REQUIRE(ulla.post(casePath + "/atgardsplan/skicka", {}).status == 303);

  // The manager accepts: the point is an action of the contract, linked from the case.
  REQUIRE(anna.post(casePath + "/atgardsplan/godta", {}).status == 303);
  const auto accepted = anna.get(casePath);
  CHECK(has(accepted.body, "Godtagen"));
  CHECK(std::regex_search(accepted.body,
                          std::regex(R"re(href="/atgarder#atgard-[0-9]+">Anställ två)re")));
  CHECK(has(accepted.body, "status--analysis\">Analys<"));
  // A step that is not open now is answered in Swedish and changes nothing.
  const auto again = anna.post(casePath + "/atgardsplan/godta", {});
  CHECK(again.status == 409);
  CHECK(has(again.body, "Ingen åtgärdsplan väntar på förvaltningens beslut."));

  // The analysis is in order now: feedback, then the report to the committee is started.
  CHECK(anna.post(casePath + "/analys", {{"outcome", "ok"}, {"text", "Bemanningen räcker nu."}})
            .status == 303);
  CHECK_FALSE(has(anna.get(casePath).body, "action=\"" + casePath + "/rapport\""));
  CHECK(anna.post(casePath + "/aterkoppling", {{"text", "Tack för en tydlig plan."}}).status ==
        303);
  const auto feedback = anna.get(casePath);
  CHECK(has(feedback.body, "Given till utföraren"));
  CHECK(has(feedback.body, "action=\"" + casePath + "/rapport\""));
  const auto report = anna.post(casePath + "/rapport", {});
  REQUIRE(report.status == 303);
  CHECK(std::regex_match(report.header("location"), std::regex(R"(/uppfoljningar/[0-9]+)")));
  CHECK(has(anna.get(casePath).body, "href=\"" + report.header("location") + "\""));
  // Not reported before its report is registered; closing is not offered yet.
  const auto early = anna.post(casePath + "/rapporterad", {});
  CHECK(early.status == 409);
  CHECK(has(early.body, "Rapporten till nämnden måste vara diarieförd först."));
  CHECK(anna.post(casePath + "/avsluta", {}).status == 409);
}

TEST_CASE("case pages: the start page counts the overdue cases", "[server][web][case_pages]") {
  TempDir dir;
  const auto data = dir.path() / "data";
  std::string casePath;
  {
    ServerProcess server{data, {}, true};
    const Browser anna(server, "anna.avtal");
    const auto start = anna.get("/");
    REQUIRE(start.status == 200);
    CHECK_FALSE(has(start.body, "id=\"forsenade-arenden\""));
    const auto opened =
        anna.post(demoContractPath(anna) + "/arenden", complaint("Klagomål som blev liggande"));
    REQUIRE(opened.status == 303);
    casePath = opened.header("location").substr(0, opened.header("location").find('?'));
    CHECK_FALSE(has(anna.get("/").body, "id=\"forsenade-arenden\""));
    server.stop();
  }
  // Nothing has happened in the case for long: its last progress put far back, as time would.
  {
    auto opened = store::Store::open({data, 1});
    REQUIRE(opened);
    const auto id = std::stoll(casePath.substr(casePath.rfind('/') + 1));
    (*opened)->write([&](store::Writing& c) {
      store::touchCase(c, id, "2020-01-01T08:00:00Z");
      return 0;
    });
  }
  ServerProcess server{data, {}, true};
  const Browser anna(server, "anna.avtal");
  const Browser nils(server, "nils.norr");
  const auto start = anna.get("/");
  REQUIRE(start.status == 200);
  CHECK(has(start.body, "id=\"forsenade-arenden\""));
  CHECK(has(start.body, "id=\"forsenade-arenden-antal\">1<"));
  CHECK(has(start.body, "href=\"/arenden?forsenade=ja\""));
  CHECK(has(start.body, "href=\"" + casePath + "\">Klagomål som blev liggande"));
  const auto overdue = anna.get("/arenden?forsenade=ja");
  CHECK(has(overdue.body, "Klagomål som blev liggande"));
  CHECK(has(overdue.body, "Inget har hänt i ärendet sedan 2020-01-01."));
  CHECK_FALSE(has(nils.get("/").body, "id=\"forsenade-arenden\""));
}

}  // namespace SV_TEST_FILE
