// Internal: the JSON names of the yearly summary's keyed counts, shared by annual_json.cpp
// (writing) and annual_json_read.cpp (reading) so the two cannot disagree.
#pragma once

#include <array>
#include <string_view>

#include "minutes/annual_labels.hpp"
#include "workflows/name_table.hpp"

namespace sv::minutes::detail {

inline constexpr std::array<std::string_view, kApprovalBuckets> kApprovalBucketKeys{
    "days_0_7", "days_8_14", "days_15_21", "days_22_30", "days_over_30"};

inline constexpr std::array<std::string_view, 4> kActionStateKeys{"open", "reported", "accepted",
                                                                  "insufficient"};

inline constexpr NameTable<AnnualFigure, 16> kFigureKeys{{
    {AnnualFigure::PlannedMeetings, "planned_meetings"},
    {AnnualFigure::HeldMeetings, "held_meetings"},
    {AnnualFigure::CancelledMeetings, "cancelled_meetings"},
    {AnnualFigure::Minutes, "minutes"},
    {AnnualFigure::MedianDaysToApproval, "median_days_to_approval"},
    {AnnualFigure::MedianDaysToRegistration, "median_days_to_registration"},
    {AnnualFigure::Returns, "returns"},
    {AnnualFigure::Disagreements, "disagreements"},
    {AnnualFigure::Observations, "observations"},
    {AnnualFigure::ActionsOpened, "actions_opened"},
    {AnnualFigure::ActionsAccepted, "actions_accepted"},
    {AnnualFigure::ActionsInsufficient, "actions_found_insufficient"},
    {AnnualFigure::ActionsOverdue, "actions_overdue_at_year_end"},
    {AnnualFigure::MedianDaysToAcceptance, "median_days_to_acceptance"},
    {AnnualFigure::Reports, "reports"},
    {AnnualFigure::Cases, "cases"},
}};

}  // namespace sv::minutes::detail
