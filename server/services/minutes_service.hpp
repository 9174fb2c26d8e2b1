// The minutes (protokoll) of a meeting as a git document: minutes.md for people and minutes.json
// with the structured parts, in one commit per save. Saves name the version they started from
// (If-Match); a save against an older version is merged section by section with what was saved
// since, or refused with both texts when the same section changed on both sides.
//
// MinutesService is the facade the API and the pages call; each use case is a file of its own:
//   minutes_start.cpp     start from the published agenda
//   minutes_save.cpp      save (merge with what others saved since)
//   minutes_read.cpp      get, atVersion, fileAtVersion, versions, diff, signedDocument
//   minutes_lifecycle.cpp lifecycle (where the minutes are) and takeStep, which the steps share
//   minutes_submit.cpp, minutes_approve.cpp, minutes_return.cpp, minutes_register.cpp
//   minutes_registry.cpp  the register and the registrar's queue
//   minutes_page.cpp, minutes_pdf.cpp, minutes_archive.cpp   the outputs
// with minutes_context.* (what each starts from) and minutes_rules.* (who may do what).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "minutes/approval_method.hpp"
#include "minutes/merge.hpp"
#include "minutes/minutes.hpp"
#include "minutes/report_record.hpp"
#include "minutes/section_diff.hpp"
#include "server/services/catalog.hpp"
#include "server/services/minutes_context.hpp"
#include "server/services/parsed_versions.hpp"
#include "server/services/rendered_files.hpp"
#include "server/store/approvals.hpp"
#include "server/store/documents.hpp"
#include "server/store/principal.hpp"
#include "server/store/registry_search.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/review_comments.hpp"

namespace sv::services {

struct MinutesView {
  std::int64_t meetingId = 0;
  std::int64_t contractId = 0;
  minutes::MinutesState state = minutes::MinutesState::Draft;
  std::string version;  // the commit id
  minutes::Minutes document;
  std::string markdown;
};

struct SaveConflict {
  std::string currentVersion;
  std::vector<minutes::MergeConflict> conflicts;
};

struct SaveResult {
  std::optional<MinutesView> saved;
  std::optional<SaveConflict> conflict;
  bool merged = false;   // the save was merged with versions saved after the one it started from
  bool changed = false;  // false when the save changed nothing (no new version)
};

struct MinutesDiff {
  std::string from;
  std::string to;
  std::string unified;  // git's patch format, of minutes.md and minutes.json
  std::vector<std::string>
      summary;  // one Swedish line per changed part ("§ 6 …: anteckningar ändrade")
  std::vector<std::pair<int, std::string>> sections;  // (§ number, title) of changed sections
  minutes::ReadableDiff readable;  // per § in words, for the page a reviewer reads
};

// The protocol as a whole HTML page: its ETag, which names what it was rendered from, and the
// bytes, shared with the service's cache and never changed.
struct ProtocolPage {
  std::string etag;
  std::shared_ptr<const std::string> html;
};

// The protocol as a PDF file and the name it is saved under, which says what it is:
// "SDN-2026-0001.pdf" (the registry number) once registered, "protokoll-2027-02-09-utkast.pdf"
// (the meeting's date) before. The bytes are shared with the service's cache and never changed.
struct MinutesPdf {
  std::shared_ptr<const std::string> bytes;
  std::string fileName;
};

// The file name of the minutes' PDF (see MinutesPdf): ASCII letters, digits, '-' and '.' only.
std::string minutesPdfFileName(const minutes::Minutes& doc);

// Where the minutes are in their lifecycle, with who approved which version and who returned them.
struct LifecycleView {
  std::int64_t meetingId = 0;
  minutes::MinutesState state = minutes::MinutesState::Draft;
  std::string version;                        // the current version
  std::vector<store::ApprovalRow> approvals;  // all, superseded ones marked
  std::vector<store::ReturnRow> returns;
  std::optional<store::RegistryRow> registration;
  std::vector<std::string> available;  // what the caller may do now (workflow transitions)
};

class MinutesService {
 public:
  MinutesService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}
  // The approval method from now on (minutes/approval_method.hpp), kept by the caller for the
  // service's life; the password login's until a signing service is wired in.
  void useApprovalMethod(const minutes::ApprovalMethod& method) { approvalMethod_ = &method; }

  // --- The lifecycle (config/workflows/minutes.workflow): each step its own use case.
  // Every step first needs the meeting (NotFound) and started minutes (NotFound/MinutesNotStarted);
  // the workflow refuses a step the caller has no role for (Forbidden/RoleMissingForTransition)
  // or that the state does not allow (Conflict/TransitionNotAllowed), value = the step's name.

  // Where the minutes are, and what the viewer may do now. Errors: NotFound,
  // NotFound/MinutesNotStarted.
  Result<LifecycleView> lifecycle(const store::Principal& viewer, std::int64_t meetingId);
  // To the adjusters for approval (minutes_submit.cpp). Errors: as above,
  // Conflict/AuthorityAdjusterMissing, Conflict/ProviderAdjusterMissing.
  Result<LifecycleView> submit(const store::Principal& actor, std::int64_t meetingId);
  // An adjuster approves an exact version, with an optional note of disagreement
  // (minutes_approve.cpp). Errors: as above, Invalid/VersionNotNamed, Conflict/VersionMovedOn,
  // Invalid/TooLong (note, value 20000), Conflict/AlreadyApproved.
  Result<LifecycleView> approve(const store::Principal& actor, std::int64_t meetingId,
                                const std::string& version, const std::string& note);
  // Back to the draft with comments (minutes_return.cpp). Errors: as above,
  // Invalid/CommentMissing, Invalid/TooLong (comment, value 20000).
  Result<LifecycleView> returnMinutes(const store::Principal& actor, std::int64_t meetingId,
                                      const std::string& comment);
  // The same with comments per § (part "6" for § 6, "" for the minutes as a whole), kept as
  // review comments beside their § until the writer handles them (minutes_comments.cpp). The
  // general comment may be blank when there are comments per §. Errors: as above,
  // review::checkComments' (Invalid/UnknownChoice for a § the minutes do not have, …).
  Result<LifecycleView> returnMinutes(const store::Principal& actor, std::int64_t meetingId,
                                      const std::string& comment,
                                      std::vector<review::NewComment> comments);

  // --- Review comments (minutes_comments.cpp): every comment given on these minutes, handled
  // or not, oldest first. Errors: NotFound, NotFound/MinutesNotStarted.
  Result<std::vector<review::Comment>> comments(const store::Principal& viewer,
                                                std::int64_t meetingId);
  // The writer says how a comment was dealt with. Errors: NotFound (also a comment of other
  // minutes), NotFound/MinutesNotStarted, Forbidden/NotMinutesWriter,
  // Conflict/DocumentRegistered, review::checkHandling's, Conflict/CommentHandled (handled
  // already).
  Result<review::Comment> handleComment(const store::Principal& actor, std::int64_t meetingId,
                                        std::int64_t commentId, const std::string& how);
  // A number in the authority's register, the document sealed and tagged
  // (minutes_register.cpp). Errors: as above, Conflict/NotApprovedByBoth,
  // Conflict/MeetingCancelled (value "register": a cancelled meeting's minutes stay unregistered).
  Result<LifecycleView> registerMinutes(const store::Principal& actor, std::int64_t meetingId);

  // --- The register (minutes_registry.cpp): searched within the viewer's tenant scope (an
  // authority's people, its register; a provider's, its contracts' protocols). Never fails.
  std::vector<store::RegistryHit> registry(const store::Principal& viewer,
                                           const store::RegistryQuery& query);
  // The query's page and how many protocols it finds, read in one snapshot.
  store::Page<store::RegistryHit> registryPage(const store::Principal& viewer,
                                               const store::RegistryQuery& query);
  // The registrar's queue: approved minutes not yet registered, in the viewer's contracts.
  std::vector<store::AwaitingRegistrationRow> awaitingRegistration(const store::Principal& viewer);

  // --- Outputs.
  // The protocol as PDF, with the signature block and, until registered, the state's mark on
  // every page (minutes_pdf.cpp), rendered once for what it shows (version, state, approvals,
  // registry number, attachments) and kept within kRenderedPdfBytes. Errors: NotFound,
  // NotFound/MinutesNotStarted.
  Result<MinutesPdf> pdf(const store::Principal& viewer, std::int64_t meetingId);
  // The archival package of registered minutes: (name, zip), a BagIt zip; see archive.hpp
  // (minutes_archive.cpp). Errors: NotFound, Conflict/MinutesNotRegistered.
  Result<std::pair<std::string, std::string>> archive(const store::Principal& viewer,
                                                      std::int64_t meetingId);
  // The protocol as a whole HTML page, rendered once per version (minutes_page.cpp).
  // Errors: NotFound, NotFound/MinutesNotStarted.
  Result<ProtocolPage> html(const store::Principal& viewer, std::int64_t meetingId);

  // --- Writing (minutes_start.cpp, minutes_save.cpp).
  // Starts the minutes from the meeting's published agenda and its participants.
  // Errors: NotFound, Forbidden/NotMinutesWriter, Conflict/MinutesAlreadyStarted,
  // Conflict/MeetingCancelled, Conflict/AgendaNotPublished.
  Result<MinutesView> start(const store::Principal& actor, std::int64_t meetingId);
  // Whether the caller may save the minutes at all, for an edge that could not read what they
  // sent: roles are answered before fields. Errors: NotFound, NotFound/MinutesNotStarted,
  // Forbidden/NotMinutesWriter.
  Status mayEdit(const store::Principal& actor, std::int64_t meetingId);
  // Saves `proposed` as the next version of the minutes edited from `ifMatch` (an ETag, quoted or
  // not). A conflict with what others saved since is a SaveResult with `conflict`, not an error.
  // Errors: NotFound, NotFound/MinutesNotStarted, Forbidden/NotMinutesWriter,
  // Conflict/DocumentRegistered, Conflict/UnknownVersion (If-Match names no version),
  // Conflict/DocumentBusy (the repository moved while its lock was held: a writer that takes
  // none, which no code here is), applyEdit's (Invalid/…). A save that meets another's is merged
  // again with the repository's lock held, so it does not lose twice.
  Result<SaveResult> save(const store::Principal& actor, std::int64_t meetingId,
                          const std::string& ifMatch, const minutes::Minutes& proposed);

  // --- Reading (minutes_read.cpp). Errors: NotFound, NotFound/MinutesNotStarted,
  // NotFound/UnknownVersion (a version that is not one of these minutes).
  Result<MinutesView> get(const store::Principal& viewer, std::int64_t meetingId);
  Result<MinutesView> atVersion(const store::Principal& viewer, std::int64_t meetingId,
                                const std::string& version);
  // The bytes of minutes.md or minutes.json exactly as committed in `version`; `extension` is
  // "md" or "json" (Invalid otherwise).
  Result<std::string> fileAtVersion(const store::Principal& viewer, std::int64_t meetingId,
                                    const std::string& version, const std::string& extension);
  Result<std::vector<store::DocumentVersion>> versions(const store::Principal& viewer,
                                                       std::int64_t meetingId);
  // `span` of the versions, oldest first, and how many. Errors: NotFound.
  Result<store::Page<store::DocumentVersion>> versionPage(const store::Principal& viewer,
                                                          std::int64_t meetingId,
                                                          store::PageSpan span);
  Result<MinutesDiff> diff(const store::Principal& viewer, std::int64_t meetingId,
                           const std::string& from, const std::string& to);
  // The current minutes with their signature block (approvals) and registry number filled in.
  Result<minutes::Minutes> signedDocument(const store::Principal& viewer, std::int64_t meetingId);

  static std::string documentOf(std::int64_t meetingId) { return minutesDocumentOf(meetingId); }

 private:
  // The minutes of `version`, parsed once per version (parsed_). Errors: Internal.
  Result<minutes::Minutes> load(const MinutesContext& ctx, const std::string& version);
  // The current minutes with signatures and registry number, and the attachments of the meeting
  // and the minutes listed now, read in the same transaction, for the outputs' "Bilagor".
  // Errors: NotFound/MinutesNotStarted.
  struct SignedMinutes {
    minutes::Minutes doc;
    std::vector<minutes::RecordAttachment> attachments;
  };
  Result<SignedMinutes> signedAt(const MinutesContext& ctx);

  // What a lifecycle step changes besides the state and the audit entry, inside the transaction.
  struct StepWrite {
    const MinutesContext& ctx;
    const std::string& current;  // the version the step acts on
    TimePoint now;
    std::string when;  // `now` as stored
  };
  struct Step {
    std::string transition;  // the workflow's name, e.g. "submit"; the audit action follows it
    std::string text;        // the approval's note or the return's comment; in the facts
    std::optional<std::string> approving;  // approve: the version named
    std::optional<Party> party;            // approve: the approving party
    // Records the step (approval, return, register row, notifications) and returns the extra
    // field of the audit entry ({} for none).
    std::function<Result<std::pair<std::string, std::string>>(store::Writing&, const StepWrite&)>
        record;
  };
  // The one transaction every step takes: the state and version read again, the workflow's
  // check with the facts as they will be, the step's record, the new state, the audit entry, and
  // the actions of minutes that became approved. Errors: those of the workflow and of `record`.
  Status takeStep(const store::Principal& actor, const MinutesContext& ctx, const Step& step);
  // The return step, with what else the return writes in its transaction (the comments per §).
  using ReturnRecord = std::function<void(store::Writing&, const StepWrite&)>;
  Result<LifecycleView> returnWith(const store::Principal& actor, const MinutesContext& ctx,
                                   const std::string& comment,
                                   const std::vector<std::string>& sectionComments,
                                   const ReturnRecord& more);

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
  // How an approval is made and what it leaves (minutes/approval_method.hpp): the password
  // login, the one method there is; the seam a signing service for e-ID would fill.
  minutes::SessionApproval sessionApproval_;
  const minutes::ApprovalMethod* approvalMethod_ = &sessionApproval_;
  // The rendered protocol page of each meeting, under the stamp it was rendered from (see
  // store::ProtocolStamp): every change the page shows (a save, an approval, a supersession, a
  // registration, an attachment listed or removed) changes the stamp. A request checks the stamp,
  // one query, and renders only when it differs. While the database has had no write since the last
  // check (Database::writes), the scopes that check was made for are answered without asking the
  // database again.
  struct RenderedPage {
    std::int64_t contractId = 0;  // a meeting never moves to another contract
    std::string key;              // the stamp as text; also the page's ETag
    std::shared_ptr<const std::string> page;
    std::uint64_t checkedAt = 0;                 // Database::writes() read before the last check
    std::vector<store::TenantScope> checkedFor;  // the scopes that saw `key` at `checkedAt`
  };
  static constexpr std::size_t kRenderedPages = 512;
  ParsedVersions<minutes::Minutes> parsed_{256};
  // The protocols' PDFs, by meeting, under the key of what each shows (minutes_pdf.cpp). A PDF is
  // tens of kilobytes (hundreds for the longest notes allowed), so this keeps hundreds.
  static constexpr std::size_t kRenderedPdfBytes = 64 * 1024 * 1024;
  RenderedFiles pdfs_{kRenderedPdfBytes};
  std::shared_mutex pagesMutex_;  // shared by the requests that find their page checked
  std::unordered_map<std::int64_t, RenderedPage> pages_;  // by meeting
};

}  // namespace sv::services
