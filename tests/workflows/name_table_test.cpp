#include <catch2/catch.hpp>

#include "workflows/name_table.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

namespace {
enum class Colour { Red, Green, Blue };
constexpr sv::NameTable<Colour, 2> kColours{{{Colour::Red, "red"}, {Colour::Green, "green"}}};
}  // namespace

TEST_CASE("a name table gives the name of a value and the value of a name", "[workflows]") {
  STATIC_REQUIRE(sv::nameIn(kColours, Colour::Green) == "green");
  CHECK(sv::valueIn(kColours, "red") == Colour::Red);
  CHECK_FALSE(sv::valueIn(kColours, "Red"));
  CHECK_FALSE(sv::valueIn(kColours, ""));
}

TEST_CASE("a value the table does not list gives the fallback", "[workflows]") {
  CHECK(sv::nameIn(kColours, Colour::Blue).empty());
  CHECK(sv::nameIn(kColours, Colour::Blue, "red") == "red");
}

}  // namespace SV_TEST_FILE
