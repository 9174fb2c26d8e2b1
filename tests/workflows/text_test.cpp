// The project's one set of text helpers (workflows/text.hpp).
#include <catch2/catch.hpp>

#include "workflows/text.hpp"

using namespace sv;

TEST_CASE("trim takes spaces, tabs and line ends from both sides only", "[workflows][text]") {
  CHECK(text::trim("  \t a b \r\n") == "a b");
  CHECK(text::trimmed("\n\n") == "");
  CHECK(text::isBlank(" \t\r\n"));
  CHECK_FALSE(text::isBlank(" x "));
}

TEST_CASE("lines are numbered from 1, without a byte order mark, CR or trailing blanks",
          "[workflows][text]") {
  const auto lines = text::splitLines("\xEF\xBB\xBFone  \r\ntwo\n\nfour\t");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].number == 1);
  CHECK(lines[0].text == "one");
  CHECK(lines[1].text == "two");
  CHECK(lines[2].text.empty());
  CHECK(lines[3].number == 4);
  CHECK(lines[3].text == "four");
}

TEST_CASE("UTF-8 is well-formed only without overlong forms, surrogates and values past Unicode",
          "[workflows][text]") {
  CHECK(text::isValidUtf8("Östermalm å ä ö 😀"));
  CHECK_FALSE(text::isValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(text::isValidUtf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(text::isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(text::isValidUtf8("\xE2\x82"));          // cut short
  CHECK(text::toValidUtf8("a\xFF"
                          "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(text::countCharacters("åäö") == 3);
}

TEST_CASE("control characters: NUL and DEL never, newlines where the text may hold them",
          "[workflows][text]") {
  CHECK(text::hasControlCharacters(std::string("a\0b", 3), true));
  CHECK(text::hasControlCharacters("a\x7F", true));
  CHECK(text::hasControlCharacters("a\nb", false));
  CHECK_FALSE(text::hasControlCharacters("a\nb\tc\r", true));
}
