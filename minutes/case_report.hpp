// The report to the committee of an event-driven case (seed 002 § 8.2: "slutligen rapporteras
// resultatet till nämnden"): a follow-up report (report.hpp) of kind Case, made from the case's
// template (config/cases/case_report.followup: the areas and their questions) and filled from the
// case: the event and its trigger, the material gathered, the analyses, the accepted action plan
// and the feedback. From there on it is a report like any other: edited, fact-checked by the
// provider, made final, registered and archived.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/action_plan.hpp"
#include "minutes/follow_up_case.hpp"
#include "minutes/followup_template.hpp"
#include "minutes/report.hpp"

namespace sv::minutes {

// The areas the template must have, in this order (checked at start-up): the event, the
// provider's handling, the analysis, the action plan, feedback and outcome.
inline constexpr std::string_view kCaseAreaEvent = "event";
inline constexpr std::string_view kCaseAreaHandling = "handling";
inline constexpr std::string_view kCaseAreaAnalysis = "analysis";
inline constexpr std::string_view kCaseAreaActionPlan = "action_plan";
inline constexpr std::string_view kCaseAreaOutcome = "outcome";

// Invalid/UnknownChoice (field "areas", value: the key missing) unless the template has the five
// areas above.
Status checkCaseReportTemplate(const FollowUpTemplate& t);

struct CaseNoteFact {
  Date date{};
  std::string author;
  std::string text;  // Markdown
};
struct CaseAnalysisFact {
  Date date{};
  std::string author;
  AnalysisOutcome outcome = AnalysisOutcome::Ok;
  std::string text;  // Markdown
};

struct CaseFacts {
  ReportFacts report;  // kind Case, the contract, the year of the report
  std::int64_t caseId = 0;
  std::string title;
  CaseTrigger trigger = CaseTrigger::Other;
  CaseUrgency urgency = CaseUrgency::Normal;
  Date occurredOn{};
  Date openedOn{};
  std::string description;
  std::vector<CaseNoteFact> notes;            // oldest first
  std::vector<std::string> attachmentNames;   // the material's files
  std::vector<CaseAnalysisFact> analyses;     // oldest first
  std::optional<ActionPlan> acceptedPlan;
  std::string feedback;  // the feedback given to the provider (Markdown)
};

// The draft report: the template's areas with findings written from `facts` (user text kept as
// Markdown, every other value escaped), the method naming how the case was followed up. The
// analysis area is assessed from the last analysis (ok: meets the requirements; not ok: does not);
// the others are left for the contract manager to assess before the fact-check.
// Errors: as createReport's; Invalid/Missing (field "analyses") when no analysis was made.
Result<FollowUpReport> createCaseReport(const FollowUpTemplate& t, const CaseFacts& facts);

}  // namespace sv::minutes
