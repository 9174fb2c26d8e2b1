// The yearly follow-up report of a contract (verksamhetsuppföljning / avtalsuppföljning, issue 13)
// as a git document like the minutes: report.md for people and report.json with the parts, one
// commit per save by its author, saves naming the version they started from (If-Match) and merged
// area by area with what was saved since (minutes/report.hpp). Its lifecycle is
// config/workflows/report.workflow: draft -> fact_check -> answered -> final -> registered.
//
// ReportService is the facade the API and the pages call; each use case is a file of its own:
//   report_context.*      what every use case starts from, and who may do what (report_rules)
//   report_start.cpp      start from the service area's template
//   report_save.cpp       save (merge with what others saved since)
//   report_read.cpp       list, get, atVersion, fileAtVersion, versions, comments, supplements
//   report_fact_check.cpp send for fact-check, the provider's answer, the deadline
//   report_comments.cpp   the authority answers each comment
//   report_supplements.cpp request, send, decide (the assessment changes with its reason)
//   report_finalize.cpp   final: the fact-check record committed, improvements become actions
//   report_register.cpp   registry number, seal, tag
//   report_outputs.cpp    the record, the PDF and the archive package
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "minutes/report.hpp"
#include "minutes/report_lifecycle.hpp"
#include "minutes/report_record.hpp"
#include "server/services/catalog.hpp"
#include "server/services/parsed_versions.hpp"
#include "server/store/documents.hpp"
#include "server/store/principal.hpp"
#include "server/store/reports.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/review_comments.hpp"

namespace sv::services {

struct ReportContext;  // report_context.hpp

struct ReportSummary {
  std::int64_t id = 0;
  std::int64_t contractId = 0;
  std::string contractTitle;
  std::string providerName;
  int year = 0;
  minutes::ReportKind kind = minutes::ReportKind::Operational;
  minutes::ReportState state = minutes::ReportState::Draft;
  std::optional<std::string> registryNumber;
  std::optional<std::string> factCheckDueOn;  // YYYY-MM-DD, once sent
  std::string updatedAt;
};

struct ReportView {
  ReportSummary summary;
  std::string version;  // the commit id
  minutes::FollowUpReport document;
  std::string markdown;
  std::vector<std::string> available;  // what the viewer may do now (workflow transitions)
};

struct ReportPage {
  std::vector<ReportSummary> items;
  int total = 0;
};

struct ReportSaveConflict {
  std::string currentVersion;
  std::vector<minutes::ReportMergeConflict> conflicts;
};

struct ReportSaveResult {
  std::optional<ReportView> saved;
  std::optional<ReportSaveConflict> conflict;
  bool merged = false;
  bool changed = false;
};

struct NewReport {
  std::int64_t contractId = 0;
  int year = 0;
  minutes::ReportKind kind = minutes::ReportKind::Operational;
};

// A supplement (komplettering) as the pages and the API show it.
struct Supplement {
  std::int64_t reportId = 0;
  minutes::SupplementEntry entry;
};

struct SupplementRequest {
  std::string areaKey;  // an area of the report
  std::string request;  // what the provider must send
  std::string dueOn;    // YYYY-MM-DD, not before today
};

struct SupplementDecision {
  std::string assessment;  // minutes::Assessment's name: the area's assessment from now on
  std::string reason;      // why; required
};

struct ReportPdf {
  std::string bytes;
  std::string fileName;  // "SDN-2026-0005.pdf" once registered, "uppfoljning-2026-<id>.pdf" before
};

class ReportService {
 public:
  ReportService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // --- Reading. Errors (all): NotFound (no such report in the viewer's scope).
  // The reports the viewer may see, newest year first, a page at a time. Never fails.
  ReportPage list(const store::Principal& viewer, const store::ReportQuery& query);
  Result<ReportView> get(const store::Principal& viewer, std::int64_t reportId);
  // Errors: also NotFound/UnknownVersion.
  Result<ReportView> atVersion(const store::Principal& viewer, std::int64_t reportId,
                               const std::string& version);
  // report.md or report.json as committed; `extension` is "md" or "json" (Invalid otherwise).
  Result<std::string> fileAtVersion(const store::Principal& viewer, std::int64_t reportId,
                                    const std::string& version, const std::string& extension);
  Result<std::vector<store::DocumentVersion>> versions(const store::Principal& viewer,
                                                       std::int64_t reportId);
  // `span` of the versions, oldest first, and how many. Errors: NotFound.
  Result<store::Page<store::DocumentVersion>> versionPage(const store::Principal& viewer,
                                                          std::int64_t reportId,
                                                          store::PageSpan span);
  // The fact-check's comments, oldest first (review comments, part = the area's key).
  Result<std::vector<review::Comment>> comments(const store::Principal& viewer,
                                                std::int64_t reportId);
  Result<std::vector<Supplement>> supplements(const store::Principal& viewer,
                                              std::int64_t reportId);
  // The whole record: the report, its fact-check, supplements and attachments.
  Result<minutes::ReportRecord> record(const store::Principal& viewer, std::int64_t reportId);

  // --- Writing (the authority's contract manager).
  // From the template of the contract's service area. Errors: NotFound (contract),
  // Forbidden/NotReportWriter, Invalid/UnknownChoice (field "service_area": no template for it),
  // Invalid/OutOfRange (year), Conflict/ReportExists.
  Result<ReportView> start(const store::Principal& actor, const NewReport& what);
  // Roles before fields: Errors: NotFound, Forbidden/NotReportWriter.
  Status mayEdit(const store::Principal& actor, std::int64_t reportId);
  // Saves `proposed` as edited from `ifMatch`. A conflict is a result, not an error.
  // Errors: NotFound, Forbidden/NotReportWriter, Conflict/DocumentRegistered,
  // Conflict/TransitionNotAllowed (value "save": out for fact-check or final),
  // Conflict/UnknownVersion, Conflict/DocumentBusy, applyReportEdit's.
  Result<ReportSaveResult> save(const store::Principal& actor, std::int64_t reportId,
                                const std::string& ifMatch,
                                const minutes::FollowUpReport& proposed);

  // --- The lifecycle. Each step: NotFound, then the workflow's Forbidden/RoleMissingForTransition
  // and Conflict/TransitionNotAllowed (value: the step), then the step's own.
  // To the provider with a last day (today + samverkan.reports.fact_check_days); the provider's
  // people are told. Errors: also Conflict/AreaNotAssessed.
  Result<ReportView> sendForFactCheck(const store::Principal& actor, std::int64_t reportId);
  // The provider's answer: a comment per area where a fact is wrong (part = the area's key, ""
  // for the report as a whole); no comments means "inga synpunkter". The contract manager is
  // told. Errors: also review::checkComments' (Invalid/UnknownChoice for an unknown area).
  Result<ReportView> answerFactCheck(const store::Principal& actor, std::int64_t reportId,
                                     std::vector<review::NewComment> comments);
  // The system closes fact-checks whose last day has passed ("inga synpunkter inkom"), as of
  // `now`; returns how many. Run by the server's timer and by `samverkan fact-check-deadlines`.
  int closeOverdueFactChecks(TimePoint now);
  // The authority answers one comment. Errors: NotFound (also a comment of another report),
  // Forbidden/NotReportWriter, Conflict/DocumentRegistered, review::checkHandling's,
  // Conflict/CommentHandled.
  Result<review::Comment> answerComment(const store::Principal& actor, std::int64_t reportId,
                                        std::int64_t commentId, const std::string& answer);
  // Final: the fact-check record committed beside the report, the required improvements become
  // actions of the contract, the provider is told (återkoppling) and the registrars.
  // Errors: also Conflict/CommentsOpen, Conflict/SupplementsOpen, Conflict/AreaNotAssessed.
  Result<ReportView> finalize(const store::Principal& actor, std::int64_t reportId);
  // A number in the authority's register (the protocols' series), the report and its
  // attachments sealed, a tag on the version.
  Result<ReportView> registerReport(const store::Principal& actor, std::int64_t reportId);

  // --- Supplements (kompletteringar).
  // The manager asks for a supplement on an area, in draft or answered. Errors: NotFound,
  // Forbidden/NotReportWriter, Conflict/TransitionNotAllowed (value "request_supplement"),
  // Invalid/UnknownChoice (field "area"), Invalid/Missing|TooLong|… (field "request"),
  // Invalid/NotADate|OutOfRange (field "due_on"). The provider's people are told.
  Result<Supplement> requestSupplement(const store::Principal& actor, std::int64_t reportId,
                                       const SupplementRequest& request);
  // The provider sends the supplement's text (files as attachments of the supplement).
  // Errors: NotFound (also no such supplement), Forbidden/RoleMissingForTransition (not the
  // provider), Conflict/SupplementAnswered, Conflict/SupplementDecided, Invalid (field "text").
  Result<Supplement> sendSupplement(const store::Principal& actor, std::int64_t reportId,
                                    int number, const std::string& text);
  // The manager decides: the area's assessment from now on and why, written to the report as a
  // new version in the same step. Errors: NotFound, Forbidden/NotReportWriter,
  // Conflict/SupplementDecided, Invalid/UnknownChoice (field "assessment"), Invalid/Missing
  // (field "reason"), Conflict/DocumentBusy.
  Result<Supplement> decideSupplement(const store::Principal& actor, std::int64_t reportId,
                                      int number, const SupplementDecision& decision);

  // --- Outputs.
  Result<ReportPdf> pdf(const store::Principal& viewer, std::int64_t reportId);
  // (name, zip): the registered report's package (report files, fact-check record, PDF,
  // attachments with their checksums). Errors: NotFound, Conflict/ReportNotRegistered.
  Result<std::pair<std::string, std::string>> archive(const store::Principal& viewer,
                                                      std::int64_t reportId);

  // "reports/12/report": the report's document in the contract's repository.
  static std::string documentOf(std::int64_t reportId);
  // "reports/12/supplements/3": a supplement's, for its attachments.
  static std::string supplementDocumentOf(std::int64_t reportId, int number);

 private:
  // The report of `version`, parsed once per version (parsed_). Errors: Internal.
  Result<minutes::FollowUpReport> load(const ReportContext& ctx, const std::string& version);
  // The record of the current version: fact-check, supplements, attachments.
  Result<minutes::ReportRecord> recordOf(const ReportContext& ctx);
  // The view of the current version with what the viewer may do now.
  Result<ReportView> viewOf(const store::Principal& viewer, const ReportContext& ctx);

  // What a lifecycle step writes besides the state and the audit entry, inside its transaction.
  struct StepWrite {
    const ReportContext& ctx;    // as read again inside the transaction
    const std::string& version;  // the version the step acts on (the new one when it commits)
    TimePoint now;
    std::string when;  // `now` as stored
  };
  struct Step {
    std::string transition;  // the workflow's name; the audit action is "report.<name>"
    // Files to commit with the step (the fact-check record at finalize); none: no commit.
    std::vector<std::pair<std::string, std::string>> files;
    std::string message;  // the commit's message
    // Records the step (fact-check row, comments, actions, register row, notices) and returns
    // the extra field of the audit entry ({} for none).
    std::function<Result<std::pair<std::string, std::string>>(store::Writing&, const StepWrite&)>
        record;
  };
  // The one transaction every step takes: the state and version read again, the workflow's
  // check with the facts as they are, the step's record, the new state and the audit entry; in
  // the commit's transaction when the step commits files.
  Status takeStep(const store::Principal& actor, const ReportContext& ctx, const Step& step);

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
  ParsedVersions<minutes::FollowUpReport> parsed_{128};
};

}  // namespace sv::services
