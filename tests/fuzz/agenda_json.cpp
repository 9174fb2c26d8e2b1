// The agenda reader (agenda/agenda_json): a meeting's agenda as kept and as a client sends it.
// An agenda it accepts must serialize to JSON that reads again the same, and render as Markdown.
#include "agenda/agenda.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto agenda = sv::agenda::parseAgenda(sv::fuzz::textOf(data, size));
  if (!agenda) return 0;
  const std::string written = sv::agenda::serializeAgenda(*agenda);
  auto again = sv::agenda::parseAgenda(written);
  sv::fuzz::require(again.has_value(), "an agenda written by serializeAgenda reads back");
  sv::fuzz::require(sv::agenda::serializeAgenda(*again) == written, "agenda round trip is stable");
  (void)sv::agenda::renderAgendaMarkdown(*agenda);
  (void)sv::agenda::sectionNumbers(*agenda);
  return 0;
}
