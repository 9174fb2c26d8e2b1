// The history of the actions a meeting follows up, read in one transaction, so that the minutes'
// follow-up (usually § 5) tells what was reported and decided since the action was agreed.
#include "server/services/actions.hpp"

namespace sv::services {

std::vector<ActionView> ActionService::followUps(const store::Principal& viewer,
                                                 const std::vector<std::int64_t>& ids,
                                                 const std::optional<std::string>& until) {
  return store_.read([&](store::Reading& c) {
    std::vector<ActionView> out;
    const auto scope = store::TenantScope::of(viewer);
    for (const std::int64_t id : ids) {
      auto row = store::findAction(c, scope, id);
      if (!row) continue;
      auto v = view(c, std::move(*row));
      // The times are ISO UTC of one format, so they compare as text.
      if (until)
        std::erase_if(v.events, [&](const store::ActionEventRow& e) { return e.at > *until; });
      out.push_back(std::move(v));
    }
    return out;
  });
}

}  // namespace sv::services
