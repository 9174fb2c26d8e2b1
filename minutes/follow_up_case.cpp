#include "minutes/follow_up_case.hpp"

#include <chrono>

#include "minutes/text_rules.hpp"
#include "workflows/name_table.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

using detail::checkText;
using detail::Lines;
using detail::Presence;

constexpr NameTable<CaseTrigger, 6> kTriggers{{
    {CaseTrigger::Deviations, "deviations"},
    {CaseTrigger::Complaints, "complaints"},
    {CaseTrigger::SeriousEvent, "serious_event"},
    {CaseTrigger::BudgetDeviation, "budget_deviation"},
    {CaseTrigger::IndividualSignal, "individual_signal"},
    {CaseTrigger::Other, "other"},
}};

// The words of seed 002 § 8.2, as the case's page, the agenda and the report say them.
constexpr NameTable<CaseTrigger, 6> kSwedishTriggers{{
    {CaseTrigger::Deviations, "Upprepade avvikelser"},
    {CaseTrigger::Complaints, "Klagomål och synpunkter"},
    {CaseTrigger::SeriousEvent, "Allvarlig händelse (lex Sarah, lex Maria)"},
    {CaseTrigger::BudgetDeviation, "Avvikelse i budget, debitering eller fakturering"},
    {CaseTrigger::IndividualSignal, "Signal från individuppföljning"},
    {CaseTrigger::Other, "Annat"},
}};

constexpr NameTable<CaseUrgency, 2> kUrgencies{{
    {CaseUrgency::Normal, "normal"},
    {CaseUrgency::Acute, "acute"},
}};

constexpr NameTable<CaseUrgency, 2> kSwedishUrgencies{{
    {CaseUrgency::Normal, "Normal"},
    {CaseUrgency::Acute, "Akut"},
}};

constexpr NameTable<AnalysisOutcome, 2> kAnalysisOutcomes{{
    {AnalysisOutcome::Ok, "ok"},
    {AnalysisOutcome::NotOk, "not_ok"},
}};

constexpr NameTable<AnalysisOutcome, 2> kSwedishOutcomes{{
    {AnalysisOutcome::Ok, "Godtagbart"},
    {AnalysisOutcome::NotOk, "Inte godtagbart"},
}};

constexpr std::string_view kDateForm = "YYYY-MM-DD";

// A title is read on one line wherever it is shown (the list of cases, the agenda, the report),
// so a line break is its own reason and the limit counts characters, as people do.
Status checkTitle(std::string_view title) {
  const std::string field = "title";
  if (!text::isValidUtf8(title))
    return fail(Errc::Invalid, Reason::InvalidUtf8, "the title is not valid UTF-8", field);
  if (text::isBlank(title))
    return fail(Errc::Invalid, Reason::Missing, "a case needs a title", field);
  if (title.find_first_of("\r\n") != std::string_view::npos)
    return fail(Errc::Invalid, Reason::NotOneLine, "a title is one line of text", field);
  if (text::hasControlCharacters(title, false))
    return fail(Errc::Invalid, Reason::ControlCharacter, "the title contains a control character",
                field);
  if (text::countCharacters(text::trim(title)) > kMaxCaseTitleCharacters)
    return fail(Errc::Invalid, Reason::TooLong,
                "a title is at most " + std::to_string(kMaxCaseTitleCharacters) + " characters",
                field, std::to_string(kMaxCaseTitleCharacters));
  return {};
}

Result<Date> readDate(std::string_view text, const std::string& field) {
  auto date = parseDate(text::trim(text));
  if (!date)
    return fail(Errc::Invalid, Reason::NotADate, "a date is written YYYY-MM-DD", field,
                std::string(kDateForm));
  return *date;
}

}  // namespace

std::string_view toString(CaseTrigger trigger) {
  return nameIn(kTriggers, trigger, "other");
}
std::optional<CaseTrigger> parseCaseTrigger(std::string_view text) {
  return valueIn(kTriggers, text);
}
std::string_view swedishTrigger(CaseTrigger trigger) {
  return nameIn(kSwedishTriggers, trigger, "Annat");
}
std::string_view toString(CaseUrgency urgency) {
  return nameIn(kUrgencies, urgency, "normal");
}
std::optional<CaseUrgency> parseCaseUrgency(std::string_view text) {
  return valueIn(kUrgencies, text);
}
std::string_view swedishUrgency(CaseUrgency urgency) {
  return nameIn(kSwedishUrgencies, urgency, "Normal");
}
std::string_view toString(AnalysisOutcome outcome) {
  return nameIn(kAnalysisOutcomes, outcome, "ok");
}
std::optional<AnalysisOutcome> parseAnalysisOutcome(std::string_view text) {
  return valueIn(kAnalysisOutcomes, text);
}
std::string_view swedishOutcome(AnalysisOutcome outcome) {
  return nameIn(kSwedishOutcomes, outcome, "Godtagbart");
}

Result<CaseOpening> checkCaseOpening(std::string_view trigger, std::string_view title,
                                     std::string_view description, std::string_view occurredOn,
                                     std::string_view urgency, Date today) {
  CaseOpening opening;
  const auto parsedTrigger = parseCaseTrigger(trigger);
  if (!parsedTrigger)
    return fail(Errc::Invalid, Reason::UnknownChoice, "unknown trigger", "trigger",
                std::string(trigger));
  opening.trigger = *parsedTrigger;
  const auto parsedUrgency = parseCaseUrgency(urgency);
  if (!parsedUrgency)
    return fail(Errc::Invalid, Reason::UnknownChoice, "unknown urgency", "urgency",
                std::string(urgency));
  opening.urgency = *parsedUrgency;
  if (auto ok = checkTitle(title); !ok) return std::unexpected(ok.error());
  opening.title = text::trimmed(title);
  if (auto ok = checkCaseText(description, "description"); !ok) return std::unexpected(ok.error());
  opening.description = std::string(description);
  auto occurred = readDate(occurredOn, "occurred_on");
  if (!occurred) return std::unexpected(occurred.error());
  // A case is opened about what has happened (or been noticed), never about what may come.
  if (std::chrono::sys_days{*occurred} > std::chrono::sys_days{today})
    return fail(Errc::Invalid, Reason::OutOfRange, "the event cannot be after today", "occurred_on",
                formatDate(today));
  opening.occurredOn = *occurred;
  return opening;
}

Status checkCaseText(std::string_view text, const std::string& field) {
  return checkText(text, field, "the text", kMaxCaseTextBytes, Lines::Many, Presence::Required);
}

Result<Date> checkPlanDueOn(std::string_view text, Date today, const std::string& field) {
  if (text::isBlank(text))
    return fail(Errc::Invalid, Reason::Missing, "give the action plan's last day", field);
  auto due = readDate(text, field);
  if (!due) return due;
  if (std::chrono::sys_days{*due} < std::chrono::sys_days{today})
    return fail(Errc::Invalid, Reason::OutOfRange, "the last day cannot be before today", field,
                formatDate(today));
  return due;
}

}  // namespace sv::minutes
