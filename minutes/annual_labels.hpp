// The Swedish names of the yearly summary's figures and sections, and each figure's value, in one
// place. Why: the CSV's header, the charts' legends and tables, the web page and the PDF must call
// a figure the same thing, and the year-over-year comparison must pick the same values the CSV
// shows; one table here keeps them from drifting apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "minutes/annual_figures.hpp"

namespace sv::minutes {

// The figures a row of the CSV and the comparison with the previous year carry, in column order.
enum class AnnualFigure {
  PlannedMeetings,
  HeldMeetings,
  CancelledMeetings,
  Minutes,
  MedianDaysToApproval,
  MedianDaysToRegistration,
  Returns,
  Disagreements,
  Observations,
  ActionsOpened,
  ActionsAccepted,
  ActionsInsufficient,
  ActionsOverdue,
  MedianDaysToAcceptance,
  Reports,
  Cases,
};

inline constexpr AnnualFigure kAllAnnualFigures[] = {
    AnnualFigure::PlannedMeetings,
    AnnualFigure::HeldMeetings,
    AnnualFigure::CancelledMeetings,
    AnnualFigure::Minutes,
    AnnualFigure::MedianDaysToApproval,
    AnnualFigure::MedianDaysToRegistration,
    AnnualFigure::Returns,
    AnnualFigure::Disagreements,
    AnnualFigure::Observations,
    AnnualFigure::ActionsOpened,
    AnnualFigure::ActionsAccepted,
    AnnualFigure::ActionsInsufficient,
    AnnualFigure::ActionsOverdue,
    AnnualFigure::MedianDaysToAcceptance,
    AnnualFigure::Reports,
    AnnualFigure::Cases,
};

// "Planerade möten", "Genomförda möten", "Inställda möten", "Protokoll",
// "Mediandagar till justering", "Mediandagar till diarieföring", "Återsända protokoll",
// "Reservationer", "Iakttagelser", "Åtgärder: öppnade", "Åtgärder: godkända",
// "Åtgärder: otillräckliga", "Åtgärder: försenade vid årets slut", "Mediandagar till godkännande",
// "Uppföljningsrapporter", "Händelsestyrda uppföljningar"
std::string_view swedishLabel(AnnualFigure figure);
// "Möten", "Protokoll", "Iakttagelser per dagordningspunkt", "Åtgärder", "Uppföljningsrapporter",
// "Händelsestyrda uppföljningar"
std::string_view swedishSectionTitle(AnnualSection section);
// "Öppen", "Redovisad", "Godkänd", "Otillräcklig"
std::string_view swedishActionState(ActionState state);
// An area's assessment in Swedish is report_record.hpp's swedishAssessment.
// The words for a cancellation without a reason: "Inget skäl angivet".
std::string_view swedishNoReason();

// The figure's value for the year; none for a median without values.
std::optional<double> figureValue(const YearFigures& year, AnnualFigure figure);

// A number as Swedes write it: 12, 4,5 (one decimal at most), −3 with a minus sign.
std::string formatSwedishNumber(double value);

struct YearComparison {
  AnnualFigure figure;
  std::optional<double> current;
  std::optional<double> previous;
  std::optional<double> change;  // current − previous, when both exist
  bool operator==(const YearComparison&) const = default;
};

// Every figure of kAllAnnualFigures for this year and the previous.
std::vector<YearComparison> compareYears(const PeriodFigures& figures);

}  // namespace sv::minutes
