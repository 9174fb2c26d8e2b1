// What the daily reminders look for (issue 12): minutes waiting in review, actions due or overdue,
// meetings drawing near without a published agenda; and who in an organisation holds a role.
// Read by the server itself, across tenants: each reminder goes only to people of the contract
// it is about (server/services/mail_reminders.cpp picks them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "server/store/transaction.hpp"

namespace sv::store {

// Meetings whose minutes have been in review since `since` (UTC ISO) or earlier, with when
// the review began.
struct WaitingMinutes {
  std::int64_t meetingId = 0;
  std::string since;
};
std::vector<WaitingMinutes> minutesInReviewSince(Reading& c, const std::string& since);

// Actions not done (open, or reported insufficient) due on `day` (YYYY-MM-DD) or before.
struct DueAction {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  std::string text;
  std::string party;  // "authority" or "provider": who is responsible
  std::string dueOn;
};
std::vector<DueAction> actionsDueBy(Reading& c, const std::string& day);

// Planned meetings starting in [from, to) (UTC ISO) with no published agenda.
std::vector<std::int64_t> meetingsWithoutAgenda(Reading& c, const std::string& from,
                                                const std::string& to);

// The active people of an organisation with the role ("contract_manager", "provider_rep").
std::vector<std::int64_t> activeUsersWithRole(Reading& c, std::int64_t organizationId,
                                              const std::string& role);

}  // namespace sv::store
