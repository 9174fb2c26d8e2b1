// The counting rules of the yearly summary (annual_figures.hpp says them); every figure is computed
// from the facts, for a contract, a provider and the authority alike, so a median of a provider is
// the median of its own values and never a mean of its contracts' medians.
#include "minutes/annual_figures.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

using std::chrono::sys_days;

Date stockholmDate(TimePoint t) {
  return toStockholm(t).date;
}

int yearOf(TimePoint t) {
  return static_cast<int>(stockholmDate(t).year());
}

int daysBetween(Date from, Date to) {
  return static_cast<int>((sys_days(to) - sys_days(from)).count());
}

std::size_t approvalBucket(int days) {
  if (days <= 7) return 0;
  if (days <= 14) return 1;
  if (days <= 21) return 2;
  if (days <= 30) return 3;
  return 4;
}

using Contracts = std::vector<const ContractFacts*>;

MeetingFigures countMeetings(const Contracts& contracts, int year) {
  MeetingFigures out;
  std::map<std::string, int> reasons;
  for (const ContractFacts* c : contracts)
    for (const MeetingFact& m : c->meetings) {
      if (yearOf(m.startsAt) != year) continue;
      ++out.planned;
      if (m.state == MeetingState::Held) ++out.held;
      if (m.state == MeetingState::Cancelled) {
        ++out.cancelled;
        ++reasons[text::trimmed(m.cancelReason)];
      }
    }
  for (const auto& [reason, count] : reasons) out.cancelReasons.push_back({reason, count});
  std::stable_sort(out.cancelReasons.begin(), out.cancelReasons.end(),
                   [](const CountByText& a, const CountByText& b) { return a.count > b.count; });
  return out;
}

void addItems(const MinutesFact& m, std::vector<ItemObservations>& items) {
  for (const AgendaItemFact& item : m.items) {
    auto found = std::find_if(items.begin(), items.end(),
                              [&](const ItemObservations& i) { return i.key == item.key; });
    if (found == items.end()) {
      items.push_back({item.key, item.title, 0, 0});
      found = std::prev(items.end());
    }
    ++found->minutes;
    found->observations += item.observations;
  }
}

void countMinutes(const Contracts& contracts, int year, YearFigures& out) {
  MinutesFigures& f = out.minutes;
  std::vector<int> toApproval;
  std::vector<int> toRegistration;
  for (const ContractFacts* c : contracts)
    for (const MinutesFact& m : c->minutes) {
      if (yearOf(m.meetingStartsAt) != year) continue;
      const Date held = stockholmDate(m.meetingStartsAt);
      ++f.minutes;
      f.returns += m.returns;
      f.disagreements += m.disagreements;
      if (m.authorityApprovedAt && m.providerApprovedAt) {
        ++f.approvedByBoth;
        const TimePoint both = std::max(*m.authorityApprovedAt, *m.providerApprovedAt);
        const int days = std::max(0, daysBetween(held, stockholmDate(both)));
        toApproval.push_back(days);
        ++f.approvalDays[approvalBucket(days)];
      }
      if (m.registeredAt) {
        ++f.registered;
        toRegistration.push_back(std::max(0, daysBetween(held, stockholmDate(*m.registeredAt))));
      }
      addItems(m, out.observations);
    }
  f.medianDaysToApproval = medianOf(std::move(toApproval));
  f.medianDaysToRegistration = medianOf(std::move(toRegistration));
}

std::optional<TimePoint> acceptedAt(const ActionFact& a) {
  for (const ActionEventFact& e : a.events)
    if (e.state == ActionState::Accepted) return e.at;
  return std::nullopt;
}

ActionFigures countActions(const Contracts& contracts, int year) {
  ActionFigures out;
  std::vector<int> toAcceptance;
  const Date yearEnd{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
  for (const ContractFacts* c : contracts)
    for (const ActionFact& a : c->actions) {
      const int agreedYear = yearOf(a.agreedAt);
      if (agreedYear > year) continue;
      const std::optional<TimePoint> accepted = acceptedAt(a);
      // A year after every other when it was never accepted.
      const int acceptedYear = accepted ? yearOf(*accepted) : std::numeric_limits<int>::max();
      if (acceptedYear < year) continue;  // closed before the year began
      if (agreedYear == year) ++out.opened;
      if (acceptedYear == year) {
        ++out.accepted;
        toAcceptance.push_back(
            std::max(0, daysBetween(stockholmDate(a.agreedAt), stockholmDate(*accepted))));
      }
      bool insufficient = false;
      ActionState atYearEnd = ActionState::Open;
      for (const ActionEventFact& e : a.events) {
        const int y = yearOf(e.at);
        if (y == year && e.state == ActionState::Insufficient) insufficient = true;
        if (y <= year) atYearEnd = e.state;
      }
      if (acceptedYear == year) atYearEnd = ActionState::Accepted;
      if (insufficient) ++out.foundInsufficient;
      ++out.byStateAtYearEnd[static_cast<std::size_t>(atYearEnd)];
      if (a.dueOn.ok() && a.dueOn <= yearEnd && acceptedYear > year) ++out.overdueAtYearEnd;
    }
  out.medianDaysToAcceptance = medianOf(std::move(toAcceptance));
  return out;
}

ReportFigures countReports(const Contracts& contracts, int year) {
  ReportFigures out;
  for (const ContractFacts* c : contracts)
    for (const ReportFact& r : c->reports) {
      if (r.year != year) continue;
      ++out.byKind[static_cast<std::size_t>(r.kind)];
      if (r.state == ReportState::Registered) ++out.registered;
      for (const AreaAssessmentFact& area : r.areas) {
        auto found = std::find_if(out.areas.begin(), out.areas.end(),
                                  [&](const AreaFigures& f) { return f.key == area.key; });
        if (found == out.areas.end()) {
          out.areas.push_back({area.key, area.title, {}});
          found = std::prev(out.areas.end());
        }
        ++found->byAssessment[static_cast<std::size_t>(area.assessment)];
      }
    }
  return out;
}

CaseFigures countCases(const Contracts& contracts, int year) {
  CaseFigures out;
  for (const ContractFacts* c : contracts)
    for (const CaseFact& k : c->cases) {
      if (yearOf(k.openedAt) != year) continue;
      ++out.opened;
      ++out.byTrigger[static_cast<std::size_t>(k.trigger)];
      if (k.analyses.empty())
        ++out.notAnalysed;
      else if (k.analyses.back() == AnalysisOutcome::Ok)
        ++out.outcomeOk;
      else
        ++out.outcomeNotOk;
      if (std::find(k.analyses.begin(), k.analyses.end(), AnalysisOutcome::NotOk) !=
          k.analyses.end())
        ++out.actionPlansRequested;
      if (k.state == CaseState::Reported || k.state == CaseState::Closed) ++out.closed;
    }
  return out;
}

YearFigures computeYear(const Contracts& contracts, int year) {
  YearFigures out;
  out.meetings = countMeetings(contracts, year);
  countMinutes(contracts, year, out);
  out.actions = countActions(contracts, year);
  out.reports = countReports(contracts, year);
  out.cases = countCases(contracts, year);
  return out;
}

PeriodFigures computePeriod(const Contracts& contracts, int year) {
  return PeriodFigures{computeYear(contracts, year), computeYear(contracts, year - 1)};
}

}  // namespace

std::optional<double> medianOf(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  if (values.size() % 2 == 1) return static_cast<double>(values[middle]);
  return (static_cast<double>(values[middle - 1]) + static_cast<double>(values[middle])) / 2.0;
}

AnnualFigures computeAnnualFigures(const AnnualInput& input) {
  AnnualFigures out;
  out.authorityId = input.authorityId;
  out.authorityName = input.authorityName;
  out.year = input.year;

  Contracts all;
  std::map<std::int64_t, Contracts> byProvider;
  for (const ContractFacts& c : input.contracts) {
    all.push_back(&c);
    byProvider[c.providerId].push_back(&c);
  }
  out.totals = computePeriod(all, input.year);

  for (auto& [providerId, contracts] : byProvider) {
    std::stable_sort(
        contracts.begin(), contracts.end(), [](const ContractFacts* a, const ContractFacts* b) {
          return std::tie(a->reference, a->contractId) < std::tie(b->reference, b->contractId);
        });
    ProviderFigures provider;
    provider.providerId = providerId;
    provider.providerName = contracts.front()->providerName;
    provider.figures = computePeriod(contracts, input.year);
    for (const ContractFacts* c : contracts)
      provider.contracts.push_back(
          ContractFigures{c->contractId, c->title, c->reference, computePeriod({c}, input.year)});
    out.providers.push_back(std::move(provider));
  }
  std::stable_sort(out.providers.begin(), out.providers.end(),
                   [](const ProviderFigures& a, const ProviderFigures& b) {
                     return std::tie(a.providerName, a.providerId) <
                            std::tie(b.providerName, b.providerId);
                   });
  return out;
}

AnnualFigures restrictToProvider(const AnnualFigures& figures, std::int64_t providerId) {
  AnnualFigures out;
  out.authorityId = figures.authorityId;
  out.authorityName = figures.authorityName;
  out.year = figures.year;
  out.providerOnly = providerId;
  for (const ProviderFigures& p : figures.providers)
    if (p.providerId == providerId) {
      out.providers.push_back(p);
      out.totals = p.figures;
    }
  return out;
}

std::vector<AnnualSection> sectionsWithData(const PeriodFigures& figures) {
  std::vector<AnnualSection> out;
  auto either = [&](auto has) { return has(figures.current) || has(figures.previous); };
  if (either([](const YearFigures& y) { return y.meetings.planned > 0; }))
    out.push_back(AnnualSection::Meetings);
  if (either([](const YearFigures& y) { return y.minutes.minutes > 0; }))
    out.push_back(AnnualSection::Minutes);
  if (either([](const YearFigures& y) { return !y.observations.empty(); }))
    out.push_back(AnnualSection::Observations);
  if (either([](const YearFigures& y) {
        const auto& s = y.actions.byStateAtYearEnd;
        return s[0] + s[1] + s[2] + s[3] > 0;
      }))
    out.push_back(AnnualSection::Actions);
  if (either([](const YearFigures& y) {
        const auto& k = y.reports.byKind;
        return k[0] + k[1] + k[2] > 0;
      }))
    out.push_back(AnnualSection::Reports);
  if (either([](const YearFigures& y) { return y.cases.opened > 0; }))
    out.push_back(AnnualSection::Cases);
  return out;
}

}  // namespace sv::minutes
