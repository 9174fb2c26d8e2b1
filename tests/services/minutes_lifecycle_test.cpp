// The minutes' lifecycle steps (services/minutes_submit.cpp, _approve, _return, _register) on a
// temporary store: one behaviour a test, the exact code, reason and value of each refusal.
#include "server/store/approvals.hpp"
#include "server/store/git.hpp"
#include "services/minutes_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::errorOf;
using test::MinutesFixture;
using test::valueOf;

TEST_CASE("minutes submit: to review, the adjusters told", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  const auto life = valueOf(f.minutes.submit(f.secretary, id));
  CHECK(life.state == minutes::MinutesState::InReview);
  const auto notices = f.store->read([&](store::Reading& c) {
    return store::listNotifications(c, f.adjuster.userId, {10, 0});
  });
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].kind == "minutes.submitted");
}

TEST_CASE("minutes submit: without the authority's adjuster", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting(false);
  f.started(id);
  const auto e = errorOf(f.minutes.submit(f.secretary, id));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::AuthorityAdjusterMissing);
}

TEST_CASE("minutes submit: a second submit is not possible from review", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto e = errorOf(f.minutes.submit(f.secretary, id));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::TransitionNotAllowed);
  CHECK(e.value == "submit");
}

TEST_CASE("minutes submit: not started minutes", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto e = errorOf(f.minutes.submit(f.secretary, id));
  CHECK(e.code == Errc::NotFound);
  CHECK(e.reason == Reason::MinutesNotStarted);
}

TEST_CASE("minutes approve: both adjusters approve, the minutes are approved",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  CHECK(valueOf(f.minutes.approve(f.adjuster, id, version, "")).state ==
        minutes::MinutesState::InReview);
  const auto done = valueOf(f.minutes.approve(f.manager, id, version, ""));
  CHECK(done.state == minutes::MinutesState::Approved);
  CHECK(done.approvals.size() == 2);
}

TEST_CASE("minutes approve: each approval records how its session was authenticated",
          "[services][minutes][approval_method]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  // The provider's adjuster came through the organisation's identity provider, the manager with a
  // password: each approval says its own login, and the signature block prints what is stored.
  store::Principal viaIdp = f.adjuster;
  viaIdp.authentication = "inloggning via Logga in med kommunens konto (OpenID Connect, acr loa3)";
  valueOf(f.minutes.approve(viaIdp, id, version, ""));
  valueOf(f.minutes.approve(f.manager, id, version, ""));
  const auto rows = f.store->read([&](store::Reading& c) { return store::listApprovals(c, id); });
  REQUIRE(rows.size() == 2);
  for (const auto& row : rows) {
    INFO(row.userName);
    if (row.userId == f.adjuster.userId)
      CHECK(row.method ==
            "justerat elektroniskt i Samverkan efter inloggning via Logga in med kommunens konto "
            "(OpenID Connect, acr loa3)");
    else
      CHECK(row.method == "justerat elektroniskt i Samverkan efter inloggning med lösenord");
  }
}

TEST_CASE("minutes approve: an old version is refused", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto first = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto second = f.saveNotes(id, first, "Rättat.");
  const auto e = errorOf(f.minutes.approve(f.adjuster, id, first, ""));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::VersionMovedOn);
  CHECK(e.value == second);
}

TEST_CASE("minutes approve: an approval names its version", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto e = errorOf(f.minutes.approve(f.adjuster, id, "", ""));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::VersionNotNamed);
}

TEST_CASE("minutes approve: a provider representative who is not the adjuster",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto e = errorOf(f.minutes.approve(f.providerRep, id, version, ""));
  CHECK(e.code == Errc::Forbidden);
  CHECK(e.reason == Reason::RoleMissingForTransition);
  CHECK(e.value == "approve");
}

TEST_CASE("minutes approve: a party approves a version once", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  valueOf(f.minutes.approve(f.adjuster, id, version, ""));
  const auto e = errorOf(f.minutes.approve(f.adjuster, id, version, ""));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::AlreadyApproved);
}

TEST_CASE("minutes approve: a note over 20 000 characters", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto e = errorOf(f.minutes.approve(f.adjuster, id, version, std::string(20001, 'x')));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::TooLong);
  CHECK(e.value == "20000");
}

TEST_CASE("minutes approve: not before the minutes are submitted", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  const auto e = errorOf(f.minutes.approve(f.adjuster, id, version, ""));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::TransitionNotAllowed);
  CHECK(e.value == "approve");
}

TEST_CASE("minutes return: back to the draft, the approvals withdrawn", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  valueOf(f.minutes.approve(f.manager, id, version, ""));
  const auto life = valueOf(f.minutes.returnMinutes(f.adjuster, id, "§ 2 saknar beslutet."));
  CHECK(life.state == minutes::MinutesState::Draft);
  REQUIRE(life.returns.size() == 1);
  REQUIRE(life.approvals.size() == 1);
  CHECK(life.approvals[0].supersededAt);
}

TEST_CASE("minutes return: a return says what should be corrected", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto e = errorOf(f.minutes.returnMinutes(f.adjuster, id, "  \n"));
  CHECK(e.code == Errc::Invalid);
  CHECK(e.reason == Reason::CommentMissing);
}

TEST_CASE("minutes register: a number in the register, the document sealed",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.approved(id);
  const auto life = valueOf(f.minutes.registerMinutes(f.registrar, id));
  CHECK(life.state == minutes::MinutesState::Registered);
  REQUIRE(life.registration);
  CHECK(life.registration->version == version);
  CHECK_FALSE(life.registration->number.empty());
  CHECK(f.store->documents().sealed(life.registration->repository,
                                    services::MinutesService::documentOf(id)));
  CHECK(f.minutes.registry(f.registrar, {}).size() == 1);
}

TEST_CASE("minutes register: a git tag named by the number marks the registered version",
          "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  const auto version = f.approved(id);
  const auto reg = *valueOf(f.minutes.registerMinutes(f.registrar, id)).registration;
  std::optional<std::string> target;
  REQUIRE(f.store->documents().withRepository(reg.repository, [&](git_repository* repo) -> Status {
    target = store::git::tagTarget(repo, reg.tag);
    return {};
  }));
  CHECK(target == version);
}

TEST_CASE("minutes register: only approved minutes", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  const auto e = errorOf(f.minutes.registerMinutes(f.registrar, id));
  CHECK(e.code == Errc::Conflict);
  CHECK(e.reason == Reason::TransitionNotAllowed);
  CHECK(e.value == "register");
}

TEST_CASE("minutes register: only the registrar", "[services][minutes]") {
  MinutesFixture f;
  const auto id = f.meeting();
  f.approved(id);
  const auto e = errorOf(f.minutes.registerMinutes(f.secretary, id));
  CHECK(e.code == Errc::Forbidden);
  CHECK(e.reason == Reason::RoleMissingForTransition);
  CHECK(e.value == "register");
}

}  // namespace SV_TEST_FILE
