#include "minutes/report_lifecycle.hpp"

#include "workflows/name_table.hpp"
#include "workflows/names.hpp"
#include "workflows/workflow_states.hpp"

namespace sv::minutes {

namespace {
constexpr NameTable<ReportState, 5> kReportStates{{
    {ReportState::Draft, "draft"},
    {ReportState::FactCheck, "fact_check"},
    {ReportState::Answered, "answered"},
    {ReportState::Final, "final"},
    {ReportState::Registered, "registered"},
}};
}  // namespace

std::string_view stateName(ReportState s) {
  return nameIn(kReportStates, s, "draft");
}

std::optional<ReportState> parseReportState(std::string_view name) {
  return valueIn(kReportStates, name);
}

Status checkReportStatesOf(const workflows::WorkflowDefinition& definition) {
  return workflows::checkStatesAgainst(definition, kReportStates, ReportState::Draft, "report",
                                       "a report starts as a draft, not");
}

Result<ReportState> knownReportState(const Result<std::string>& answered) {
  return workflows::knownStateIn(answered, kReportStates, "report");
}

Date factCheckDueOn(Date sent, int days) {
  return Date{std::chrono::sys_days{sent} + std::chrono::days{days}};
}

workflows::GuardRegistry<ReportLifecycleFacts> reportLifecycleGuards() {
  namespace g = workflows::guards;
  workflows::GuardRegistry<ReportLifecycleFacts> guards;
  guards[std::string(g::kAreasAssessed)] = [](const ReportLifecycleFacts& f) -> Status {
    if (f.unassessedArea)
      return fail(Errc::Conflict, Reason::AreaNotAssessed,
                  "assess every area first; '" + *f.unassessedArea + "' is not assessed", "areas",
                  *f.unassessedArea);
    return {};
  };
  guards[std::string(g::kCommentsAnswered)] = [](const ReportLifecycleFacts& f) -> Status {
    if (f.openComments > 0)
      return fail(Errc::Conflict, Reason::CommentsOpen, "answer every fact-check comment first",
                  "comments", std::to_string(f.openComments));
    return {};
  };
  guards[std::string(g::kSupplementsDecided)] = [](const ReportLifecycleFacts& f) -> Status {
    if (f.openSupplements > 0)
      return fail(Errc::Conflict, Reason::SupplementsOpen,
                  "decide on every requested supplement first", "supplements",
                  std::to_string(f.openSupplements));
    return {};
  };
  guards[std::string(g::kFactCheckDeadlinePassed)] = [](const ReportLifecycleFacts& f) -> Status {
    if (!f.factCheckDueOn || !(f.today > *f.factCheckDueOn))
      return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                  "the fact-check's deadline has not passed");
    return {};
  };
  return guards;
}

}  // namespace sv::minutes
