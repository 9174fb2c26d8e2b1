#include <catch2/catch.hpp>

#include "agenda/icalendar.hpp"
#include "agenda_fixtures.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::agenda;
using namespace sv::agenda::testing;

namespace {

CalendarEvent sampleEvent() {
  CalendarEvent e;
  e.uid = "meeting-42@samverkan";
  e.sequence = 2;
  e.startsAt = utc("2026-03-12T12:00:00Z");
  e.endsAt = utc("2026-03-12T14:00:00Z");
  e.summary = "Samverkansmöte: Hemtjänst Östermalm";
  e.location = "Karlavägen 104";
  e.description = "Dagordning";
  e.url = "https://samverkan.example.se/moten/42";
  return e;
}

std::string render(const std::vector<CalendarEvent>& events) {
  return renderCalendar({"Samverkansmöten"}, events, utc("2026-01-05T08:30:15Z"));
}

std::vector<std::string> physicalLines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  while (from < ics.size()) {
    const auto end = ics.find("\r\n", from);
    REQUIRE(end != std::string::npos);
    lines.push_back(ics.substr(from, end - from));
    from = end + 2;
  }
  return lines;
}

// RFC 5545 3.1: a CRLF followed by one space or tab is removed when reading.
std::vector<std::string> contentLines(const std::string& ics) {
  std::vector<std::string> lines;
  for (const auto& line : physicalLines(ics)) {
    if (!line.empty() && line.front() == ' ')
      lines.back() += line.substr(1);
    else
      lines.push_back(line);
  }
  return lines;
}

bool hasLine(const std::string& ics, const std::string& line) {
  for (const auto& l : contentLines(ics))
    if (l == line) return true;
  return false;
}

bool startsWithContinuationByte(const std::string& s) {
  return !s.empty() && (static_cast<unsigned char>(s.front()) & 0xC0) == 0x80;
}

}  // namespace

TEST_CASE("a calendar has the RFC 5545 frame and Swedish local times", "[agenda]") {
  const std::string ics = render({sampleEvent()});
  const auto lines = contentLines(ics);
  REQUIRE(lines.size() > 10);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines[1] == "VERSION:2.0");
  CHECK(lines[2] == "PRODID:-//Samverkan//Samverkan//SV");
  CHECK(lines.back() == "END:VCALENDAR");
  for (const char* line :
       {"CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Samverkansmöten", "BEGIN:VEVENT",
        "UID:meeting-42@samverkan", "SEQUENCE:2", "DTSTAMP:20260105T083015Z",
        "DTSTART;TZID=Europe/Stockholm:20260312T130000",
        "DTEND;TZID=Europe/Stockholm:20260312T150000",
        "SUMMARY:Samverkansmöte: Hemtjänst Östermalm", "LOCATION:Karlavägen 104",
        "URL:https://samverkan.example.se/moten/42",
        "DESCRIPTION:Dagordning\\n\\nhttps://samverkan.example.se/moten/42", "STATUS:CONFIRMED",
        "END:VEVENT"}) {
    INFO(line);
    CHECK(hasLine(ics, line));
  }
  // Every line ends in CRLF, and no bare LF or CR is left anywhere.
  CHECK(ics.ends_with("END:VCALENDAR\r\n"));
  std::string stripped = ics;
  for (std::size_t at; (at = stripped.find("\r\n")) != std::string::npos;) stripped.erase(at, 2);
  CHECK(stripped.find('\n') == std::string::npos);
  CHECK(stripped.find('\r') == std::string::npos);
}

TEST_CASE("a calendar defines Europe/Stockholm with the EU summer-time rule", "[agenda]") {
  const std::string ics = render({});
  const std::vector<std::string> expected = {
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
  const auto lines = contentLines(ics);
  const auto begin = std::ranges::find(lines, std::string("BEGIN:VTIMEZONE"));
  REQUIRE(begin != lines.end());
  CHECK(std::vector<std::string>(begin, begin + std::ssize(expected)) == expected);
  // Each DTSTART is itself an onset of its RRULE: the last Sunday of its month in 1970.
  using namespace std::chrono;
  CHECK(sys_days{1970y / March / Sunday[last]} == sys_days{1970y / March / 29d});
  CHECK(sys_days{1970y / October / Sunday[last]} == sys_days{1970y / October / 25d});
}

TEST_CASE("event times follow Swedish summer time", "[agenda]") {
  struct Case {
    const char* utcStart;
    const char* local;
  };
  const Case cases[] = {
      {"2026-01-13T12:00:00Z", "20260113T130000"}, {"2026-07-14T11:00:00Z", "20260714T130000"},
      {"2026-03-29T00:30:00Z", "20260329T013000"},  // before the switch at 01:00 UTC
      {"2026-03-29T01:00:00Z", "20260329T030000"},  // 02:00 does not exist that night
      {"2026-10-25T00:30:00Z", "20261025T023000"},  // the first 02:30
      {"2026-10-25T02:00:00Z", "20261025T030000"}, {"2026-12-31T23:30:00Z", "20270101T003000"},
  };
  for (const auto& c : cases) {
    INFO(c.utcStart);
    CalendarEvent e = sampleEvent();
    e.startsAt = utc(c.utcStart);
    e.endsAt = e.startsAt + std::chrono::hours{1};
    CHECK(hasLine(render({e}), std::string("DTSTART;TZID=Europe/Stockholm:") + c.local));
  }
}

TEST_CASE("TEXT values are escaped", "[agenda]") {
  CalendarEvent e = sampleEvent();
  e.summary = "Möte; del 1, del 2 \\ slut";
  e.location = "Rum 3,\r\nplan 2";
  e.description = "Rad ett\nRad två\x07";
  e.url = "https://x.se/a?b=1,2;c\n";
  const std::string ics = render({e});
  CHECK(hasLine(ics, "SUMMARY:Möte\\; del 1\\, del 2 \\\\ slut"));
  CHECK(hasLine(ics, "LOCATION:Rum 3\\,\\nplan 2"));
  CHECK(hasLine(ics, "DESCRIPTION:Rad ett\\nRad två\\n\\nhttps://x.se/a?b=1\\,2\\;c"));
  CHECK(hasLine(ics, "URL:https://x.se/a?b=1,2;c"));
}

TEST_CASE("long lines fold at 75 octets and never inside a UTF-8 character", "[agenda]") {
  CalendarEvent e = sampleEvent();
  std::string summary = "Samverkansmöte om åtgärder för äldreomsorgens kvalitet: ";
  for (int i = 0; i < 40; ++i) summary += "åäö ÅÄÖ ";
  e.summary = summary;
  e.description = std::string(300, 'x');
  const std::string ics = render({e});
  int folded = 0;
  for (const auto& line : physicalLines(ics)) {
    INFO(line);
    CHECK(line.size() <= 75);
    if (line.starts_with(" ")) {
      ++folded;
      CHECK_FALSE(startsWithContinuationByte(line.substr(1)));
    }
    // A line ends on a whole character: its last lead byte has all its continuation bytes.
    std::size_t lead = line.size();
    while (lead > 0 && startsWithContinuationByte(line.substr(lead - 1))) --lead;
    if (lead > 0) {
      const auto c = static_cast<unsigned char>(line[lead - 1]);
      const std::size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      CHECK(line.size() - lead == need);
    }
  }
  CHECK(folded >= 8);
  CHECK(hasLine(ics, "SUMMARY:" + summary.substr(0, summary.size() - 1) + " "));
  CHECK(hasLine(
      ics, "DESCRIPTION:" + std::string(300, 'x') + "\\n\\nhttps://samverkan.example.se/moten/42"));
}

TEST_CASE("a line of exactly 75 octets is not folded", "[agenda]") {
  CalendarEvent e = sampleEvent();
  e.location = std::string(75 - std::string("LOCATION:").size(), 'y');
  const std::string ics = render({e});
  CHECK(ics.find("\r\nLOCATION:" + e.location + "\r\nDESCRIPTION") != std::string::npos);
}

TEST_CASE("a cancelled meeting stays in the feed as cancelled", "[agenda]") {
  CalendarEvent e = sampleEvent();
  e.status = EventStatus::Cancelled;
  e.sequence = 3;
  const std::string ics = render({sampleEvent(), e});
  CHECK(hasLine(ics, "STATUS:CANCELLED"));
  CHECK(hasLine(ics, "STATUS:CONFIRMED"));
  CHECK(hasLine(ics, "SEQUENCE:3"));
}

TEST_CASE("empty fields are left out and a bad end is dropped", "[agenda]") {
  CalendarEvent e = sampleEvent();
  e.location.clear();
  e.description.clear();
  e.url.clear();
  e.endsAt = e.startsAt;
  const std::string ics = render({e});
  CHECK(ics.find("LOCATION") == std::string::npos);
  CHECK(ics.find("DESCRIPTION") == std::string::npos);
  CHECK(ics.find("URL") == std::string::npos);
  CHECK(ics.find("DTEND") == std::string::npos);
}

TEST_CASE("a meeting's event is described in Swedish", "[agenda]") {
  const MeetingInfo meeting = sampleMeeting();
  const CalendarEvent e =
      describeMeeting("meeting-7@samverkan", 1, EventStatus::Cancelled, meeting,
                      meeting.startsAt + std::chrono::hours{2}, "https://s.example/m/7");
  CHECK(e.uid == "meeting-7@samverkan");
  CHECK(e.sequence == 1);
  CHECK(e.status == EventStatus::Cancelled);
  CHECK(e.summary == "Inställt: Samverkansmöte: Hemtjänst Östermalm (Omsorg i Stockholm AB)");
  CHECK(e.location == "Karlavägen 104, rum 3");
  CHECK(e.description ==
        "Samverkansmöte mellan Östermalms stadsdelsförvaltning och Omsorg i Stockholm AB enligt "
        "avtalet Hemtjänst Östermalm (SDN 2025/0012).\nDagordning och protokoll finns i "
        "Samverkan.");
  CHECK(e.url == "https://s.example/m/7");
  CHECK(e.endsAt - e.startsAt == std::chrono::hours{2});
}

TEST_CASE("calendar: an invitation names its organizer, each attendee and a reminder",
          "[agenda][calendar]") {
  CalendarEvent e = sampleEvent();
  e.organizer = CalendarPerson{"Anna Lind", "anna.lind@ostermalm.example.se"};
  e.attendees = {{"Anna Lind", "anna.lind@ostermalm.example.se", true},
                 {"Ulla Ek, verksamhetschef", "ulla.ek@linnegarden.example.se"}};
  e.alarmMinutesBefore = 60;
  CalendarInfo info{"Samverkansmöten"};
  info.method = "REQUEST";
  const auto ics = renderCalendar(info, {e}, utc("2026-01-05T08:30:15Z"));
  const auto unfolded = [&] {
    std::string out;
    for (const auto& line : physicalLines(ics))
      if (!line.empty() && line[0] == ' ')
        out += line.substr(1);
      else
        out += "\n" + line;
    return out + "\n";
  }();
  CHECK(unfolded.find("\nMETHOD:REQUEST\n") != std::string::npos);
  CHECK(unfolded.find("\nORGANIZER;CN=\"Anna Lind\":mailto:anna.lind@ostermalm.example.se\n") !=
        std::string::npos);
  CHECK(unfolded.find("\nATTENDEE;ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=\"Anna "
                      "Lind\":mailto:anna.lind@ostermalm.example.se\n") != std::string::npos);
  // A comma in a name stays inside the quoted parameter.
  CHECK(unfolded.find(";CN=\"Ulla Ek, verksamhetschef\":mailto:ulla.ek@linnegarden.example.se\n") !=
        std::string::npos);
  CHECK(unfolded.find("\nBEGIN:VALARM\nACTION:DISPLAY\n") != std::string::npos);
  CHECK(unfolded.find("\nTRIGGER:-PT60M\nEND:VALARM\nEND:VEVENT\n") != std::string::npos);

  // A cancellation carries no alarm.
  e.status = EventStatus::Cancelled;
  info.method = "CANCEL";
  const auto cancel = renderCalendar(info, {e}, utc("2026-01-05T08:30:15Z"));
  CHECK(cancel.find("METHOD:CANCEL\r\n") != std::string::npos);
  CHECK(cancel.find("STATUS:CANCELLED\r\n") != std::string::npos);
  CHECK(cancel.find("VALARM") == std::string::npos);
}

// Found by tests/fuzz/icalendar: a run of UTF-8 continuation bytes longer than a line has no
// character boundary to fold at, and the folding looked for one for ever (the test hung).
TEST_CASE("ill-formed text longer than a line still folds at 75 octets", "[agenda][fuzz]") {
  CalendarEvent e = sampleEvent();
  e.location = "Rum " + std::string(200, '\x9c') + " slut";
  const std::string ics = render({e});
  for (const auto& line : physicalLines(ics)) CHECK(line.size() <= 75);
  CHECK(ics.find("slut") != std::string::npos);
}

}  // namespace SV_TEST_FILE
