// The yearly summary's figures (minutes/annual_figures.hpp) against the hand-counted year of
// annual_fixtures.hpp: meetings held and cancelled, the year's edges in Stockholm time, minutes'
// days and medians, actions found insufficient and re-opened, reports, cases, the previous year,
// and a provider's view that holds nothing of the other provider.
#include <catch2/catch.hpp>

#include <array>
#include <stdexcept>

#include "minutes/annual_figures.hpp"
#include "minutes/annual_labels.hpp"
#include "tests/minutes/annual_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;
using namespace sv::minutes::test::annual;

namespace {

const ProviderFigures& provider(const AnnualFigures& f, std::int64_t id) {
  for (const ProviderFigures& p : f.providers)
    if (p.providerId == id) return p;
  FAIL("no provider " << id);
  throw std::logic_error("unreachable");
}

const ContractFigures& contract(const AnnualFigures& f, std::int64_t id) {
  for (const ProviderFigures& p : f.providers)
    for (const ContractFigures& c : p.contracts)
      if (c.contractId == id) return c;
  FAIL("no contract " << id);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the median of an odd count is the middle value, of an even count the mean of the two",
          "[annual]") {
  CHECK_FALSE(medianOf({}).has_value());
  CHECK(medianOf({3}) == 3.0);
  CHECK(medianOf({5, 1, 3}) == 3.0);
  CHECK(medianOf({4, 1}) == 2.5);
  CHECK(medianOf({20, 5, 12, 7}) == 9.5);
}

TEST_CASE("meetings planned, held and cancelled with their reasons, per provider and in total",
          "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  CHECK(f.year == 2026);
  CHECK(f.authorityName == "Stadsdelsförvaltning Söder");
  const MeetingFigures& t = f.totals.current.meetings;
  CHECK(t.planned == 11);
  CHECK(t.held == 7);
  CHECK(t.cancelled == 3);
  REQUIRE(t.cancelReasons.size() == 2);
  CHECK(t.cancelReasons[0] == CountByText{"Sjukdom", 2});
  CHECK(t.cancelReasons[1] == CountByText{"Lokalen ej tillgänglig", 1});

  REQUIRE(f.providers.size() == 2);
  CHECK(f.providers[0].providerName == "Bästa Vård AB");
  CHECK(f.providers[1].providerName == "Åldreomsorg Öst AB");
  CHECK(provider(f, 10).figures.current.meetings.planned == 9);
  CHECK(provider(f, 10).figures.current.meetings.held == 5);
  CHECK(provider(f, 20).figures.current.meetings.held == 2);
  REQUIRE(provider(f, 10).contracts.size() == 2);
  CHECK(provider(f, 10).contracts[0].reference == "SDN 2024/0001");
  CHECK(contract(f, 2).figures.current.meetings.cancelled == 2);
}

TEST_CASE("a meeting belongs to the year of its Stockholm date, not its UTC date", "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const MeetingFigures& c1 = contract(f, 1).figures.current.meetings;
  // 00:30 on 1 January 2026 (23:30 UTC the day before) and 23:30 on 31 December 2026 count;
  // 00:30 on 1 January 2027 (23:30 UTC on 31 December 2026) does not.
  CHECK(c1.planned == 5);
  CHECK(c1.held == 4);
  const MeetingFigures& c1Before = contract(f, 1).figures.previous.meetings;
  CHECK(c1Before.planned == 4);
  CHECK(c1Before.held == 3);
  REQUIRE(c1Before.cancelReasons.size() == 1);
  CHECK(c1Before.cancelReasons[0] == CountByText{"Sjukdom", 1});  // the spaces trimmed

  AnnualInput next = sampleInput();
  next.year = 2027;
  CHECK(computeAnnualFigures(next).totals.current.meetings.planned == 1);
}

TEST_CASE("minutes: days to both approvals and to registration, returns, reservations",
          "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const MinutesFigures& m = f.totals.current.minutes;
  CHECK(m.minutes == 7);
  CHECK(m.approvedByBoth == 6);
  CHECK(m.registered == 5);
  CHECK(m.returns == 4);
  CHECK(m.disagreements == 3);
  // 5, 7, 8, 12, 20, 43: an even count, (8 + 12) / 2.
  CHECK(m.medianDaysToApproval == 10.0);
  // 8, 9, 10, 37, 48: the middle one.
  CHECK(m.medianDaysToRegistration == 10.0);
  CHECK(m.approvalDays == std::array<int, kApprovalBuckets>{2, 2, 1, 0, 1});
  CHECK(provider(f, 10).figures.current.minutes.medianDaysToApproval == 12.0);
  CHECK(provider(f, 20).figures.current.minutes.medianDaysToApproval == 8.0);
  CHECK(contract(f, 1).figures.current.minutes.medianDaysToApproval == 9.5);
  CHECK_FALSE(f.totals.previous.minutes.medianDaysToApproval.has_value());
}

TEST_CASE("observations are counted per agenda item across the minutes", "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const auto& items = f.totals.current.observations;
  REQUIRE(items.size() == 3);
  // Contract 3 comes first in the input: its items are met first.
  CHECK(items[0] == ItemObservations{"observations", "Förvaltningens iakttagelser", 7, 12});
  CHECK(items[1] == ItemObservations{"quality", "Kvalitet", 2, 1});
  CHECK(items[2] == ItemObservations{"actions", "Åtgärder", 1, 0});
  CHECK(figureValue(f.totals.current, AnnualFigure::Observations) == 13.0);
}

TEST_CASE("actions opened, accepted, found insufficient and overdue at the year's end",
          "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const ActionFigures& a = f.totals.current.actions;
  CHECK(a.opened == 7);
  CHECK(a.accepted == 3);
  CHECK(a.foundInsufficient == 3);
  CHECK(a.overdueAtYearEnd == 4);
  CHECK(a.medianDaysToAcceptance == 181.0);  // 71, 181, 182
  // open, reported, accepted, insufficient
  CHECK(a.byStateAtYearEnd == std::array<int, 4>{2, 2, 3, 1});

  const ActionFigures& own = provider(f, 10).figures.current.actions;
  CHECK(own.medianDaysToAcceptance == 181.5);  // 181 and 182
  CHECK(own.foundInsufficient == 3);

  // Accepted 00:30 on 1 January 2027 in Stockholm: still reported and overdue on 31 December.
  const ActionFigures& b = provider(f, 20).figures.current.actions;
  CHECK(b.accepted == 1);
  CHECK(b.overdueAtYearEnd == 1);
  CHECK(b.byStateAtYearEnd == std::array<int, 4>{0, 1, 1, 0});

  const ActionFigures& before = f.totals.previous.actions;
  CHECK(before.opened == 1);
  CHECK(before.accepted == 1);
  CHECK(before.overdueAtYearEnd == 1);
  CHECK(before.medianDaysToAcceptance == 337.0);
  CHECK(before.byStateAtYearEnd == std::array<int, 4>{1, 0, 1, 0});
}

TEST_CASE("follow-up reports by kind and their assessments per area; cases by trigger and outcome",
          "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const ReportFigures& r = f.totals.current.reports;
  CHECK(r.byKind == std::array<int, 3>{1, 1, 0});
  CHECK(r.registered == 1);
  REQUIRE(r.areas.size() == 2);
  CHECK(r.areas[0].key == "staff");
  CHECK(r.areas[0].byAssessment == std::array<int, 4>{0, 1, 0, 1});
  CHECK(r.areas[1].key == "quality");
  CHECK(r.areas[1].byAssessment == std::array<int, 4>{0, 0, 1, 0});

  const CaseFigures& c = f.totals.current.cases;
  CHECK(c.opened == 3);
  CHECK(c.byTrigger == std::array<int, 6>{1, 1, 1, 0, 0, 0});
  CHECK(c.outcomeOk == 1);
  CHECK(c.outcomeNotOk == 1);
  CHECK(c.notAnalysed == 1);
  CHECK(c.actionPlansRequested == 2);
  CHECK(c.closed == 1);
  CHECK(f.totals.previous.cases.opened == 1);
}

TEST_CASE("the comparison with the previous year gives both values and the change", "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  const auto rows = compareYears(f.totals);
  REQUIRE(rows.size() == std::size(kAllAnnualFigures));
  CHECK(rows[1] == YearComparison{AnnualFigure::HeldMeetings, 7.0, 3.0, 4.0});
  CHECK(rows[4] ==
        YearComparison{AnnualFigure::MedianDaysToApproval, 10.0, std::nullopt, std::nullopt});
  CHECK(swedishLabel(rows[1].figure) == "Genomförda möten");
  CHECK(swedishLabel(AnnualFigure::MedianDaysToAcceptance) == "Mediandagar till godkännande");
  CHECK(formatSwedishNumber(9.5) == "9,5");
  CHECK(formatSwedishNumber(-3) == "\u22123");
}

TEST_CASE("a section is shown only when its data exists", "[annual]") {
  const AnnualFigures f = computeAnnualFigures(sampleInput());
  CHECK(sectionsWithData(f.totals) ==
        std::vector<AnnualSection>{AnnualSection::Meetings, AnnualSection::Minutes,
                                   AnnualSection::Observations, AnnualSection::Actions,
                                   AnnualSection::Reports, AnnualSection::Cases});
  // Contract 2 has no follow-up report.
  CHECK(sectionsWithData(contract(f, 2).figures) ==
        std::vector<AnnualSection>{AnnualSection::Meetings, AnnualSection::Minutes,
                                   AnnualSection::Observations, AnnualSection::Actions,
                                   AnnualSection::Cases});
  AnnualInput empty = sampleInput();
  empty.contracts.clear();
  CHECK(sectionsWithData(computeAnnualFigures(empty).totals).empty());
}

TEST_CASE("a provider's view holds its own contracts and totals only", "[annual]") {
  const AnnualFigures all = computeAnnualFigures(sampleInput());
  const AnnualFigures own = restrictToProvider(all, 20);
  CHECK(own.providerOnly == 20);
  REQUIRE(own.providers.size() == 1);
  CHECK(own.providers[0].providerName == "Bästa Vård AB");
  REQUIRE(own.providers[0].contracts.size() == 1);
  CHECK(own.providers[0].contracts[0].contractId == 3);
  // The totals are its own: 2 meetings, not the authority's 11.
  CHECK(own.totals == provider(all, 20).figures);
  CHECK(own.totals.current.meetings.planned == 2);
  CHECK(own.totals.current.cases.opened == 1);
  // The same as computing over its contracts alone.
  AnnualInput input = sampleInput();
  std::erase_if(input.contracts, [](const ContractFacts& c) { return c.providerId != 20; });
  CHECK(own.totals == computeAnnualFigures(input).totals);

  const AnnualFigures none = restrictToProvider(all, 99);
  CHECK(none.providers.empty());
  CHECK(none.totals == PeriodFigures{});
}

}  // namespace SV_TEST_FILE
