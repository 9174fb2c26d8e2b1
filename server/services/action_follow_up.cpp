// The history of the actions a meeting follows up, read in one transaction, so that the minutes'
// follow-up (usually § 5) tells what was reported and decided since the action was agreed.
#include "server/services/actions.hpp"

namespace sv::services {

std::vector<ActionView> ActionService::followUps(const store::Principal& viewer,
                                                 const std::vector<std::int64_t>& ids) {
  return store_.read([&](store::Reading& c) {
    std::vector<ActionView> out;
    const auto scope = store::TenantScope::of(viewer);
    for (const std::int64_t id : ids)
      if (auto row = store::findAction(c, scope, id)) out.push_back(view(c, std::move(*row)));
    return out;
  });
}

}  // namespace sv::services
