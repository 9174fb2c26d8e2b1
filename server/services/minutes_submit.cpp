// Submitting the minutes for approval: the adjusters of both parties are told.
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<LifecycleView> MinutesService::submit(const store::Principal& actor,
                                             std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  Step step;
  step.transition = "submit";
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    const std::string text = "Protokollet från mötet " +
                             formatSwedishDateTime(*parseDateTime(w.ctx.meeting.startsAt)) + " (" +
                             w.ctx.contract.title + ") väntar på din justering.";
    for (const auto& p : w.ctx.participants)
      if (p.role == agenda::ParticipantRole::Adjuster)
        store::insertNotification(
            c, {0, p.userId, meetingId, "minutes.submitted", text, w.when, std::nullopt});
    return std::pair<std::string, std::string>{};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  return lifecycle(actor, meetingId);
}

}  // namespace sv::services
