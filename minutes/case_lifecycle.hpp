// The lifecycle of an event-driven case (config/workflows/follow_up_case.workflow; seed 002 § 8.2:
// "Först inhämtas material, sedan genomförs en analys. Om analysen inte godkänns begärs en
// åtgärdsplan och en ny analys görs. När analysen är godkänd sker återkoppling till
// verksamheten, och slutligen rapporteras resultatet till nämnden"):
//   collecting -> analysis -> (ok) feedback | (not ok) action_plan_requested -> action_plan_received
//   -> (accepted) analysis … | (revision) action_plan_requested; feedback -> reported -> closed.
// The file says who takes which step; the guards, written here, say when.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "workflows/stockholm_time.hpp"
#include "workflows/workflow.hpp"

namespace sv::minutes {

enum class CaseState {
  Collecting,
  Analysis,
  ActionPlanRequested,
  ActionPlanReceived,
  Feedback,
  Reported,
  Closed
};

// "collecting", "analysis", "action_plan_requested", "action_plan_received", "feedback",
// "reported", "closed"
std::string_view stateName(CaseState s);
std::optional<CaseState> parseCaseState(std::string_view name);
// "Material inhämtas", "Analys", "Åtgärdsplan begärd", "Åtgärdsplan inkommen", "Återkoppling",
// "Rapporterad till nämnden", "Avslutad"
std::string_view swedishCaseState(CaseState s);

// Invalid/UnknownChoice (value = the state) when the workflow names a state the server does not
// know, misses one, or starts elsewhere than in collecting.
Status checkCaseStatesOf(const workflows::WorkflowDefinition& definition);
// A state the workflow engine answered, as the enum; Internal otherwise.
Result<CaseState> knownCaseState(const Result<std::string>& answered);

// The world as it will be once the transition at hand is taken.
struct CaseLifecycleFacts {
  std::string text;                 // the analysis, the reason or the feedback that comes with it
  std::optional<Date> planDueOn;    // the last day given for the action plan, if any
  int planItems = 0;                // actions in the provider's plan as it is sent
  int planComments = 0;             // comments per point that come with a revision request
  bool feedbackGiven = false;       // the provider has had the authority's feedback
  std::optional<std::string> reportState;  // the case report's state (ReportState's names)
  Date today{};                     // in Stockholm
};

// Guards (workflows/names.hpp): comment_given (text not blank), plan_deadline_given (planDueOn set
// and not before today; Invalid/Missing field "plan_due_on", OutOfRange value today),
// plan_has_actions (Conflict/PlanEmpty), plan_comments_given (Invalid/Missing field "comments"),
// feedback_given (Conflict/FeedbackMissing), case_report_registered
// (Conflict/CaseReportNotRegistered, value: the report's state or "none").
workflows::GuardRegistry<CaseLifecycleFacts> caseLifecycleGuards();

// How many days a case may go without a step or material before it is listed as stale.
inline constexpr int kDefaultCaseStaleDays = 30;
inline constexpr int kDefaultPlanDays = 30;  // the action plan's last day offered on the form

// A case is stale when it is open (not closed) and its last progress was more than `staleDays`
// days before `today`.
bool isStale(CaseState state, Date lastProgress, Date today, int staleDays);
// An action-plan request is overdue when the case waits for the plan and its last day has passed.
bool isPlanOverdue(CaseState state, std::optional<Date> planDueOn, Date today);

}  // namespace sv::minutes
