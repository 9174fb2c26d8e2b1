#include "server/store/kept_forms.hpp"

namespace sv::store {
namespace {

constexpr const char* kKeptFormColumns =
    "SELECT id, user_id, meeting_id, form, kept_at, expires_at FROM kept_forms ";

KeptForm readKeptForm(const Statement& s) {
  return {s.int64(0), s.int64(1), s.int64(2), s.text(3), s.int64(4), s.int64(5)};
}

}  // namespace

std::optional<std::int64_t> formOwner(Reading& c, const std::string& username,
                                      const std::string& csrfToken, std::int64_t seenSince) {
  auto s = c.prepare(
      "SELECT u.id FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE u.username = ?1 COLLATE NOCASE AND u.active = 1 AND s.csrf_token = ?2 AND "
      "s.last_seen_at >= ?3 LIMIT 1");
  s.bindAll(username, csrfToken, seenSince);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

std::int64_t insertKeptForm(Writing& c, const KeptForm& form, int perUser, std::int64_t now) {
  c.prepare("DELETE FROM kept_forms WHERE expires_at < ?1").bindAll(now).run();
  c.prepare(
       "DELETE FROM kept_forms WHERE id IN (SELECT id FROM kept_forms WHERE user_id = ?1 AND "
       "restored_at IS NULL ORDER BY id DESC LIMIT 9223372036854775807 OFFSET ?2)")
      .bindAll(form.userId, std::int64_t{perUser > 0 ? perUser - 1 : 0})
      .run();
  c.prepare(
       "INSERT INTO kept_forms (user_id, meeting_id, form, kept_at, expires_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(form.userId, form.meetingId, form.form, form.keptAt, form.expiresAt)
      .run();
  return c.lastInsertId();
}

std::optional<KeptForm> findKeptForm(Reading& c, std::int64_t id, std::int64_t userId,
                                     std::int64_t now) {
  auto s = c.prepare(std::string(kKeptFormColumns) +
                     "WHERE id = ?1 AND user_id = ?2 AND restored_at IS NULL AND expires_at >= ?3");
  s.bindAll(id, userId, now);
  if (!s.step()) return std::nullopt;
  return readKeptForm(s);
}

std::optional<KeptForm> newestKeptForm(Reading& c, std::int64_t userId, std::int64_t meetingId,
                                       std::int64_t now) {
  auto s = c.prepare(std::string(kKeptFormColumns) +
                     "WHERE user_id = ?1 AND meeting_id = ?2 AND restored_at IS NULL AND "
                     "expires_at >= ?3 ORDER BY id DESC LIMIT 1");
  s.bindAll(userId, meetingId, now);
  if (!s.step()) return std::nullopt;
  return readKeptForm(s);
}

void markKeptFormRestored(Writing& c, std::int64_t id, std::int64_t now) {
  c.prepare("UPDATE kept_forms SET restored_at = ?2, form = '' WHERE id = ?1")
      .bindAll(id, now)
      .run();
}

}  // namespace sv::store
