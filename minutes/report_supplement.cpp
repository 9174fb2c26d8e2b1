#include "minutes/report_supplement.hpp"

#include "minutes/text_rules.hpp"

namespace sv::minutes {

Result<CheckedSupplementRequest> checkSupplementRequest(const FollowUpReport& report,
                                                        std::string_view areaKey,
                                                        std::string_view request,
                                                        std::string_view dueOn, Date today) {
  bool known = false;
  for (const auto& area : report.areas) known = known || area.key == areaKey;
  if (!known)
    return fail(Errc::Invalid, Reason::UnknownChoice, "the report has no such area", "area",
                std::string(areaKey));
  if (auto ok = detail::checkText(request, "request", "the request", kMaxSupplementTextBytes,
                                  detail::Lines::Many, detail::Presence::Required);
      !ok)
    return std::unexpected(ok.error());
  auto due = parseDate(dueOn);
  if (!due)
    return fail(Errc::Invalid, Reason::NotADate, "give the last day", "due_on", "YYYY-MM-DD");
  if (*due < today)
    return fail(Errc::Invalid, Reason::OutOfRange, "the last day has passed", "due_on",
                formatDate(today));
  return CheckedSupplementRequest{std::string(areaKey), std::string(request), *due};
}

Status checkSupplementText(std::string_view text) {
  return detail::checkText(text, "text", "the supplement", kMaxSupplementTextBytes,
                           detail::Lines::Many, detail::Presence::Required);
}

Result<Assessment> checkSupplementDecision(std::string_view assessment, std::string_view reason) {
  auto a = parseAssessment(assessment);
  if (!a || *a == Assessment::NotAssessed)
    return fail(Errc::Invalid, Reason::UnknownChoice, "choose the area's assessment", "assessment",
                std::string(assessment));
  if (auto ok = detail::checkText(reason, "reason", "the reason", kMaxSupplementTextBytes,
                                  detail::Lines::Many, detail::Presence::Required);
      !ok)
    return std::unexpected(ok.error());
  return *a;
}

FollowUpReport withAssessment(FollowUpReport report, std::string_view areaKey, Assessment to) {
  for (auto& area : report.areas)
    if (area.key == areaKey) area.assessment = to;
  return report;
}

}  // namespace sv::minutes
