// The rules of a supplement (komplettering, seed 004: "en enhet kan godkännas först efter att ha
// skickat in kompletteringar"): the authority asks for one on an area of the report with a last
// day, the provider sends it, the authority decides what it makes of the area's assessment and
// why. Plain checks, so that the service only stores what passed them.
#pragma once

#include <string>
#include <string_view>

#include "minutes/report.hpp"
#include "workflows/result.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::minutes {

inline constexpr std::size_t kMaxSupplementTextBytes = 20'000;

struct CheckedSupplementRequest {
  std::string areaKey;
  std::string request;
  Date dueOn{};
};

// Errors: Invalid/UnknownChoice (field "area": not an area of `report`), the text's
// (field "request": Missing, TooLong, InvalidUtf8, ControlCharacter), Invalid/NotADate (field
// "due_on"), Invalid/OutOfRange (field "due_on": before `today`, value: today).
Result<CheckedSupplementRequest> checkSupplementRequest(const FollowUpReport& report,
                                                        std::string_view areaKey,
                                                        std::string_view request,
                                                        std::string_view dueOn, Date today);

// The provider's text. Errors: as the request's text, field "text".
Status checkSupplementText(std::string_view text);

// The decision: the area's assessment from now on (not "not_assessed") and why.
// Errors: Invalid/UnknownChoice (field "assessment"), the reason's text errors (field "reason",
// Missing when blank).
Result<Assessment> checkSupplementDecision(std::string_view assessment, std::string_view reason);

// `report` with the area's assessment set to `to`; the rest as it was.
FollowUpReport withAssessment(FollowUpReport report, std::string_view areaKey, Assessment to);

}  // namespace sv::minutes
