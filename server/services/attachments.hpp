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

#include "server/store/attachments.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// What a file is attached to: a meeting or its minutes, a follow-up report or one of its
// supplements (kompletteringar), or the report on an action (what was done, with its evidence).
// An event-driven case's material (Case) and the provider's action plan (ActionPlan) have theirs.
enum class AttachedTo { Meeting, Minutes, Report, Supplement, ActionReport, Case, ActionPlan };
// "meeting", "minutes", "report", "supplement", "action_report", "case", "action_plan"
std::string_view attachedToName(AttachedTo to);
std::optional<AttachedTo> parseAttachedTo(std::string_view name);

struct Attachment {
  std::int64_t id = 0;
  std::int64_t meetingId = 0;  // 0 for a report's
  AttachedTo to = AttachedTo::Meeting;
  std::int64_t reportId = 0;  // 0 for a meeting's
  int supplement = 0;         // the supplement's number, 0 unless `to` is Supplement
  std::int64_t actionId = 0;  // 0 unless `to` is ActionReport
  std::int64_t caseId = 0;    // 0 unless `to` is Case or ActionPlan
  std::string fileName;       // safe, as listed and downloaded
  std::string contentType;    // from the bytes
  std::int64_t size = 0;
  std::string sha256;
  std::int64_t uploadedBy = 0;
  std::string uploadedByName;
  std::string uploadedAt;
  std::string version;  // the commit that added it
  bool sealed = false;  // registered with the minutes or the report: never removed
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

  // A file on a follow-up report (its writer, the authority's contract manager) or on one of its
  // supplements (the provider, or the contract manager, while the supplement is not decided),
  // sealed with the report when it is registered (attachments_report.cpp).
  // Errors: NotFound (no such report or supplement, or another provider's),
  // Forbidden/NotReportWriter, Forbidden/RoleMissingForTransition (a supplement's file by
  // someone who neither sends nor requests it), Conflict/SupplementDecided, and upload's file
  // errors.
  Result<Attachment> uploadToReport(const store::Principal& who, std::int64_t reportId,
                                    std::optional<int> supplement, const AttachmentUpload& file);
  // The report's attachments and its supplements', oldest first. Errors: NotFound.
  Result<std::vector<Attachment>> listOfReport(const store::Principal& viewer,
                                               std::int64_t reportId);

  // A file with the report on an action (åtgärdsrapport): by the provider's people or the
  // contract manager, while the action is not accepted (attachments_action.cpp).
  // Errors: NotFound (no such action, or another provider's), Forbidden/RoleMissingForTransition
  // (value "report"), Conflict/ActionClosed, and upload's file errors.
  Result<Attachment> uploadToAction(const store::Principal& who, std::int64_t actionId,
                                    const AttachmentUpload& file);
  // The files of the action's report, oldest first. Errors: NotFound.
  Result<std::vector<Attachment>> listOfAction(const store::Principal& viewer,
                                               std::int64_t actionId);

  // A file of an event-driven case (attachments_case.cpp): its material, added by the contract
  // manager while the case is open, or a file of the action plan, added by the provider's people
  // while a plan is asked for. Both close with the case's report when it is registered.
  // Errors: NotFound (no such case, or another provider's or authority's), Forbidden/NotCaseWriter
  // or Forbidden/NotPlanWriter, Conflict/CaseClosed, Conflict/TransitionNotAllowed (value
  // "submit_action_plan": no plan is asked for), and upload's file errors.
  Result<Attachment> uploadToCase(const store::Principal& who, std::int64_t caseId, AttachedTo to,
                                  const AttachmentUpload& file);
  // The case's material and its plans' files, oldest first. Errors: NotFound.
  Result<std::vector<Attachment>> listOfCase(const store::Principal& viewer, std::int64_t caseId);

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
  // The file checked (size, type by content, name made safe) and committed by `who`, the row and
  // its audit entry in the commit's transaction. `row` names where: contract, document, seal.
  Result<Attachment> commitUpload(const store::Principal& who, store::AttachmentRow row,
                                  const AttachmentUpload& file);

  store::Store& store_;
  const TimeSource& time_;
  std::size_t maxBytes_;
};

}  // namespace sv::services
