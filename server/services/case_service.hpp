// Event-driven follow-up (händelsestyrd uppföljning, issue 14; seed 002 § 8.2): a case per
// contract, opened by the authority's contract manager when something happens at a provider. Its
// lifecycle is config/workflows/follow_up_case.workflow; its material is notes on its timeline and
// attachments; the provider writes an action plan (a git document, "cases/<id>/plan") that the
// authority accepts or returns with comments per point; accepted points become actions; the
// case's report to the committee is a follow-up report of kind "case" (ReportService does the
// rest: fact-check, final, registration, archive). An acute case tells the authority's director
// and committee secretary at once.
//
// CaseService is the facade the API and the pages call; each use case is a file of its own:
//   case_context.*     what every use case starts from, who may do what, the one step transaction
//   case_open.cpp      open a case (the provider told; the leadership too when acute)
//   case_read.cpp      list, get (timeline, notices, plan rounds, actions)
//   case_material.cpp  notes, marking acute
//   case_analysis.cpp  start the analysis, conclude it (ok, or a plan asked for)
//   case_plan.cpp      the provider saves and sends its plan
//   case_plan_decision.cpp  the authority returns the plan with comments or accepts it
//   case_feedback.cpp  feedback to the provider, the report started, reported, closed
//   case_notices.*     who is told what
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "minutes/action_plan.hpp"
#include "minutes/case_lifecycle.hpp"
#include "minutes/follow_up_case.hpp"
#include "server/services/catalog.hpp"
#include "server/store/actions.hpp"
#include "server/store/cases.hpp"
#include "server/store/principal.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/review_comments.hpp"

namespace sv::services {

struct CaseContext;  // case_context.hpp

struct CaseListItem {
  store::CaseRow row;
  minutes::CaseState state = minutes::CaseState::Collecting;
  bool planOverdue = false;  // the action plan's last day has passed
  bool stale = false;        // no progress for samverkan.cases.stale_days
};

struct CasePage {
  std::vector<CaseListItem> items;
  int total = 0;
};

struct PlanView {
  std::string version;  // the commit id
  minutes::ActionPlan plan;
  std::string markdown;
};

struct CaseView {
  CaseListItem item;
  std::vector<store::CaseEventRow> events;    // the timeline, oldest first
  std::vector<store::CaseNoticeRow> notices;  // who was told of the acute case, when
  std::vector<store::CasePlanRow> plans;      // the plan's rounds
  std::optional<PlanView> plan;               // the plan as it is now
  std::vector<review::Comment> planComments;  // the authority's comments per point, all rounds
  std::vector<store::ActionRow> actions;      // what accepted plans made
  std::vector<std::string> available;         // workflow steps the viewer may take now
  bool mayWrite = false;      // the authority's contract manager: material, analysis, feedback
  bool mayWritePlan = false;  // the provider's people while a plan is asked for
};

struct NewCase {
  std::int64_t contractId = 0;
  std::string trigger;
  std::string title;
  std::string description;
  std::string occurredOn;  // YYYY-MM-DD
  std::string urgency;     // "normal" or "acute"
};

struct PlanSaveResult {
  PlanView saved;
  bool changed = false;
};

class CaseService {
 public:
  CaseService(store::Store& store, const Catalog& catalog, const TimeSource& time)
      : store_(store), catalog_(catalog), time_(time) {}

  // --- Reading. Errors: NotFound (no such case in the viewer's scope).
  // The viewer's cases, acute first, a page at a time; `overdue` is filled from the clock and
  // samverkan.cases.stale_days. Never fails.
  CasePage list(const store::Principal& viewer, store::CaseQuery query);
  Result<CaseView> get(const store::Principal& viewer, std::int64_t caseId);
  // How many of the viewer's cases are past a deadline (the start page).
  int overdueCount(const store::Principal& viewer);
  // The plan's Markdown or JSON at a version of its own. Errors: NotFound, NotFound/UnknownVersion,
  // Invalid (extension).
  Result<std::string> planFileAtVersion(const store::Principal& viewer, std::int64_t caseId,
                                        const std::string& version, const std::string& extension);

  // --- The authority's contract manager. Roles before fields throughout.
  // Errors: NotFound (contract), Forbidden/NotCaseWriter, checkCaseOpening's.
  Result<CaseView> open(const store::Principal& actor, const NewCase& what);
  // A note on the timeline (the material). Errors: NotFound, Forbidden/NotCaseWriter,
  // Conflict/CaseClosed, checkCaseText's (field "text").
  Result<CaseView> addNote(const store::Principal& actor, std::int64_t caseId,
                           const std::string& text);
  // Acute from now on: the director and the committee secretary are told at once.
  // Errors: NotFound, Forbidden/NotCaseWriter, Conflict/CaseClosed, Conflict/AlreadyAcute,
  // checkCaseText's (field "text": why).
  Result<CaseView> markAcute(const store::Principal& actor, std::int64_t caseId,
                             const std::string& text);

  // --- The lifecycle. Each step: NotFound, then the workflow's Forbidden/RoleMissingForTransition
  // and Conflict/TransitionNotAllowed (value: the step), then the step's guards.
  Result<CaseView> startAnalysis(const store::Principal& actor, std::int64_t caseId);
  // "ok": on to feedback; "not_ok": an action plan is asked for by `planDueOn`; the provider is
  // told. Errors: also Invalid/UnknownChoice (field "outcome"), the guards' (text, plan_due_on).
  Result<CaseView> concludeAnalysis(const store::Principal& actor, std::int64_t caseId,
                                    const std::string& outcome, const std::string& text,
                                    const std::string& planDueOn);
  // Roles before fields, for a body that does not read. Errors: NotFound, Forbidden/NotPlanWriter.
  Status mayEditPlan(const store::Principal& actor, std::int64_t caseId);
  // The provider saves its plan from `ifMatch` ("" for the first save). Errors: NotFound,
  // Forbidden/NotPlanWriter, Conflict/TransitionNotAllowed (value "save_action_plan": no plan is
  // asked for), Conflict/VersionMovedOn (someone saved since), applyPlanEdit's.
  Result<PlanSaveResult> savePlan(const store::Principal& actor, std::int64_t caseId,
                                  const std::string& ifMatch, const minutes::ActionPlan& proposed);
  // The provider sends the plan as it is now; the contract manager is told.
  // Errors: also Conflict/PlanEmpty.
  Result<CaseView> submitPlan(const store::Principal& actor, std::int64_t caseId);
  // Back to the provider with comments per point (part = the point's id, "" for the whole plan)
  // and a new last day. Errors: also checkComments', Invalid/Missing (field "comments"), the
  // plan's last day.
  Result<CaseView> returnPlan(const store::Principal& actor, std::int64_t caseId,
                              std::vector<review::NewComment> comments,
                              const std::string& planDueOn);
  // Accepted: every point becomes an action of the contract, followed at the next meetings; the
  // case is analysed again.
  Result<CaseView> acceptPlan(const store::Principal& actor, std::int64_t caseId);
  // Feedback (återkoppling) to the provider, in the feedback state. Errors: NotFound,
  // Forbidden/NotCaseWriter, Conflict/TransitionNotAllowed (value "give_feedback"),
  // checkCaseText's.
  Result<CaseView> giveFeedback(const store::Principal& actor, std::int64_t caseId,
                                const std::string& text);
  // The report to the committee, made from the case (minutes/case_report.hpp), as a follow-up
  // report of kind "case"; returns its id. Errors: NotFound, Forbidden/NotCaseWriter,
  // Conflict/TransitionNotAllowed (value "start_report": not in feedback),
  // Conflict/FeedbackMissing, Conflict/CaseReportExists.
  Result<std::int64_t> startReport(const store::Principal& actor, std::int64_t caseId);
  // Errors: also Conflict/FeedbackMissing, Conflict/CaseReportNotRegistered.
  Result<CaseView> reportToCommittee(const store::Principal& actor, std::int64_t caseId);
  Result<CaseView> close(const store::Principal& actor, std::int64_t caseId);

  // "cases/12": the case's own key (its material's attachments, its seal).
  static std::string documentOf(std::int64_t caseId);
  // "cases/12/plan": the action plan's document.
  static std::string planDocumentOf(std::int64_t caseId);

 private:
  Result<CaseView> viewOf(const store::Principal& viewer, std::int64_t caseId);
  // The plan as it is now, parsed; none before the provider's first save.
  Result<std::optional<PlanView>> currentPlan(const CaseContext& ctx);

  // What a lifecycle step writes besides the state, the event and the audit entry.
  struct Step {
    std::string transition;  // the workflow's name; the audit action is "case.<name>"
    std::string eventKind;   // the timeline's kind
    std::string text;        // the event's text
    std::optional<std::string> planDueOn;  // kept on the case after the step
    std::optional<std::string> version;    // the plan's version the step acts on
    minutes::CaseLifecycleFacts facts;     // besides what is stored (feedback, report state)
    std::function<Status(store::Writing&, const CaseContext&, TimePoint)> record;
  };
  Status takeStep(const store::Principal& actor, std::int64_t caseId, Step step);

  store::Store& store_;
  const Catalog& catalog_;
  const TimeSource& time_;
};

}  // namespace sv::services
