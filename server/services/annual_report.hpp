// The yearly summary to the committee (årsrapport till nämnden, issue 15; seed 003): the figures
// of an authority's year per provider and contract, with the year before, from what the server
// holds (minutes/annual_figures.hpp counts; store/annual.hpp reads). The authority's people see
// the whole; a provider's people only the part about their own contracts (the authority's totals
// are never shown to them: they would tell of other providers).
//
// The summary is also a record (issue 15 point 4; config/workflows/annual_report.workflow): the
// contract manager writes its text (Sammanfattning, Bedömning, Förslag till beslut) as a git
// document of the authority (repository "authority-<id>", document "annual/<year>/report"), sends
// it for approval — the figures of that day are committed beside the text in the same version —,
// the director approves that exact version or returns it with a comment, and the registrar
// registers it with a number from the protocols' series. From the time it goes for approval the
// figures, the page, the CSV and the PDF are those of the frozen version, so later changes to
// meetings, actions or reports do not alter what was approved and registered. Each use case is a
// file: annual_record_context.* (who may do what, where it lives), annual_record_read.cpp,
// annual_record_save.cpp, annual_record_steps.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "minutes/annual_figures.hpp"
#include "minutes/annual_lifecycle.hpp"
#include "minutes/annual_narrative.hpp"
#include "server/services/catalog.hpp"
#include "server/services/parsed_versions.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// Errc::Invalid (OutOfRange) for a year no summary is asked for: before 2000 or after 2100.
Status checkSummaryYear(int year);

// The summary as a record, as the authority's people see it.
struct AnnualRecordView {
  std::int64_t authorityId = 0;
  std::string authorityName;
  int year = 0;
  minutes::AnnualState state = minutes::AnnualState::Draft;
  bool started = false;  // saved at least once
  std::string version;   // the commit id of the text; empty before the first save
  minutes::AnnualNarrative narrative;
  std::optional<std::string> figuresAsOf;  // YYYY-MM-DD: the day the figures were frozen
  std::optional<std::string> approvedBy;
  std::optional<std::string> approvedAt;
  std::optional<std::string> returnedComment;  // the director's last return, while a draft
  std::optional<std::string> returnedBy;
  std::optional<std::string> returnedAt;
  std::optional<std::string> registryNumber;
  std::optional<std::string> registeredAt;
  // What the viewer may do now: "save" while a draft they may write, then the workflow's steps.
  std::vector<std::string> available;
};
// Enough for every report of a large city's two years (500 contracts, two kinds) several times.
inline constexpr std::size_t kKeptReportVersions = 8192;

class AnnualReportService {
 public:
  AnnualReportService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // Errors: Invalid/OutOfRange (field "year": outside 2000–2100), NotFound (no such authority,
  // another authority's, or a provider without a contract with it).
  Result<minutes::AnnualFigures> figures(const store::Principal& viewer, std::int64_t authorityId,
                                         int year);

  // The figures as a PDF (A4, charts drawn by cairo, "UTKAST" on every page: a summary is a draft
  // until it is registered) and its file name. Errors: figures' and the PDF's.
  Result<std::pair<std::string, std::string>> pdf(const store::Principal& viewer,
                                                  std::int64_t authorityId, int year);

  // --- The record. Errors (all): Invalid/OutOfRange (field "year"), NotFound (no such
  // authority, another authority's, a provider's people: the text is the authority's own until
  // it is registered and sent to the committee).
  Result<AnnualRecordView> record(const store::Principal& viewer, std::int64_t authorityId,
                                  int year);
  // Whether the actor may take `step` ("save" or a transition) now, before its input is read:
  // NotFound, then Forbidden (NotAnnualWriter, RoleMissingForTransition), then
  // Conflict/TransitionNotAllowed.
  Status mayTake(const store::Principal& actor, std::int64_t authorityId, int year,
                 const std::string& step);
  // The text as edited from `ifMatch` ("" for a summary not yet started); the first save starts
  // the record. Roles before fields: Forbidden/NotAnnualWriter (not the authority's contract
  // manager), then Conflict/TransitionNotAllowed (value "save": not a draft), checkNarrative's,
  // Conflict/VersionMovedOn (someone saved since), Conflict/DocumentBusy.
  Result<AnnualRecordView> saveNarrative(const store::Principal& actor, std::int64_t authorityId,
                                         int year, const std::string& ifMatch,
                                         const minutes::AnnualNarrative& narrative);
  // The lifecycle; each: the workflow's Forbidden/RoleMissingForTransition and
  // Conflict/TransitionNotAllowed (value: the step), then the step's own.
  // For approval, with the figures of today committed beside the text.
  // Errors: also Conflict/NarrativeMissing (value: the part).
  Result<AnnualRecordView> submit(const store::Principal& actor, std::int64_t authorityId,
                                  int year);
  // Back to a draft. Errors: also Invalid/CommentMissing, the comment's text checks.
  Result<AnnualRecordView> returnToDraft(const store::Principal& actor, std::int64_t authorityId,
                                         int year, const std::string& comment);
  // The director approves the version they read. Errors: also Invalid/VersionNotNamed,
  // Conflict/VersionMovedOn.
  Result<AnnualRecordView> approve(const store::Principal& actor, std::int64_t authorityId,
                                   int year, const std::string& version);
  // A number in the authority's register, the document sealed, a tag on the version.
  Result<AnnualRecordView> registerRecord(const store::Principal& actor, std::int64_t authorityId,
                                          int year);

  // The archival package of a registered summary (annual_archive.cpp): zip bytes and file name.
  // Errors: record's, Conflict/ReportNotRegistered (not registered yet), the PDF's and git's.
  Result<std::pair<std::string, std::string>> archive(const store::Principal& viewer,
                                                      std::int64_t authorityId, int year);

  // The viewer's own authority, or for a provider the first authority it has a contract with;
  // none for a provider without contracts. The default of the page and the API.
  std::optional<std::int64_t> defaultAuthority(const store::Principal& viewer);
  // This year in Swedish time: the default year.
  int currentYear() const;

 private:
  struct Step;  // annual_record_steps.cpp
  Result<AnnualRecordView> takeStep(const store::Principal& actor, std::int64_t authorityId,
                                    int year, const Step& step);
  // The figures of the version that went for approval, as committed; none while a draft.
  Result<std::optional<minutes::AnnualFigures>> frozenFigures(std::int64_t authorityId, int year,
                                                              bool registeredOnly);
  Result<minutes::AnnualFigures> liveFigures(const store::Principal& viewer,
                                             std::int64_t authorityId, int year);

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
  // Each follow-up report's areas by version, so that a summary reads a report from git once.
  ParsedVersions<std::vector<minutes::AreaAssessmentFact>> areas_{kKeptReportVersions};
};

}  // namespace sv::services
