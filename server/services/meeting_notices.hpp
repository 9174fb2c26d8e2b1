// What a meeting's changes tell its participants, in Swedish (server/services/notices.hpp sends
// it): the calendar invitation (iTIP REQUEST) to each participant, again with a raised SEQUENCE
// when the time or place moves, CANCEL when the meeting is cancelled or a person is taken off
// it; and the notice that the agenda is published. The event's UID is the one the calendar feed
// gives the meeting, so Outlook and Thunderbird move or remove the event they already have.
#pragma once

#include <string>

#include "agenda/icalendar.hpp"
#include "server/services/mail_policy.hpp"
#include "server/services/meetings.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"
#include "workflows/principal.hpp"

namespace sv::services {

// The meeting as a calendar event (feed and invitations alike).
agenda::CalendarEvent meetingEvent(const Meeting& m, const std::string& publicUrl);

// Inside the transaction of the change from `before` to `after`; `organizer` made it.
void tellInvitations(store::Writing& c, const MailPolicy& policy, TimePoint now,
                     const Principal& organizer, const Meeting& before, const Meeting& after);

void tellAgendaPublished(store::Writing& c, const MailPolicy& policy, TimePoint now,
                         const Meeting& meeting);

}  // namespace sv::services
