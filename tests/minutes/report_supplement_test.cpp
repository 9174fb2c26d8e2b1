// The rules of a supplement (minutes/report_supplement.hpp) and the record's Markdown
// (minutes/report_record.hpp).
#include <catch2/catch.hpp>

#include "minutes/report_record.hpp"
#include "minutes/report_supplement.hpp"
#include "tests/minutes/fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using sv::minutes::test::date;

namespace {

FollowUpReport twoAreas() {
  FollowUpReport r;
  r.header.contractTitle = "Hemtjänst <Söder>";
  r.header.year = 2026;
  ReportArea a;
  a.key = "plans";
  a.title = "Genomförandeplaner";
  a.assessment = Assessment::PartlyMeets;
  ReportArea b;
  b.key = "staffing";
  b.title = "Bemanning";
  b.assessment = Assessment::Meets;
  r.areas = {a, b};
  return r;
}

}  // namespace

TEST_CASE("supplements: a request names an area, a text and a day not passed",
          "[minutes][report]") {
  const auto r = twoAreas();
  const auto today = date(2026, 11, 2);
  const auto ok = checkSupplementRequest(r, "plans", "Skicka planerna", "2026-11-20", today);
  REQUIRE(ok);
  CHECK(ok->dueOn == date(2026, 11, 20));
  CHECK(checkSupplementRequest(r, "plans", "x", "2026-11-02", today));  // today is allowed

  const auto area = checkSupplementRequest(r, "nope", "x", "2026-11-20", today);
  REQUIRE_FALSE(area);
  CHECK(area.error().reason == Reason::UnknownChoice);
  CHECK(area.error().field == "area");
  const auto blank = checkSupplementRequest(r, "plans", "  \n", "2026-11-20", today);
  REQUIRE_FALSE(blank);
  CHECK(blank.error().reason == Reason::Missing);
  const auto control = checkSupplementRequest(r, "plans", "a\x01", "2026-11-20", today);
  REQUIRE_FALSE(control);
  CHECK(control.error().reason == Reason::ControlCharacter);
  const auto past = checkSupplementRequest(r, "plans", "x", "2026-11-01", today);
  REQUIRE_FALSE(past);
  CHECK(past.error().reason == Reason::OutOfRange);
  CHECK(past.error().field == "due_on");
  const auto notDate = checkSupplementRequest(r, "plans", "x", "20 november", today);
  REQUIRE_FALSE(notDate);
  CHECK(notDate.error().reason == Reason::NotADate);
  const auto tooLong = checkSupplementText(std::string(kMaxSupplementTextBytes + 1, 'a'));
  REQUIRE_FALSE(tooLong);
  CHECK(tooLong.error().reason == Reason::TooLong);
}

TEST_CASE("supplements: a decision is an assessment with a reason", "[minutes][report]") {
  CHECK(checkSupplementDecision("meets", "Planerna är nu kompletta").value() == Assessment::Meets);
  const auto none = checkSupplementDecision("not_assessed", "x");
  REQUIRE_FALSE(none);
  CHECK(none.error().field == "assessment");
  const auto unknown = checkSupplementDecision("godkänd", "x");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().reason == Reason::UnknownChoice);
  const auto noReason = checkSupplementDecision("meets", "");
  REQUIRE_FALSE(noReason);
  CHECK(noReason.error().field == "reason");

  const auto changed = withAssessment(twoAreas(), "plans", Assessment::Meets);
  CHECK(changed.areas[0].assessment == Assessment::Meets);
  CHECK(changed.areas[1] == twoAreas().areas[1]);
}

TEST_CASE("report record: the fact-check and supplements as escaped Swedish Markdown",
          "[minutes][report]") {
  ReportRecord record;
  record.report = twoAreas();
  CHECK(renderRecordMarkdown(record).find("har inte skickats på faktagranskning") !=
        std::string::npos);

  FactCheckRecord f;
  f.sentVersion = "0123456789abcdef";
  f.sentBy = "Anna Avtal";
  f.sentAt = "2026-10-19T08:00:00Z";
  f.dueOn = date(2026, 11, 2);
  f.outcome = FactCheckOutcome::Commented;
  f.answeredBy = "Ulla Utförare";
  f.endedAt = "2026-10-25T08:00:00Z";
  FactCheckComment c;
  c.areaKey = "plans";
  c.areaTitle = "Genomförandeplaner";
  c.text = "Sju av tio, inte <tre>";
  c.by = "Ulla Utförare";
  c.at = "2026-10-25T08:00:00Z";
  f.comments = {c, c};
  f.comments[1].areaTitle = "";
  f.comments[1].answer = "Rättat";
  f.comments[1].answeredBy = "Anna Avtal";
  f.changedAreas = {"Genomförandeplaner"};
  record.factCheck = f;
  SupplementEntry s;
  s.number = 1;
  s.areaTitle = "Genomförandeplaner";
  s.request = "Skicka planerna";
  s.dueOn = date(2026, 11, 20);
  s.response = "Här är de";
  s.decided = true;
  s.before = Assessment::PartlyMeets;
  s.after = Assessment::Meets;
  s.reason = "Kraven uppfylls *nu*";
  record.supplements = {s};
  record.attachments = {
      {"plan.pdf", "application/pdf", 1234, std::string(64, 'a'), "Komplettering 1"}};
  const auto md = renderRecordMarkdown(record);
  for (const char* expected :
       {"## Faktagranskning", "0123456", "2026-11-02", "Synpunkter lämnade", "Rapporten som helhet",
        "ännu inte besvarad", "Rättat", "## Kompletteringar",
        "Uppfyller delvis kraven → "
        "Uppfyller kraven",
        "## Bilagor", "Komplettering 1", "Hemtjänst \\<Söder\\>"}) {
    INFO(expected);
    CHECK(md.find(expected) != std::string::npos);
  }
  CHECK(md.find("<tre>") == std::string::npos);  // user text is escaped
  CHECK(parseFactCheckOutcome(toString(FactCheckOutcome::DeadlinePassed)) ==
        FactCheckOutcome::DeadlinePassed);
  CHECK(swedishOutcome(FactCheckOutcome::DeadlinePassed) == "Inga synpunkter inkom");
}

}  // namespace SV_TEST_FILE
