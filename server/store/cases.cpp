#include "server/store/cases.hpp"
#include "server/store/paging.hpp"

namespace sv::store {
namespace {

// The columns of CaseRow, in its order, with the opener (u), contract (c), provider (p) and the
// case's report (r) joined.
constexpr const char* kCaseSelect =
    "SELECT f.id, f.contract_id, f.trigger_kind, f.title, f.description, f.occurred_on, "
    "f.urgency, f.state, f.plan_due_on, f.feedback_given, f.opened_by, f.opened_at, "
    "f.progressed_at, u.name, c.title, c.reference, c.authority_id, c.provider_id, p.name, r.id, "
    "r.state FROM follow_up_cases f JOIN users u ON u.id = f.opened_by "
    "JOIN contracts c ON c.id = f.contract_id JOIN organizations p ON p.id = c.provider_id "
    "LEFT JOIN reports r ON r.case_id = f.id ";

CaseRow caseFrom(const Statement& s) {
  CaseRow r;
  r.id = s.int64(0);
  r.contractId = s.int64(1);
  r.trigger = s.text(2);
  r.title = s.text(3);
  r.description = s.text(4);
  r.occurredOn = s.text(5);
  r.urgency = s.text(6);
  r.state = s.text(7);
  r.planDueOn = s.optionalText(8);
  r.feedbackGiven = s.int64(9) != 0;
  r.openedBy = s.int64(10);
  r.openedAt = s.text(11);
  r.progressedAt = s.text(12);
  r.openedByName = s.text(13);
  r.contractTitle = s.text(14);
  r.contractReference = s.text(15);
  r.authorityId = s.int64(16);
  r.providerId = s.int64(17);
  r.providerName = s.text(18);
  r.reportId = s.optionalInt64(19);
  r.reportState = s.optionalText(20);
  return r;
}

// The query's conditions after the scope's; integers and texts bound in the order written.
struct CaseWhere {
  std::string sql;
  std::vector<std::int64_t> ints;
  std::vector<std::string> texts;
};
CaseWhere caseWhereOf(const TenantScope& scope, const CaseQuery& q) {
  const auto f = scope.contracts("c");
  CaseWhere w{" WHERE " + f.sql, f.params, {}};
  if (q.contractId) {
    w.sql += " AND f.contract_id = ?";
    w.ints.push_back(*q.contractId);
  }
  if (q.providerId) {
    w.sql += " AND c.provider_id = ?";
    w.ints.push_back(*q.providerId);
  }
  if (q.acute) w.sql += *q.acute ? " AND f.urgency = 'acute'" : " AND f.urgency = 'normal'";
  if (q.openOnly) w.sql += " AND f.state <> 'closed'";
  if (q.trigger) {
    w.sql += " AND f.trigger_kind = ?";
    w.texts.push_back(*q.trigger);
  }
  if (q.state) {
    w.sql += " AND f.state = ?";
    w.texts.push_back(*q.state);
  }
  if (q.overdue) {
    w.sql +=
        " AND ((f.state = 'action_plan_requested' AND f.plan_due_on < ?) OR "
        "(f.state <> 'closed' AND f.progressed_at < ?))";
    w.texts.push_back(q.today);
    w.texts.push_back(q.staleBefore);
  }
  return w;
}
int bindCaseWhere(Statement& s, const CaseWhere& w) {
  int index = 1;
  for (auto p : w.ints) s.bind(index++, p);
  for (const auto& t : w.texts) s.bind(index++, t);
  return index;
}

}  // namespace

std::int64_t insertCase(Writing& c, const CaseRow& row) {
  auto s = c.prepare(
      "INSERT INTO follow_up_cases (contract_id, trigger_kind, title, description, occurred_on, "
      "urgency, state, opened_by, opened_at, progressed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'collecting', ?7, ?8, ?8) RETURNING id");
  s.bindAll(row.contractId, row.trigger, row.title, row.description, row.occurredOn, row.urgency,
            row.openedBy, row.openedAt);
  s.step();
  const auto id = s.int64(0);
  while (s.step()) {
  }
  return id;
}

std::optional<CaseRow> findCase(Reading& c, const TenantScope& scope, std::int64_t id) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(std::string(kCaseSelect) + "WHERE f.id = ? AND " + f.sql);
  int index = 1;
  s.bind(index++, id);
  for (auto p : f.params) s.bind(index++, p);
  if (!s.step()) return std::nullopt;
  return caseFrom(s);
}

std::vector<CaseRow> listCases(Reading& c, const TenantScope& scope, const CaseQuery& q) {
  const auto w = caseWhereOf(scope, q);
  auto s = c.prepare(std::string(kCaseSelect) + w.sql +
                     " ORDER BY f.urgency = 'acute' DESC, f.opened_at DESC, f.id DESC "
                     "LIMIT ? OFFSET ?");
  int index = bindCaseWhere(s, w);
  s.bind(index++, rowLimit(q.limit));
  s.bind(index, static_cast<std::int64_t>(q.offset));
  std::vector<CaseRow> out;
  while (s.step()) out.push_back(caseFrom(s));
  return out;
}

int countCases(Reading& c, const TenantScope& scope, const CaseQuery& q) {
  const auto w = caseWhereOf(scope, q);
  auto s = c.prepare(
      "SELECT COUNT(*) FROM follow_up_cases f JOIN contracts c ON c.id = f.contract_id" + w.sql);
  bindCaseWhere(s, w);
  s.step();
  return static_cast<int>(s.int64(0));
}

void setCaseState(Writing& c, std::int64_t id, const std::string& state,
                  const std::optional<std::string>& planDueOn, const std::string& at) {
  c.prepare(
       "UPDATE follow_up_cases SET state = ?2, plan_due_on = ?3, progressed_at = ?4 WHERE id = ?1")
      .bindAll(id, state, planDueOn, at)
      .run();
}

void markCaseAcute(Writing& c, std::int64_t id, const std::string& at) {
  c.prepare("UPDATE follow_up_cases SET urgency = 'acute', progressed_at = ?2 WHERE id = ?1")
      .bindAll(id, at)
      .run();
}

void markFeedbackGiven(Writing& c, std::int64_t id, const std::string& at) {
  c.prepare("UPDATE follow_up_cases SET feedback_given = 1, progressed_at = ?2 WHERE id = ?1")
      .bindAll(id, at)
      .run();
}

void touchCase(Writing& c, std::int64_t id, const std::string& at) {
  c.prepare("UPDATE follow_up_cases SET progressed_at = ?2 WHERE id = ?1").bindAll(id, at).run();
}

void insertCaseEvent(Writing& c, const CaseEventRow& row) {
  c.prepare(
       "INSERT INTO case_events (case_id, kind, user_id, text, due_on, version, at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bindAll(row.caseId, row.kind, row.userId, row.text, row.dueOn, row.version, row.at)
      .run();
}

std::vector<CaseEventRow> listCaseEvents(Reading& c, std::int64_t caseId) {
  auto s = c.prepare(
      "SELECT e.id, e.case_id, e.kind, e.user_id, u.name, e.text, e.due_on, e.version, e.at "
      "FROM case_events e JOIN users u ON u.id = e.user_id WHERE e.case_id = ?1 ORDER BY e.id");
  s.bindAll(caseId);
  std::vector<CaseEventRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), s.text(2), s.int64(3), s.text(4), s.text(5),
                   s.optionalText(6), s.optionalText(7), s.text(8)});
  return out;
}

std::vector<CaseLeader> caseLeadersOf(Reading& c, std::int64_t authorityId) {
  auto s = c.prepare(
      "SELECT u.id, u.name, u.email, r.role FROM users u JOIN user_roles r ON r.user_id = u.id "
      "WHERE u.organization_id = ?1 AND u.active = 1 "
      "AND r.role IN ('director', 'committee_secretary') ORDER BY r.role, u.name, u.id");
  s.bindAll(authorityId);
  std::vector<CaseLeader> out;
  while (s.step()) out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

bool insertCaseNotice(Writing& c, const CaseNoticeRow& row) {
  c.prepare(
       "INSERT INTO case_notices (case_id, user_id, role, at) VALUES (?1, ?2, ?3, ?4) "
       "ON CONFLICT (case_id, user_id, role) DO NOTHING")
      .bindAll(row.caseId, row.userId, row.role, row.at)
      .run();
  return c.changes() > 0;
}

std::vector<CaseNoticeRow> listCaseNotices(Reading& c, std::int64_t caseId) {
  auto s = c.prepare(
      "SELECT n.case_id, n.user_id, u.name, n.role, n.at FROM case_notices n "
      "JOIN users u ON u.id = n.user_id WHERE n.case_id = ?1 ORDER BY n.id");
  s.bindAll(caseId);
  std::vector<CaseNoticeRow> out;
  while (s.step()) out.push_back({s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4)});
  return out;
}

int insertCasePlan(Writing& c, std::int64_t caseId, const std::string& version,
                   std::int64_t submittedBy, const std::string& at) {
  auto s = c.prepare(
      "INSERT INTO case_plans (case_id, round, version, submitted_by, submitted_at) "
      "VALUES (?1, (SELECT COALESCE(MAX(round), 0) + 1 FROM case_plans WHERE case_id = ?1), ?2, "
      "?3, ?4) RETURNING round");
  s.bindAll(caseId, version, submittedBy, at);
  s.step();
  const int round = static_cast<int>(s.int64(0));
  while (s.step()) {
  }
  return round;
}

std::vector<CasePlanRow> listCasePlans(Reading& c, std::int64_t caseId) {
  auto s = c.prepare(
      "SELECT p.id, p.case_id, p.round, p.version, p.submitted_by, su.name, p.submitted_at, "
      "p.decision, p.decided_by, du.name, p.decided_at FROM case_plans p "
      "JOIN users su ON su.id = p.submitted_by LEFT JOIN users du ON du.id = p.decided_by "
      "WHERE p.case_id = ?1 ORDER BY p.round");
  s.bindAll(caseId);
  std::vector<CasePlanRow> out;
  while (s.step())
    out.push_back({s.int64(0), s.int64(1), static_cast<int>(s.int64(2)), s.text(3), s.int64(4),
                   s.text(5), s.text(6), s.text(7), s.optionalInt64(8),
                   s.optionalText(9).value_or(""), s.optionalText(10)});
  return out;
}

bool decideCasePlan(Writing& c, std::int64_t caseId, int round, const std::string& decision,
                    std::int64_t by, const std::string& at) {
  c.prepare(
       "UPDATE case_plans SET decision = ?3, decided_by = ?4, decided_at = ?5 "
       "WHERE case_id = ?1 AND round = ?2 AND decision = 'pending'")
      .bindAll(caseId, static_cast<std::int64_t>(round), decision, by, at)
      .run();
  return c.changes() > 0;
}

int overdueCaseCount(Reading& c, const TenantScope& scope, const std::string& today,
                     const std::string& staleBefore) {
  CaseQuery q;
  q.overdue = true;
  q.today = today;
  q.staleBefore = staleBefore;
  return countCases(c, scope, q);
}

}  // namespace sv::store
