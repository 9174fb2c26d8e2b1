#include "minutes/report_lifecycle.hpp"

#include <algorithm>

#include "workflows/name_table.hpp"
#include "workflows/names.hpp"

namespace sv::minutes {

namespace {
constexpr NameTable<ReportState, 5> kStates{{
    {ReportState::Draft, "draft"},
    {ReportState::FactCheck, "fact_check"},
    {ReportState::Answered, "answered"},
    {ReportState::Final, "final"},
    {ReportState::Registered, "registered"},
}};
}  // namespace

std::string_view stateName(ReportState s) {
  return nameIn(kStates, s, "draft");
}

std::optional<ReportState> parseReportState(std::string_view name) {
  return valueIn(kStates, name);
}

Status checkReportStatesOf(const workflows::WorkflowDefinition& definition) {
  const auto unknown = [&](std::string_view state, std::string detail) -> Status {
    return fail(Errc::Invalid, Reason::UnknownChoice,
                "workflow '" + definition.name + "': " + std::move(detail), "states",
                std::string(state));
  };
  for (const auto& state : definition.states)
    if (!parseReportState(state))
      return unknown(state, "the server knows no report state '" + state + "'");
  for (const auto& [s, known] : kStates) {
    const auto name = std::string(known);
    if (std::find(definition.states.begin(), definition.states.end(), name) ==
        definition.states.end())
      return unknown(name, "the report state '" + name + "' is missing");
  }
  if (definition.initial != stateName(ReportState::Draft))
    return unknown(definition.initial,
                   "a report starts as a draft, not '" + definition.initial + "'");
  return {};
}

Result<ReportState> knownReportState(const Result<std::string>& answered) {
  if (!answered) return std::unexpected(answered.error());
  if (auto s = parseReportState(*answered)) return *s;
  return fail(Errc::Internal, "the report workflow answered an unknown state '" + *answered + "'");
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
