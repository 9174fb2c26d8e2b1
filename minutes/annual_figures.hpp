// The figures of the yearly summary to the committee (årsrapport till nämnden, issue 15; seed 003:
// "en samlad bild av årets verksamhet per utförare"), per authority, provider and contract, for a
// year and the year before it.
//
// Why plain facts in, figures out: the store reads the rows (meetings, minutes, approvals, returns,
// actions and their events, reports, cases) into the structs below and nothing else; every rule of
// counting lives here, where it can be tested against hand-counted fixtures without a database.
// The facts of a contract cover both years (and older open actions); computeAnnualFigures picks
// what belongs to which year. Instants are UTC; the year a fact belongs to is decided in Swedish
// civil time (Europe/Stockholm), so a meeting at 00:30 on 1 January in Stockholm is next year's
// even though it is still 31 December in UTC.
//
// Medians: over whole days between Stockholm dates. For an odd count the middle value; for an even
// count the mean of the two middle values (so 4 and 5 give 4.5); none when there are no values.
// A count of days below zero (an approval stamped before its meeting by a clock set wrong) counts
// as 0.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "minutes/case_lifecycle.hpp"
#include "minutes/follow_up_case.hpp"
#include "minutes/report.hpp"
#include "minutes/report_lifecycle.hpp"
#include "workflows/clock.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

// ---- The input: plain facts as the store holds them. ----

// Held: the meeting took place (it has minutes). Planned: scheduled and not (yet) held.
enum class MeetingState { Planned, Held, Cancelled };

struct MeetingFact {
  std::int64_t meetingId = 0;
  TimePoint startsAt{};
  MeetingState state = MeetingState::Planned;
  std::string cancelReason;  // the reason given when cancelled; empty otherwise
};

// One agenda item (§) of the minutes and the administration's observations recorded under it.
struct AgendaItemFact {
  std::string key;  // the agenda item's stable key
  std::string title;
  int observations = 0;
};

struct MinutesFact {
  std::int64_t meetingId = 0;
  TimePoint meetingStartsAt{};
  // The approvals that count: of the version that was approved by both (none while not approved).
  std::optional<TimePoint> authorityApprovedAt;
  std::optional<TimePoint> providerApprovedAt;
  std::optional<TimePoint> registeredAt;
  int returns = 0;        // times the provider returned the minutes with comments
  int disagreements = 0;  // notes of disagreement (reservation / avvikande mening)
  std::vector<AgendaItemFact> items;
};

// open -> reported -> accepted, or reported -> insufficient -> open
// (config/workflows/action.workflow)
enum class ActionState { Open, Reported, Accepted, Insufficient };

// The action entered `state` at `at` (a report, an evaluation, a re-opening).
struct ActionEventFact {
  TimePoint at{};
  ActionState state = ActionState::Open;
};

struct ActionFact {
  std::int64_t actionId = 0;
  TimePoint agreedAt{};                 // when it was opened (agreed at the meeting)
  Date dueOn{};                         // the due date as it stands
  std::vector<ActionEventFact> events;  // in time order
};

struct AreaAssessmentFact {
  std::string key;
  std::string title;
  Assessment assessment = Assessment::NotAssessed;
};

struct ReportFact {
  int year = 0;  // the year the report follows up
  ReportKind kind = ReportKind::Operational;
  ReportState state = ReportState::Draft;
  std::vector<AreaAssessmentFact> areas;
};

struct CaseFact {
  TimePoint openedAt{};
  CaseTrigger trigger = CaseTrigger::Other;
  CaseState state = CaseState::Collecting;
  std::vector<AnalysisOutcome> analyses;  // every analysis's outcome, in order
};

struct ContractFacts {
  std::int64_t contractId = 0;
  std::string title;
  std::string reference;
  std::int64_t providerId = 0;
  std::string providerName;
  std::vector<MeetingFact> meetings;
  std::vector<MinutesFact> minutes;
  std::vector<ActionFact> actions;
  std::vector<ReportFact> reports;
  std::vector<CaseFact> cases;
};

struct AnnualInput {
  std::int64_t authorityId = 0;
  std::string authorityName;
  int year = 0;
  std::vector<ContractFacts> contracts;
};

// ---- The figures. ----

// Days from a meeting to the later of the two approvals: 0–7, 8–14, 15–21, 22–30, over 30.
inline constexpr std::size_t kApprovalBuckets = 5;

struct CountByText {
  std::string text;
  int count = 0;
  bool operator==(const CountByText&) const = default;
};

struct MeetingFigures {
  int planned = 0;  // every meeting of the year: held, cancelled and not (yet) held
  int held = 0;
  int cancelled = 0;
  std::vector<CountByText> cancelReasons;  // by reason, most frequent first, then by text
  bool operator==(const MeetingFigures&) const = default;
};

struct MinutesFigures {
  int minutes = 0;  // minutes of the year's meetings
  int approvedByBoth = 0;
  int registered = 0;
  int returns = 0;
  int disagreements = 0;
  std::optional<double> medianDaysToApproval;  // meeting to the later of both approvals
  std::optional<double> medianDaysToRegistration;
  std::array<int, kApprovalBuckets> approvalDays{};
  bool operator==(const MinutesFigures&) const = default;
};

struct ItemObservations {
  std::string key;
  std::string title;
  int minutes = 0;  // minutes that had the item
  int observations = 0;
  bool operator==(const ItemObservations&) const = default;
};

// Opened: agreed in the year. Accepted, found insufficient: at least once in the year.
// Overdue at year end: due on or before 31 December and not accepted by then.
// By state at year end: every action opened by the year's end and not accepted before it began.
struct ActionFigures {
  int opened = 0;
  int accepted = 0;
  int foundInsufficient = 0;
  int overdueAtYearEnd = 0;
  std::optional<double> medianDaysToAcceptance;  // agreed to accepted, over those accepted
  std::array<int, 4> byStateAtYearEnd{};         // indexed by ActionState
  bool operator==(const ActionFigures&) const = default;
};

struct AreaFigures {
  std::string key;
  std::string title;
  std::array<int, 4> byAssessment{};  // indexed by Assessment
  bool operator==(const AreaFigures&) const = default;
};

struct ReportFigures {
  std::array<int, 3> byKind{};  // indexed by ReportKind: reports that follow up the year
  int registered = 0;
  std::vector<AreaFigures> areas;  // by key, in the order first met
  bool operator==(const ReportFigures&) const = default;
};

// Cases opened in the year; the outcome is the last analysis's (none: not analysed yet).
struct CaseFigures {
  int opened = 0;
  std::array<int, 6> byTrigger{};  // indexed by CaseTrigger
  int outcomeOk = 0;
  int outcomeNotOk = 0;
  int notAnalysed = 0;
  int actionPlansRequested = 0;  // cases with at least one analysis not ok
  int closed = 0;                // closed or reported to the committee by now
  bool operator==(const CaseFigures&) const = default;
};

struct YearFigures {
  MeetingFigures meetings;
  MinutesFigures minutes;
  std::vector<ItemObservations> observations;  // per agenda item, by key in the order first met
  ActionFigures actions;
  ReportFigures reports;
  CaseFigures cases;
  bool operator==(const YearFigures&) const = default;
};

struct PeriodFigures {
  YearFigures current;
  YearFigures previous;
  bool operator==(const PeriodFigures&) const = default;
};

struct ContractFigures {
  std::int64_t contractId = 0;
  std::string title;
  std::string reference;
  PeriodFigures figures;
  bool operator==(const ContractFigures&) const = default;
};

struct ProviderFigures {
  std::int64_t providerId = 0;
  std::string providerName;
  PeriodFigures figures;  // over its contracts only
  std::vector<ContractFigures> contracts;
  bool operator==(const ProviderFigures&) const = default;
};

struct AnnualFigures {
  std::int64_t authorityId = 0;
  std::string authorityName;
  int year = 0;
  // Set when the figures are one provider's view: `totals` are then that provider's own.
  std::optional<std::int64_t> providerOnly;
  PeriodFigures totals;
  std::vector<ProviderFigures> providers;  // by name, then id; contracts by reference, then id
  bool operator==(const AnnualFigures&) const = default;
};

// Every total recomputed from the facts, per contract, per provider and for the authority.
AnnualFigures computeAnnualFigures(const AnnualInput& input);

// A provider's view: its own contracts only, and totals that are its own figures (never the
// authority's, which would let one provider work out the others'). A provider without contracts
// in the figures gets empty figures.
AnnualFigures restrictToProvider(const AnnualFigures& figures, std::int64_t providerId);

// The median as defined above.
std::optional<double> medianOf(std::vector<int> values);

// Which part of a year's figures a report shows; a section only when its data exists.
enum class AnnualSection { Meetings, Minutes, Observations, Actions, Reports, Cases };
// The sections with data in either year, in this order.
std::vector<AnnualSection> sectionsWithData(const PeriodFigures& figures);

}  // namespace sv::minutes
