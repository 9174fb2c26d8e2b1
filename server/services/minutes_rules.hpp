// Who may do what with the minutes, and the facts the lifecycle's guards decide on: the one place
// the minutes use cases share their rules from (config/workflows/minutes.workflow names the roles).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "minutes/lifecycle.hpp"
#include "minutes/minutes.hpp"
#include "server/services/minutes_context.hpp"
#include "server/store/approvals.hpp"
#include "server/store/principal.hpp"

namespace sv::services {

// The meeting's secretary or chair of the authority, or the contract manager.
bool mayWriteMinutes(const store::Principal& p, const MinutesContext& ctx);

// Errors: Forbidden/NotMinutesWriter (`doing` ends the detail: "writes the minutes").
Status requireMinutesWriter(const store::Principal& p, const MinutesContext& ctx,
                            const std::string& doing);

// The caller's roles for this meeting's minutes: their account's roles where they count (the
// authority's for its own contracts, the provider's for its own) and their part in the meeting
// (provider_adjuster, authority_adjuster, chair, secretary).
std::set<std::string> minutesRolesOf(const store::Principal& p, const MinutesContext& ctx);

// The facts as stored: which parties have an adjuster, the approvals that still count.
minutes::LifecycleFacts lifecycleFactsOf(const MinutesContext& ctx, const std::string& current,
                                         const std::vector<store::ApprovalRow>& approvals);

}  // namespace sv::services
