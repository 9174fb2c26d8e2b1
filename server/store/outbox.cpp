#include "server/store/outbox.hpp"

namespace sv::store {
namespace {

constexpr const char* kOutboxColumns =
    "SELECT id, message_id, kind, user_id, recipient, message, created_at, attempts, "
    "next_attempt_at, sent_at, last_error FROM outbox ";

OutboxRow readOutboxRow(const Statement& s) {
  OutboxRow r;
  r.id = s.int64(0);
  r.mail = {s.text(1), s.text(2), s.optionalInt64(3), s.text(4), s.text(5), s.int64(6)};
  r.attempts = static_cast<int>(s.int64(7));
  r.nextAttemptAt = s.int64(8);
  r.sentAt = s.optionalInt64(9);
  r.lastError = s.optionalText(10);
  return r;
}

std::vector<OutboxRow> readRows(Statement& s) {
  std::vector<OutboxRow> out;
  while (s.step()) out.push_back(readOutboxRow(s));
  return out;
}

}  // namespace

std::int64_t enqueueMail(Writing& c, const OutgoingMail& m) {
  c.prepare(
       "INSERT INTO outbox (message_id, kind, user_id, recipient, message, created_at, "
       "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
      .bindAll(m.messageId, m.kind, m.userId, m.recipient, m.message, m.createdAt)
      .run();
  return c.lastInsertId();
}

std::vector<OutboxRow> dueMail(Reading& c, std::int64_t now, int limit) {
  auto s = c.prepare(std::string(kOutboxColumns) +
                     "WHERE sent_at IS NULL AND next_attempt_at <= ?1 "
                     "AND (claimed_until IS NULL OR claimed_until <= ?1) "
                     "ORDER BY next_attempt_at, id LIMIT ?2");
  s.bindAll(now, std::int64_t{limit});
  return readRows(s);
}

std::vector<OutboxRow> claimDueMail(Writing& c, std::int64_t now, int limit,
                                    std::int64_t claimUntil) {
  // Inside the write transaction, which has one writer across processes (SQLite's BEGIN
  // IMMEDIATE, PostgreSQL's advisory lock): what this claims, no other sender has seen due.
  auto rows = dueMail(c, now, limit);
  for (const auto& row : rows)
    c.prepare("UPDATE outbox SET claimed_until = ?2 WHERE id = ?1")
        .bindAll(row.id, claimUntil)
        .run();
  return rows;
}

void releaseMailClaims(Writing& c) {
  c.prepare(
       "UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL AND sent_at IS NULL")
      .run();
}

bool markMailSent(Writing& c, std::int64_t id, std::int64_t now) {
  c.prepare(
       "UPDATE outbox SET sent_at = ?2, claimed_until = NULL WHERE id = ?1 AND sent_at IS NULL")
      .bindAll(id, now)
      .run();
  return c.changes() > 0;
}

void markMailFailed(Writing& c, std::int64_t id, const std::string& error,
                    std::int64_t nextAttemptAt) {
  c.prepare(
       "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3, "
       "claimed_until = NULL WHERE id = ?1 AND sent_at IS NULL")
      .bindAll(id, error, nextAttemptAt)
      .run();
}

std::vector<OutboxRow> failingMail(Reading& c, int limit, int offset) {
  auto s = c.prepare(std::string(kOutboxColumns) +
                     "WHERE sent_at IS NULL AND attempts > 0 ORDER BY id DESC LIMIT ?1 OFFSET ?2");
  s.bindAll(std::int64_t{limit}, std::int64_t{offset});
  return readRows(s);
}

bool retryMailNow(Writing& c, std::int64_t id, std::int64_t now) {
  c.prepare(
       "UPDATE outbox SET next_attempt_at = ?2 WHERE id = ?1 AND sent_at IS NULL AND attempts > 0")
      .bindAll(id, now)
      .run();
  return c.changes() > 0;
}

OutboxCounts outboxCounts(Reading& c) {
  auto s = c.prepare(
      "SELECT count(CASE WHEN sent_at IS NULL AND attempts = 0 THEN 1 END), "
      "count(CASE WHEN sent_at IS NULL AND attempts > 0 THEN 1 END), "
      "count(CASE WHEN sent_at IS NOT NULL THEN 1 END) "
      "FROM outbox");
  s.step();
  return {s.int64(0), s.int64(1), s.int64(2)};
}

std::vector<std::string> outboxMessageIds(Reading& c) {
  auto s = c.prepare("SELECT message_id FROM outbox ORDER BY id");
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  return out;
}

}  // namespace sv::store
