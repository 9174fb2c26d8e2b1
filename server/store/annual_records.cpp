#include "server/store/annual_records.hpp"

namespace sv::store {

std::optional<AnnualRecordRow> findAnnualRecord(Reading& c, std::int64_t authorityId, int year) {
  auto s = c.prepare(
      "SELECT a.id, a.authority_id, a.year, a.state, a.created_by, a.created_at, a.updated_at, "
      "a.submitted_version, a.figures_as_of, a.approved_version, ua.name, a.approved_at, "
      "a.returned_comment, ur.name, a.returned_at, r.number, r.registered_at "
      "FROM annual_reports a LEFT JOIN users ua ON ua.id = a.approved_by "
      "LEFT JOIN users ur ON ur.id = a.returned_by "
      "LEFT JOIN annual_registry r ON r.annual_report_id = a.id "
      "WHERE a.authority_id = ?1 AND a.year = ?2");
  s.bindAll(authorityId, year);
  if (!s.step()) return std::nullopt;
  AnnualRecordRow r;
  r.id = s.int64(0);
  r.authorityId = s.int64(1);
  r.year = static_cast<int>(s.int64(2));
  r.state = s.text(3);
  r.createdBy = s.int64(4);
  r.createdAt = s.text(5);
  r.updatedAt = s.text(6);
  r.submittedVersion = s.optionalText(7);
  r.figuresAsOf = s.optionalText(8);
  r.approvedVersion = s.optionalText(9);
  r.approvedByName = s.optionalText(10);
  r.approvedAt = s.optionalText(11);
  r.returnedComment = s.optionalText(12);
  r.returnedByName = s.optionalText(13);
  r.returnedAt = s.optionalText(14);
  r.registryNumber = s.optionalText(15);
  r.registeredAt = s.optionalText(16);
  return r;
}

std::int64_t insertAnnualRecord(Writing& c, std::int64_t authorityId, int year,
                                std::int64_t createdBy, const std::string& at) {
  c.prepare(
       "INSERT INTO annual_reports (authority_id, year, created_by, created_at, updated_at) "
       "VALUES (?1, ?2, ?3, ?4, ?4)")
      .bindAll(authorityId, year, createdBy, at)
      .run();
  return c.lastInsertId();
}

void touchAnnualRecord(Writing& c, std::int64_t id, const std::string& at) {
  c.prepare("UPDATE annual_reports SET updated_at = ?2 WHERE id = ?1").bindAll(id, at).run();
}

void markAnnualSubmitted(Writing& c, std::int64_t id, const std::string& version,
                         const std::string& figuresAsOf, const std::string& at) {
  c.prepare(
       "UPDATE annual_reports SET state = 'submitted', submitted_version = ?2, "
       "figures_as_of = ?3, updated_at = ?4 WHERE id = ?1")
      .bindAll(id, version, figuresAsOf, at)
      .run();
}

void markAnnualReturned(Writing& c, std::int64_t id, std::int64_t by, const std::string& comment,
                        const std::string& at) {
  // Back to a draft: what was sent no longer stands, the figures are counted again next time.
  c.prepare(
       "UPDATE annual_reports SET state = 'draft', submitted_version = NULL, "
       "figures_as_of = NULL, returned_comment = ?3, returned_by = ?2, returned_at = ?4, "
       "updated_at = ?4 WHERE id = ?1")
      .bindAll(id, by, comment, at)
      .run();
}

void markAnnualApproved(Writing& c, std::int64_t id, const std::string& version, std::int64_t by,
                        const std::string& at) {
  c.prepare(
       "UPDATE annual_reports SET state = 'approved', approved_version = ?2, approved_by = ?3, "
       "approved_at = ?4, updated_at = ?4 WHERE id = ?1")
      .bindAll(id, version, by, at)
      .run();
}

void registerAnnualRecord(Writing& c, const AnnualRegistryRow& r) {
  c.prepare(
       "INSERT INTO annual_registry (authority_id, year, seq, number, annual_report_id, "
       "repository, version, tag, registered_by, registered_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bindAll(r.authorityId, r.year, r.seq, r.number, r.annualReportId, r.repository, r.version,
               r.tag, r.registeredBy, r.registeredAt)
      .run();
  c.prepare("UPDATE annual_reports SET state = 'registered', updated_at = ?2 WHERE id = ?1")
      .bindAll(r.annualReportId, r.registeredAt)
      .run();
}

}  // namespace sv::store
