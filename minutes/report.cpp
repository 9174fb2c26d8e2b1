#include "minutes/report.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "minutes/text_rules.hpp"
#include "workflows/name_table.hpp"

namespace sv::minutes {
namespace {

using detail::checkText;
using detail::Lines;
using detail::Presence;

constexpr NameTable<ReportKind, 3> kKindNames{{
    {ReportKind::Operational, "operational"},
    {ReportKind::Contract, "contract"},
    {ReportKind::Case, "case"},
}};

constexpr NameTable<ReportKind, 3> kSwedishKinds{{
    {ReportKind::Operational, "Verksamhetsuppföljning"},
    {ReportKind::Contract, "Avtalsuppföljning"},
    {ReportKind::Case, "Händelsestyrd uppföljning"},
}};

constexpr NameTable<Assessment, 4> kAssessmentNames{{
    {Assessment::NotAssessed, "not_assessed"},
    {Assessment::Meets, "meets"},
    {Assessment::PartlyMeets, "partly_meets"},
    {Assessment::DoesNotMeet, "does_not_meet"},
}};

constexpr char kImprovementPrefix = 'i';

// The four ways of working the sources name (seed 000 and 003); the writer changes it as needed.
constexpr std::string_view kCommonMethod =
    "Dialogmöten, intervjuer med enhetschef och medicinskt ansvarig sjuksköterska, "
    "dokumentationsgranskning (genomförandeplaner och löpande dokumentation) och observation.";

using detail::at;

long highestImprovement(const FollowUpReport& r) {
  long highest = 0;
  for (const auto& area : r.areas)
    for (const auto& i : area.improvements) highest = std::max(highest, improvementNumber(i.id));
  return highest;
}

Status checkCount(std::size_t count, std::size_t limit, const std::string& field,
                  std::string_view what) {
  if (count <= limit) return {};
  return fail(Errc::Invalid, Reason::TooLong,
              "more than " + std::to_string(limit) + " " + std::string(what), field,
              std::to_string(limit));
}

// The areas are the report's own: same keys in the same order.
Status checkAreas(const std::vector<ReportArea>& current, const std::vector<ReportArea>& proposed) {
  const std::size_t n = std::max(current.size(), proposed.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string path = at("areas", i);
    if (i >= proposed.size())
      return fail(Errc::Invalid,
                  "area '" + current[i].key + "' cannot be removed: the areas follow the template",
                  path);
    if (i >= current.size())
      return fail(Errc::Invalid, "area '" + proposed[i].key + "' is not in the report's template",
                  path);
    if (proposed[i].key != current[i].key)
      return fail(Errc::Invalid,
                  "the areas cannot be changed or reordered: position " + std::to_string(i + 1) +
                      " is '" + current[i].key + "'",
                  path + ".key");
  }
  return {};
}

Status checkVisit(const Visit& v, const std::string& path) {
  if (!v.date.ok())
    return fail(Errc::Invalid, Reason::NotADate, "a visit needs a date", path + ".date",
                "YYYY-MM-DD");
  return checkText(v.note, path + ".note", "a visit's note", kMaxReportTextBytes, Lines::Many);
}

Status checkImprovement(const Improvement& i, const std::string& path) {
  if (!i.id.empty() && improvementNumber(i.id) == 0)
    return fail(Errc::Invalid, "an improvement's id is 'i' and a number", path + ".id");
  if (auto s = checkText(i.text, path + ".text", "an improvement", kMaxReportTextBytes, Lines::Many,
                         Presence::Required);
      !s)
    return s;
  if (!i.dueDate.ok())
    return fail(Errc::Invalid, Reason::ActionNeedsDueDate, "an improvement needs a due date",
                path + ".due_date");
  if (i.responsibleParty != Party::Authority && i.responsibleParty != Party::Provider)
    return fail(Errc::Invalid, Reason::ResponsiblePartyUnknown, "unknown responsible party",
                path + ".responsible_party");
  return {};
}

Status checkArea(const ReportArea& a, const std::string& path) {
  // An enum cast from a number that is no assessment has no name, so it does not read back.
  if (!parseAssessment(toString(a.assessment)))
    return fail(Errc::Invalid, Reason::UnknownChoice, "unknown assessment", path + ".assessment");
  if (auto s = checkText(a.findings, path + ".findings", "the findings of '" + a.key + "'",
                         kMaxFindingsBytes, Lines::Many);
      !s)
    return s;
  if (auto s = checkCount(a.improvements.size(), kMaxImprovements, path + ".improvements",
                          "improvements");
      !s)
    return s;
  for (std::size_t k = 0; k < a.improvements.size(); ++k)
    if (auto s = checkImprovement(a.improvements[k], at(path + ".improvements", k)); !s) return s;
  return {};
}

Status checkIdsAndAssign(const FollowUpReport& current, FollowUpReport& proposed) {
  std::set<std::string> used;
  for (std::size_t i = 0; i < proposed.areas.size(); ++i)
    for (std::size_t k = 0; k < proposed.areas[i].improvements.size(); ++k) {
      const std::string& id = proposed.areas[i].improvements[k].id;
      if (!id.empty() && !used.insert(id).second)
        return fail(Errc::Invalid, Reason::DuplicateKey, "the id '" + id + "' is used twice",
                    at(at("areas", i) + ".improvements", k) + ".id");
    }
  long next = std::max(highestImprovement(current), highestImprovement(proposed));
  for (auto& area : proposed.areas)
    for (auto& i : area.improvements)
      if (i.id.empty()) i.id = kImprovementPrefix + std::to_string(++next);
  return {};
}

}  // namespace

long improvementNumber(std::string_view id) {
  if (id.size() < 2 || id.size() > 10 || id[0] != kImprovementPrefix) return 0;
  if (id[1] < '1' || id[1] > '9') return 0;  // no sign, no leading zero
  long number = 0;
  const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), number);
  if (ec != std::errc{} || end != id.data() + id.size()) return 0;
  return number;
}

std::string_view toString(ReportKind kind) {
  return nameIn(kKindNames, kind, "operational");
}
std::optional<ReportKind> parseReportKind(std::string_view text) {
  return valueIn(kKindNames, text);
}
std::string_view swedishKind(ReportKind kind) {
  return nameIn(kSwedishKinds, kind, "Verksamhetsuppföljning");
}
std::string_view toString(Assessment a) {
  return nameIn(kAssessmentNames, a, "");
}
std::optional<Assessment> parseAssessment(std::string_view text) {
  return valueIn(kAssessmentNames, text);
}

Result<FollowUpReport> createReport(const FollowUpTemplate& t, const ReportFacts& facts) {
  if (facts.year < kFirstReportYear || facts.year > kLastReportYear)
    return fail(Errc::Invalid, Reason::OutOfRange,
                "the year " + std::to_string(facts.year) + " is outside 2000-2100", "year",
                "2000-2100");
  FollowUpReport r;
  r.header = ReportHeader{facts.kind,
                          facts.contractTitle,
                          facts.contractReference,
                          facts.authorityName,
                          facts.providerName,
                          facts.year,
                          t.id,
                          t.version};
  r.method = std::string(kCommonMethod);
  for (const auto& area : t.areas) {
    // What the contract and the tender promise is assessed in the contract follow-up only; a
    // case's report is about the event, so it takes the areas every follow-up has.
    if (area.scope == AreaScope::Contract && facts.kind != ReportKind::Contract) continue;
    r.areas.push_back(
        ReportArea{area.key, area.title, area.questions, Assessment::NotAssessed, {}, {}});
  }
  return r;
}

Status checkReportFindings(const FollowUpReport& report) {
  std::size_t total = 0;
  for (std::size_t i = 0; i < report.areas.size(); ++i) {
    total += report.areas[i].findings.size();
    if (total > kMaxReportFindingsBytes)
      return fail(Errc::Invalid, Reason::NotesTooLong,
                  "the findings of all areas together are at most " +
                      std::to_string(kMaxReportFindingsBytes) + " bytes",
                  at("areas", i) + ".findings", std::to_string(kMaxReportFindingsBytes));
  }
  return {};
}

Result<FollowUpReport> applyReportEdit(const FollowUpReport& current, FollowUpReport proposed) {
  if (current.registryNumber)
    return fail(
        Errc::Conflict, Reason::DocumentRegistered,
        "the report is registered as " + *current.registryNumber + " and never changes again");
  if (auto s = checkAreas(current.areas, proposed.areas); !s) return std::unexpected(s.error());
  if (auto s = checkText(proposed.method, "method", "the method", kMaxReportTextBytes, Lines::Many);
      !s)
    return std::unexpected(s.error());
  if (auto s = checkCount(proposed.visits.size(), kMaxVisits, "visits", "visits"); !s)
    return std::unexpected(s.error());
  for (std::size_t v = 0; v < proposed.visits.size(); ++v)
    if (auto s = checkVisit(proposed.visits[v], at("visits", v)); !s)
      return std::unexpected(s.error());
  for (std::size_t i = 0; i < proposed.areas.size(); ++i)
    if (auto s = checkArea(proposed.areas[i], at("areas", i)); !s)
      return std::unexpected(s.error());
  if (auto s = checkReportFindings(proposed); !s) return std::unexpected(s.error());
  if (auto s = checkIdsAndAssign(current, proposed); !s) return std::unexpected(s.error());

  // What comes from the template and the contract is the current report's, whatever was sent.
  proposed.header = current.header;
  proposed.registryNumber = current.registryNumber;
  for (std::size_t i = 0; i < proposed.areas.size(); ++i) {
    proposed.areas[i].title = current.areas[i].title;
    proposed.areas[i].questions = current.areas[i].questions;
  }
  return proposed;
}

}  // namespace sv::minutes
