#include "server/store/reports.hpp"
#include "server/store/paging.hpp"

namespace sv::store {
namespace {

// The columns of ReportRow, in its order, with the contract (c), provider (p), registration (rr)
// and fact-check (f) joined.
constexpr const char* kReportSelect =
    "SELECT r.id, r.contract_id, r.year, r.kind, r.state, r.created_by, r.created_at, "
    "r.updated_at, c.title, p.name, rr.number, f.due_on, r.case_id "
    "FROM reports r JOIN contracts c ON c.id = r.contract_id "
    "JOIN organizations p ON p.id = c.provider_id "
    "LEFT JOIN report_registry rr ON rr.report_id = r.id "
    "LEFT JOIN report_fact_checks f ON f.report_id = r.id ";

ReportRow reportFrom(const Statement& s) {
  ReportRow r;
  r.id = s.int64(0);
  r.contractId = s.int64(1);
  r.year = static_cast<int>(s.int64(2));
  r.kind = s.text(3);
  r.state = s.text(4);
  r.createdBy = s.int64(5);
  r.createdAt = s.text(6);
  r.updatedAt = s.text(7);
  r.contractTitle = s.text(8);
  r.providerName = s.text(9);
  r.registryNumber = s.optionalText(10);
  r.factCheckDueOn = s.optionalText(11);
  r.caseId = s.optionalInt64(12);
  return r;
}

// A draft is the authority's own work until it is sent for fact-checking (seed 004: the finished
// report is shared with the provider): the provider's people do not see it at all.
std::string draftRule(const TenantScope& scope) {
  return scope.providerSide() ? " AND r.state <> 'draft'" : "";
}

// The query's own conditions after the scope's; binds both from index 1.
struct ReportWhere {
  std::string sql;
  std::vector<std::int64_t> ints;
  std::optional<std::string> state;
};
ReportWhere reportWhereOf(const TenantScope& scope, const ReportQuery& q) {
  const auto f = scope.contracts("c");
  ReportWhere w{" WHERE " + f.sql + draftRule(scope), f.params, q.state};
  if (q.contractId) {
    w.sql += " AND r.contract_id = ?";
    w.ints.push_back(*q.contractId);
  }
  if (q.year) {
    w.sql += " AND r.year = ?";
    w.ints.push_back(*q.year);
  }
  if (q.state) w.sql += " AND r.state = ?";
  return w;
}
int bindReportWhere(Statement& s, const ReportWhere& w) {
  int index = 1;
  for (auto p : w.ints) s.bind(index++, p);
  if (w.state) s.bind(index++, *w.state);
  return index;
}

SupplementRow supplementFrom(const Statement& s) {
  SupplementRow r;
  r.id = s.int64(0);
  r.reportId = s.int64(1);
  r.number = static_cast<int>(s.int64(2));
  r.areaKey = s.text(3);
  r.request = s.text(4);
  r.dueOn = s.text(5);
  r.requestedBy = s.int64(6);
  r.requestedByName = s.text(7);
  r.requestedAt = s.text(8);
  r.response = s.optionalText(9);
  r.respondedBy = s.optionalInt64(10);
  r.respondedByName = s.optionalText(11).value_or("");
  r.respondedAt = s.optionalText(12);
  r.beforeAssessment = s.optionalText(13);
  r.afterAssessment = s.optionalText(14);
  r.reason = s.optionalText(15);
  r.decidedBy = s.optionalInt64(16);
  r.decidedByName = s.optionalText(17).value_or("");
  r.decidedAt = s.optionalText(18);
  r.decidedVersion = s.optionalText(19);
  return r;
}

constexpr const char* kSupplementSelect =
    "SELECT s.id, s.report_id, s.number, s.area_key, s.request, s.due_on, s.requested_by, "
    "rq.name, s.requested_at, s.response, s.responded_by, rs.name, "
    "s.responded_at, s.before_assessment, s.after_assessment, s.reason, s.decided_by, "
    "dc.name, s.decided_at, s.decided_version "
    "FROM report_supplements s JOIN users rq ON rq.id = s.requested_by "
    "LEFT JOIN users rs ON rs.id = s.responded_by LEFT JOIN users dc ON dc.id = s.decided_by ";

}  // namespace

std::int64_t nextReportId(Reading& c) {
  auto s = c.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM reports");
  s.step();
  return s.int64(0);
}

Status insertReport(Writing& c, const ReportRow& row) {
  if (row.caseId) {
    auto exists = c.prepare("SELECT 1 FROM reports WHERE case_id = ?1");
    exists.bindAll(*row.caseId);
    if (exists.step())
      return fail(Errc::Conflict, Reason::CaseReportExists, "the case has its report already");
  } else {
    auto exists = c.prepare(
        "SELECT 1 FROM reports WHERE contract_id = ?1 AND year = ?2 AND kind = ?3 "
        "AND case_id IS NULL");
    exists.bindAll(row.contractId, row.year, row.kind);
    if (exists.step())
      return fail(Errc::Conflict, Reason::ReportExists,
                  "the contract has a follow-up of that kind for the year already", "year",
                  std::to_string(row.year));
  }
  if (nextReportId(c) != row.id)
    return fail(Errc::Conflict, Reason::DocumentBusy, "another report was started; try again");
  c.prepare(
       "INSERT INTO reports (id, contract_id, year, kind, state, created_by, created_at, "
       "updated_at, case_id) VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6, ?6, ?7)")
      .bindAll(row.id, row.contractId, row.year, row.kind, row.createdBy, row.createdAt, row.caseId)
      .run();
  return {};
}

std::optional<ReportRow> findReport(Reading& c, const TenantScope& scope, std::int64_t id) {
  const auto f = scope.contracts("c");
  auto s = c.prepare(std::string(kReportSelect) + "WHERE r.id = ? AND " + f.sql + draftRule(scope));
  int index = 1;
  s.bind(index++, id);
  for (auto p : f.params) s.bind(index++, p);
  if (!s.step()) return std::nullopt;
  return reportFrom(s);
}

void setReportState(Writing& c, std::int64_t id, const std::string& state, const std::string& at) {
  c.prepare("UPDATE reports SET state = ?2, updated_at = ?3 WHERE id = ?1")
      .bindAll(id, state, at)
      .run();
}

void touchReport(Writing& c, std::int64_t id, const std::string& at) {
  c.prepare("UPDATE reports SET updated_at = ?2 WHERE id = ?1").bindAll(id, at).run();
}

std::vector<ReportRow> listReports(Reading& c, const TenantScope& scope, const ReportQuery& q) {
  const auto w = reportWhereOf(scope, q);
  auto s = c.prepare(std::string(kReportSelect) + w.sql +
                     " ORDER BY r.year DESC, c.title, r.kind, r.id LIMIT ? OFFSET ?");
  int index = bindReportWhere(s, w);
  s.bind(index++, rowLimit(q.limit));
  s.bind(index, q.offset);
  std::vector<ReportRow> out;
  while (s.step()) out.push_back(reportFrom(s));
  return out;
}

int countReports(Reading& c, const TenantScope& scope, const ReportQuery& q) {
  const auto w = reportWhereOf(scope, q);
  auto s =
      c.prepare("SELECT COUNT(*) FROM reports r JOIN contracts c ON c.id = r.contract_id" + w.sql);
  bindReportWhere(s, w);
  s.step();
  return static_cast<int>(s.int64(0));
}

void insertFactCheck(Writing& c, const FactCheckRow& row) {
  c.prepare(
       "INSERT INTO report_fact_checks (report_id, version, sent_by, sent_at, due_on) "
       "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bindAll(row.reportId, row.version, row.sentBy, row.sentAt, row.dueOn)
      .run();
}

std::optional<FactCheckRow> findFactCheck(Reading& c, std::int64_t reportId) {
  auto s = c.prepare(
      "SELECT f.report_id, f.version, f.sent_by, su.name, f.sent_at, f.due_on, "
      "f.outcome, f.answered_by, au.name, f.ended_at FROM report_fact_checks f "
      "JOIN users su ON su.id = f.sent_by LEFT JOIN users au ON au.id = f.answered_by "
      "WHERE f.report_id = ?1");
  s.bindAll(reportId);
  if (!s.step()) return std::nullopt;
  return FactCheckRow{s.int64(0),       s.text(1),          s.int64(2),
                      s.text(3),        s.text(4),          s.text(5),
                      s.text(6),        s.optionalInt64(7), s.optionalText(8).value_or(""),
                      s.optionalText(9)};
}

bool endFactCheck(Writing& c, std::int64_t reportId, const std::string& outcome,
                  std::optional<std::int64_t> answeredBy, const std::string& at) {
  c.prepare(
       "UPDATE report_fact_checks SET outcome = ?2, answered_by = ?3, ended_at = ?4 "
       "WHERE report_id = ?1 AND outcome = 'pending'")
      .bindAll(reportId, outcome, answeredBy, at)
      .run();
  return c.changes() == 1;
}

std::vector<std::int64_t> overdueFactChecks(Reading& c, const std::string& today, int limit) {
  auto s = c.prepare(
      "SELECT report_id FROM report_fact_checks WHERE outcome = 'pending' AND due_on < ?1 "
      "ORDER BY due_on, report_id LIMIT ?2");
  s.bindAll(today, limit);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

SupplementRow insertSupplement(Writing& c, SupplementRow row) {
  auto next =
      c.prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM report_supplements WHERE report_id = ?1");
  next.bindAll(row.reportId);
  next.step();
  row.number = static_cast<int>(next.int64(0));
  c.prepare(
       "INSERT INTO report_supplements (report_id, number, area_key, request, due_on, "
       "requested_by, requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bindAll(row.reportId, row.number, row.areaKey, row.request, row.dueOn, row.requestedBy,
               row.requestedAt)
      .run();
  row.id = c.lastInsertId();
  return row;
}

std::vector<SupplementRow> listSupplements(Reading& c, std::int64_t reportId) {
  auto s = c.prepare(std::string(kSupplementSelect) + "WHERE s.report_id = ?1 ORDER BY s.number");
  s.bindAll(reportId);
  std::vector<SupplementRow> out;
  while (s.step()) out.push_back(supplementFrom(s));
  return out;
}

std::optional<SupplementRow> findSupplement(Reading& c, std::int64_t reportId, int number) {
  auto s = c.prepare(std::string(kSupplementSelect) + "WHERE s.report_id = ?1 AND s.number = ?2");
  s.bindAll(reportId, number);
  if (!s.step()) return std::nullopt;
  return supplementFrom(s);
}

bool answerSupplement(Writing& c, std::int64_t id, const std::string& response, std::int64_t by,
                      const std::string& at) {
  c.prepare(
       "UPDATE report_supplements SET response = ?2, responded_by = ?3, responded_at = ?4 "
       "WHERE id = ?1 AND response IS NULL AND decided_at IS NULL")
      .bindAll(id, response, by, at)
      .run();
  return c.changes() == 1;
}

bool decideSupplement(Writing& c, const SupplementRow& d) {
  c.prepare(
       "UPDATE report_supplements SET before_assessment = ?2, after_assessment = ?3, "
       "reason = ?4, decided_by = ?5, decided_at = ?6, decided_version = ?7 "
       "WHERE id = ?1 AND decided_at IS NULL")
      .bindAll(d.id, d.beforeAssessment, d.afterAssessment, d.reason, d.decidedBy, d.decidedAt,
               d.decidedVersion)
      .run();
  return c.changes() == 1;
}

int openSupplementCount(Reading& c, std::int64_t reportId) {
  auto s = c.prepare(
      "SELECT COUNT(*) FROM report_supplements WHERE report_id = ?1 AND decided_at IS NULL");
  s.bindAll(reportId);
  s.step();
  return static_cast<int>(s.int64(0));
}

void insertReportRegistry(Writing& c, const ReportRegistryRow& r) {
  c.prepare(
       "INSERT INTO report_registry (authority_id, year, seq, number, report_id, contract_id, "
       "repository, version, tag, registered_by, registered_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bindAll(r.authorityId, r.year, r.seq, r.number, r.reportId, r.contractId, r.repository,
               r.version, r.tag, r.registeredBy, r.registeredAt)
      .run();
}

std::optional<ReportRegistryRow> registryOfReport(Reading& c, std::int64_t reportId) {
  auto s = c.prepare(
      "SELECT authority_id, year, seq, number, report_id, contract_id, repository, version, tag, "
      "registered_by, registered_at FROM report_registry WHERE report_id = ?1");
  s.bindAll(reportId);
  if (!s.step()) return std::nullopt;
  return ReportRegistryRow{s.int64(0),
                           static_cast<int>(s.int64(1)),
                           static_cast<int>(s.int64(2)),
                           s.text(3),
                           s.int64(4),
                           s.int64(5),
                           s.text(6),
                           s.text(7),
                           s.text(8),
                           s.int64(9),
                           s.text(10)};
}

std::vector<ReportRow> reportsInState(Reading& c, const TenantScope& scope,
                                      const std::string& state, int limit) {
  ReportQuery q;
  q.state = state;
  q.limit = limit;
  return listReports(c, scope, q);
}

}  // namespace sv::store
