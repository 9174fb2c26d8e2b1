// The provider's comments per § on returned minutes, and how the secretary handles them
// (services/minutes_comments.cpp, workflows/review_comments.hpp).
#include "minutes_fixture.hpp"
#include "server/store/audit.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;

namespace {

// A meeting whose minutes are under review; its id.
std::int64_t inReview(MinutesFixture& f) {
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  return id;
}

}  // namespace

TEST_CASE("minutes comments: a return with comments per § keeps each beside its §",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  const auto life = valueOf(f.minutes.returnMinutes(
      f.adjuster, id, "", {{"2", "Beslutet saknas."}, {"", "Namnet på enheten är fel."}}));
  CHECK(life.state == minutes::MinutesState::Draft);
  REQUIRE(life.returns.size() == 1);
  CHECK(life.returns[0].comment == "Synpunkter på § 2, protokollet som helhet.");

  const auto comments = valueOf(f.minutes.comments(f.secretary, id));
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].part == "2");
  CHECK(comments[0].text == "Beslutet saknas.");
  CHECK(comments[0].party == Party::Provider);
  CHECK(comments[0].userName == f.adjuster.name);
  CHECK(comments[0].version == life.version);
  CHECK_FALSE(comments[0].handled);
  CHECK(comments[1].part.empty());
}

TEST_CASE("minutes comments: a comment on a § the minutes do not have changes nothing",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  const auto e = errorOf(f.minutes.returnMinutes(f.adjuster, id, "", {{"99", "Vilken §?"}}));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::UnknownChoice);
  CHECK(e.field == "comments[0].section");
  CHECK(valueOf(f.minutes.lifecycle(f.secretary, id)).state == minutes::MinutesState::InReview);
  CHECK(valueOf(f.minutes.comments(f.secretary, id)).empty());
}

TEST_CASE("minutes comments: who may not return learns nothing of the comments' fields",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  const auto e = errorOf(f.minutes.returnMinutes(f.secretary, id, "", {{"99", ""}}));
  CHECK(e.code == Errc::Forbidden);
  CHECK(e.reason == Reason::RoleMissingForTransition);
  CHECK(e.value == "return");
}

TEST_CASE("minutes comments: the secretary handles a comment once, saying how",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  valueOf(f.minutes.returnMinutes(f.adjuster, id, "Se § 2.", {{"2", "Beslutet saknas."}}));
  const auto commentId = valueOf(f.minutes.comments(f.secretary, id)).at(0).id;

  const auto blank = errorOf(f.minutes.handleComment(f.secretary, id, commentId, " "));
  CHECK(blank.reason == Reason::Missing);
  CHECK(blank.field == "how");

  const auto done =
      valueOf(f.minutes.handleComment(f.secretary, id, commentId, "Beslutet är infört i § 2."));
  REQUIRE(done.handled);
  CHECK(done.handled->how == "Beslutet är infört i § 2.");
  CHECK(done.handled->userName == f.secretary.name);

  const auto again = errorOf(f.minutes.handleComment(f.secretary, id, commentId, "Igen."));
  CHECK(again.code == Errc::Conflict);
  CHECK(again.reason == Reason::CommentHandled);
  CHECK(valueOf(f.minutes.comments(f.adjuster, id)).at(0).handled->how ==
        "Beslutet är infört i § 2.");
}

TEST_CASE("minutes comments: only the writer handles comments, before the text is read",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  valueOf(f.minutes.returnMinutes(f.adjuster, id, "", {{"2", "Beslutet saknas."}}));
  const auto commentId = valueOf(f.minutes.comments(f.secretary, id)).at(0).id;
  const auto e = errorOf(f.minutes.handleComment(f.adjuster, id, commentId, ""));
  CHECK(e.code == Errc::Forbidden);
  CHECK(e.reason == Reason::NotMinutesWriter);
}

TEST_CASE("minutes comments: a comment of other minutes is not found",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto first = inReview(f);
  valueOf(f.minutes.returnMinutes(f.adjuster, first, "", {{"2", "Beslutet saknas."}}));
  const auto commentId = valueOf(f.minutes.comments(f.secretary, first)).at(0).id;
  const auto second = inReview(f);
  const auto e = errorOf(f.minutes.handleComment(f.secretary, second, commentId, "Rättat."));
  CHECK(e.code == Errc::NotFound);
}

TEST_CASE("minutes comments: another provider sees no comments", "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  valueOf(f.minutes.returnMinutes(f.adjuster, id, "", {{"2", "Beslutet saknas."}}));
  const auto other =
      f.accounts.createOrganization(accounts::Actor::system(), {"Annan AB", "provider"})->id;
  const auto stranger = f.person("olle", other, {"provider_rep"});
  CHECK(errorOf(f.minutes.comments(stranger, id)).code == Errc::NotFound);
}

TEST_CASE("minutes comments: registered minutes close their review",
          "[services][minutes][review]") {
  MinutesFixture f;
  const auto id = inReview(f);
  valueOf(f.minutes.returnMinutes(f.adjuster, id, "", {{"2", "Beslutet saknas."}}));
  const auto commentId = valueOf(f.minutes.comments(f.secretary, id)).at(0).id;
  const auto version = valueOf(f.minutes.get(f.secretary, id)).version;
  valueOf(f.minutes.submit(f.secretary, id));
  valueOf(f.minutes.approve(f.adjuster, id, version, ""));
  valueOf(f.minutes.approve(f.manager, id, version, ""));
  valueOf(f.minutes.registerMinutes(f.registrar, id));
  const auto e = errorOf(f.minutes.handleComment(f.secretary, id, commentId, "Rättat."));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::DocumentRegistered);
}

}  // namespace SV_TEST_FILE
