// The yearly follow-up report of a contract (verksamhetsuppföljning or avtalsuppföljning, seed 000,
// 003, 004) as a plain value: made from the service area's template (followup_template.hpp), one
// part per area with its assessment, findings and the improvements the provider must make. Like
// the minutes it is kept in git as canonical JSON next to its Markdown, and merged area by area.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/followup_template.hpp"
#include "workflows/party.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

// verksamhetsuppföljning, avtalsuppföljning, and the report to the committee of an event-driven
// case (händelsestyrd uppföljning, case_report.hpp)
enum class ReportKind { Operational, Contract, Case };
enum class Assessment { NotAssessed, Meets, PartlyMeets, DoesNotMeet };

std::string_view toString(ReportKind kind);  // "operational", "contract", "case"
std::optional<ReportKind> parseReportKind(std::string_view text);
// "Verksamhetsuppföljning", "Avtalsuppföljning", "Händelsestyrd uppföljning": the report's
// heading in every rendering.
std::string_view swedishKind(ReportKind kind);
std::string_view toString(
    Assessment a);  // "not_assessed", "meets", "partly_meets", "does_not_meet"
std::optional<Assessment> parseAssessment(std::string_view text);

inline constexpr std::size_t kMaxFindingsBytes = 100'000;  // per area
// The findings of all areas together, as a protocol's notes (minutes/edit.hpp): a report's PDF
// is rendered on every request, and eleven areas at their limit took it about 0.9 s.
inline constexpr std::size_t kMaxReportFindingsBytes = 250'000;
inline constexpr std::size_t kMaxReportTextBytes = 10'000;  // the method, a note, an improvement
inline constexpr std::size_t kMaxVisits = 100;
inline constexpr std::size_t kMaxImprovements = 200;  // per area
inline constexpr int kFirstReportYear = 2000;
inline constexpr int kLastReportYear = 2100;

struct ReportHeader {
  ReportKind kind = ReportKind::Operational;
  std::string contractTitle;
  std::string contractReference;
  std::string authorityName;  // who follows up
  std::string providerName;
  int year = 0;
  std::string templateId;       // the service area key
  std::string templateVersion;  // the template's own label, kept with the report
  bool operator==(const ReportHeader&) const = default;
};

struct Visit {
  Date date{};            // Date{} (not ok()) means "not given"; applyReportEdit refuses it
  bool announced = true;  // false: an unannounced visit, e.g. to check staffing
  std::string note;
  bool operator==(const Visit&) const = default;
};

struct Improvement {
  std::string id;  // "i1", "i2", …: unique in the report
  std::string text;
  Date dueDate{};
  Party responsibleParty = Party::Provider;
  bool operator==(const Improvement&) const = default;
};

struct ReportArea {
  std::string key;
  std::string title;
  std::vector<std::string> questions;  // from the template
  Assessment assessment = Assessment::NotAssessed;
  std::string findings;  // Markdown
  std::vector<Improvement> improvements;
  bool operator==(const ReportArea&) const = default;
};

struct FollowUpReport {
  ReportHeader header;
  std::string method;  // how: dialogue meetings, interviews, review of documentation, observation
  std::vector<Visit> visits;
  std::vector<ReportArea> areas;  // the template's, in its order
  std::optional<std::string> registryNumber;
  bool operator==(const FollowUpReport&) const = default;
};

// The number of an improvement's id ("i12" is 12): "i" and at most nine digits without a
// leading zero; 0 for anything else.
long improvementNumber(std::string_view id);

// What the caller knows of the contract when a report is started.
struct ReportFacts {
  ReportKind kind = ReportKind::Operational;
  std::string contractTitle;
  std::string contractReference;
  std::string authorityName;
  std::string providerName;
  int year = 0;
};

// The draft: the header from `facts` and the template, every area of the template whose scope
// the kind covers (an operational follow-up and a case's report leave out the areas of scope
// `contract`), each not
// yet assessed; the method starts as the city's common one.
// Errors: Errc::Invalid, Reason::OutOfRange (field "year", value "2000-2100") for a year outside
// kFirstReportYear..kLastReportYear.
Result<FollowUpReport> createReport(const FollowUpTemplate& t, const ReportFacts& facts);

// The report `proposed` would make of `current`, or why not.
// The editor may change: the method, the visits, and each area's assessment, findings and
// improvements. Taken from `current` whatever `proposed` says: the header, the registry number,
// and each area's key, title and questions. New improvements (empty id) get ids above every id in
// `current` and `proposed`.
// Errors (the first found; indexes count from 0, like the JSON):
//   Errc::Conflict  Reason::DocumentRegistered: `current` has a registry number.
//   Errc::Invalid   the areas are not the report's: missing, added or moved ("areas[i]" or
//                   "areas[i].key"); a text with ill-formed UTF-8 (InvalidUtf8) or a control
//                   character (ControlCharacter; line breaks are allowed in the method, notes,
//                   findings and texts); a text over its limit (TooLong, value: the bytes); more
//                   than kMaxVisits visits or kMaxImprovements improvements in an area (TooLong,
//                   value: the count); a visit without a date (NotADate,
//                   "visits[i].date"); an improvement with empty text (Missing), without a due
//                   date (ActionNeedsDueDate, "areas[i].improvements[k].due_date") or an unknown
//                   party (ResponsiblePartyUnknown); an id that is neither empty nor "i" and a
//                   number (None, "…id"); an id used twice (DuplicateKey); an unknown assessment
//                   (UnknownChoice, "areas[i].assessment"); the findings of all areas together
//                   over kMaxReportFindingsBytes (NotesTooLong, value: the limit,
//                   "areas[i].findings" of the area that went over it).
Result<FollowUpReport> applyReportEdit(const FollowUpReport& current, FollowUpReport proposed);

// The bound on the findings of all areas alone (Invalid/NotesTooLong as above), for a merge of
// two edits that each kept within it.
Status checkReportFindings(const FollowUpReport& report);

// Canonical JSON, written like the minutes' (minutes_json.hpp): fixed key order, one list item
// per line, non-ASCII as UTF-8, a trailing newline; never fails.
inline constexpr int kReportJsonFormat = 1;
std::string toJson(const FollowUpReport& report);

// reportFromJson(toJson(r)) == r for every r whose text is well-formed UTF-8.
// Errors: Errc::Malformed (not JSON, wrong type, missing or unknown key; field names the place);
// Errc::Invalid (unknown kind, assessment or party, a date that does not parse, a format other
// than kReportJsonFormat, a year out of range). Content rules are applyReportEdit's.
Result<FollowUpReport> reportFromJson(std::string_view json);
// The report in the member `member` of a JSON object (a request body: {"report": {…}}); fields
// name their place from the report's root, as reportFromJson's do. Errors: as reportFromJson,
// Malformed for a body that is not a JSON object, Invalid/Missing (field `member`).
Result<FollowUpReport> reportFromJsonMember(std::string_view json, const std::string& member);

// The report in Swedish as Markdown a person reads with plain git: a heading, the facts, method
// and visits, then one section per area with its questions, assessment, findings (the user's
// Markdown, kept as it is) and improvements. Every other user text is escaped.
std::string renderReportMarkdown(const FollowUpReport& report);
// One area alone, as in renderReportMarkdown: what a merge conflict shows.
std::string renderAreaMarkdown(const ReportArea& area);
// The method and the visits ("## Metod", "## Besök"), as a merge conflict shows them.
std::string renderOverviewMarkdown(const FollowUpReport& report);

// Three-way merge of two edits of the same report (minutes/merge.hpp's rule, per area). The
// method and visits are one unit; each area another. Everything else is taken from `theirs`.
// Improvement ids from `mine` that clash with ids kept from `theirs` get new numbers.
enum class ReportMergeUnit { Overview, Area, Document };
struct ReportMergeConflict {
  ReportMergeUnit unit = ReportMergeUnit::Area;
  std::string key;    // the area's key; "" unless unit is Area
  std::string title;  // the area's title, "Metod och besök", or "Rapport" for Document
  std::string theirs;
  std::string mine;
  bool operator==(const ReportMergeConflict&) const = default;
};
struct ReportMergeOutcome {
  std::optional<FollowUpReport> merged;  // set if and only if there is no conflict
  std::vector<ReportMergeConflict> conflicts;
  bool clean() const { return conflicts.empty(); }
};
ReportMergeOutcome mergeReports(const FollowUpReport& base, const FollowUpReport& theirs,
                                const FollowUpReport& mine);

}  // namespace sv::minutes
