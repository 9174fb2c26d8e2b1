// The guards of the minutes' lifecycle (config/workflows/minutes.workflow), written in C++ as the
// design asks: the facts they look at are gathered by the server, the rules live here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "minutes/minutes.hpp"
#include "workflows/workflow.hpp"

namespace sv::minutes {

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
