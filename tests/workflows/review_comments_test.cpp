#include <catch2/catch.hpp>

#include "workflows/review_comments.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::review;

namespace {
const std::set<std::string> kParts{"1", "2", "6"};
}

TEST_CASE("blank comments are no comments", "[review]") {
  auto checked = checkComments({{"6", "  \n"}, {"", ""}, {"6", "Stämmer inte."}}, kParts);
  REQUIRE(checked);
  REQUIRE(checked->size() == 1);
  CHECK(checked->front().part == "6");
}

TEST_CASE("a comment on the whole document has no part", "[review]") {
  auto checked = checkComments({{"", "Allmänt: bra protokoll."}}, kParts);
  REQUIRE(checked);
  CHECK(checked->front().part.empty());
}

TEST_CASE("a comment on a part the document does not have is refused", "[review]") {
  auto checked = checkComments({{"1", "ok"}, {"14", "Vilken paragraf?"}}, kParts);
  REQUIRE_FALSE(checked);
  CHECK(checked.error().reason == Reason::UnknownChoice);
  CHECK(checked.error().field == "comments[1].section");
  CHECK(checked.error().value == "14");
}

TEST_CASE("a comment's text is checked like every free text", "[review]") {
  auto tooLong = checkComments({{"2", std::string(kMaxCommentLength + 1, 'a')}}, kParts);
  REQUIRE_FALSE(tooLong);
  CHECK(tooLong.error().reason == Reason::TooLong);
  CHECK(tooLong.error().field == "comments[0].text");
  CHECK(checkComments({{"2", std::string(kMaxCommentLength / 2, 'a') + "åäö"}}, kParts));

  auto control = checkComments({{"2", std::string("a\x01")}}, kParts);
  REQUIRE_FALSE(control);
  CHECK(control.error().reason == Reason::ControlCharacter);

  auto broken = checkComments({{"2", std::string("\xC3")}}, kParts);
  REQUIRE_FALSE(broken);
  CHECK(broken.error().reason == Reason::InvalidUtf8);
}

TEST_CASE("at most a hundred comments at once", "[review]") {
  std::vector<NewComment> many(kMaxCommentsAtOnce + 1, NewComment{"1", "x"});
  auto checked = checkComments(many, kParts);
  REQUIRE_FALSE(checked);
  CHECK(checked.error().reason == Reason::OutOfRange);
  many.pop_back();
  CHECK(checkComments(many, kParts));
}

TEST_CASE("handling a comment says how", "[review]") {
  CHECK(checkHandling("Rättat i § 6.").has_value());
  auto blank = checkHandling("   ");
  REQUIRE_FALSE(blank);
  CHECK(blank.error().reason == Reason::Missing);
  CHECK(blank.error().field == "how");
}

TEST_CASE("the open comments are those not handled", "[review]") {
  Comment handled;
  handled.id = 1;
  handled.handled = Handling{7, "Sara", "Rättat", "2027-02-10T09:00:00Z"};
  Comment open;
  open.id = 2;
  const auto left = openComments({handled, open});
  REQUIRE(left.size() == 1);
  CHECK(left.front().id == 2);
}

}  // namespace SV_TEST_FILE
