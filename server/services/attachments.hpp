// Attachments (bilagor) of a meeting and of its minutes: uploaded by the contract manager or the
// meeting's participants while the minutes are not registered, read by anyone who may see the
// meeting, removed by the uploader or the contract manager. The bytes are a blob in the
// contract's repository (a commit by the uploader, `<document>/bilagor/<sha256>-<name>`), typed by
// their content (workflows/attachment_rules.hpp), the row and its audit entry in that commit's
// transaction. Registering the minutes seals them (store/attachments.hpp).
//
// A follow-up report can use the same store functions with its own document key; this service
// is the meeting's door to them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// What of the meeting a file is attached to.
enum class AttachedTo { Meeting, Minutes };
std::string_view attachedToName(AttachedTo to);  // "meeting", "minutes"
std::optional<AttachedTo> parseAttachedTo(std::string_view name);

struct Attachment {
  std::int64_t id = 0;
  std::int64_t meetingId = 0;
  AttachedTo to = AttachedTo::Meeting;
  std::string fileName;     // safe, as listed and downloaded
  std::string contentType;  // from the bytes
  std::int64_t size = 0;
  std::string sha256;
  std::int64_t uploadedBy = 0;
  std::string uploadedByName;
  std::string uploadedAt;
  std::string version;  // the commit that added it
  bool sealed = false;  // registered with the minutes: never removed
};

struct AttachmentFile {
  Attachment attachment;
  std::string bytes;
};

struct AttachmentUpload {
  AttachedTo to = AttachedTo::Meeting;
  std::string fileName;  // as the person's computer named it; made safe here
  std::string bytes;
};

// 25 MiB unless the properties say otherwise (samverkan.limits.max_attachment_bytes).
inline constexpr std::size_t kDefaultMaxAttachmentBytes = 25 * 1024 * 1024;

class AttachmentService {
 public:
  AttachmentService(store::Store& store, const TimeSource& time,
                    std::size_t maxBytes = kDefaultMaxAttachmentBytes)
      : store_(store), time_(time), maxBytes_(maxBytes) {}

  std::size_t maxBytes() const { return maxBytes_; }

  // Errors: NotFound (no such meeting, or another provider's), Forbidden/NotMeetingParticipant,
  // Invalid/Missing (field "file": no bytes), Invalid/AttachmentTooLarge (value: the limit),
  // Invalid/AttachmentTypeNotAllowed (value: what it was), Conflict/DocumentRegistered (the
  // minutes are registered), Conflict/AttachmentExists (the same file under the same name),
  // Conflict/DocumentBusy.
  Result<Attachment> upload(const store::Principal& who, std::int64_t meetingId,
                            const AttachmentUpload& file);

  // The meeting's attachments and its minutes', oldest first.
  // Errors: NotFound (no such meeting, or another provider's).
  Result<std::vector<Attachment>> list(const store::Principal& viewer, std::int64_t meetingId);

  // One attachment's facts, without its bytes.
  // Errors: NotFound (no such attachment, removed, or of another provider's meeting).
  Result<Attachment> get(const store::Principal& viewer, std::int64_t attachmentId);

  // Errors: NotFound (no such attachment, removed, or of another provider's meeting), Internal
  // (the bytes in git do not match their checksum).
  Result<AttachmentFile> download(const store::Principal& viewer, std::int64_t attachmentId);

  // Errors: NotFound (as download), Forbidden/NotAttachmentOwner, Conflict/DocumentRegistered,
  // Conflict/DocumentBusy.
  Status remove(const store::Principal& who, std::int64_t attachmentId);

 private:
  store::Store& store_;
  const TimeSource& time_;
  std::size_t maxBytes_;
};

}  // namespace sv::services
