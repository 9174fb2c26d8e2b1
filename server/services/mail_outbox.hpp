// The administrator's view of the e-mail outbox (issue 12): how many messages wait, fail and have
// gone, the failing ones a page at a time, and one of them tried again now. Only what the
// administrator needs to act is shown: the kind, the address, the attempts and the last error.
// The message itself is never read out here, since it may hold what an administrator may not see
// (a protocol's text, a contract's details).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/services/accounts.hpp"
#include "server/store/outbox.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct FailingMail {
  std::int64_t id = 0;
  std::string kind;  // e.g. "minutes_submitted"
  std::string recipient;
  int attempts = 0;
  std::string lastError;
  TimePoint nextAttemptAt;
  TimePoint createdAt;
};

struct OutboxOverview {
  store::OutboxCounts counts;
  std::vector<FailingMail> failing;  // latest first
};

// The most failing messages one call returns; a larger limit is read as this.
inline constexpr int kMaxOutboxPage = 200;

// The counts and at most `limit` failing messages after `offset` (a limit below 1 is 1, an offset
// below 0 is 0). A page may ask for one more than it shows, to know whether there is a next one.
// `Actor::system()` is the command line.
// Errors: Forbidden/NotAdministrator.
Result<OutboxOverview> outboxOverview(store::Store& store, accounts::Actor viewer, int limit,
                                      int offset);

// A failing message due at once, for the sender's next round, with an audit entry
// ("mail.resend") in the same transaction. A message sent already, one that has not failed yet
// (it is due anyway) and an unknown id are all "no such failing message".
// Errors: Forbidden/NotAdministrator, NotFound.
Status resendMail(store::Store& store, const TimeSource& time, accounts::Actor actor,
                  std::int64_t id);

}  // namespace sv::services
