// iCalendar output (agenda/icalendar) of hostile text: a meeting's place, title and people come
// from users. Whatever they hold, the feed keeps its structure: CRLF lines of at most 75 octets,
// no control characters but tab (TEXT may hold it), exactly the events given (no text can start a
// VEVENT of its own).
#include <string>
#include <string_view>

#include "agenda/icalendar.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

// The input's NUL-separated parts, in order; missing ones are empty.
std::string part(std::string_view text, int index) {
  for (int i = 0; i < index; ++i) {
    const auto nul = text.find('\0');
    if (nul == std::string_view::npos) return {};
    text.remove_prefix(nul + 1);
  }
  return std::string(text.substr(0, text.find('\0')));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  using namespace std::chrono_literals;
  sv::agenda::CalendarEvent event;
  event.uid = "meeting-1@samverkan";
  event.startsAt = sv::TimePoint{} + 24h * 20600;
  event.endsAt = event.startsAt + 2h;
  event.summary = part(text, 0);
  event.location = part(text, 1);
  event.description = part(text, 2);
  event.url = part(text, 3);
  event.organizer = sv::agenda::CalendarPerson{part(text, 4), part(text, 5), true};
  event.attendees.push_back({part(text, 6), part(text, 7), false});
  event.alarmMinutesBefore = 30;
  sv::agenda::CalendarInfo info{.name = part(text, 8), .method = "REQUEST"};

  const std::string out = sv::agenda::renderCalendar(info, {event, event}, event.startsAt);
  sv::fuzz::require(out.starts_with("BEGIN:VCALENDAR\r\n"), "the feed starts as a calendar");
  sv::fuzz::require(out.ends_with("END:VCALENDAR\r\n"), "the feed ends as a calendar");
  int events = 0;
  std::string_view rest(out);
  while (!rest.empty()) {
    const auto end = rest.find("\r\n");
    sv::fuzz::require(end != std::string_view::npos, "every line ends with CRLF");
    const auto line = rest.substr(0, end);
    sv::fuzz::require(line.size() <= 75, "a line is at most 75 octets");
    for (const char c : line)
      sv::fuzz::require((static_cast<unsigned char>(c) >= 0x20 || c == '\t') && c != 0x7f,
                        "no control character but tab inside a line");
    if (line == "BEGIN:VEVENT") ++events;
    rest.remove_prefix(end + 2);
  }
  sv::fuzz::require(events == 2, "exactly the events given");
  return 0;
}
