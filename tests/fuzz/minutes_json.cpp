// The minutes document reader (minutes/json_read): what a client PUTs as the minutes. A document
// it accepts must write back to JSON that reads again to the same document.
#include "minutes/minutes_json.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  auto minutes = sv::minutes::fromJson(text);
  (void)sv::minutes::fromJsonMember(text, "minutes");
  if (!minutes) return 0;
  const std::string written = sv::minutes::toJson(*minutes);
  auto again = sv::minutes::fromJson(written);
  sv::fuzz::require(again.has_value(), "minutes written by toJson read back");
  sv::fuzz::require(sv::minutes::toJson(*again) == written, "minutes JSON round trip is stable");
  return 0;
}
