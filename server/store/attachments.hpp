// Attachments (bilagor) in SQLite (migration 019): the row that names a file the uploader's commit
// put in the contract's repository. Written inside the transaction of that commit (the
// `RecordInTransaction` of DocumentStore::commit), so a row never names a file git lacks. Rows are
// never deleted; a removal is recorded once. Triggers refuse any change once the document the
// attachment is sealed with is registered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/transaction.hpp"

namespace sv::store {

struct AttachmentRow {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  std::optional<std::int64_t> meetingId;
  std::string repository;  // "contract-12"
  std::string document;    // what it is attached to: "meetings/12" or "meetings/12/minutes"
  std::string sealedWith;  // the document whose seal closes it
  std::string path;        // the file in the repository
  std::string blobOid;     // git's id of the bytes
  std::string sha256;
  std::int64_t size = 0;
  std::string contentType;
  std::string fileName;
  std::int64_t uploadedBy = 0;
  std::string uploaderName;  // read from users; ignored when inserting
  std::string uploadedAt;
  std::string version;  // the commit that added it
};

// The file an attachment is kept in: `<document>/bilagor/<sha256>-<fileName>`, so equal bytes
// under one name are one file, and the attachments sit beside the document they belong to.
std::string attachmentPath(std::string_view document, std::string_view sha256,
                           std::string_view fileName);
// The key the attachments of a document are committed under (their own versions, so that an
// upload does not make a new version of the minutes that someone is approving).
std::string attachmentsDocument(std::string_view document);
// git's blob id of the bytes ("blob <size>\0" hashed with SHA-1), as the commit will name it.
std::string gitBlobId(std::string_view bytes);

// The new row's id. Throws DatabaseError (a constraint) when the document is sealed.
std::int64_t insertAttachment(Writing& c, const AttachmentRow& row);

// The attachments listed now, oldest first: of one document, or of a meeting (all its documents).
std::vector<AttachmentRow> listAttachments(Reading& c, const std::string& repository,
                                           const std::string& document);
std::vector<AttachmentRow> listMeetingAttachments(Reading& c, std::int64_t meetingId);

// One listed attachment; none when it does not exist or was removed. The caller applies the
// tenant rule through the contract or meeting it names.
std::optional<AttachmentRow> findAttachment(Reading& c, std::int64_t id);
// Whether a file is listed now (the same bytes under the same name on the same document).
bool attachmentListed(Reading& c, const std::string& repository, const std::string& path);
// Whether the document the attachment is sealed with (or the document itself) is sealed.
bool attachmentSealed(Reading& c, const AttachmentRow& row);

// Records the removal in `version` (the commit without the file). False when it was removed
// already. Throws DatabaseError (a constraint) when the document is sealed.
bool markAttachmentRemoved(Writing& c, std::int64_t id, std::int64_t userId, const std::string& at,
                           const std::string& version);

// The attachments listed now that close with `sealedWith` (a follow-up report's own and its
// supplements'), oldest first.
std::vector<AttachmentRow> listAttachmentsSealedWith(Reading& c, const std::string& repository,
                                                     const std::string& sealedWith);

}  // namespace sv::store
