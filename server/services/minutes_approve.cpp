// An adjuster approves an exact version of the minutes, with an optional note of disagreement.
// When both parties have approved the current version the workflow completes to `approved`.
#include "agenda/agenda.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"

namespace sv::services {

namespace {
constexpr std::size_t kMaxNote = 20000;
}

Result<LifecycleView> MinutesService::approve(const store::Principal& actor, std::int64_t meetingId,
                                              const std::string& version, const std::string& note) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  const Party party = minutesRolesOf(actor, *ctx).contains("provider_adjuster") ? Party::Provider
                                                                                : Party::Authority;
  Step step;
  step.transition = "approve";
  step.text = note;
  step.approving = version;
  step.party = party;
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    if (note.size() > kMaxNote)
      return fail(Errc::Invalid, Reason::TooLong, "at most 20 000 characters", "note",
                  std::to_string(kMaxNote));
    // One approval a party and version: a second would sign the protocol twice.
    for (const auto& a : store::listApprovals(c, meetingId))
      if (!a.supersededAt && a.party == party && a.version == version)
        return fail(
            Errc::Conflict, Reason::AlreadyApproved,
            "the " + std::string(agenda::toString(party)) + " has already approved this version",
            "version");
    // The approval behind the method's interface (minutes/approval_method.hpp): today the
    // password login's words; a signing service's evidence would come back here.
    auto evidence = approvalMethod_->evidenceFor(
        {meetingId, party, actor.userId, actor.name, version, w.now, actor.authentication});
    if (!evidence) return std::unexpected(evidence.error());
    // A signature by the person needs a place of its own beside the approval (README,
    // "Justering med e-legitimation"); until it has one, none is taken and then lost.
    if (evidence->signature)
      return fail(Errc::Internal, "an approval signature cannot be kept by this version");
    store::insertApproval(c, {0, meetingId, party, actor.userId, actor.name, version, note, w.when,
                              std::nullopt, evidence->method});
    if (note.empty()) return std::pair<std::string, std::string>{};
    return std::pair<std::string, std::string>{"note", note};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  return lifecycle(actor, meetingId);
}

}  // namespace sv::services
