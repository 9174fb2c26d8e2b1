// Who is told what about a follow-up report, inside the transaction of the step that causes it
// (services/notices.hpp): the provider's people when a report waits for their fact-check or a
// supplement, the report's writer when they answered, and at the end the provider (the feedback,
// seed 000: "varje enhet får återkoppling på resultatet") and the registrars.
#pragma once

#include <string>
#include <vector>

#include "server/services/mail_policy.hpp"
#include "server/services/report_context.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

void tellFactCheckSent(store::Writing& c, const MailPolicy& policy, TimePoint now,
                       const ReportContext& ctx, const std::string& dueOn);
// `comments`: the provider's comments as written; none when "inga synpunkter" or the deadline.
void tellFactCheckEnded(store::Writing& c, const MailPolicy& policy, TimePoint now,
                        const ReportContext& ctx, const std::string& how,
                        const std::vector<std::string>& comments);
void tellSupplementRequested(store::Writing& c, const MailPolicy& policy, TimePoint now,
                             const ReportContext& ctx, const minutes::SupplementEntry& s);
void tellSupplementSent(store::Writing& c, const MailPolicy& policy, TimePoint now,
                        const ReportContext& ctx, const minutes::SupplementEntry& s);
void tellReportFinal(store::Writing& c, const MailPolicy& policy, TimePoint now,
                     const ReportContext& ctx);

}  // namespace sv::services
