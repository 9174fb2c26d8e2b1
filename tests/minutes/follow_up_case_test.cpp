// What a person types when an event-driven case is opened, and the words of its triggers,
// urgencies and outcomes (minutes/follow_up_case.hpp).
#include <catch2/catch.hpp>

#include <string>

#include "minutes/follow_up_case.hpp"
#include "tests/minutes/fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using sv::minutes::test::date;

namespace {

const Date kToday = date(2026, 3, 10);

Result<CaseOpening> open(std::string_view trigger = "complaints",
                         std::string_view title = "Uteblivna besök hos kund",
                         std::string_view description = "Anhöriga hörde av sig.\n\n- två gånger",
                         std::string_view occurredOn = "2026-03-02",
                         std::string_view urgency = "normal") {
  return checkCaseOpening(trigger, title, description, occurredOn, urgency, kToday);
}

void requireError(const Error& e, Errc code, Reason reason, const std::string& field) {
  CHECK(e.code == code);
  CHECK(e.reason == reason);
  CHECK(e.field == field);
}

}  // namespace

TEST_CASE("case: triggers, urgencies and outcomes have their names and Swedish words",
          "[minutes][case]") {
  for (auto t : {CaseTrigger::Deviations, CaseTrigger::Complaints, CaseTrigger::SeriousEvent,
                 CaseTrigger::BudgetDeviation, CaseTrigger::IndividualSignal, CaseTrigger::Other})
    CHECK(parseCaseTrigger(toString(t)) == t);
  CHECK(toString(CaseTrigger::SeriousEvent) == "serious_event");
  CHECK(swedishTrigger(CaseTrigger::Complaints) == "Klagomål och synpunkter");
  CHECK(swedishTrigger(CaseTrigger::SeriousEvent) == "Allvarlig händelse (lex Sarah, lex Maria)");
  CHECK(swedishTrigger(CaseTrigger::BudgetDeviation) ==
        "Avvikelse i budget, debitering eller fakturering");
  CHECK(swedishTrigger(CaseTrigger::IndividualSignal) == "Signal från individuppföljning");
  CHECK(swedishTrigger(CaseTrigger::Deviations) == "Upprepade avvikelser");
  CHECK(swedishTrigger(CaseTrigger::Other) == "Annat");
  CHECK_FALSE(parseCaseTrigger("Complaints"));
  CHECK(parseCaseUrgency("acute") == CaseUrgency::Acute);
  CHECK(toString(CaseUrgency::Normal) == "normal");
  CHECK(swedishUrgency(CaseUrgency::Acute) == "Akut");
  CHECK_FALSE(parseCaseUrgency("urgent"));
  CHECK(parseAnalysisOutcome("not_ok") == AnalysisOutcome::NotOk);
  CHECK(toString(AnalysisOutcome::Ok) == "ok");
  CHECK(swedishOutcome(AnalysisOutcome::NotOk) == "Inte godtagbart");
  CHECK(swedishOutcome(AnalysisOutcome::Ok) == "Godtagbart");
  CHECK_FALSE(parseAnalysisOutcome("fine"));
}

TEST_CASE("case: an opening that keeps the rules is read", "[minutes][case]") {
  const auto opened =
      open("serious_event", "  Fall i badrum  ", "Kund föll.", "2026-03-10", "acute");
  REQUIRE(opened);
  CHECK(opened->trigger == CaseTrigger::SeriousEvent);
  CHECK(opened->urgency == CaseUrgency::Acute);
  CHECK(opened->title == "Fall i badrum");
  CHECK(opened->description == "Kund föll.");
  CHECK(opened->occurredOn == kToday);  // today itself is allowed
}

TEST_CASE("case: an opening names the first field that breaks a rule", "[minutes][case]") {
  const auto trigger = open("lex_sarah");
  REQUIRE_FALSE(trigger);
  requireError(trigger.error(), Errc::Invalid, Reason::UnknownChoice, "trigger");
  CHECK(trigger.error().value == "lex_sarah");

  const auto urgency = open("complaints", "Titel", "Text", "2026-03-02", "brådskande");
  REQUIRE_FALSE(urgency);
  requireError(urgency.error(), Errc::Invalid, Reason::UnknownChoice, "urgency");
  CHECK(urgency.error().value == "brådskande");

  const auto blank = open("complaints", "  ");
  REQUIRE_FALSE(blank);
  requireError(blank.error(), Errc::Invalid, Reason::Missing, "title");

  const auto twoLines = open("complaints", "Rad ett\nRad två");
  REQUIRE_FALSE(twoLines);
  requireError(twoLines.error(), Errc::Invalid, Reason::NotOneLine, "title");

  const auto control = open("complaints", std::string("Titel\x01", 6));
  REQUIRE_FALSE(control);
  requireError(control.error(), Errc::Invalid, Reason::ControlCharacter, "title");

  const auto badUtf8 = open("complaints", "Titel \xff");
  REQUIRE_FALSE(badUtf8);
  requireError(badUtf8.error(), Errc::Invalid, Reason::InvalidUtf8, "title");

  // 200 characters are fine, though each "ö" is two bytes; 201 are not.
  std::string swedish;
  for (int i = 0; i < 200; ++i) swedish += "ö";
  CHECK(open("complaints", swedish));
  const auto tooLong = open("complaints", swedish + "ö");
  REQUIRE_FALSE(tooLong);
  requireError(tooLong.error(), Errc::Invalid, Reason::TooLong, "title");
  CHECK(tooLong.error().value == "200");

  const auto noDescription = open("complaints", "Titel", "\n \n");
  REQUIRE_FALSE(noDescription);
  requireError(noDescription.error(), Errc::Invalid, Reason::Missing, "description");

  const auto longDescription = open("complaints", "Titel", std::string(kMaxCaseTextBytes + 1, 'x'));
  REQUIRE_FALSE(longDescription);
  requireError(longDescription.error(), Errc::Invalid, Reason::TooLong, "description");

  const auto notADate = open("complaints", "Titel", "Text", "2 mars");
  REQUIRE_FALSE(notADate);
  requireError(notADate.error(), Errc::Invalid, Reason::NotADate, "occurred_on");
  const auto noDate = open("complaints", "Titel", "Text", "");
  REQUIRE_FALSE(noDate);
  requireError(noDate.error(), Errc::Invalid, Reason::NotADate, "occurred_on");

  const auto future = open("complaints", "Titel", "Text", "2026-03-11");
  REQUIRE_FALSE(future);
  requireError(future.error(), Errc::Invalid, Reason::OutOfRange, "occurred_on");
  CHECK(future.error().value == "2026-03-10");
}

TEST_CASE("case: a note, an analysis or feedback is required Markdown within its limit",
          "[minutes][case]") {
  CHECK(checkCaseText("# Analys\n\nBrister i *rutinen*.", "analysis"));
  CHECK(checkCaseText(std::string(kMaxCaseTextBytes, 'x'), "analysis"));

  const auto blank = checkCaseText(" \t\n", "analysis");
  REQUIRE_FALSE(blank);
  requireError(blank.error(), Errc::Invalid, Reason::Missing, "analysis");

  const auto tooLong = checkCaseText(std::string(kMaxCaseTextBytes + 1, 'x'), "note");
  REQUIRE_FALSE(tooLong);
  requireError(tooLong.error(), Errc::Invalid, Reason::TooLong, "note");

  const auto control = checkCaseText(std::string("a\0b", 3), "feedback");
  REQUIRE_FALSE(control);
  requireError(control.error(), Errc::Invalid, Reason::ControlCharacter, "feedback");

  const auto badUtf8 = checkCaseText("\xc3", "feedback");
  REQUIRE_FALSE(badUtf8);
  requireError(badUtf8.error(), Errc::Invalid, Reason::InvalidUtf8, "feedback");
}

TEST_CASE("case: the action plan's last day is a date not before today", "[minutes][case]") {
  CHECK(checkPlanDueOn("2026-04-09", kToday, "plan_due_on").value() == date(2026, 4, 9));
  CHECK(checkPlanDueOn("2026-03-10", kToday, "plan_due_on").value() == kToday);

  const auto missing = checkPlanDueOn(" ", kToday, "plan_due_on");
  REQUIRE_FALSE(missing);
  requireError(missing.error(), Errc::Invalid, Reason::Missing, "plan_due_on");

  const auto notADate = checkPlanDueOn("2026-02-30", kToday, "due");
  REQUIRE_FALSE(notADate);
  requireError(notADate.error(), Errc::Invalid, Reason::NotADate, "due");

  const auto past = checkPlanDueOn("2026-03-09", kToday, "plan_due_on");
  REQUIRE_FALSE(past);
  requireError(past.error(), Errc::Invalid, Reason::OutOfRange, "plan_due_on");
  CHECK(past.error().value == "2026-03-10");
}

}  // namespace SV_TEST_FILE
