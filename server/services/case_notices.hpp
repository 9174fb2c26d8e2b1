// Who is told what about an event-driven case, inside the transaction of the step that causes it
// (services/notices.hpp): the provider's people when a case is opened, a plan is asked for,
// returned or accepted, and when feedback is given; the case's contract manager when the plan
// comes in; and when a case is acute, at once, the authority's director and committee secretary
// (seed 002 § 8.2), each recorded in case_notices so that the case shows who was told when.
#pragma once

#include <string>
#include <vector>

#include "server/services/case_context.hpp"
#include "server/services/mail_policy.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

void tellCaseOpened(store::Writing& c, const MailPolicy& policy, TimePoint now,
                    const CaseContext& ctx);
// Returns how many people were told (none when the authority has no one in either role).
int tellCaseAcute(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const CaseContext& ctx, const std::string& why);
void tellPlanRequested(store::Writing& c, const MailPolicy& policy, TimePoint now,
                       const CaseContext& ctx, const std::string& dueOn,
                       const std::vector<std::string>& comments);
void tellPlanSubmitted(store::Writing& c, const MailPolicy& policy, TimePoint now,
                       const CaseContext& ctx, int round);
void tellPlanAccepted(store::Writing& c, const MailPolicy& policy, TimePoint now,
                      const CaseContext& ctx, int actions);
void tellFeedback(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const CaseContext& ctx, const std::string& feedback);

}  // namespace sv::services
