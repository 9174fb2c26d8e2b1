#include "server/store/attachments.hpp"

#include <git2.h>

#include <stdexcept>

namespace sv::store {
namespace {

constexpr const char* kAttachmentColumns =
    "SELECT a.id, a.contract_id, a.meeting_id, a.repository, a.document, a.sealed_with, a.path, "
    "a.blob_oid, a.sha256, a.size, a.content_type, a.file_name, a.uploaded_by, u.name, "
    "a.uploaded_at, a.version FROM attachments a JOIN users u ON u.id = a.uploaded_by "
    "WHERE a.removed_at IS NULL ";

AttachmentRow readAttachmentRow(Statement& s) {
  AttachmentRow r;
  r.id = s.int64(0);
  r.contractId = s.int64(1);
  r.meetingId = s.optionalInt64(2);
  r.repository = s.text(3);
  r.document = s.text(4);
  r.sealedWith = s.text(5);
  r.path = s.text(6);
  r.blobOid = s.text(7);
  r.sha256 = s.text(8);
  r.size = s.int64(9);
  r.contentType = s.text(10);
  r.fileName = s.text(11);
  r.uploadedBy = s.int64(12);
  r.uploaderName = s.text(13);
  r.uploadedAt = s.text(14);
  r.version = s.text(15);
  return r;
}

std::vector<AttachmentRow> readAll(Statement& s) {
  std::vector<AttachmentRow> out;
  while (s.step()) out.push_back(readAttachmentRow(s));
  return out;
}

}  // namespace

std::string attachmentPath(std::string_view document, std::string_view sha256,
                           std::string_view fileName) {
  return std::string(document) + "/bilagor/" + std::string(sha256) + "-" + std::string(fileName);
}

std::string attachmentsDocument(std::string_view document) {
  return std::string(document) + "/bilagor";
}

std::string gitBlobId(std::string_view bytes) {
  git_oid oid;
  if (git_odb_hash(&oid, bytes.data(), bytes.size(), GIT_OBJECT_BLOB) < 0)
    throw std::runtime_error("git_odb_hash failed");
  char hex[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

std::int64_t insertAttachment(Writing& c, const AttachmentRow& r) {
  c.prepare(
       "INSERT INTO attachments (contract_id, meeting_id, repository, document, sealed_with, "
       "path, blob_oid, sha256, size, content_type, file_name, uploaded_by, uploaded_at, version) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
      .bindAll(r.contractId, r.meetingId, r.repository, r.document, r.sealedWith, r.path, r.blobOid,
               r.sha256, r.size, r.contentType, r.fileName, r.uploadedBy, r.uploadedAt, r.version)
      .run();
  return c.lastInsertId();
}

std::vector<AttachmentRow> listAttachments(Reading& c, const std::string& repository,
                                           const std::string& document) {
  auto s = c.prepare(std::string(kAttachmentColumns) +
                     "AND a.repository = ?1 AND a.document = ?2 ORDER BY a.id");
  s.bindAll(repository, document);
  return readAll(s);
}

std::vector<AttachmentRow> listMeetingAttachments(Reading& c, std::int64_t meetingId) {
  auto s = c.prepare(std::string(kAttachmentColumns) + "AND a.meeting_id = ?1 ORDER BY a.id");
  s.bindAll(meetingId);
  return readAll(s);
}

std::optional<AttachmentRow> findAttachment(Reading& c, std::int64_t id) {
  auto s = c.prepare(std::string(kAttachmentColumns) + "AND a.id = ?1");
  s.bindAll(id);
  if (!s.step()) return std::nullopt;
  return readAttachmentRow(s);
}

bool attachmentListed(Reading& c, const std::string& repository, const std::string& path) {
  auto s = c.prepare(
      "SELECT 1 FROM attachments WHERE repository = ?1 AND path = ?2 AND removed_at IS NULL");
  s.bindAll(repository, path);
  return s.step();
}

bool attachmentSealed(Reading& c, const AttachmentRow& row) {
  auto s =
      c.prepare("SELECT 1 FROM sealed_documents WHERE repository = ?1 AND document IN (?2, ?3)");
  s.bindAll(row.repository, row.sealedWith, row.document);
  return s.step();
}

bool markAttachmentRemoved(Writing& c, std::int64_t id, std::int64_t userId, const std::string& at,
                           const std::string& version) {
  c.prepare(
       "UPDATE attachments SET removed_by = ?2, removed_at = ?3, removed_version = ?4 "
       "WHERE id = ?1 AND removed_at IS NULL")
      .bindAll(id, userId, at, version)
      .run();
  return c.changes() == 1;
}

std::vector<AttachmentRow> listAttachmentsSealedWith(Reading& c, const std::string& repository,
                                                     const std::string& sealedWith) {
  auto s = c.prepare(std::string(kAttachmentColumns) +
                     "AND a.repository = ?1 AND a.sealed_with = ?2 ORDER BY a.id");
  s.bindAll(repository, sealedWith);
  return readAll(s);
}

}  // namespace sv::store
