// Submitting the minutes for approval: the adjusters of both parties are told.
#include "server/services/minutes_notices.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"

namespace sv::services {

Result<LifecycleView> MinutesService::submit(const store::Principal& actor,
                                             std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  Step step;
  step.transition = "submit";
  step.record = [this](store::Writing& c,
                       const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    tellSubmitted(c, catalog_.mail, w.now, w.ctx);
    return std::pair<std::string, std::string>{};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  return lifecycle(actor, meetingId);
}

}  // namespace sv::services
