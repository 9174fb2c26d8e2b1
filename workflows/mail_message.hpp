// An e-mail as it goes on the wire (RFC 5322 with MIME, RFC 2047 for Swedish in headers): a plain
// text with an HTML alternative and, for a meeting invitation, its iCalendar part, so that Outlook
// and Thunderbird offer to put it in the calendar. Built once when the change that causes it is
// written (the outbox keeps the bytes), so a message sent again is the same message, Message-ID
// and all. No network here: the server's sender delivers what this makes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::mail {

struct Mailbox {
  std::string name;     // "Anna Lind"; may be empty
  std::string address;  // "anna.lind@ostermalm.example.se"
};

// A text/calendar alternative: `method` as iCalendar names it (REQUEST, CANCEL), `ics` the whole
// VCALENDAR with CRLF line ends.
struct CalendarPart {
  std::string method;
  std::string ics;
};

struct Message {
  std::string messageId;  // "<id>@<host>" without < >; the same on every attempt
  TimePoint date{};
  Mailbox from;
  Mailbox to;
  std::string subject;  // UTF-8, one line
  std::string text;     // UTF-8, the plain text every reader can read
  std::string html;     // UTF-8; empty: text only
  std::optional<CalendarPart> calendar;
  std::string unsubscribe;  // a URL for List-Unsubscribe; empty for mail the record needs
};

// Whether the message can be written safely: addresses of one line without spaces, angle
// brackets or quotes and with an @; a message id likewise; subject and names of one line
// (a line break there would add headers); valid UTF-8 everywhere. Errors: Invalid with the
// field ("to.address", "subject", …).
Status checkMessage(const Message& m);

// The message with CRLF line ends: headers (non-ASCII words encoded), then the MIME body. Every
// part is UTF-8 in base64, so no line is too long whatever the text. The boundary is derived
// from the message id, so the same message renders to the same bytes.
// Call checkMessage first; a message it refuses renders to nothing useful.
std::string render(const Message& m);

// "Thu, 03 Dec 2026 11:54:56 +0000": the Date header's form (RFC 5322), in UTC.
std::string formatDateHeader(TimePoint t);

}  // namespace sv::mail
