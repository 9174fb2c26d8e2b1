// Calendar invitations for a contract's meetings (iCalendar, RFC 5545), published as a feed:
// METHOD:PUBLISH, times in Europe/Stockholm with the VTIMEZONE that defines it, CRLF line
// endings, lines folded at 75 octets without splitting a UTF-8 character.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agenda/agenda.hpp"
#include "workflows/clock.hpp"

namespace sv::agenda {

struct CalendarInfo {
  std::string name;  // X-WR-CALNAME, e.g. "Samverkansmöten – Hemtjänst Östermalm"
  std::string productId = "-//Samverkan//Samverkan//SV";  // PRODID
  // PUBLISH for a feed; REQUEST (an invitation or its update) and CANCEL for a message to the
  // participants (iTIP, RFC 5546), which then carries ORGANIZER and ATTENDEE.
  std::string method = "PUBLISH";
};

// A person in an invitation: ORGANIZER or ATTENDEE as mailto: with CN.
struct CalendarPerson {
  std::string name;
  std::string email;
  bool chair = false;  // ROLE=CHAIR rather than REQ-PARTICIPANT
};

enum class EventStatus { Confirmed, Cancelled };

struct CalendarEvent {
  std::string uid;   // stable per meeting, e.g. "meeting-42@samverkan"
  int sequence = 0;  // raise it whenever the meeting's time, place or status changes
  EventStatus status = EventStatus::Confirmed;
  TimePoint startsAt;  // UTC; written as Swedish local time with TZID=Europe/Stockholm
  TimePoint endsAt;    // UTC; left out when not after startsAt
  std::string summary;
  std::string location;
  std::string description;
  std::string url;  // also appended to DESCRIPTION, since many clients do not show URL
  std::optional<CalendarPerson> organizer;
  std::vector<CalendarPerson> attendees;  // each with PARTSTAT=NEEDS-ACTION and RSVP=TRUE
  std::optional<int> alarmMinutesBefore;  // a VALARM that shows a reminder this long before
};

// `stamp` is DTSTAMP: when the calendar was produced (pass the clock's now). Empty summary,
// location, description and url are left out. Control characters other than tab (which TEXT
// may hold, RFC 5545 3.3.11) and line breaks are dropped from text; line breaks become "\n" as
// RFC 5545 writes them.
std::string renderCalendar(const CalendarInfo& info, const std::vector<CalendarEvent>& events,
                           TimePoint stamp);

// The Swedish summary and description of a meeting's event, so that the server does not need to
// compose text for people: "Samverkansmöte: Hemtjänst Östermalm (Omsorg AB)".
CalendarEvent describeMeeting(std::string uid, int sequence, EventStatus status,
                              const MeetingInfo& meeting, TimePoint endsAt, std::string url);

}  // namespace sv::agenda
