// The guards of the minutes' lifecycle (config/workflows/minutes.workflow), written in C++ as the
// design asks: the facts they look at are gathered by the server, the rules live here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/minutes.hpp"
#include "workflows/workflow.hpp"

namespace sv::minutes {

// The states of config/workflows/minutes.workflow. The file says which transitions lead between
// them and who may take them; the server knows what each state means (the text can change in a
// draft, the registrar's queue holds the approved, nothing changes once registered), so the file
// must name exactly these, with draft first: checkStatesOf stops the server at start-up otherwise.
enum class MinutesState { Draft, InReview, Approved, Registered };

std::string_view stateName(MinutesState s);  // "draft", "in_review", "approved", "registered"
std::optional<MinutesState> parseMinutesState(std::string_view name);

// Invalid/Reason::UnknownChoice (value = the state) when the workflow names a state the server
// does not know, misses one it knows, or starts elsewhere than in draft.
Status checkStatesOf(const workflows::WorkflowDefinition& definition);

// A state the workflow engine answered, as the enum. Internal when it is none of them, which
// checkStatesOf rules out at start-up.
Result<MinutesState> knownState(const Result<std::string>& answered);

struct GivenApproval {
  Party party = Party::Authority;
  std::string version;
};

// The world as it will be once the transition at hand is taken.
struct LifecycleFacts {
  std::string currentVersion;
  bool authorityAdjusterSet = false;
  bool providerAdjusterSet = false;
  std::vector<GivenApproval> approvals;  // those still counting, with the one being given
  std::optional<std::string> approving;  // the version an approval being given names
  std::string comment;                   // with a return
};

workflows::GuardRegistry<LifecycleFacts> lifecycleGuards();

// Each party's adjuster has approved the current version.
bool bothPartiesApproved(const LifecycleFacts& facts);

}  // namespace sv::minutes
