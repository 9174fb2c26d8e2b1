// The follow-up report as one HTML form (/uppfoljningar/{id}/redigera), and the form read back onto
// the version it was made from. Field names and ids are the JSON paths of the report
// (minutes/report_json.cpp) with '-' for '[', ']' and '.', as the minutes' form does, so that an
// error of applyReportEdit ("areas[2].improvements[0].due_date") names the input to mark
// (fieldIdOf: "areas-2-improvements-0-due_date").
#pragma once

#include <cstddef>
#include <string>

#include "minutes/report.hpp"
#include "server/http/form_body.hpp"
#include "server/web/page.hpp"

namespace sv::web {

// Blank rows the form offers for new visits and for new improvements in each area: enough for a
// usual save, and each save offers new ones again.
inline constexpr std::size_t kNewVisitRows = 2;
inline constexpr std::size_t kNewImprovementRows = 2;

// `base` with what the form says: the method, the visits, and each area's assessment, findings
// and improvements. A visit or improvement row that is wholly blank is left out (that is how one
// is removed, and how the blank rows for new ones cost nothing); a date that does not parse
// becomes Date{}, which applyReportEdit refuses with the field named. An assessment or party the
// form cannot have sent keeps the value of `base`. Everything else is taken from `base`.
minutes::FollowUpReport reportFromForm(const minutes::FollowUpReport& base,
                                       const http::FormBody& form);

// After a save refused for a conflict: `current` with the editor's method and visits, and each
// area the editor changed from `base`, so that nothing typed is lost and nothing saved meanwhile
// in other areas is undone by saving again.
minutes::FollowUpReport keepEditorsReport(const minutes::FollowUpReport& base,
                                          const minutes::FollowUpReport& current,
                                          const minutes::FollowUpReport& mine);

// The form's values for the template: `method`, `visits` and `areas` (each with its questions,
// an `assessments` option list, `findings` and `improvements`), every field with id, name, value
// and invalid (true for the field whose id is `invalidId`), and blank rows at the end of each list.
void addReportForm(Data& data, const minutes::FollowUpReport& doc, const std::string& invalidId);

}  // namespace sv::web
