// The one table of the yearly summary's Swedish words (annual_labels.hpp says why).
#include "minutes/annual_labels.hpp"

#include <cmath>
#include <cstdio>
#include <numeric>

#include "workflows/name_table.hpp"

namespace sv::minutes {
namespace {

constexpr NameTable<AnnualFigure, 16> kLabels{{
    {AnnualFigure::PlannedMeetings, "Planerade möten"},
    {AnnualFigure::HeldMeetings, "Genomförda möten"},
    {AnnualFigure::CancelledMeetings, "Inställda möten"},
    {AnnualFigure::Minutes, "Protokoll"},
    {AnnualFigure::MedianDaysToApproval, "Mediandagar till justering"},
    {AnnualFigure::MedianDaysToRegistration, "Mediandagar till diarieföring"},
    {AnnualFigure::Returns, "Återsända protokoll"},
    {AnnualFigure::Disagreements, "Reservationer"},
    {AnnualFigure::Observations, "Iakttagelser"},
    {AnnualFigure::ActionsOpened, "Åtgärder: öppnade"},
    {AnnualFigure::ActionsAccepted, "Åtgärder: godkända"},
    {AnnualFigure::ActionsInsufficient, "Åtgärder: otillräckliga"},
    {AnnualFigure::ActionsOverdue, "Åtgärder: försenade vid årets slut"},
    {AnnualFigure::MedianDaysToAcceptance, "Mediandagar till godkännande"},
    {AnnualFigure::Reports, "Uppföljningsrapporter"},
    {AnnualFigure::Cases, "Händelsestyrda uppföljningar"},
}};

constexpr NameTable<AnnualSection, 6> kSections{{
    {AnnualSection::Meetings, "Möten"},
    {AnnualSection::Minutes, "Protokoll"},
    {AnnualSection::Observations, "Iakttagelser per dagordningspunkt"},
    {AnnualSection::Actions, "Åtgärder"},
    {AnnualSection::Reports, "Uppföljningsrapporter"},
    {AnnualSection::Cases, "Händelsestyrda uppföljningar"},
}};

constexpr NameTable<ActionState, 4> kActionStates{{
    {ActionState::Open, "Öppen"},
    {ActionState::Reported, "Redovisad"},
    {ActionState::Accepted, "Godkänd"},
    {ActionState::Insufficient, "Otillräcklig"},
}};

template <std::size_t N>
int sum(const std::array<int, N>& values) {
  return std::accumulate(values.begin(), values.end(), 0);
}

}  // namespace

std::string_view swedishLabel(AnnualFigure figure) {
  return nameIn(kLabels, figure);
}

std::string_view swedishSectionTitle(AnnualSection section) {
  return nameIn(kSections, section);
}

std::string_view swedishActionState(ActionState state) {
  return nameIn(kActionStates, state);
}

std::string_view swedishNoReason() {
  return "Inget skäl angivet";
}

std::optional<double> figureValue(const YearFigures& y, AnnualFigure figure) {
  switch (figure) {
    case AnnualFigure::PlannedMeetings:
      return y.meetings.planned;
    case AnnualFigure::HeldMeetings:
      return y.meetings.held;
    case AnnualFigure::CancelledMeetings:
      return y.meetings.cancelled;
    case AnnualFigure::Minutes:
      return y.minutes.minutes;
    case AnnualFigure::MedianDaysToApproval:
      return y.minutes.medianDaysToApproval;
    case AnnualFigure::MedianDaysToRegistration:
      return y.minutes.medianDaysToRegistration;
    case AnnualFigure::Returns:
      return y.minutes.returns;
    case AnnualFigure::Disagreements:
      return y.minutes.disagreements;
    case AnnualFigure::Observations: {
      int total = 0;
      for (const ItemObservations& item : y.observations) total += item.observations;
      return total;
    }
    case AnnualFigure::ActionsOpened:
      return y.actions.opened;
    case AnnualFigure::ActionsAccepted:
      return y.actions.accepted;
    case AnnualFigure::ActionsInsufficient:
      return y.actions.foundInsufficient;
    case AnnualFigure::ActionsOverdue:
      return y.actions.overdueAtYearEnd;
    case AnnualFigure::MedianDaysToAcceptance:
      return y.actions.medianDaysToAcceptance;
    case AnnualFigure::Reports:
      return sum(y.reports.byKind);
    case AnnualFigure::Cases:
      return y.cases.opened;
  }
  return std::nullopt;
}

std::string formatSwedishNumber(double value) {
  const double rounded = std::round(value * 10.0) / 10.0;
  char buffer[64];
  if (rounded == std::trunc(rounded))
    std::snprintf(buffer, sizeof buffer, "%.0f", std::fabs(rounded));
  else
    std::snprintf(buffer, sizeof buffer, "%.1f", std::fabs(rounded));
  std::string out = buffer;
  for (char& c : out)
    if (c == '.') c = ',';
  // U+2212 MINUS SIGN, as Swedish typography writes a negative number.
  return rounded < 0 ? "\u2212" + out : out;
}

std::vector<YearComparison> compareYears(const PeriodFigures& figures) {
  std::vector<YearComparison> out;
  for (AnnualFigure figure : kAllAnnualFigures) {
    YearComparison row{figure, figureValue(figures.current, figure),
                       figureValue(figures.previous, figure), std::nullopt};
    if (row.current && row.previous) row.change = *row.current - *row.previous;
    out.push_back(row);
  }
  return out;
}

}  // namespace sv::minutes
