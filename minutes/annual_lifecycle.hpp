// The yearly summary's lifecycle (config/workflows/annual_report.workflow):
// draft -> submitted -> approved -> registered, and submitted -> draft when the director returns
// it. The file says who takes which step; the guards, written here, say when: the three parts of
// the text written before it goes for approval, a comment with a return, and an approval that
// names the current version (what the director read is what is approved).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "workflows/result.hpp"
#include "workflows/workflow.hpp"

namespace sv::minutes {

// The states of annual_report.workflow, which must name exactly these with draft first (checked
// at start-up, as the minutes' are).
enum class AnnualState { Draft, Submitted, Approved, Registered };

std::string_view stateName(AnnualState s);  // "draft", "submitted", "approved", "registered"
std::optional<AnnualState> parseAnnualState(std::string_view name);

// Invalid/UnknownChoice (value = the state) when the workflow names a state the server does not
// know, misses one, or starts elsewhere than in draft.
Status checkAnnualStatesOf(const workflows::WorkflowDefinition& definition);

// A state the workflow engine answered, as the enum; Internal otherwise.
Result<AnnualState> knownAnnualState(const Result<std::string>& answered);

// The world as it will be once the transition at hand is taken.
struct AnnualLifecycleFacts {
  std::optional<std::string> missingPart;  // minutes::missingNarrativePart
  std::string comment;                     // with a return
  std::optional<std::string> approving;    // the version an approval names
  std::string currentVersion;
};

workflows::GuardRegistry<AnnualLifecycleFacts> annualLifecycleGuards();

}  // namespace sv::minutes
