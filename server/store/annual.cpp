#include "server/store/annual.hpp"

#include <map>

#include "workflows/stockholm_time.hpp"

namespace sv::store {
namespace {

TimePoint instant(const std::string& iso) {
  auto t = parseDateTime(iso);
  return t ? *t : TimePoint{};
}

// The window's edges as stored ISO texts sort: a day before the year before, a day after the year.
std::pair<std::string, std::string> windowOf(int year) {
  return {std::to_string(year - 2) + "-12-31T00:00:00Z", std::to_string(year + 1) + "-01-02"};
}

void readMeetings(Reading& c, std::size_t index, const std::string& from, const std::string& to,
                  AnnualFacts& out) {
  auto& facts = out.input.contracts[index];
  const auto contractId = facts.contractId;
  auto s = c.prepare(
      "SELECT m.id, m.starts_at, m.status, COALESCE(m.cancel_reason, ''), n.meeting_id IS NOT "
      "NULL, "
      "(SELECT COUNT(*) FROM minutes_returns r WHERE r.meeting_id = m.id), "
      "(SELECT COUNT(*) FROM minutes_approvals a WHERE a.meeting_id = m.id AND "
      "a.superseded_at IS NULL AND a.note <> ''), "
      "(SELECT MAX(a.approved_at) FROM minutes_approvals a WHERE a.meeting_id = m.id AND "
      "a.superseded_at IS NULL AND a.party = 'authority'), "
      "(SELECT MAX(a.approved_at) FROM minutes_approvals a WHERE a.meeting_id = m.id AND "
      "a.superseded_at IS NULL AND a.party = 'provider'), "
      "(SELECT g.registered_at FROM registry g WHERE g.meeting_id = m.id), n.state, "
      "n.items_version IS NOT NULL FROM meetings m LEFT JOIN minutes n ON n.meeting_id = m.id "
      "WHERE m.contract_id = ? AND m.starts_at >= ? AND m.starts_at < ? ORDER BY m.starts_at, "
      "m.id");
  s.bindAll(contractId, from, to);
  while (s.step()) {
    minutes::MeetingFact m;
    m.meetingId = s.int64(0);
    m.startsAt = instant(s.text(1));
    const bool hasMinutes = s.int64(4) != 0;
    if (s.text(2) == "cancelled") {
      m.state = minutes::MeetingState::Cancelled;
      m.cancelReason = s.text(3);
    } else {
      m.state = hasMinutes ? minutes::MeetingState::Held : minutes::MeetingState::Planned;
    }
    facts.meetings.push_back(m);
    if (!hasMinutes) continue;
    minutes::MinutesFact f;
    f.meetingId = m.meetingId;
    f.meetingStartsAt = m.startsAt;
    f.returns = static_cast<int>(s.int64(5));
    f.disagreements = static_cast<int>(s.int64(6));
    // The approvals count once the minutes are approved: both parties on the same version.
    const auto state = s.text(10);
    if (state == "approved" || state == "registered") {
      if (auto a = s.optionalText(7)) f.authorityApprovedAt = instant(*a);
      if (auto p = s.optionalText(8)) f.providerApprovedAt = instant(*p);
    }
    if (auto r = s.optionalText(9)) f.registeredAt = instant(*r);
    if (s.int64(11) == 0)
      out.unrecordedMinutes.push_back({index, facts.minutes.size(), f.meetingId});
    facts.minutes.push_back(std::move(f));
  }
}

// The recorded agenda items of the window's minutes (migration 022), into the minutes read above.
void readItems(Reading& c, const std::string& from, const std::string& to,
               minutes::ContractFacts& facts) {
  if (facts.minutes.empty()) return;
  std::map<std::int64_t, minutes::MinutesFact*> byMeeting;
  for (auto& m : facts.minutes) byMeeting.emplace(m.meetingId, &m);
  auto s = c.prepare(
      "SELECT i.meeting_id, i.item_key, i.title, i.observations FROM meetings m "
      "JOIN minutes_items i ON i.meeting_id = m.id WHERE m.contract_id = ? AND m.starts_at >= ? "
      "AND m.starts_at < ? ORDER BY i.meeting_id, i.position");
  s.bindAll(facts.contractId, from, to);
  while (s.step()) {
    const auto found = byMeeting.find(s.int64(0));
    if (found == byMeeting.end()) continue;
    found->second->items.push_back({s.text(1), s.text(2), static_cast<int>(s.int64(3))});
  }
}

std::optional<minutes::ActionState> actionStateOf(const std::string& kind,
                                                  const std::optional<std::string>& outcome) {
  if (kind == "created") return minutes::ActionState::Open;
  if (kind == "report") return minutes::ActionState::Reported;
  if (kind == "evaluation" && outcome == std::optional<std::string>("accepted"))
    return minutes::ActionState::Accepted;
  if (kind == "evaluation" && outcome == std::optional<std::string>("insufficient"))
    return minutes::ActionState::Insufficient;
  return std::nullopt;  // a change of text or due date: no new state
}

void readActions(Reading& c, std::int64_t contractId, const std::string& from,
                 const std::string& to, minutes::ContractFacts& facts) {
  // Agreed in the window, or agreed before it and not accepted before it began.
  auto s = c.prepare(
      "SELECT a.id, a.agreed_at, a.due_on, e.kind, e.outcome, e.at FROM actions a "
      "LEFT JOIN action_events e ON e.action_id = a.id WHERE a.contract_id = ? AND a.agreed_at < ? "
      "AND (a.agreed_at >= ? OR a.status <> 'accepted' OR a.updated_at >= ?) ORDER BY a.id, e.id");
  s.bindAll(contractId, to, from, from);
  while (s.step()) {
    const auto id = s.int64(0);
    if (facts.actions.empty() || facts.actions.back().actionId != id) {
      minutes::ActionFact a;
      a.actionId = id;
      a.agreedAt = instant(s.text(1));
      if (auto due = parseDate(s.text(2))) a.dueOn = *due;
      facts.actions.push_back(std::move(a));
    }
    if (auto kind = s.optionalText(3)) {
      if (auto state = actionStateOf(*kind, s.optionalText(4)))
        facts.actions.back().events.push_back({instant(s.text(5)), *state});
    }
  }
}

void readReports(Reading& c, std::int64_t contractId, int year, std::size_t index,
                 AnnualFacts& out) {
  auto s = c.prepare(
      "SELECT id, year, kind, state FROM reports WHERE contract_id = ? AND year BETWEEN ? AND ? "
      "ORDER BY year, id");
  s.bindAll(contractId, static_cast<std::int64_t>(year - 1), static_cast<std::int64_t>(year));
  auto& facts = out.input.contracts[index];
  while (s.step()) {
    minutes::ReportFact r;
    r.year = static_cast<int>(s.int64(1));
    r.kind = minutes::parseReportKind(s.text(2)).value_or(minutes::ReportKind::Operational);
    r.state = minutes::parseReportState(s.text(3)).value_or(minutes::ReportState::Draft);
    out.reports.push_back({index, facts.reports.size(), s.int64(0)});
    facts.reports.push_back(std::move(r));
  }
}

void readCases(Reading& c, std::int64_t contractId, const std::string& from, const std::string& to,
               minutes::ContractFacts& facts) {
  auto s = c.prepare(
      "SELECT f.id, f.opened_at, f.trigger_kind, f.state, e.kind FROM follow_up_cases f "
      "LEFT JOIN case_events e ON e.case_id = f.id AND e.kind IN ('analysis_ok', "
      "'action_plan_requested') WHERE f.contract_id = ? AND f.opened_at >= ? AND f.opened_at < ? "
      "ORDER BY f.id, e.id");
  s.bindAll(contractId, from, to);
  std::int64_t last = 0;
  while (s.step()) {
    if (facts.cases.empty() || last != s.int64(0)) {
      last = s.int64(0);
      minutes::CaseFact f;
      f.openedAt = instant(s.text(1));
      f.trigger = minutes::parseCaseTrigger(s.text(2)).value_or(minutes::CaseTrigger::Other);
      f.state = minutes::parseCaseState(s.text(3)).value_or(minutes::CaseState::Collecting);
      facts.cases.push_back(std::move(f));
    }
    if (auto kind = s.optionalText(4))
      facts.cases.back().analyses.push_back(
          *kind == "analysis_ok" ? minutes::AnalysisOutcome::Ok : minutes::AnalysisOutcome::NotOk);
  }
}

}  // namespace

std::optional<AnnualFacts> readAnnualFacts(Reading& c, std::int64_t authorityId,
                                           std::optional<std::int64_t> providerId, int year) {
  AnnualFacts out;
  {
    auto s = c.prepare("SELECT name FROM organizations WHERE id = ? AND kind = 'authority'");
    s.bind(1, authorityId);
    if (!s.step()) return std::nullopt;
    out.input.authorityId = authorityId;
    out.input.authorityName = s.text(0);
    out.input.year = year;
  }
  auto s = c.prepare(
      "SELECT c.id, c.title, c.reference, c.provider_id, p.name FROM contracts c "
      "JOIN organizations p ON p.id = c.provider_id WHERE c.authority_id = ? "
      "AND (CAST(? AS BIGINT) IS NULL OR c.provider_id = ?) ORDER BY c.title, c.id");
  s.bindAll(authorityId, providerId, providerId);
  while (s.step()) {
    minutes::ContractFacts f;
    f.contractId = s.int64(0);
    f.title = s.text(1);
    f.reference = s.text(2);
    f.providerId = s.int64(3);
    f.providerName = s.text(4);
    out.input.contracts.push_back(std::move(f));
  }
  const auto [from, to] = windowOf(year);
  for (std::size_t i = 0; i < out.input.contracts.size(); ++i) {
    auto& facts = out.input.contracts[i];
    readMeetings(c, i, from, to, out);
    readItems(c, from, to, facts);
    readActions(c, facts.contractId, from, to, facts);
    readReports(c, facts.contractId, year, i, out);
    readCases(c, facts.contractId, from, to, facts);
  }
  return out;
}

std::optional<std::int64_t> firstAuthorityOfProvider(Reading& c, std::int64_t providerId) {
  auto s =
      c.prepare("SELECT authority_id FROM contracts WHERE provider_id = ? ORDER BY id LIMIT 1");
  s.bind(1, providerId);
  if (!s.step()) return std::nullopt;
  return s.int64(0);
}

}  // namespace sv::store
