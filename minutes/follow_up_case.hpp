// An event-driven follow-up (händelsestyrd uppföljning, seed 002 § 8.2) as plain values: what set
// it off, what happened and when, how urgent it is, and the checks of what a person types when a
// case is opened, a note is added or an analysis or feedback is written. The lifecycle is
// case_lifecycle.hpp's; the provider's action plan action_plan.hpp's; the report to the committee
// case_report.hpp's.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

// Seed 002 § 8.2: repeated deviations (avvikelser), views from users, relatives or third parties
// (klagomål), a particularly serious event (lex Sarah, lex Maria), large deviations in budget,
// charging or invoicing, a signal from an individual follow-up (individuppföljning), other.
enum class CaseTrigger { Deviations, Complaints, SeriousEvent, BudgetDeviation, IndividualSignal, Other };
enum class CaseUrgency { Normal, Acute };
enum class AnalysisOutcome { Ok, NotOk };

// "deviations", "complaints", "serious_event", "budget_deviation", "individual_signal", "other"
std::string_view toString(CaseTrigger trigger);
std::optional<CaseTrigger> parseCaseTrigger(std::string_view text);
// "Upprepade avvikelser", "Klagomål och synpunkter", "Allvarlig händelse (lex Sarah, lex Maria)",
// "Avvikelse i budget, debitering eller fakturering", "Signal från individuppföljning", "Annat"
std::string_view swedishTrigger(CaseTrigger trigger);
std::string_view toString(CaseUrgency urgency);  // "normal", "acute"
std::optional<CaseUrgency> parseCaseUrgency(std::string_view text);
std::string_view swedishUrgency(CaseUrgency urgency);  // "Normal", "Akut"
std::string_view toString(AnalysisOutcome outcome);    // "ok", "not_ok"
std::optional<AnalysisOutcome> parseAnalysisOutcome(std::string_view text);
std::string_view swedishOutcome(AnalysisOutcome outcome);  // "Godtagbart", "Inte godtagbart"

inline constexpr std::size_t kMaxCaseTitleCharacters = 200;
inline constexpr std::size_t kMaxCaseTextBytes = 20'000;  // a description, a note, an analysis

struct CaseOpening {
  CaseTrigger trigger = CaseTrigger::Other;
  std::string title;        // one line
  std::string description;  // what happened; Markdown, line breaks allowed
  Date occurredOn{};        // when it happened (or was noticed)
  CaseUrgency urgency = CaseUrgency::Normal;
};

// What the contract manager typed, checked. Errors (the first found):
//   Invalid/UnknownChoice  field "trigger" or "urgency" (value: what was sent)
//   Invalid/Missing, NotOneLine, TooLong (value "200"), InvalidUtf8, ControlCharacter: "title"
//   Invalid/Missing, TooLong, InvalidUtf8, ControlCharacter: "description"
//   Invalid/NotADate  field "occurred_on" (not YYYY-MM-DD)
//   Invalid/OutOfRange field "occurred_on" (after `today`; value: today as YYYY-MM-DD)
Result<CaseOpening> checkCaseOpening(std::string_view trigger, std::string_view title,
                                     std::string_view description, std::string_view occurredOn,
                                     std::string_view urgency, Date today);

// A note, an analysis, feedback, a reason: required, Markdown, at most kMaxCaseTextBytes.
// Errors: Invalid/Missing, TooLong, InvalidUtf8, ControlCharacter, all naming `field`.
Status checkCaseText(std::string_view text, const std::string& field);

// A last day for the action plan: a date, not before today.
// Errors: Invalid/Missing (empty), NotADate, OutOfRange (value: today), field `field`.
Result<Date> checkPlanDueOn(std::string_view text, Date today, const std::string& field);

}  // namespace sv::minutes
