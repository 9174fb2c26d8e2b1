#include "agenda/icalendar.hpp"

#include <cstdio>

#include "workflows/stockholm_time.hpp"

namespace sv::agenda {
namespace {

constexpr std::size_t kMaxOctets = 75;

// Europe/Stockholm under the EU rule since 1996, as published by tzurl.org and accepted by
// every common client. DTSTART is the first onset of each rule, in the local time it replaces.
constexpr std::string_view kTimezone[] = {
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
};

bool isContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A content line, folded (RFC 5545 3.1): at most 75 octets per physical line, continuation lines
// start with one space, which counts toward their 75.
void appendLine(std::string& out, std::string_view line) {
  std::size_t limit = kMaxOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && isContinuationByte(line[cut])) --cut;
    // Ill-formed text (a run of continuation bytes longer than a line) has no character boundary
    // to fold at: fold at the limit rather than loop for ever (found by tests/fuzz/icalendar).
    if (cut == 0) cut = limit;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
}

// TEXT values (RFC 5545 3.3.11).
std::string escapeText(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (c == '\t' || static_cast<unsigned char>(c) >= 0x20) {
          if (c != 0x7F) out += c;
        }
    }
  }
  return out;
}

// A URI value is not escaped, but a control character would break the line structure.
std::string cleanUri(std::string_view s) {
  std::string out;
  for (char c : s)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) out += c;
  return out;
}

std::string formatLocal(TimePoint t) {
  const LocalDateTime local = toStockholm(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d00", int(local.date.year()),
                unsigned(local.date.month()), unsigned(local.date.day()),
                int(local.timeOfDay.count() / 60), int(local.timeOfDay.count() % 60));
  return buf;
}

std::string formatUtc(TimePoint t) {
  std::string iso = formatIsoUtc(t);  // 2026-03-12T12:00:00Z
  std::string out;
  for (char c : iso)
    if (c != '-' && c != ':') out += c;
  return out;  // 20260312T120000Z
}

// A parameter value (RFC 5545 3.2): quoted, since a name may hold a comma or colon; a quote
// cannot be quoted and is dropped, as are control characters.
std::string quoteParameter(std::string_view s) {
  std::string out = "\"";
  for (char c : s)
    if (c != '"' && static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  return out + "\"";
}

// ";CN=\"Anna Lind\":mailto:anna@example.se"
std::string personParameters(const CalendarPerson& p) {
  std::string out;
  if (!p.name.empty()) out += ";CN=" + quoteParameter(p.name);
  return out + ":mailto:" + cleanUri(p.email);
}

void appendEvent(std::string& out, const CalendarEvent& e, const std::string& stamp) {
  appendLine(out, "BEGIN:VEVENT");
  appendLine(out, "UID:" + escapeText(e.uid));
  appendLine(out, "DTSTAMP:" + stamp);
  appendLine(out, "SEQUENCE:" + std::to_string(e.sequence < 0 ? 0 : e.sequence));
  appendLine(out, "DTSTART;TZID=Europe/Stockholm:" + formatLocal(e.startsAt));
  if (e.endsAt > e.startsAt)
    appendLine(out, "DTEND;TZID=Europe/Stockholm:" + formatLocal(e.endsAt));
  if (!e.summary.empty()) appendLine(out, "SUMMARY:" + escapeText(e.summary));
  if (!e.location.empty()) appendLine(out, "LOCATION:" + escapeText(e.location));
  std::string description = e.description;
  const std::string url = cleanUri(e.url);
  if (!url.empty()) description += (description.empty() ? "" : "\n\n") + url;
  if (!description.empty()) appendLine(out, "DESCRIPTION:" + escapeText(description));
  if (!url.empty()) appendLine(out, "URL:" + url);
  if (e.organizer) appendLine(out, "ORGANIZER" + personParameters(*e.organizer));
  for (const auto& a : e.attendees)
    appendLine(out, "ATTENDEE;ROLE=" + std::string(a.chair ? "CHAIR" : "REQ-PARTICIPANT") +
                        ";PARTSTAT=NEEDS-ACTION;RSVP=TRUE" + personParameters(a));
  appendLine(out, e.status == EventStatus::Cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
  appendLine(out, "TRANSP:OPAQUE");
  if (e.alarmMinutesBefore && e.status != EventStatus::Cancelled) {
    appendLine(out, "BEGIN:VALARM");
    appendLine(out, "ACTION:DISPLAY");
    appendLine(out, "DESCRIPTION:" + escapeText(e.summary.empty() ? "Möte" : e.summary));
    appendLine(out, "TRIGGER:-PT" + std::to_string(*e.alarmMinutesBefore) + "M");
    appendLine(out, "END:VALARM");
  }
  appendLine(out, "END:VEVENT");
}

}  // namespace

std::string renderCalendar(const CalendarInfo& info, const std::vector<CalendarEvent>& events,
                           TimePoint stamp) {
  std::string out;
  appendLine(out, "BEGIN:VCALENDAR");
  appendLine(out, "VERSION:2.0");
  appendLine(out, "PRODID:" + escapeText(info.productId));
  appendLine(out, "CALSCALE:GREGORIAN");
  appendLine(out, "METHOD:" + cleanUri(info.method));
  if (!info.name.empty()) appendLine(out, "X-WR-CALNAME:" + escapeText(info.name));
  appendLine(out, "X-WR-TIMEZONE:Europe/Stockholm");
  for (std::string_view line : kTimezone) appendLine(out, line);
  const std::string dtstamp = formatUtc(stamp);
  for (const auto& event : events) appendEvent(out, event, dtstamp);
  appendLine(out, "END:VCALENDAR");
  return out;
}

CalendarEvent describeMeeting(std::string uid, int sequence, EventStatus status,
                              const MeetingInfo& meeting, TimePoint endsAt, std::string url) {
  CalendarEvent event;
  event.uid = std::move(uid);
  event.sequence = sequence;
  event.status = status;
  event.startsAt = meeting.startsAt;
  event.endsAt = endsAt;
  event.summary = "Samverkansmöte: " + meeting.contractTitle;
  if (!meeting.providerName.empty()) event.summary += " (" + meeting.providerName + ")";
  if (status == EventStatus::Cancelled) event.summary = "Inställt: " + event.summary;
  event.location = meeting.location;
  event.description = "Samverkansmöte mellan " + meeting.authorityName + " och " +
                      meeting.providerName + " enligt avtalet " + meeting.contractTitle;
  if (!meeting.contractReference.empty())
    event.description += " (" + meeting.contractReference + ")";
  event.description += ".";
  if (!url.empty()) event.description += "\nDagordning och protokoll finns i Samverkan.";
  event.url = std::move(url);
  return event;
}

}  // namespace sv::agenda
