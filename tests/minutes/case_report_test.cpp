// The report to the committee of an event-driven case (minutes/case_report.hpp), made from the
// shipped template config/cases/case_report.followup; and the report kind it has.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "minutes/case_report.hpp"
#include "minutes/report_record.hpp"
#include "tests/minutes/fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using sv::minutes::test::date;
using sv::minutes::test::replaceOnce;

namespace {

// The shipped template, read as the server reads it (workflow_files.hpp finds the tree the same
// way).
FollowUpTemplate shippedTemplate() {
  const char* env = std::getenv("SAMVERKAN_SOURCE_DIR");
  const std::string dir =
      env ? env : std::string(__FILE__).substr(0, std::string(__FILE__).rfind("/tests/"));
  std::ifstream in(dir + "/config/cases/case_report.followup");
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = parseFollowUpTemplate("case_report", text.str());
  INFO((parsed ? std::string() : parsed.error().detail));
  REQUIRE(parsed);
  return *parsed;
}

ActionPlan acceptedPlan() {
  ActionPlan plan = createActionPlan(7, "Uteblivna besök", "Hemtjänst Norr", "Omsorg & Co AB");
  plan.summary = "Schemat lades om utan att kunderna fick veta.";
  plan.items = {PlanItem{"p1", "Kontrollera schemat | varje vecka", "Eva Lind", date(2026, 4, 30)},
                PlanItem{"p2", "Utbilda planerarna", "Per Ek", date(2026, 5, 15)}};
  return plan;
}

CaseFacts sampleCase() {
  CaseFacts f;
  f.report = ReportFacts{ReportKind::Operational,        "Hemtjänst Norr", "SDN 2025/0042",
                         "Norra stadsdelsförvaltningen", "Omsorg & Co AB", 2026};
  f.caseId = 7;
  f.title = "Uteblivna besök";
  f.trigger = CaseTrigger::Complaints;
  f.urgency = CaseUrgency::Acute;
  f.occurredOn = date(2026, 2, 27);
  f.openedOn = date(2026, 3, 2);
  f.description = "Anhöriga berättade att *tre* besök uteblev.";
  f.notes = {CaseNoteFact{date(2026, 3, 3), "Anna Berg", "Samtal med enhetschefen."},
             CaseNoteFact{date(2026, 3, 5), "Anna Berg", "```\nöppet kodblock"}};
  f.attachmentNames = {"schema_vecka_9.pdf", "[lista](javascript:x).pdf"};
  f.analyses = {
      CaseAnalysisFact{date(2026, 3, 9), "Anna Berg", AnalysisOutcome::NotOk, "Rutin saknas."},
      CaseAnalysisFact{date(2026, 5, 20), "Anna Berg", AnalysisOutcome::Ok,
                       "Åtgärderna fungerar."}};
  f.acceptedPlan = acceptedPlan();
  f.feedback = "Utföraren fick återkoppling vid mötet 2026-05-25.";
  return f;
}

FollowUpReport created(const CaseFacts& f = sampleCase()) {
  auto r = createCaseReport(shippedTemplate(), f);
  INFO((r ? std::string() : r.error().detail));
  REQUIRE(r);
  return *r;
}

const ReportArea& area(const FollowUpReport& r, std::string_view key) {
  for (const auto& a : r.areas)
    if (a.key == key) return a;
  FAIL("no area " << key);
  return r.areas.front();
}

}  // namespace

TEST_CASE("case report: the shipped template has the five areas in order", "[minutes][case]") {
  const FollowUpTemplate t = shippedTemplate();
  CHECK(t.name == "Händelsestyrd uppföljning, rapport till nämnden");
  CHECK(t.version == "2026-1");
  REQUIRE(t.areas.size() == 5);
  CHECK(t.areas[0].key == "event");
  CHECK(t.areas[0].title == "Händelsen och anledningen till uppföljningen");
  CHECK(t.areas[4].key == "outcome");
  for (const auto& a : t.areas) {
    CHECK(a.scope == AreaScope::All);
    CHECK(a.questions.size() >= 2);
    CHECK(a.questions.size() <= 3);
  }
  CHECK(checkCaseReportTemplate(t));
}

TEST_CASE("case report: a template without one of the areas is refused, naming it",
          "[minutes][case]") {
  for (std::string_view key : {kCaseAreaEvent, kCaseAreaHandling, kCaseAreaAnalysis,
                               kCaseAreaActionPlan, kCaseAreaOutcome}) {
    FollowUpTemplate t = shippedTemplate();
    std::erase_if(t.areas, [&](const TemplateArea& a) { return a.key == key; });
    const auto refused = checkCaseReportTemplate(t);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Errc::Invalid);
    CHECK(refused.error().reason == Reason::UnknownChoice);
    CHECK(refused.error().field == "areas");
    CHECK(refused.error().value == key);
    const auto notMade = createCaseReport(t, sampleCase());
    REQUIRE_FALSE(notMade);
    CHECK(notMade.error().value == key);
  }
  FollowUpTemplate moved = shippedTemplate();
  std::swap(moved.areas[1], moved.areas[2]);
  const auto outOfOrder = checkCaseReportTemplate(moved);
  REQUIRE_FALSE(outOfOrder);
  CHECK(outOfOrder.error().reason == Reason::UnknownChoice);
  CHECK(outOfOrder.error().value == "analysis");
}

TEST_CASE("case report: the header is a case report's of the template", "[minutes][case]") {
  const FollowUpReport r = created();
  CHECK(r.header == ReportHeader{ReportKind::Case, "Hemtjänst Norr", "SDN 2025/0042",
                                 "Norra stadsdelsförvaltningen", "Omsorg & Co AB", 2026,
                                 "case_report", "2026-1"});
  REQUIRE(r.areas.size() == 5);
  CHECK(r.areas[2].questions == shippedTemplate().areas[2].questions);
  CHECK_FALSE(r.registryNumber);
  CHECK_THAT(r.method, Catch::Contains("händelsestyrt"));
  CHECK_THAT(r.method, Catch::Contains("2026-03-02"));
  CHECK_THAT(r.method, Catch::Contains("Klagomål och synpunkter"));
}

TEST_CASE("case report: the findings are written from the case", "[minutes][case]") {
  const FollowUpReport r = created();
  const std::string& event = area(r, kCaseAreaEvent).findings;
  CHECK_THAT(event, Catch::Contains("Klagomål och synpunkter"));
  CHECK_THAT(event, Catch::Contains("2026-02-27"));
  CHECK_THAT(event, Catch::Contains("Akut"));
  CHECK_THAT(event, Catch::Contains("*tre*"));  // the user's Markdown kept

  const std::string& handling = area(r, kCaseAreaHandling).findings;
  CHECK_THAT(handling, Catch::Contains("**2026-03-03, Anna Berg**"));
  CHECK_THAT(handling, Catch::Contains("Samtal med enhetschefen."));
  CHECK_THAT(handling, Catch::Contains("- schema\\_vecka\\_9.pdf"));
  CHECK_THAT(handling, Catch::EndsWith("\n- \\[lista\\](javascript:x).pdf"));
  // The open code block of one note is closed before the attachments: they stay a list.
  const auto fenceEnd = handling.rfind("```");
  REQUIRE(fenceEnd != std::string::npos);
  CHECK(fenceEnd < handling.find("**Bilagor:**"));

  const std::string& analysis = area(r, kCaseAreaAnalysis).findings;
  CHECK_THAT(analysis, Catch::Contains("**2026-03-09, Anna Berg: Inte godtagbart**"));
  CHECK_THAT(analysis, Catch::Contains("**2026-05-20, Anna Berg: Godtagbart**"));
  CHECK(analysis.find("Rutin saknas.") < analysis.find("Åtgärderna fungerar."));

  const std::string& plan = area(r, kCaseAreaActionPlan).findings;
  CHECK_THAT(plan, Catch::Contains("Schemat lades om utan att kunderna fick veta."));
  CHECK_THAT(plan, Catch::Contains("| p1 | Kontrollera schemat \\| varje vecka | Eva Lind | "
                                   "2026-04-30 |"));
  CHECK_THAT(plan, Catch::Contains("| p2 | Utbilda planerarna | Per Ek | 2026-05-15 |"));

  CHECK_THAT(area(r, kCaseAreaOutcome).findings,
             Catch::Contains("Utföraren fick återkoppling vid mötet 2026-05-25."));
}

TEST_CASE("case report: what the case lacks is said", "[minutes][case]") {
  CaseFacts f = sampleCase();
  f.urgency = CaseUrgency::Normal;
  f.notes.clear();
  f.attachmentNames.clear();
  f.acceptedPlan.reset();
  f.feedback.clear();
  const FollowUpReport r = created(f);
  CHECK_THAT(area(r, kCaseAreaEvent).findings, !Catch::Contains("Akut"));
  CHECK(area(r, kCaseAreaHandling).findings == "Inget material har antecknats.");
  CHECK(area(r, kCaseAreaActionPlan).findings == "Ingen åtgärdsplan begärdes.");
  CHECK(area(r, kCaseAreaOutcome).findings == "Ingen återkoppling har antecknats.");
}

TEST_CASE("case report: the analysis area is assessed from the last analysis", "[minutes][case]") {
  const FollowUpReport ok = created();
  CHECK(area(ok, kCaseAreaAnalysis).assessment == Assessment::Meets);
  for (auto key : {kCaseAreaEvent, kCaseAreaHandling, kCaseAreaActionPlan, kCaseAreaOutcome})
    CHECK(area(ok, key).assessment == Assessment::NotAssessed);

  CaseFacts f = sampleCase();
  std::swap(f.analyses[0], f.analyses[1]);
  CHECK(area(created(f), kCaseAreaAnalysis).assessment == Assessment::DoesNotMeet);

  f.analyses.clear();
  const auto none = createCaseReport(shippedTemplate(), f);
  REQUIRE_FALSE(none);
  CHECK(none.error().code == Errc::Invalid);
  CHECK(none.error().reason == Reason::Missing);
  CHECK(none.error().field == "analyses");

  f = sampleCase();
  f.report.year = 1999;
  const auto year = createCaseReport(shippedTemplate(), f);
  REQUIRE_FALSE(year);
  CHECK(year.error().reason == Reason::OutOfRange);
  CHECK(year.error().field == "year");
}

TEST_CASE("case report: the kind reads back and its Markdown is Swedish", "[minutes][case]") {
  CHECK(toString(ReportKind::Case) == "case");
  CHECK(parseReportKind("case") == ReportKind::Case);
  CHECK(swedishKind(ReportKind::Case) == "Händelsestyrd uppföljning");
  CHECK(swedishKind(ReportKind::Contract) == "Avtalsuppföljning");
  CHECK(swedishKind(ReportKind::Operational) == "Verksamhetsuppföljning");

  const FollowUpReport r = created();
  const std::string json = toJson(r);
  CHECK_THAT(json, Catch::Contains("\"kind\": \"case\""));
  const auto back = reportFromJson(json);
  REQUIRE(back);
  CHECK(*back == r);
  CHECK(toJson(*back) == json);
  const auto unknown =
      reportFromJson(replaceOnce(json, "\"kind\": \"case\"", "\"kind\": \"ärende\""));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().field == "header.kind");

  // The draft is a report like any other: an edit keeps it.
  FollowUpReport edit = r;
  edit.areas[0].assessment = Assessment::DoesNotMeet;
  CHECK(applyReportEdit(r, edit));

  const std::string md = renderReportMarkdown(r);
  CHECK_THAT(md, Catch::StartsWith("# Händelsestyrd uppföljning 2026\n"));
  CHECK_THAT(md, Catch::Contains("## Förvaltningens analys"));
  CHECK_THAT(
      md, Catch::Contains("**Bedömning:** " + std::string(swedishAssessment(Assessment::Meets))));
}

TEST_CASE("case report: a report of kind case takes the areas every follow-up has",
          "[minutes][case]") {
  const FollowUpTemplate t{"hemtjanst",
                           "Verksamhetsuppföljning, hemtjänst",
                           "2026-1",
                           {{"documentation", AreaScope::All, "Löpande dokumentation", {"Fråga?"}},
                            {"staffing", AreaScope::Contract, "Bemanning", {"Fråga?"}}}};
  auto r =
      createReport(t, ReportFacts{ReportKind::Case, "Avtal", "", "Förvaltning", "Utförare", 2026});
  REQUIRE(r);
  CHECK(r->header.kind == ReportKind::Case);
  REQUIRE(r->areas.size() == 1);
  CHECK(r->areas[0].key == "documentation");
}

}  // namespace SV_TEST_FILE
