// The fixed agenda's file format (agenda/agenda_template), read at start-up and when an authority
// adopts a new fixed agenda: any text gives a template or an error with its line.
#include "agenda/agenda_template.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = sv::agenda::parseAgendaTemplate("fuzz", sv::fuzz::textOf(data, size));
  if (!parsed) return 0;
  for (const auto& item : parsed->items) {
    sv::fuzz::require(!item.key.empty(), "every item has a key");
    sv::fuzz::require(sv::agenda::findTemplateItem(*parsed, item.key) != nullptr,
                      "every item is found by its key");
  }
  return 0;
}
