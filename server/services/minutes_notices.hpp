// What the minutes' lifecycle tells whom, in Swedish (server/services/notices.hpp sends it):
// submitted → the adjusters; returned → the secretary and the chair, with the comments;
// approved by both → the authority's registrars; registered → every participant, with the
// registry number and the PDF. Each is called inside the transaction of its step.
#pragma once

#include <string>
#include <vector>

#include "server/services/mail_policy.hpp"
#include "server/services/minutes_context.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

void tellSubmitted(store::Writing& c, const MailPolicy& policy, TimePoint now,
                   const MinutesContext& ctx);
void tellReturned(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const MinutesContext& ctx, const std::string& by, const std::string& comment,
                  const std::vector<std::string>& sectionComments);
void tellApproved(store::Writing& c, const MailPolicy& policy, TimePoint now,
                  const MinutesContext& ctx);
void tellRegistered(store::Writing& c, const MailPolicy& policy, TimePoint now,
                    const MinutesContext& ctx, const std::string& number);

// "samverkansmötet 9 februari 2027 kl. 13.00 om Hemtjänst Söder": how a message names a meeting.
std::string meetingPhrase(const store::MeetingRow& meeting, const store::ContractRow& contract);

}  // namespace sv::services
