#include "server/services/minutes_rules.hpp"

#include "server/services/access.hpp"

namespace sv::services {

bool mayWriteMinutes(const store::Principal& p, const MinutesContext& ctx) {
  if (managesContract(p, ctx.contract)) return true;
  for (const auto& part : ctx.participants)
    if (part.userId == p.userId && part.party == Party::Authority &&
        (part.role == agenda::ParticipantRole::Secretary ||
         part.role == agenda::ParticipantRole::Chair))
      return true;
  return false;
}

Status requireMinutesWriter(const store::Principal& p, const MinutesContext& ctx,
                            const std::string& doing) {
  if (mayWriteMinutes(p, ctx)) return {};
  return fail(Errc::Forbidden, Reason::NotMinutesWriter,
              "only the meeting's secretary or chair, or the contract manager, " + doing);
}

std::set<std::string> minutesRolesOf(const store::Principal& p, const MinutesContext& ctx) {
  // The authority's roles count only for its own contracts, the provider's for its own.
  auto roles = accountRolesFor(p, ctx.contract);
  for (const auto& part : ctx.participants) {
    if (part.userId != p.userId) continue;
    if (part.role == agenda::ParticipantRole::Adjuster)
      roles.insert(part.party == Party::Provider ? "provider_adjuster" : "authority_adjuster");
    else if (part.role == agenda::ParticipantRole::Chair ||
             part.role == agenda::ParticipantRole::Secretary)
      roles.insert(std::string(agenda::toString(part.role)));
  }
  return roles;
}

minutes::LifecycleFacts lifecycleFactsOf(const MinutesContext& ctx, const std::string& current,
                                         const std::vector<store::ApprovalRow>& approvals) {
  minutes::LifecycleFacts facts;
  facts.currentVersion = current;
  for (const auto& p : ctx.participants)
    if (p.role == agenda::ParticipantRole::Adjuster)
      (p.party == Party::Provider ? facts.providerAdjusterSet : facts.authorityAdjusterSet) = true;
  for (const auto& a : approvals)
    if (!a.supersededAt) facts.approvals.push_back({a.party, a.version});
  return facts;
}

}  // namespace sv::services
