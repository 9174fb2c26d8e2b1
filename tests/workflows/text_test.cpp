// The project's one set of text helpers (workflows/text.hpp).
#include <catch2/catch.hpp>

#include "workflows/text.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;

TEST_CASE("trim takes spaces, tabs and line ends from both sides only", "[workflows][text]") {
  CHECK(text::trim("  \t a b \r\n") == "a b");
  CHECK(text::trimmed("\n\n") == "");
  CHECK(text::isBlank(" \t\r\n"));
  CHECK_FALSE(text::isBlank(" x "));
}

TEST_CASE("trimSpacesAndTabs leaves line breaks for a validator to see", "[workflows][text]") {
  CHECK(text::trimSpacesAndTabs(" \t a b\t ") == "a b");
  CHECK(text::trimSpacesAndTabs(" Anna\n") == "Anna\n");
  CHECK(text::trimSpacesAndTabs("\r x") == "\r x");
  CHECK(text::trimSpacesAndTabs(" \t ").empty());
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

// The cases the validators of agenda/ and minutes/ were each written for, before they became
// this one: every lead byte that can never start a sequence, and each way a sequence goes wrong.
TEST_CASE("UTF-8: the boundaries of each sequence length", "[workflows][text]") {
  CHECK(text::isValidUtf8(""));
  CHECK(text::isValidUtf8("\x7F"));
  CHECK(text::isValidUtf8("\xC2\x80"));                // U+0080, the first two-byte character
  CHECK(text::isValidUtf8("\xE0\xA0\x80"));            // U+0800
  CHECK(text::isValidUtf8("\xED\x9F\xBF"));            // U+D7FF, just below the surrogates
  CHECK(text::isValidUtf8("\xEE\x80\x80"));            // U+E000, just above them
  CHECK(text::isValidUtf8("\xF0\x90\x80\x80"));        // U+10000
  CHECK(text::isValidUtf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF
  CHECK_FALSE(text::isValidUtf8("\x80"));              // a continuation byte alone
  CHECK_FALSE(text::isValidUtf8("\xC1\xBF"));          // overlong two-byte
  CHECK_FALSE(text::isValidUtf8("\xE0\x9F\xBF"));      // overlong three-byte
  CHECK_FALSE(text::isValidUtf8("\xF0\x8F\xBF\xBF"));  // overlong four-byte
  CHECK_FALSE(text::isValidUtf8("\xED\xBF\xBF"));      // the last surrogate
  CHECK_FALSE(text::isValidUtf8("\xF5\x80\x80\x80"));  // a lead byte past Unicode
  CHECK_FALSE(text::isValidUtf8("\xF8\x88\x80\x80\x80"));
  CHECK_FALSE(text::isValidUtf8("\xFF"));
  CHECK_FALSE(text::isValidUtf8("\xC3("));         // a second byte that does not continue
  CHECK_FALSE(text::isValidUtf8("\xF0\x9F\x98"));  // cut short at the end
}

TEST_CASE("toValidUtf8 replaces each bad byte and keeps everything well-formed",
          "[workflows][text]") {
  CHECK(text::toValidUtf8("Östermalm 😀") == "Östermalm 😀");
  CHECK(text::toValidUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(text::toValidUtf8("x\xF0\x9F\x98") == "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(text::isValidUtf8(text::toValidUtf8("\xED\xA0\x80\xF4\x90\x80\x80\xFF")));
  CHECK(text::countCharacters("😀a") == 2);
}

TEST_CASE("control characters: NUL and DEL never, newlines where the text may hold them",
          "[workflows][text]") {
  CHECK(text::hasControlCharacters(std::string("a\0b", 3), true));
  CHECK(text::hasControlCharacters("a\x7F", true));
  CHECK(text::hasControlCharacters("a\nb", false));
  CHECK_FALSE(text::hasControlCharacters("a\nb\tc\r", true));
}

TEST_CASE("quoted puts a value in single quotes for an error's detail", "[workflows][text]") {
  CHECK(text::quoted("extra-1") == "'extra-1'");
  CHECK(text::quoted("") == "''");
}

}  // namespace SV_TEST_FILE
