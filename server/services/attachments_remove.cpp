// Removing an attachment: by its uploader or the contract manager, not once the minutes are
// registered. The file leaves the repository in a commit by the remover; the row stays, with the
// removal recorded, so the record keeps who added and who removed what.
#include "server/services/access.hpp"
#include "server/services/attachments_rules.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Status AttachmentService::remove(const store::Principal& who, std::int64_t attachmentId) {
  const auto now = time_.now();
  auto found = store_.read([&](store::Reading& c) -> Result<store::AttachmentRow> {
    auto pair = attachmentFor(c, who, attachmentId);
    if (!pair) return std::unexpected(pair.error());
    auto& [row, contract] = *pair;
    if (row.uploadedBy != who.userId && !managesContract(who, contract))
      return fail(Errc::Forbidden, Reason::NotAttachmentOwner,
                  "only the uploader or the contract manager may remove an attachment");
    if (store::attachmentSealed(c, row))
      return fail(Errc::Conflict, Reason::DocumentRegistered,
                  "the document is registered: its attachments never change");
    return std::move(row);
  });
  if (!found) return std::unexpected(found.error());
  const auto& row = *found;

  store::DocumentCommit write;
  write.repository = row.repository;
  write.document = store::attachmentsDocument(row.document);
  write.files = {{row.path, std::nullopt}};
  write.author = {who.name, who.email};
  write.authorId = who.userId;
  write.message = "Bilaga borttagen: " + row.fileName;
  write.at = now;
  auto committed = store_.documents().commit(
      write, [&](store::Writing& c, const std::string& version) -> Status {
        if (store::attachmentSealed(c, row))
          return fail(Errc::Conflict, Reason::DocumentRegistered,
                      "the minutes are registered: their attachments never change");
        if (!store::markAttachmentRemoved(c, row.id, who.userId, formatIsoUtc(now), version))
          return fail(Errc::NotFound, "no such attachment");
        store::appendAudit(c,
                           auditBy(&who, "attachment.remove", "attachment", std::to_string(row.id),
                                   auditDetail({{"document", row.document},
                                                {"file_name", row.fileName},
                                                {"sha256", row.sha256}}),
                                   version),
                           now);
        return {};
      });
  if (!committed) return std::unexpected(committed.error());
  return {};
}

}  // namespace sv::services
