// The role and guard names that workflow definitions (config/workflows/*.workflow) may use. The
// server checks each definition against these lists at start-up, registers one C++ guard under
// each guard name, and gives an actor the user roles of its account plus its roles in the meeting
// at hand; so the names are spelled here once, for the config files, the server and the tests.
#pragma once

#include <array>
#include <set>
#include <string>
#include <string_view>

namespace sv::workflows {

namespace roles {
// User roles, kept with the account (API: users.roles).
inline constexpr std::string_view kAdmin = "admin";
inline constexpr std::string_view kContractManager = "contract_manager";  // avtalsansvarig
inline constexpr std::string_view kProviderRep = "provider_rep";  // utförarens företrädare
inline constexpr std::string_view kRegistrar = "registrar";       // registrator
inline constexpr std::string_view kReader = "reader";
// The authority's leadership, told at once of an acute case (seed 002 § 8.2: "Upptäcks akuta och
// allvarliga brister ska både omsorgsdirektör och nämnd meddelas omedelbart").
inline constexpr std::string_view kDirector = "director";                       // förvaltningschef
inline constexpr std::string_view kCommitteeSecretary = "committee_secretary";  // nämndsekreterare
// Meeting roles, kept with a meeting's participants; one adjuster (justerare) per party.
inline constexpr std::string_view kChair = "chair";
inline constexpr std::string_view kSecretary = "secretary";
inline constexpr std::string_view kAuthorityAdjuster = "authority_adjuster";
inline constexpr std::string_view kProviderAdjuster = "provider_adjuster";
}  // namespace roles

namespace guards {
// The minutes (config/workflows/minutes.workflow).
inline constexpr std::string_view kAdjustersSet = "adjusters_set";  // one adjuster per party
// The approval being given names the current version of the minutes.
inline constexpr std::string_view kApprovesCurrentVersion = "approves_current_version";
// Each party's adjuster has approved the current version (approvals of older ones do not count).
inline constexpr std::string_view kBothPartiesApprovedCurrentVersion =
    "both_parties_approved_current_version";
// A non-blank comment comes with the command (returning minutes, finding an action insufficient).
inline constexpr std::string_view kCommentGiven = "comment_given";
// Actions (config/workflows/action.workflow).
inline constexpr std::string_view kReportGiven = "report_given";  // the provider's report text
// A new due date, not before today, comes with the command.
inline constexpr std::string_view kNewDueDateGiven = "new_due_date_given";
// Follow-up reports (config/workflows/report.workflow).
inline constexpr std::string_view kAreasAssessed = "areas_assessed";  // every area has a verdict
// Every comment of the fact-check has the authority's answer.
inline constexpr std::string_view kCommentsAnswered = "comments_answered";
// Every supplement requested has been decided on.
inline constexpr std::string_view kSupplementsDecided = "supplements_decided";
// Today (in Stockholm) is after the last day the provider had to answer the fact-check.
inline constexpr std::string_view kFactCheckDeadlinePassed = "fact_check_deadline_passed";
// Event-driven cases (config/workflows/follow_up_case.workflow); comment_given: the analysis.
// A last day for the action plan, not before today, comes with the command.
inline constexpr std::string_view kPlanDeadlineGiven = "plan_deadline_given";
inline constexpr std::string_view kPlanHasActions = "plan_has_actions";  // at least one point
// A revision request comes with at least one comment on a point of the plan.
inline constexpr std::string_view kPlanCommentsGiven = "plan_comments_given";
inline constexpr std::string_view kFeedbackGiven = "feedback_given";  // återkoppling is given
// The case's report to the committee is registered.
inline constexpr std::string_view kCaseReportRegistered = "case_report_registered";
// The yearly summary (config/workflows/annual_report.workflow): its summary, assessment and
// proposal for decision are written; comment_given: a return; approves_current_version: approval.
inline constexpr std::string_view kNarrativeWritten = "narrative_written";
}  // namespace guards

inline constexpr std::array<std::string_view, 7> kUserRoles{
    roles::kAdmin,  roles::kContractManager, roles::kProviderRep,       roles::kRegistrar,
    roles::kReader, roles::kDirector,        roles::kCommitteeSecretary};
inline constexpr std::array<std::string_view, 4> kMeetingRoles{
    roles::kChair, roles::kSecretary, roles::kAuthorityAdjuster, roles::kProviderAdjuster};
inline constexpr std::array<std::string_view, 4> kMinutesGuards{
    guards::kAdjustersSet, guards::kApprovesCurrentVersion,
    guards::kBothPartiesApprovedCurrentVersion, guards::kCommentGiven};
inline constexpr std::array<std::string_view, 3> kActionGuards{
    guards::kReportGiven, guards::kCommentGiven, guards::kNewDueDateGiven};

inline constexpr std::array<std::string_view, 4> kReportGuards{
    guards::kAreasAssessed, guards::kCommentsAnswered, guards::kSupplementsDecided,
    guards::kFactCheckDeadlinePassed};

inline constexpr std::array<std::string_view, 6> kCaseGuards{
    guards::kCommentGiven,      guards::kPlanDeadlineGiven, guards::kPlanHasActions,
    guards::kPlanCommentsGiven, guards::kFeedbackGiven,     guards::kCaseReportRegistered};

inline constexpr std::array<std::string_view, 3> kAnnualGuards{
    guards::kNarrativeWritten, guards::kCommentGiven, guards::kApprovesCurrentVersion};

template <std::size_t N>
std::set<std::string> nameSet(const std::array<std::string_view, N>& names) {
  std::set<std::string> set;
  for (std::string_view name : names) set.emplace(name);
  return set;
}

// Every role a transition may name: the user roles and the meeting roles.
inline std::set<std::string> knownRoles() {
  auto all = nameSet(kUserRoles);
  all.merge(nameSet(kMeetingRoles));
  return all;
}

inline std::set<std::string> minutesGuardNames() {
  return nameSet(kMinutesGuards);
}

inline std::set<std::string> actionGuardNames() {
  return nameSet(kActionGuards);
}

inline std::set<std::string> reportGuardNames() {
  return nameSet(kReportGuards);
}

inline std::set<std::string> caseGuardNames() {
  return nameSet(kCaseGuards);
}

}  // namespace sv::workflows
