// The outbox of e-mail (migration 017): messages written in the transaction of the change that
// causes them, delivered by a sender that marks each sent or moves its next attempt on. What a
// message says and when to try again are the callers' (the mail use cases and the sender); these
// are the rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/transaction.hpp"

namespace sv::store {

struct OutgoingMail {
  std::string messageId;  // unique; the Message-ID header's value without < >
  std::string kind;
  std::optional<std::int64_t> userId;
  std::string recipient;
  std::string message;  // headers and body as they go on the wire
  std::int64_t createdAt = 0;
};

struct OutboxRow {
  std::int64_t id = 0;
  OutgoingMail mail;
  int attempts = 0;
  std::int64_t nextAttemptAt = 0;
  std::optional<std::int64_t> sentAt;
  std::optional<std::string> lastError;
};

struct OutboxCounts {
  std::int64_t waiting = 0;  // not sent, never failed
  std::int64_t failing = 0;  // not sent, failed at least once
  std::int64_t sent = 0;
};

// Adds the message, due at once; its id. A message id used before is a programming error
// (the UNIQUE constraint throws), never a silent second message.
std::int64_t enqueueMail(Writing& c, const OutgoingMail& mail);

// Unsent messages due at `now` and claimed by no sender, oldest first, at most `limit`.
std::vector<OutboxRow> dueMail(Reading& c, std::int64_t now, int limit);

// The same, claimed for the caller until `claimUntil` (migration 029): no other sender (another
// server process on the same PostgreSQL) takes them meanwhile. Sent or failed clears the claim;
// a sender that dies leaves it to run out.
std::vector<OutboxRow> claimDueMail(Writing& c, std::int64_t now, int limit,
                                    std::int64_t claimUntil);

// Every claim cleared: at the start of a process that has the store to itself (SQLite's folder
// lock), whose claims can only be those of a process that died.
void releaseMailClaims(Writing& c);

// Delivered: the row never changes again. False when it was sent already (a second sender).
bool markMailSent(Writing& c, std::int64_t id, std::int64_t now);

// An attempt failed: counted, the reason kept, the next attempt at `nextAttemptAt`.
void markMailFailed(Writing& c, std::int64_t id, const std::string& error,
                    std::int64_t nextAttemptAt);

// Unsent messages that have failed at least once, latest first: the administrator's list, paged.
std::vector<OutboxRow> failingMail(Reading& c, int limit, int offset);

// A failing message tried again at the next round; false when there is no unsent message with this
// id that has failed (one never tried is due already, and the administrator's resend names a
// failing one).
bool retryMailNow(Writing& c, std::int64_t id, std::int64_t now);

OutboxCounts outboxCounts(Reading& c);

// Every Message-ID in the outbox, oldest first: what an audit of delivery compares with what
// arrived.
std::vector<std::string> outboxMessageIds(Reading& c);

}  // namespace sv::store
