#include "minutes/case_lifecycle.hpp"

#include <chrono>

#include "minutes/follow_up_case.hpp"
#include "minutes/report_lifecycle.hpp"
#include "workflows/name_table.hpp"
#include "workflows/names.hpp"
#include "workflows/workflow_states.hpp"

namespace sv::minutes {

namespace {
constexpr NameTable<CaseState, 7> kCaseStates{{
    {CaseState::Collecting, "collecting"},
    {CaseState::Analysis, "analysis"},
    {CaseState::ActionPlanRequested, "action_plan_requested"},
    {CaseState::ActionPlanReceived, "action_plan_received"},
    {CaseState::Feedback, "feedback"},
    {CaseState::Reported, "reported"},
    {CaseState::Closed, "closed"},
}};

constexpr NameTable<CaseState, 7> kSwedishStates{{
    {CaseState::Collecting, "Material inhämtas"},
    {CaseState::Analysis, "Analys"},
    {CaseState::ActionPlanRequested, "Åtgärdsplan begärd"},
    {CaseState::ActionPlanReceived, "Åtgärdsplan inkommen"},
    {CaseState::Feedback, "Återkoppling"},
    {CaseState::Reported, "Rapporterad till nämnden"},
    {CaseState::Closed, "Avslutad"},
}};

const std::string kPlanDueOnField = "plan_due_on";

std::chrono::sys_days sysDays(Date d) {
  return std::chrono::sys_days{d};
}
}  // namespace

std::string_view stateName(CaseState s) {
  return nameIn(kCaseStates, s, "collecting");
}

std::optional<CaseState> parseCaseState(std::string_view name) {
  return valueIn(kCaseStates, name);
}

std::string_view swedishCaseState(CaseState s) {
  return nameIn(kSwedishStates, s, "Material inhämtas");
}

Status checkCaseStatesOf(const workflows::WorkflowDefinition& definition) {
  return workflows::checkStatesAgainst(definition, kCaseStates, CaseState::Collecting, "case",
                                       "a case starts by collecting material, not in");
}

Result<CaseState> knownCaseState(const Result<std::string>& answered) {
  return workflows::knownStateIn(answered, kCaseStates, "case");
}

workflows::GuardRegistry<CaseLifecycleFacts> caseLifecycleGuards() {
  namespace g = workflows::guards;
  workflows::GuardRegistry<CaseLifecycleFacts> guards;
  // The analysis, the reason or the feedback: what a person typed, checked as every case text is.
  guards[std::string(g::kCommentGiven)] = [](const CaseLifecycleFacts& f) -> Status {
    return checkCaseText(f.text, "text");
  };
  guards[std::string(g::kPlanDeadlineGiven)] = [](const CaseLifecycleFacts& f) -> Status {
    if (!f.planDueOn)
      return fail(Errc::Invalid, Reason::Missing, "give the action plan's last day",
                  kPlanDueOnField);
    if (sysDays(*f.planDueOn) < sysDays(f.today))
      return fail(Errc::Invalid, Reason::OutOfRange, "the action plan's last day is past",
                  kPlanDueOnField, formatDate(f.today));
    return {};
  };
  guards[std::string(g::kPlanHasActions)] = [](const CaseLifecycleFacts& f) -> Status {
    if (f.planItems <= 0)
      return fail(Errc::Conflict, Reason::PlanEmpty, "the action plan has no actions", "items");
    return {};
  };
  guards[std::string(g::kPlanCommentsGiven)] = [](const CaseLifecycleFacts& f) -> Status {
    if (f.planComments <= 0)
      return fail(Errc::Invalid, Reason::Missing,
                  "say what should change: comment on at least one point", "comments");
    return {};
  };
  guards[std::string(g::kFeedbackGiven)] = [](const CaseLifecycleFacts& f) -> Status {
    if (!f.feedbackGiven)
      return fail(Errc::Conflict, Reason::FeedbackMissing,
                  "give the provider the authority's feedback first", "feedback");
    return {};
  };
  guards[std::string(g::kCaseReportRegistered)] = [](const CaseLifecycleFacts& f) -> Status {
    const std::string registered(stateName(ReportState::Registered));
    if (f.reportState != registered)
      return fail(Errc::Conflict, Reason::CaseReportNotRegistered,
                  "register the case's report to the committee first", "report",
                  f.reportState.value_or("none"));
    return {};
  };
  return guards;
}

bool isStale(CaseState state, Date lastProgress, Date today, int staleDays) {
  if (state == CaseState::Closed) return false;
  return sysDays(today) - sysDays(lastProgress) > std::chrono::days{staleDays};
}

bool isPlanOverdue(CaseState state, std::optional<Date> planDueOn, Date today) {
  return state == CaseState::ActionPlanRequested && planDueOn &&
         sysDays(today) > sysDays(*planDueOn);
}

}  // namespace sv::minutes
