// Uploading an attachment: who first, then the file (its type from its bytes, its name made
// safe), then one commit by the uploader whose transaction records the row and the audit entry.
#include "server/crypto/crypto.hpp"
#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "server/services/attachments_rules.hpp"
#include "server/services/minutes_context.hpp"
#include "server/store/documents.hpp"
#include "workflows/attachment_rules.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string documentOf(std::int64_t meetingId, AttachedTo to) {
  return to == AttachedTo::Minutes ? minutesDocumentOf(meetingId)
                                   : "meetings/" + std::to_string(meetingId);
}

Status refuseSealedOrListed(store::Reading& c, const store::AttachmentRow& row) {
  if (store::attachmentSealed(c, row))
    return fail(Errc::Conflict, Reason::DocumentRegistered,
                "the minutes are registered: their attachments never change");
  if (store::attachmentListed(c, row.repository, row.path))
    return fail(Errc::Conflict, Reason::AttachmentExists,
                "the same file under the same name is attached already", "file", row.fileName);
  return {};
}

}  // namespace

Result<Attachment> AttachmentService::upload(const store::Principal& who, std::int64_t meetingId,
                                             const AttachmentUpload& file) {
  store::AttachmentRow row;
  auto checked = store_.read([&](store::Reading& c) -> Status {
    auto meeting = meetingFor(c, who, meetingId);
    if (!meeting) return std::unexpected(meeting.error());
    if (!takesPartIn(c, who, *meeting))
      return fail(Errc::Forbidden, Reason::NotMeetingParticipant,
                  "only the meeting's participants and the contract manager may attach files");
    row.contractId = meeting->contract.id;
    return {};
  });
  if (!checked) return std::unexpected(checked.error());
  row.meetingId = meetingId;
  row.repository = AgendaService::repositoryOf(row.contractId);
  row.document = documentOf(meetingId, file.to);
  // A meeting's attachments belong to the record its minutes make; both close with them.
  row.sealedWith = minutesDocumentOf(meetingId);
  return commitUpload(who, std::move(row), file);
}

Result<Attachment> AttachmentService::commitUpload(const store::Principal& who,
                                                   store::AttachmentRow row,
                                                   const AttachmentUpload& file) {
  const auto now = time_.now();
  if (file.bytes.size() > maxBytes_)
    return fail(Errc::Invalid, Reason::AttachmentTooLarge, "the file is over the size limit",
                "file", std::to_string(maxBytes_));
  auto type = workflows::detectAttachmentType(file.bytes);
  if (!type) return std::unexpected(type.error());

  row.fileName = workflows::safeAttachmentName(file.fileName, *type);
  row.sha256 = crypto::sha256Hex(file.bytes);
  row.path = store::attachmentPath(row.document, row.sha256, row.fileName);
  row.blobOid = store::gitBlobId(file.bytes);
  row.size = static_cast<std::int64_t>(file.bytes.size());
  row.contentType = std::string(workflows::mediaTypeOf(*type));
  row.uploadedBy = who.userId;
  row.uploaderName = who.name;
  row.uploadedAt = formatIsoUtc(now);

  // Refused before the commit when it can be seen now; checked again in its transaction.
  if (auto early = store_.read([&](store::Reading& c) { return refuseSealedOrListed(c, row); });
      !early)
    return std::unexpected(early.error());

  store::DocumentCommit write;
  write.repository = row.repository;
  write.document = store::attachmentsDocument(row.document);
  write.files = {{row.path, file.bytes}};
  write.author = {who.name, who.email};
  write.authorId = who.userId;
  write.message = "Bilaga: " + row.fileName;
  write.at = now;
  auto committed = store_.documents().commit(
      write, [&](store::Writing& c, const std::string& version) -> Status {
        if (auto refused = refuseSealedOrListed(c, row); !refused) return refused;
        row.version = version;
        row.id = store::insertAttachment(c, row);
        store::appendAudit(c,
                           auditBy(&who, "attachment.upload", "attachment", std::to_string(row.id),
                                   auditDetail({{"document", row.document},
                                                {"file_name", row.fileName},
                                                {"sha256", row.sha256},
                                                {"size", std::to_string(row.size)}}),
                                   version),
                           now);
        return {};
      });
  if (!committed) return std::unexpected(committed.error());
  return attachmentOf(row, false);
}

}  // namespace sv::services
