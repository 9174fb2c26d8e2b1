#include <catch2/catch.hpp>

#include <string>

#include "fixtures.hpp"
#include "minutes/report.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using test::date;
using test::replaceOnce;

namespace {

FollowUpTemplate sampleTemplate() {
  return FollowUpTemplate{"hemtjanst",
                          "Verksamhetsuppföljning, hemtjänst",
                          "2026-1",
                          {{"implementation_plans",
                            AreaScope::All,
                            "Genomförandeplaner",
                            {"Har varje kund en aktuell genomförandeplan?"}},
                           {"documentation",
                            AreaScope::All,
                            "Löpande dokumentation",
                            {"Går det att följa den enskildes förehavanden över tid?"}},
                           {"staffing",
                            AreaScope::Contract,
                            "Bemanning enligt avtal",
                            {"Följer bemanningen avtalet?"}}}};
}

ReportFacts sampleFacts(ReportKind kind = ReportKind::Contract) {
  return ReportFacts{
      kind, "Hemtjänst Norr", "SDN 2025/0042", "Norra stadsdelsförvaltningen", "Omsorg & Co AB",
      2026};
}

FollowUpReport draft(ReportKind kind = ReportKind::Contract) {
  auto r = createReport(sampleTemplate(), sampleFacts(kind));
  REQUIRE(r);
  return *r;
}

// A draft with a visit, an assessment and an improvement, through applyReportEdit.
FollowUpReport edited() {
  FollowUpReport r = draft();
  r.visits.push_back(Visit{date(2026, 3, 4), false, "Kväll, bemanningen räknades."});
  r.areas[0].assessment = Assessment::PartlyMeets;
  r.areas[0].findings = "Tre av tio planer saknade *tider*.";
  r.areas[0].improvements.push_back(
      Improvement{"", "Komplettera planerna med tider", date(2026, 6, 30), Party::Provider});
  auto saved = applyReportEdit(draft(), r);
  REQUIRE(saved);
  return *saved;
}

void requireError(const Result<FollowUpReport>& r, Errc code, Reason reason,
                  const std::string& field) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == code);
  CHECK(r.error().reason == reason);
  CHECK(r.error().field == field);
}

}  // namespace

TEST_CASE("a report is created with every area its kind covers", "[minutes][report]") {
  const FollowUpReport contract = draft(ReportKind::Contract);
  CHECK(contract.header == ReportHeader{ReportKind::Contract, "Hemtjänst Norr", "SDN 2025/0042",
                                        "Norra stadsdelsförvaltningen", "Omsorg & Co AB", 2026,
                                        "hemtjanst", "2026-1"});
  REQUIRE(contract.areas.size() == 3);
  CHECK(contract.areas[2].key == "staffing");
  CHECK(contract.areas[0].assessment == Assessment::NotAssessed);
  CHECK(contract.areas[0].questions == sampleTemplate().areas[0].questions);
  CHECK_FALSE(contract.method.empty());

  const FollowUpReport operational = draft(ReportKind::Operational);
  REQUIRE(operational.areas.size() == 2);
  CHECK(operational.areas[1].key == "documentation");

  auto facts = sampleFacts();
  facts.year = 1999;
  const auto refused = createReport(sampleTemplate(), facts);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == Reason::OutOfRange);
  CHECK(refused.error().field == "year");
}

TEST_CASE("an edit changes what the writer may change and gives new improvements ids",
          "[minutes][report]") {
  FollowUpReport proposed = edited();
  proposed.header.providerName = "Någon annan";
  proposed.areas[1].title = "Annan rubrik";
  proposed.areas[1].questions.clear();
  proposed.areas[1].improvements.push_back(
      Improvement{"", "Dokumentera dagligen", date(2026, 9, 1), Party::Provider});
  const auto saved = applyReportEdit(edited(), proposed);
  REQUIRE(saved);
  CHECK(saved->header.providerName == "Omsorg & Co AB");
  CHECK(saved->areas[1].title == "Löpande dokumentation");
  CHECK(saved->areas[1].questions.size() == 1);
  CHECK(edited().areas[0].improvements[0].id == "i1");
  CHECK(saved->areas[1].improvements[0].id == "i2");
  CHECK(saved->visits.size() == 1);
  CHECK_FALSE(saved->visits[0].announced);
}

TEST_CASE("an edit keeps the rules and limits of a report", "[minutes][report]") {
  const FollowUpReport current = edited();
  SECTION("a registered report never changes") {
    FollowUpReport registered = current;
    registered.registryNumber = "SDN 2026/0100";
    requireError(applyReportEdit(registered, current), Errc::Conflict, Reason::DocumentRegistered,
                 "");
  }
  SECTION("the areas are the template's") {
    FollowUpReport p = current;
    p.areas.pop_back();
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::None, "areas[2]");
    p = current;
    std::swap(p.areas[0], p.areas[1]);
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::None, "areas[0].key");
  }
  SECTION("text rules") {
    FollowUpReport p = current;
    p.areas[1].findings = "bad \x01 byte";
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::ControlCharacter,
                 "areas[1].findings");
    p = current;
    p.method = "\xc3\x28";
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::InvalidUtf8, "method");
    p = current;
    p.areas[0].findings = std::string(kMaxFindingsBytes + 1, 'x');
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::TooLong, "areas[0].findings");
  }
  SECTION("visits need a date, lists have limits") {
    FollowUpReport p = current;
    p.visits[0].date = Date{};
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::NotADate, "visits[0].date");
    p = current;
    p.visits.assign(kMaxVisits + 1, current.visits[0]);
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::TooLong, "visits");
  }
  SECTION("improvements need text, a due date and unique ids") {
    FollowUpReport p = current;
    p.areas[0].improvements[0].text = "  ";
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::Missing,
                 "areas[0].improvements[0].text");
    p = current;
    p.areas[0].improvements[0].dueDate = Date{};
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::ActionNeedsDueDate,
                 "areas[0].improvements[0].due_date");
    p = current;
    p.areas[1].improvements.push_back(p.areas[0].improvements[0]);
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::DuplicateKey,
                 "areas[1].improvements[0].id");
    p = current;
    p.areas[0].improvements[0].id = "i-1";
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::None,
                 "areas[0].improvements[0].id");
    p = current;
    p.areas[0].improvements[0].responsibleParty = static_cast<Party>(7);
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::ResponsiblePartyUnknown,
                 "areas[0].improvements[0].responsible_party");
    p = current;
    p.areas[0].assessment = static_cast<Assessment>(9);
    requireError(applyReportEdit(current, p), Errc::Invalid, Reason::UnknownChoice,
                 "areas[0].assessment");
  }
}

TEST_CASE("a report's JSON reads back equal and writes the same bytes", "[minutes][report]") {
  FollowUpReport r = edited();
  r.areas[1].findings = "Citat \"så\" och \\ och\nny rad, tab\there";
  r.registryNumber = "SDN 2026/0100";
  const std::string json = toJson(r);
  const auto back = reportFromJson(json);
  REQUIRE(back);
  CHECK(*back == r);
  CHECK(toJson(*back) == json);
  CHECK_THAT(json, Catch::Contains("\"assessment\": \"partly_meets\""));
  CHECK_THAT(json, Catch::Contains("Löpande dokumentation"));

  const auto unknownKey = reportFromJson(replaceOnce(json, "\"method\"", "\"metod\""));
  REQUIRE_FALSE(unknownKey);
  CHECK(unknownKey.error().code == Errc::Malformed);
  const auto badKind = reportFromJson(replaceOnce(json, "\"contract\"", "\"annat\""));
  REQUIRE_FALSE(badKind);
  CHECK(badKind.error().field == "header.kind");
  const auto badAssessment = reportFromJson(replaceOnce(json, "\"partly_meets\"", "\"uppfyller\""));
  REQUIRE_FALSE(badAssessment);
  CHECK(badAssessment.error().field == "areas[0].assessment");
  const auto badDate = reportFromJson(replaceOnce(json, "2026-06-30", "2026-02-30"));
  REQUIRE_FALSE(badDate);
  CHECK(badDate.error().reason == Reason::NotADate);
  CHECK(badDate.error().field == "areas[0].improvements[0].due_date");
}

TEST_CASE("a report's Markdown is Swedish and user text cannot change its structure",
          "[minutes][report]") {
  FollowUpReport r = edited();
  r.areas[1].improvements.push_back(
      Improvement{"i2", "# rubrik | cell <script>", date(2026, 9, 1), Party::Authority});
  r.areas[1].findings = "# Egen rubrik\n\n<script>alert(1)</script>\n";
  const std::string md = renderReportMarkdown(r);
  CHECK_THAT(md, Catch::StartsWith("# Avtalsuppföljning 2026\n"));
  CHECK_THAT(md, Catch::Contains("- Utförare: Omsorg & Co AB"));
  CHECK_THAT(md, Catch::Contains("- Förvaltning: Norra stadsdelsförvaltningen"));
  CHECK_THAT(md, Catch::Contains("## Genomförandeplaner"));
  CHECK_THAT(md, Catch::Contains("**Bedömning:** Uppfyller delvis kraven"));
  CHECK_THAT(md, Catch::Contains("**Bedömning:** Ännu inte bedömt"));
  CHECK_THAT(md, Catch::Contains("2026-03-04, oanmält besök"));
  CHECK_THAT(md, Catch::Contains("Tre av tio planer saknade *tider*."));
  CHECK_THAT(md,
             Catch::Contains("| i1 | Komplettera planerna med tider | Utföraren | 2026-06-30 |"));
  CHECK_THAT(md, Catch::Contains("\\# rubrik \\| cell \\<script\\>"));
  CHECK_THAT(md, Catch::Contains("\n### Egen rubrik\n"));
  CHECK_THAT(md, !Catch::Contains("<script>"));
  CHECK(md.back() == '\n');
  CHECK(renderReportMarkdown(r) == md);
}

TEST_CASE("edits of different areas merge, of the same area conflict", "[minutes][report]") {
  const FollowUpReport base = edited();
  FollowUpReport theirs = base;
  theirs.areas[1].assessment = Assessment::Meets;
  theirs.areas[1].improvements.push_back(
      Improvement{"i2", "Deras förbättring", date(2026, 8, 1), Party::Provider});
  FollowUpReport mine = base;
  mine.areas[2].assessment = Assessment::DoesNotMeet;
  mine.areas[2].improvements.push_back(
      Improvement{"i2", "Bemanna kvällar enligt avtal", date(2026, 5, 1), Party::Provider});
  mine.method = "Oanmält besök och intervjuer.";

  const auto clean = mergeReports(base, theirs, mine);
  REQUIRE(clean.clean());
  REQUIRE(clean.merged);
  CHECK(clean.merged->areas[1] == theirs.areas[1]);
  CHECK(clean.merged->areas[2].assessment == Assessment::DoesNotMeet);
  CHECK(clean.merged->areas[2].improvements[0].id == "i3");
  CHECK(clean.merged->method == mine.method);

  FollowUpReport other = base;
  other.areas[2].findings = "Annan text";
  const auto conflict = mergeReports(base, other, mine);
  CHECK_FALSE(conflict.merged);
  REQUIRE(conflict.conflicts.size() == 1);
  CHECK(conflict.conflicts[0].unit == ReportMergeUnit::Area);
  CHECK(conflict.conflicts[0].key == "staffing");
  CHECK_THAT(conflict.conflicts[0].theirs, Catch::Contains("Annan text"));
  CHECK_THAT(conflict.conflicts[0].mine, Catch::Contains("Uppfyller inte kraven"));

  FollowUpReport shorter = base;
  shorter.areas.pop_back();
  const auto document = mergeReports(base, shorter, mine);
  REQUIRE(document.conflicts.size() == 1);
  CHECK(document.conflicts[0].unit == ReportMergeUnit::Document);
}

// Hardening issue, finding 5: the findings of a whole report are bounded, as a protocol's notes.
TEST_CASE("the findings of all areas together are bounded", "[minutes][report][budget]") {
  const FollowUpReport current = draft();
  REQUIRE(current.areas.size() == 3);
  FollowUpReport p = current;
  const std::size_t third = kMaxReportFindingsBytes / 3;
  REQUIRE(third + 1 <= kMaxFindingsBytes);
  p.areas[0].findings = std::string(third, 'a');
  p.areas[1].findings = std::string(third, 'b');
  p.areas[2].findings = std::string(kMaxReportFindingsBytes - 2 * third, 'c');
  CHECK(applyReportEdit(current, p));
  p.areas[2].findings += 'c';
  const auto refused = applyReportEdit(current, p);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::Invalid);
  CHECK(refused.error().reason == Reason::NotesTooLong);
  CHECK(refused.error().field == "areas[2].findings");
  CHECK(refused.error().value == std::to_string(kMaxReportFindingsBytes));
  CHECK_FALSE(checkReportFindings(p));
}

}  // namespace SV_TEST_FILE
