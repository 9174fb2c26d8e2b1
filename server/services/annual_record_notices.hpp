// Who is told what about the yearly summary, inside the step's transaction (notices.hpp): the
// authority's directors when it waits for their approval, its writer when it comes back or is
// registered, the registrars when it is approved. Only the authority's own people.
#pragma once

#include <cstdint>
#include <string>

#include "server/services/mail_policy.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct AnnualRecordContext;

// `to` is the state the step led to ("submitted", "draft", "approved", "registered"); `said` the
// return's comment or the registry number.
void tellAnnualStep(store::Writing& c, const MailPolicy& policy, TimePoint now,
                    const AnnualRecordContext& ctx, const std::string& to, const std::string& said);

}  // namespace sv::services
