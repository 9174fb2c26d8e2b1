#include "server/store/reminders.hpp"

namespace sv::store {

std::vector<WaitingMinutes> minutesInReviewSince(Reading& c, const std::string& since) {
  auto s = c.prepare(
      "SELECT meeting_id, updated_at FROM minutes WHERE state = 'in_review' AND updated_at <= ?1 "
      "ORDER BY meeting_id");
  s.bindAll(since);
  std::vector<WaitingMinutes> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1)});
  return out;
}

std::vector<DueAction> actionsDueBy(Reading& c, const std::string& day) {
  auto s = c.prepare(
      "SELECT id, contract_id, text, responsible_party, due_on FROM actions "
      "WHERE status IN ('open', 'insufficient') AND due_on <= ?1 ORDER BY due_on, id");
  s.bindAll(day);
  std::vector<DueAction> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

std::vector<std::int64_t> meetingsWithoutAgenda(Reading& c, const std::string& from,
                                                const std::string& to) {
  auto s = c.prepare(
      "SELECT id FROM meetings WHERE status = 'planned' AND agenda_published_version IS NULL "
      "AND starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at, id");
  s.bindAll(from, to);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

std::vector<std::int64_t> activeUsersWithRole(Reading& c, std::int64_t organizationId,
                                              const std::string& role) {
  auto s = c.prepare(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = ?2 "
      "WHERE u.organization_id = ?1 AND u.active = 1 ORDER BY u.id");
  s.bindAll(organizationId, role);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace sv::store
