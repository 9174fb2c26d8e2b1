#include "server/store/actions.hpp"

#include <map>

#include "agenda/agenda.hpp"

namespace sv::store {
namespace {

std::string_view partyText(Party p) {
  return p == Party::Provider ? "provider" : "authority";
}

constexpr const char* kActionColumns =
    "SELECT a.id, a.contract_id, c.title, a.origin_meeting_id, m.starts_at, a.origin_section, "
    "a.origin_item, a.text, a.responsible_party, a.responsible_person, a.due_on, a.status, "
    "a.agreed_at, a.created_at, a.updated_at, a.origin_report_id, a.origin_case_id "
    "FROM actions a JOIN contracts c ON c.id = a.contract_id "
    "LEFT JOIN meetings m ON m.id = a.origin_meeting_id ";

// The values of an action's authority_id and provider_id: its contract's (?1), written with every
// action so that a party's actions are scoped without the contracts (migration 030).
constexpr const char* kParties =
    "(SELECT authority_id FROM contracts WHERE id = ?1), "
    "(SELECT provider_id FROM contracts WHERE id = ?1)";

ActionRow readAction(const Statement& s) {
  ActionRow r;
  r.id = s.int64(0);
  r.contractId = s.int64(1);
  r.contractTitle = s.text(2);
  r.originMeetingId = s.optionalInt64(3);
  r.originMeetingStartsAt = s.optionalText(4);
  if (auto sec = s.optionalInt64(5)) r.originSection = static_cast<int>(*sec);
  r.originItem = s.optionalText(6);
  r.text = s.text(7);
  r.responsibleParty = agenda::parseParty(s.text(8)).value_or(Party::Provider);
  r.responsiblePerson = s.text(9);
  r.dueOn = s.text(10);
  r.status = agenda::parseActionStatus(s.text(11)).value_or(agenda::ActionStatus::Open);
  r.agreedAt = s.text(12);
  r.createdAt = s.text(13);
  r.updatedAt = s.text(14);
  r.originReportId = s.optionalInt64(15);
  r.originCaseId = s.optionalInt64(16);
  return r;
}

}  // namespace

std::int64_t upsertActionFromMinutes(Writing& c, const ActionRow& r) {
  auto s = c.prepare(
      std::string(
          "INSERT INTO actions (contract_id, origin_meeting_id, origin_section, origin_item, text, "
          "responsible_party, responsible_person, due_on, status, agreed_at, created_at, "
          "updated_at, authority_id, provider_id) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?10, ?10, ") +
      kParties +
      ") "
      "ON CONFLICT (origin_meeting_id, origin_item) DO UPDATE SET origin_section = "
      "excluded.origin_section, "
      "text = excluded.text, responsible_party = excluded.responsible_party, "
      "responsible_person = excluded.responsible_person, due_on = excluded.due_on, "
      "updated_at = excluded.updated_at RETURNING id");
  s.bindAll(r.contractId, r.originMeetingId, r.originSection, r.originItem, r.text,
            partyText(r.responsibleParty), r.responsiblePerson, r.dueOn, r.agreedAt, r.updatedAt);
  s.step();
  const auto id = s.int64(0);
  while (s.step()) {
  }
  return id;
}

namespace {

// An action from an item of a document other than the minutes (a report's improvement, a case
// plan's point): added once per origin and item, none when it is an action already. `origin` is
// the column that names the document, checked by the caller's choice of function.
std::optional<std::int64_t> insertActionOnce(Writing& c, const ActionRow& r, const char* origin,
                                             std::optional<std::int64_t> originId) {
  const std::string column(origin);
  auto s = c.prepare(
      "INSERT INTO actions (contract_id, " + column +
      ", origin_item, text, responsible_party, responsible_person, due_on, status, agreed_at, "
      "created_at, updated_at, authority_id, provider_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
      "'open', ?8, ?9, ?9, " +
      kParties + ") ON CONFLICT (" + column + ", origin_item) WHERE " + column +
      " IS NOT NULL DO NOTHING RETURNING id");
  s.bindAll(r.contractId, originId, r.originItem, r.text, partyText(r.responsibleParty),
            r.responsiblePerson, r.dueOn, r.agreedAt, r.createdAt);
  if (!s.step()) return std::nullopt;
  const auto id = s.int64(0);
  while (s.step()) {
  }
  return id;
}

}  // namespace

std::optional<std::int64_t> insertActionFromReport(Writing& c, const ActionRow& r) {
  return insertActionOnce(c, r, "origin_report_id", r.originReportId);
}

std::optional<std::int64_t> insertActionFromCase(Writing& c, const ActionRow& r) {
  return insertActionOnce(c, r, "origin_case_id", r.originCaseId);
}

std::vector<ActionRow> actionsOfCase(Reading& c, std::int64_t caseId) {
  auto s = c.prepare(std::string(kActionColumns) + "WHERE a.origin_case_id = ?1 ORDER BY a.id");
  s.bindAll(caseId);
  std::vector<ActionRow> out;
  while (s.step()) out.push_back(readAction(s));
  return out;
}

bool actionFromMinutesExists(Reading& c, std::int64_t meetingId, const std::string& itemId) {
  auto s = c.prepare("SELECT 1 FROM actions WHERE origin_meeting_id = ?1 AND origin_item = ?2");
  s.bindAll(meetingId, itemId);
  return s.step();
}

std::int64_t insertAction(Writing& c, const ActionRow& r) {
  c.prepare(std::string("INSERT INTO actions (contract_id, text, responsible_party, "
                        "responsible_person, due_on, status, agreed_at, created_at, updated_at, "
                        "authority_id, provider_id) VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, "
                        "?7, ") +
            kParties + ")")
      .bindAll(r.contractId, r.text, partyText(r.responsibleParty), r.responsiblePerson, r.dueOn,
               r.agreedAt, r.createdAt)
      .run();
  return c.lastInsertId();
}

void updateAction(Writing& c, const ActionRow& r) {
  c.prepare(
       "UPDATE actions SET text = ?2, responsible_party = ?3, responsible_person = ?4, due_on = "
       "?5, "
       "status = ?6, updated_at = ?7 WHERE id = ?1")
      .bindAll(r.id, r.text, partyText(r.responsibleParty), r.responsiblePerson, r.dueOn,
               agenda::toString(r.status), r.updatedAt)
      .run();
}

std::optional<ActionRow> findAction(Reading& c, const TenantScope& scope, std::int64_t id) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(std::string(kActionColumns) + "WHERE a.id = ? AND " + f.sql);
  s.bind(1, id);
  int index = 2;
  for (auto p : f.params) s.bind(index++, p);
  if (!s.step()) return std::nullopt;
  return readAction(s);
}

namespace {

// The conditions of `q` after the scope's, and their parameters in order. Only the filters given
// become conditions, so SQLite can choose the index that fits (actions_overdue for the overdue
// list, actions_contract for one contract) instead of a scan.
struct ActionWhere {
  std::string sql;
  SqlFilter scope;
  std::optional<std::int64_t> contract;
  std::vector<std::string> texts;

  int bind(Statement& s) const {
    int index = 1;
    for (auto p : scope.params) s.bind(index++, p);
    if (contract) s.bind(index++, *contract);
    for (const auto& t : texts) s.bind(index++, t);
    return index;
  }
};

// The scope on the action's own parties (migration 030): a party's overdue actions are then one
// range of actions_overdue_authority or actions_overdue_provider, in due-date order.
ActionWhere actionWhere(const TenantScope& scope, const ActionQuery& q) {
  ActionWhere w{"", scope.contracts("a"), q.contractId, {}};
  w.sql = w.scope.sql;
  if (q.contractId) w.sql += " AND a.contract_id = ?";
  if (q.status) {
    w.sql += " AND a.status = ?";
    w.texts.push_back(std::string(agenda::toString(*q.status)));
  }
  if (q.notAccepted) w.sql += " AND a.status IN ('open', 'reported', 'insufficient')";
  if (q.overdueOn) {
    w.sql += " AND a.status IN ('open', 'reported', 'insufficient') AND a.due_on < ?";
    w.texts.push_back(*q.overdueOn);
  }
  if (q.dueBefore) {
    w.sql += " AND a.due_on <= ?";
    w.texts.push_back(*q.dueBefore);
  }
  return w;
}

}  // namespace

std::vector<ActionRow> listActions(Reading& c, const TenantScope& scope, const ActionQuery& q) {
  const auto w = actionWhere(scope, q);
  auto s = c.prepare(
      std::string(kActionColumns) + "WHERE " + w.sql +
      (q.latestFirst ? " ORDER BY a.updated_at DESC, a.id DESC" : " ORDER BY a.due_on, a.id") +
      limitClause({q.limit, q.offset}));
  w.bind(s);
  std::vector<ActionRow> out;
  while (s.step()) out.push_back(readAction(s));
  return out;
}

namespace {

// A party's actions that are not accepted, all or those due before a day, are counted from
// open_action_counts (migration 031): a row per due date instead of an index entry per action.
// Any other filter (one contract, one status) is counted from the actions.
std::optional<std::int64_t> countFromTally(Reading& c, const TenantScope& scope,
                                           const ActionQuery& q) {
  if (scope.seesEverything() || q.contractId || q.status || !(q.notAccepted || q.overdueOn))
    return std::nullopt;
  const auto party = scope.openActionCounts("t");
  std::string sql =
      "SELECT CAST(COALESCE(SUM(t.n), 0) AS BIGINT) FROM open_action_counts t WHERE " + party.sql;
  std::vector<std::string> days;
  if (q.overdueOn) {
    sql += " AND t.due_on < ?";
    days.push_back(*q.overdueOn);
  }
  if (q.dueBefore) {
    sql += " AND t.due_on <= ?";
    days.push_back(*q.dueBefore);
  }
  auto s = c.prepare(sql);
  int index = 1;
  for (auto p : party.params) s.bind(index++, p);
  for (const auto& day : days) s.bind(index++, day);
  return s.step() ? s.int64(0) : 0;
}

}  // namespace

std::int64_t countActions(Reading& c, const TenantScope& scope, const ActionQuery& q) {
  if (auto tallied = countFromTally(c, scope, q)) return *tallied;
  const auto w = actionWhere(scope, q);
  auto s = c.prepare("SELECT COUNT(*) FROM actions a WHERE " + w.sql);
  w.bind(s);
  return s.step() ? s.int64(0) : 0;
}

std::vector<ActionRow> actionsToFollowUp(Reading& c, std::int64_t contractId,
                                         const std::string& beforeIso) {
  auto s = c.prepare(std::string(kActionColumns) +
                     "WHERE a.contract_id = ?1 AND a.status <> 'accepted' AND a.agreed_at < ?2 "
                     "ORDER BY a.agreed_at, a.origin_section, a.id");
  s.bindAll(contractId, beforeIso);
  std::vector<ActionRow> out;
  while (s.step()) out.push_back(readAction(s));
  return out;
}

void insertActionEvent(Writing& c, const ActionEventRow& r) {
  c.prepare(
       "INSERT INTO action_events (action_id, kind, user_id, meeting_id, text, outcome, "
       "new_due_on, "
       "at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bindAll(r.actionId, agenda::toString(r.kind), r.userId, r.meetingId, r.text,
               r.outcome ? std::optional<std::string>(agenda::toString(*r.outcome)) : std::nullopt,
               r.newDueOn, r.at)
      .run();
}

namespace {

constexpr const char* kEventColumns =
    "SELECT e.id, e.action_id, e.kind, e.user_id, COALESCE(u.name, ''), e.meeting_id, e.text, "
    "e.outcome, e.new_due_on, e.at, COALESCE(m.starts_at, '') FROM action_events e "
    "LEFT JOIN users u ON u.id = e.user_id LEFT JOIN meetings m ON m.id = e.meeting_id ";

ActionEventRow readEvent(const Statement& s) {
  // What the service wrote (agenda's names); a text it does not know reads as a change.
  const auto outcome = s.optionalText(7);
  return {s.int64(0),
          s.int64(1),
          agenda::parseActionEventKind(s.text(2)).value_or(agenda::ActionEventKind::Change),
          s.optionalInt64(3),
          s.text(4),
          s.optionalInt64(5),
          s.text(6),
          outcome ? agenda::parseActionStatus(*outcome) : std::nullopt,
          s.optionalText(8),
          s.text(9),
          s.text(10)};
}

// The events of this many actions in one query: a list's page of up to 1 000 actions costs ten
// queries, not a thousand (on PostgreSQL each query is a round trip: the overdue list of all
// contracts took over a second that way). One size, so that one statement is prepared.
constexpr std::size_t kEventBatch = 100;

}  // namespace

std::vector<ActionEventRow> listActionEvents(Reading& c, std::int64_t actionId) {
  auto s = c.prepare(std::string(kEventColumns) + "WHERE e.action_id = ?1 ORDER BY e.id");
  s.bind(1, actionId);
  std::vector<ActionEventRow> out;
  while (s.step()) out.push_back(readEvent(s));
  return out;
}

std::map<std::int64_t, std::vector<ActionEventRow>> listActionEvents(
    Reading& c, const std::vector<std::int64_t>& actionIds) {
  std::map<std::int64_t, std::vector<ActionEventRow>> out;
  if (actionIds.empty()) return out;
  std::string in;
  for (std::size_t i = 1; i <= kEventBatch; ++i) in += (i == 1 ? "?" : ", ?") + std::to_string(i);
  const std::string sql =
      std::string(kEventColumns) + "WHERE e.action_id IN (" + in + ") ORDER BY e.action_id, e.id";
  for (std::size_t from = 0; from < actionIds.size(); from += kEventBatch) {
    auto s = c.prepare(sql);
    // A short last batch repeats its first id (IN does not mind).
    for (std::size_t i = 0; i < kEventBatch; ++i) {
      const std::size_t at = from + i < actionIds.size() ? from + i : from;
      s.bind(static_cast<int>(i + 1), actionIds[at]);
    }
    while (s.step()) {
      auto event = readEvent(s);
      out[event.actionId].push_back(std::move(event));
    }
  }
  return out;
}

}  // namespace sv::store
