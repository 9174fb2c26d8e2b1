#include "server/services/mail_outbox.hpp"

#include <algorithm>
#include <chrono>

#include "server/services/access.hpp"
#include "server/store/audit.hpp"
#include "workflows/clock.hpp"

namespace sv::services {
namespace {

Status requireAdministrator(accounts::Actor actor, const char* what) {
  if (actor.principal && !actor.principal->isAdmin())
    return fail(Errc::Forbidden, Reason::NotAdministrator,
                std::string("only an administrator ") + what);
  return {};
}

TimePoint fromUnix(std::int64_t seconds) {
  return TimePoint(std::chrono::seconds(seconds));
}

}  // namespace

Result<OutboxOverview> outboxOverview(store::Store& store, accounts::Actor viewer, int limit,
                                      int offset) {
  if (auto ok = requireAdministrator(viewer, "sees the outbox"); !ok)
    return std::unexpected(ok.error());
  limit = std::clamp(limit, 1, kMaxOutboxPage);
  offset = std::max(offset, 0);
  return store.read([&](store::Reading& c) {
    OutboxOverview out;
    out.counts = store::outboxCounts(c);
    for (const auto& row : store::failingMail(c, limit, offset))
      out.failing.push_back({row.id, row.mail.kind, row.mail.recipient, row.attempts,
                             row.lastError.value_or(""), fromUnix(row.nextAttemptAt),
                             fromUnix(row.mail.createdAt)});
    return out;
  });
}

Status resendMail(store::Store& store, const TimeSource& time, accounts::Actor actor,
                  std::int64_t id) {
  if (auto ok = requireAdministrator(actor, "sends a message again"); !ok) return ok;
  const auto now = time.now();
  return store.write([&](store::Writing& c) -> Status {
    if (!store::retryMailNow(c, id, unixSeconds(now)))
      return fail(Errc::NotFound, "no such failing message");
    store::appendAudit(c, auditBy(actor.principal, "mail.resend", "mail", std::to_string(id)), now);
    return {};
  });
}

}  // namespace sv::services
