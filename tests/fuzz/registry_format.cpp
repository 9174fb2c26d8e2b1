// The registry number format an authority sets ("SDN {year}/{seq:04}", minutes/registry_number),
// and a registry number as a git tag name: a number formatted from an accepted pattern makes a
// tag name with none of the characters git refuses in a ref.
#include <string>

#include "minutes/registry_number.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  (void)sv::minutes::tagNameOf(text);
  auto format = sv::minutes::RegistryFormat::parse(text);
  if (!format) return 0;
  const std::string number = format->format(2026, 42);
  sv::fuzz::require(number.find("42") != std::string::npos, "the sequence number is in it");
  const std::string tag = sv::minutes::tagNameOf(number);
  sv::fuzz::require(!tag.empty(), "a registry number has a tag name");
  for (const char c : tag)
    sv::fuzz::require(static_cast<unsigned char>(c) > 0x20 && c != 0x7f && c != '~' && c != '^' &&
                          c != ':' && c != '?' && c != '*' && c != '[' && c != '\\',
                      "the tag name has no character git refuses in a ref");
  return 0;
}
