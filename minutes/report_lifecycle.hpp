// The follow-up report's lifecycle (config/workflows/report.workflow; DESIGN.md "The follow-up
// around the meetings"): draft -> fact_check -> answered -> final -> registered. The file says who
// takes which step; the guards, written here, say when: every area assessed before the provider
// fact-checks, the fact-check over (answered or its deadline passed), every comment answered and
// every supplement decided before the report is final.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "workflows/stockholm_time.hpp"
#include "workflows/workflow.hpp"

namespace sv::minutes {

// The states of report.workflow, which must name exactly these with draft first (checked at
// start-up, as the minutes' are).
enum class ReportState { Draft, FactCheck, Answered, Final, Registered };

std::string_view stateName(ReportState s);  // "draft", "fact_check", "answered", "final", …
std::optional<ReportState> parseReportState(std::string_view name);

// Invalid/UnknownChoice (value = the state) when the workflow names a state the server does not
// know, misses one, or starts elsewhere than in draft.
Status checkReportStatesOf(const workflows::WorkflowDefinition& definition);

// A state the workflow engine answered, as the enum; Internal otherwise.
Result<ReportState> knownReportState(const Result<std::string>& answered);

// The fact-check's default time (seed 004: "delges utföraren för faktagranskning"): 14 days.
inline constexpr int kDefaultFactCheckDays = 14;
inline constexpr int kMostFactCheckDays = 90;

// The world as it will be once the transition at hand is taken.
struct ReportLifecycleFacts {
  std::optional<std::string> unassessedArea;  // the first area without an assessment, by key
  int openComments = 0;                       // fact-check comments without an answer
  int openSupplements = 0;                    // supplements requested and not decided
  std::optional<Date> factCheckDueOn;         // the last day the provider may answer
  Date today{};                               // in Stockholm
};

workflows::GuardRegistry<ReportLifecycleFacts> reportLifecycleGuards();

// The last day to answer a fact-check sent on `sent` with `days` to answer.
Date factCheckDueOn(Date sent, int days);

}  // namespace sv::minutes
