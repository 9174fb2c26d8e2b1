#include <catch2/catch.hpp>

#include "minutes/registry_number.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::minutes;

TEST_CASE("a registry number follows its authority's format", "[minutes][registry]") {
  auto f = RegistryFormat::parse("SDN {year}/{seq:04}");
  REQUIRE(f);
  CHECK(f->format(2026, 42) == "SDN 2026/0042");
  CHECK(f->format(2026, 12345) == "SDN 2026/12345");
  CHECK(RegistryFormat::parse("{seq}-{year}")->format(2027, 7) == "7-2027");
}

TEST_CASE("a broken registry number format is refused", "[minutes][registry]") {
  for (const char* bad : {"", "SDN {year}", "SDN {yr}/{seq}", "SDN {seq:4}", "SDN {seq} }"}) {
    INFO(bad);
    auto f = RegistryFormat::parse(bad);
    REQUIRE_FALSE(f);
    CHECK(f.error().code == Errc::Invalid);
  }
}

TEST_CASE("a registry number becomes a valid git tag name", "[minutes][registry]") {
  CHECK(tagNameOf("SDN 2026/0042") == "SDN-2026-0042");
  CHECK(tagNameOf("ÄN 2026:1") == "N-2026-1");
  CHECK(tagNameOf("..") == "registered");
}

}  // namespace SV_TEST_FILE
