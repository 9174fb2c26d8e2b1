// The minutes as one HTML form, and the form read back onto the version it was made from. Field
// names and ids are the JSON paths of the minutes (minutes/minutes_json.hpp) with '-' for '[',
// ']' and '.', so that a service error's field ("sections[2].actions[0].due_date") names the
// input to mark ("sections-2-actions-0-due_date").
#pragma once

#include <string>
#include <string_view>

#include "minutes/minutes.hpp"
#include "server/http/form_body.hpp"
#include "server/web/follow_up.hpp"
#include "server/web/page.hpp"
#include "server/web/review_comments.hpp"

namespace sv::web {

// "sections-2-actions-0-due_date" for "sections[2].actions[0].due_date".
std::string fieldIdOf(std::string_view jsonPath);

// `base` with what the form says: each section's notes, observations, actions and decisions,
// the verdicts on the actions carried from earlier meetings, who was present, and a guest
// without an account (name, organisation or title, party, present) when one is filled in. A row
// whose text is blank is left out (that is how an item is removed); a new row has no id (applyEdit
// gives it one). Everything else is taken from `base`.
minutes::Minutes minutesFromForm(const minutes::Minutes& base, const http::FormBody& form);

// After a save refused for a conflict: `current` with the editor's version of each section (and
// of the attendance) that the editor changed from `base`. Nothing typed is lost, and nothing
// that others saved meanwhile in other sections is undone by saving it again.
minutes::Minutes keepEditorsChanges(const minutes::Minutes& base, const minutes::Minutes& current,
                                    const minutes::Minutes& mine);

// The form's values for the template: `attendance`, `guest` and `sections`, every field with id,
// name, value and invalid (true for the field whose id is `invalidId`), and an empty row at the
// end of each list for a new item. The first `savedAttendees` of the attendance are those of
// the version the form is made from, shown with a box for their presence; an attendee after
// them is a guest not saved yet (a save refused) and fills the guest's fields, which are
// otherwise empty.
// Each evaluation row carries its action's reports and evaluations from `history`, each section
// the review comments on it from `comments` (with the field for how each open one was handled),
// and `general_comments` those on the minutes as a whole.
void addMinutesForm(Data& data, const minutes::Minutes& doc, std::size_t savedAttendees,
                    const std::string& invalidId, const FollowUpHistory& history = {},
                    const ReviewCommentsView& comments = {});

// The minutes to read: `attendance` and `protocol_sections` with notes (`notes_html`, Markdown
// through minutes::markdownToSafeHtml), observations, actions, decisions and the follow-up of
// earlier actions, in Swedish.
// Each evaluation row carries its action's reports and evaluations from `history`, each section
// the review comments on it and how they were handled, `general_comments` those on the whole.
void addMinutesText(Data& data, const minutes::Minutes& doc, const FollowUpHistory& history = {},
                    const ReviewCommentsView& comments = {});

}  // namespace sv::web
