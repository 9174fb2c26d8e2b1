#include "server/store/waiting.hpp"

#include <variant>

namespace sv::store {
namespace {

using Param = std::variant<std::int64_t, std::string>;

// The same FROM … WHERE counts the rows and lists the first of them, so the count and the list
// never disagree. `select` names the WaitingItem's columns in order.
WaitingList collect(Reading& c, const std::string& select, const std::string& fromWhere,
                    const std::vector<Param>& params, const std::string& orderBy, int limit) {
  auto bindParams = [&](Statement& s) {
    int index = 1;
    for (const auto& p : params) std::visit([&](const auto& v) { s.bind(index++, v); }, p);
  };
  WaitingList out;
  {
    auto s = c.prepare("SELECT COUNT(*) " + fromWhere);
    bindParams(s);
    if (s.step()) out.count = static_cast<int>(s.int64(0));
  }
  if (out.count == 0 || limit <= 0) return out;
  auto s = c.prepare(select + " " + fromWhere + " ORDER BY " + orderBy + " LIMIT " +
                     std::to_string(limit));
  bindParams(s);
  while (s.step())
    out.first.push_back({s.optionalInt64(0).value_or(0), s.int64(1), s.int64(2), s.text(3),
                         s.text(4), s.text(5), s.text(6)});
  return out;
}

constexpr const char* kMeetingSelect = "SELECT m.id, 0, c.id, c.title, p.name, m.starts_at, ''";
constexpr const char* kMeetingFrom =
    "FROM meetings m JOIN contracts c ON c.id = m.contract_id "
    "JOIN organizations p ON p.id = c.provider_id ";
constexpr const char* kActionSelect =
    "SELECT a.origin_meeting_id, a.id, c.id, c.title, p.name, a.due_on, a.text";
constexpr const char* kActionFrom =
    "FROM actions a JOIN contracts c ON c.id = a.contract_id "
    "JOIN organizations p ON p.id = c.provider_id ";

std::vector<Param> withScope(std::vector<Param> params, const SqlFilter& f) {
  for (auto p : f.params) params.emplace_back(p);
  return params;
}

}  // namespace

WaitingList minutesToApprove(Reading& c, const TenantScope& scope, std::int64_t userId, int limit) {
  const auto f = scope.contracts("c");
  const std::string where =
      std::string(kMeetingFrom) +
      "JOIN minutes mi ON mi.meeting_id = m.id "
      "JOIN meeting_participants mp ON mp.meeting_id = m.id AND mp.role = 'adjuster' "
      "WHERE mi.state = 'in_review' AND mp.user_id = ? AND NOT EXISTS (SELECT 1 FROM "
      "minutes_approvals a WHERE a.meeting_id = m.id AND a.party = mp.party AND a.superseded_at "
      "IS NULL) AND " +
      f.sql;
  return collect(c, kMeetingSelect, where, withScope({userId}, f), "m.starts_at, m.id", limit);
}

WaitingList returnedMinutesToFix(Reading& c, const TenantScope& scope, std::int64_t userId,
                                 bool allInScope, int limit) {
  const auto f = scope.contracts("c");
  const std::string where =
      std::string(kMeetingFrom) +
      "JOIN minutes mi ON mi.meeting_id = m.id "
      "WHERE mi.state = 'draft' AND EXISTS (SELECT 1 FROM minutes_returns r WHERE r.meeting_id = "
      "m.id) AND (? OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.meeting_id = m.id "
      "AND mp.user_id = ? AND mp.role IN ('secretary', 'chair'))) AND " +
      f.sql;
  return collect(c, kMeetingSelect, where, withScope({std::int64_t{allInScope ? 1 : 0}, userId}, f),
                 "m.starts_at, m.id", limit);
}

WaitingList minutesToRegister(Reading& c, const TenantScope& scope, int limit) {
  const auto f = scope.contracts("c");
  const std::string where = std::string(kMeetingFrom) +
                            "JOIN minutes mi ON mi.meeting_id = m.id "
                            "WHERE mi.state = 'approved' AND " +
                            f.sql;
  return collect(c, kMeetingSelect, where, withScope({}, f), "mi.updated_at, m.id", limit);
}

WaitingList actionsToReport(Reading& c, const TenantScope& scope, Party party, int limit) {
  const auto f = scope.contracts("c");
  const std::string where = std::string(kActionFrom) +
                            "WHERE a.status IN ('open', 'insufficient') AND "
                            "a.responsible_party = ? AND " +
                            f.sql;
  return collect(c, kActionSelect, where,
                 withScope({std::string(party == Party::Provider ? "provider" : "authority")}, f),
                 "a.due_on, a.id", limit);
}

WaitingList actionsToEvaluate(Reading& c, const TenantScope& scope, int limit) {
  const auto f = scope.contracts("c");
  const std::string where = std::string(kActionFrom) + "WHERE a.status = 'reported' AND " + f.sql;
  return collect(c, kActionSelect, where, withScope({}, f), "a.due_on, a.id", limit);
}

WaitingList overdueActions(Reading& c, const TenantScope& scope, const std::string& today,
                           int limit) {
  const auto f = scope.contracts("c");
  const std::string where = std::string(kActionFrom) +
                            "WHERE a.status IN ('open', 'reported', 'insufficient') AND "
                            "a.due_on < ? AND " +
                            f.sql;
  return collect(c, kActionSelect, where, withScope({today}, f), "a.due_on, a.id", limit);
}

WaitingList pastMeetingsWithoutMinutes(Reading& c, const TenantScope& scope,
                                       const std::string& nowIso, int limit) {
  const auto f = scope.contracts("c");
  const std::string where =
      std::string(kMeetingFrom) +
      "WHERE m.status = 'planned' AND m.starts_at < ? AND NOT EXISTS (SELECT 1 FROM minutes mi "
      "WHERE mi.meeting_id = m.id) AND " +
      f.sql;
  return collect(c, kMeetingSelect, where, withScope({nowIso}, f), "m.starts_at, m.id", limit);
}

}  // namespace sv::store
