#include "server/store/mail_preferences.hpp"

namespace sv::store {

std::map<std::string, std::string> mailChoices(Reading& c, std::int64_t userId) {
  auto s = c.prepare("SELECT kind, choice FROM mail_preferences WHERE user_id = ?1");
  s.bindAll(userId);
  std::map<std::string, std::string> out;
  while (s.step()) out[s.text(0)] = s.text(1);
  return out;
}

std::optional<std::string> mailChoice(Reading& c, std::int64_t userId, const std::string& kind) {
  auto s = c.prepare("SELECT choice FROM mail_preferences WHERE user_id = ?1 AND kind = ?2");
  s.bindAll(userId, kind);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void setMailChoice(Writing& c, std::int64_t userId, const std::string& kind,
                   const std::string& choice) {
  c.prepare(
       "INSERT INTO mail_preferences (user_id, kind, choice) VALUES (?1, ?2, ?3) "
       "ON CONFLICT (user_id, kind) DO UPDATE SET choice = excluded.choice")
      .bindAll(userId, kind, choice)
      .run();
}

std::string mailToken(Writing& c, std::int64_t userId, const std::string& fresh) {
  c.prepare("INSERT INTO mail_tokens (user_id, token) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
      .bindAll(userId, fresh)
      .run();
  auto s = c.prepare("SELECT token FROM mail_tokens WHERE user_id = ?1");
  s.bindAll(userId);
  s.step();
  return s.text(0);
}

std::optional<std::int64_t> userOfMailToken(Reading& c, const std::string& token) {
  auto s = c.prepare("SELECT user_id FROM mail_tokens WHERE token = ?1");
  s.bindAll(token);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

void addDigestItem(Writing& c, const DigestItem& item) {
  c.prepare(
       "INSERT INTO mail_digest_items (user_id, kind, text, link, created_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(item.userId, item.kind, item.text, item.link, item.createdAt)
      .run();
}

std::vector<std::int64_t> peopleWithDigest(Reading& c, std::int64_t until) {
  auto s = c.prepare(
      "SELECT DISTINCT user_id FROM mail_digest_items "
      "WHERE digest_message_id IS NULL AND created_at <= ?1 ORDER BY user_id");
  s.bindAll(until);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

std::vector<DigestItem> pendingDigest(Reading& c, std::int64_t userId, std::int64_t until) {
  auto s = c.prepare(
      "SELECT id, user_id, kind, text, link, created_at FROM mail_digest_items "
      "WHERE user_id = ?1 AND digest_message_id IS NULL AND created_at <= ?2 ORDER BY id");
  s.bindAll(userId, until);
  std::vector<DigestItem> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.int64(5)});
  return out;
}

void markDigested(Writing& c, std::int64_t userId, std::int64_t lastId,
                  const std::string& messageId) {
  c.prepare(
       "UPDATE mail_digest_items SET digest_message_id = ?3 "
       "WHERE user_id = ?1 AND id <= ?2 AND digest_message_id IS NULL")
      .bindAll(userId, lastId, messageId)
      .run();
}

bool giveReminder(Writing& c, const std::string& key, std::int64_t userId, const std::string& day) {
  c.prepare(
       "INSERT INTO mail_reminders_given (key, user_id, day) VALUES (?1, ?2, ?3) "
       "ON CONFLICT DO NOTHING")
      .bindAll(key, userId, day)
      .run();
  return c.changes() > 0;
}

std::optional<std::string> mailJobDay(Reading& c, const std::string& job) {
  auto s = c.prepare("SELECT last_day FROM mail_jobs WHERE job = ?1");
  s.bindAll(job);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void setMailJobDay(Writing& c, const std::string& job, const std::string& day) {
  c.prepare(
       "INSERT INTO mail_jobs (job, last_day) VALUES (?1, ?2) "
       "ON CONFLICT (job) DO UPDATE SET last_day = excluded.last_day")
      .bindAll(job, day)
      .run();
}

}  // namespace sv::store
