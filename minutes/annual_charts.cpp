// The yearly summary's chart models and their tables (annual_charts.hpp says why models first).
#include "minutes/annual_charts.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "minutes/annual_labels.hpp"

namespace sv::minutes {
namespace {

std::string year(int y) {
  return std::to_string(y);
}

std::string number(double value) {
  return formatSwedishNumber(value);
}

int summed(const std::array<int, 4>& values) {
  return std::accumulate(values.begin(), values.end(), 0);
}

constexpr ActionState kStateOrder[] = {ActionState::Open, ActionState::Reported,
                                       ActionState::Insufficient, ActionState::Accepted};
constexpr std::string_view kStateColours[] = {kChartBlue, kChartPurple, kChartRed, kChartGreen};

}  // namespace

Chart meetingsChart(const AnnualFigures& f) {
  Chart c;
  c.id = "meetings";
  c.title = "Planerade och genomförda möten per utförare " + year(f.year);
  c.kind = ChartKind::GroupedBars;
  c.categoryLabel = "Utförare";
  c.unit = "Antal möten";
  ChartSeries planned{
      std::string(swedishLabel(AnnualFigure::PlannedMeetings)), {}, std::string(kChartBlue)};
  ChartSeries held{
      std::string(swedishLabel(AnnualFigure::HeldMeetings)), {}, std::string(kChartGreen)};
  ChartSeries cancelled{
      std::string(swedishLabel(AnnualFigure::CancelledMeetings)), {}, std::string(kChartRed)};
  for (const ProviderFigures& p : f.providers) {
    c.categories.push_back(p.providerName);
    planned.values.push_back(p.figures.current.meetings.planned);
    held.values.push_back(p.figures.current.meetings.held);
    cancelled.values.push_back(p.figures.current.meetings.cancelled);
  }
  c.series = {planned, held, cancelled};
  const MeetingFigures& t = f.totals.current.meetings;
  c.description =
      "Diagrammet visar planerade, genomförda och inställda samverkansmöten per "
      "utförare under " +
      year(f.year) + ". Av " + number(t.planned) + " planerade möten genomfördes " +
      number(t.held) + " och " + number(t.cancelled) + " ställdes in.";
  const ProviderFigures* most = nullptr;
  for (const ProviderFigures& p : f.providers)
    if (p.figures.current.meetings.cancelled > 0 &&
        (!most || p.figures.current.meetings.cancelled > most->figures.current.meetings.cancelled))
      most = &p;
  if (most)
    c.description += " Flest inställda möten hade " + most->providerName + " (" +
                     number(most->figures.current.meetings.cancelled) + ").";
  return c;
}

Chart actionsChart(const AnnualFigures& f) {
  Chart c;
  c.id = "actions";
  c.title = "Åtgärdernas status vid årets slut per utförare " + year(f.year);
  c.kind = ChartKind::StackedBars;
  c.categoryLabel = "Utförare";
  c.unit = "Antal åtgärder";
  for (std::size_t i = 0; i < std::size(kStateOrder); ++i)
    c.series.push_back(
        {std::string(swedishActionState(kStateOrder[i])), {}, std::string(kStateColours[i])});
  for (const ProviderFigures& p : f.providers) {
    c.categories.push_back(p.providerName);
    for (std::size_t i = 0; i < std::size(kStateOrder); ++i)
      c.series[i].values.push_back(
          p.figures.current.actions.byStateAtYearEnd[static_cast<std::size_t>(kStateOrder[i])]);
  }
  const ActionFigures& t = f.totals.current.actions;
  const auto& s = t.byStateAtYearEnd;
  auto at = [&](ActionState state) { return number(s[static_cast<std::size_t>(state)]); };
  c.description = "Diagrammet visar åtgärdernas status den 31 december " + year(f.year) +
                  " per utförare. Av " + number(summed(s)) + " åtgärder var " +
                  at(ActionState::Accepted) + " godkända, " + at(ActionState::Open) + " öppna, " +
                  at(ActionState::Reported) + " redovisade och " + at(ActionState::Insufficient) +
                  " bedömda som otillräckliga; " + number(t.overdueAtYearEnd) +
                  " var försenade vid årets slut.";
  return c;
}

Chart approvalDaysChart(const AnnualFigures& f) {
  Chart c;
  c.id = "approval-days";
  c.title = "Dagar från möte till justering " + year(f.year);
  c.kind = ChartKind::GroupedBars;
  c.categoryLabel = "Dagar till justering";
  c.unit = "Antal protokoll";
  c.categories = {"0–7 dagar", "8–14 dagar", "15–21 dagar", "22–30 dagar", "Över 30 dagar"};
  const MinutesFigures& m = f.totals.current.minutes;
  ChartSeries series{"Protokoll", {}, std::string(kChartBlue)};
  for (int n : m.approvalDays) series.values.push_back(n);
  c.series = {series};
  c.description =
      "Diagrammet visar hur många dagar det tog från mötet till att båda parter "
      "justerat protokollet, för " +
      number(m.approvedByBoth) + " protokoll under " + year(f.year) + ".";
  if (m.medianDaysToApproval)
    c.description += " Mediantiden var " + number(*m.medianDaysToApproval) + " dagar.";
  return c;
}

Chart yearComparisonChart(const AnnualFigures& f) {
  Chart c;
  c.id = "year-over-year";
  c.title = "Jämförelse med föregående år, " + year(f.year - 1) + " och " + year(f.year);
  c.kind = ChartKind::GroupedBars;
  c.categoryLabel = "Nyckeltal";
  c.unit = "Antal";
  const AnnualFigure keys[] = {AnnualFigure::PlannedMeetings,   AnnualFigure::HeldMeetings,
                               AnnualFigure::CancelledMeetings, AnnualFigure::ActionsOpened,
                               AnnualFigure::ActionsAccepted,   AnnualFigure::ActionsInsufficient,
                               AnnualFigure::ActionsOverdue};
  ChartSeries previous{year(f.year - 1), {}, std::string(kChartOrange)};
  ChartSeries current{year(f.year), {}, std::string(kChartBlue)};
  for (AnnualFigure key : keys) {
    c.categories.emplace_back(swedishLabel(key));
    previous.values.push_back(figureValue(f.totals.previous, key).value_or(0));
    current.values.push_back(figureValue(f.totals.current, key).value_or(0));
  }
  c.series = {previous, current};
  auto both = [&](AnnualFigure key) {
    return number(figureValue(f.totals.current, key).value_or(0)) + " (" +
           number(figureValue(f.totals.previous, key).value_or(0)) + ")";
  };
  c.description = "Diagrammet jämför årets nyckeltal med föregående års. Genomförda möten " +
                  year(f.year) + ": " + both(AnnualFigure::HeldMeetings) +
                  " och öppnade åtgärder: " + both(AnnualFigure::ActionsOpened) +
                  ", föregående års värde inom parentes.";
  return c;
}

std::vector<Chart> annualCharts(const AnnualFigures& f) {
  std::vector<Chart> out;
  const YearFigures& now = f.totals.current;
  const YearFigures& before = f.totals.previous;
  if (now.meetings.planned > 0) out.push_back(meetingsChart(f));
  if (summed(now.actions.byStateAtYearEnd) > 0) out.push_back(actionsChart(f));
  if (now.minutes.approvedByBoth > 0) out.push_back(approvalDaysChart(f));
  if (before.meetings.planned > 0 || summed(before.actions.byStateAtYearEnd) > 0)
    out.push_back(yearComparisonChart(f));
  return out;
}

ChartTable chartTable(const Chart& chart) {
  ChartTable t;
  t.caption = chart.title;
  t.columns.push_back(chart.categoryLabel);
  for (const ChartSeries& s : chart.series) t.columns.push_back(s.name);
  const bool total = chart.kind == ChartKind::StackedBars;
  if (total) t.columns.emplace_back("Totalt");
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    std::vector<std::string> row{chart.categories[i]};
    double sumOfRow = 0;
    for (const ChartSeries& s : chart.series) {
      const double v = i < s.values.size() ? s.values[i] : 0;
      sumOfRow += v;
      row.push_back(number(v));
    }
    if (total) row.push_back(number(sumOfRow));
    t.rows.push_back(std::move(row));
  }
  return t;
}

namespace {
constexpr std::string_view kPalette[] = {kChartBlue, kChartOrange, kChartGreen, kChartRed,
                                         kChartPurple};
}  // namespace

std::string seriesColour(const Chart& chart, std::size_t series) {
  const std::string& own = chart.series[series].colour;
  const bool valid =
      own.size() == 7 && own[0] == '#' && std::all_of(own.begin() + 1, own.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
      });
  return valid ? own : std::string(kPalette[series % std::size(kPalette)]);
}

double barValue(const ChartSeries& series, std::size_t category) {
  return category < series.values.size() ? std::max(0.0, series.values[category]) : 0.0;
}

double tallestBar(const Chart& chart) {
  double top = 0;
  for (std::size_t i = 0; i < chart.categories.size(); ++i) {
    double stacked = 0;
    for (const ChartSeries& s : chart.series) {
      stacked += barValue(s, i);
      top = std::max(top, barValue(s, i));
    }
    if (chart.kind == ChartKind::StackedBars) top = std::max(top, stacked);
  }
  return top;
}

double axisStep(double maximum) {
  const double raw = std::max(maximum / 5.0, 1.0);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (factor * magnitude >= raw) return factor * magnitude;
  return 10.0 * magnitude;
}

}  // namespace sv::minutes
