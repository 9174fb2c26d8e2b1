// Typed text is never lost (issue 19 point 5): a minutes form posted after the session ended is
// kept only when the form proves whose it is, given back to that person alone and only once,
// bounded in size and time, and every keep and restore is audited.
#include "server/services/kept_forms.hpp"

#include "server/store/audit.hpp"
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::ServiceFixture;

namespace {

struct KeptFixture : ServiceFixture {
  std::int64_t meeting = makeMeeting(makeContract(), "2026-05-12T13:00").row.id;
  // A second login of the manager: the CSRF token its page would carry.
  std::string csrf = loginToken("anna");

  std::string loginToken(const std::string& username) {
    auto login = accounts.login(username, "secret-password");
    REQUIRE(login);
    return login->csrfToken;
  }

  Result<std::int64_t> keep(const std::string& username, const std::string& token,
                            const std::string& form = "version=abc&sections-0-notes=Hej",
                            const services::KeptFormRules& rules = {}) {
    return services::keepMinutesForm(*store, time, meeting, username, token, form, rules);
  }

  std::vector<std::string> auditActions() {
    std::vector<std::string> actions;
    for (const auto& e : store->auditEntries({.objectType = "meeting",
                         .objectId = std::to_string(meeting),
                         .afterId = 0,
                         .limit = 100}))
      actions.push_back(e.entry.action);
    return actions;
  }
};

}  // namespace

TEST_CASE("kept forms: a form of an ended session comes back to its owner once, audited",
          "[services][kept_forms]") {
  KeptFixture f;
  auto kept = f.keep("anna", f.csrf);
  REQUIRE(kept);
  f.time.advance(std::chrono::hours(2));  // long after the session's 30 idle minutes
  auto pending = services::pendingMinutesForm(*f.store, f.time, f.manager, f.meeting);
  REQUIRE(pending);
  CHECK(pending->id == *kept);
  auto back = services::restoreMinutesForm(*f.store, f.time, f.manager, f.meeting, *kept);
  REQUIRE(back);
  CHECK(back->form == "version=abc&sections-0-notes=Hej");
  CHECK(back->meetingId == f.meeting);
  checkError(services::restoreMinutesForm(*f.store, f.time, f.manager, f.meeting, *kept),
             Errc::NotFound, Reason::None);
  CHECK_FALSE(services::pendingMinutesForm(*f.store, f.time, f.manager, f.meeting));
  CHECK(f.auditActions() ==
        std::vector<std::string>{"meeting.create", "minutes.form.keep", "minutes.form.restore"});
}

TEST_CASE("kept forms: without the owner's CSRF token nothing is kept (Unauthenticated)",
          "[services][kept_forms]") {
  KeptFixture f;
  checkError(f.keep("anna", "guessed-token"), Errc::Unauthenticated, Reason::KeptFormUnproven);
  checkError(f.keep("anna", ""), Errc::Unauthenticated, Reason::KeptFormUnproven);
  checkError(f.keep("", f.csrf), Errc::Unauthenticated, Reason::KeptFormUnproven);
  // Another person's token does not prove anna's form, nor anna's token another person's.
  const auto ulla = f.loginToken("ulla");
  checkError(f.keep("anna", ulla), Errc::Unauthenticated, Reason::KeptFormUnproven);
  checkError(f.keep("ulla", f.csrf), Errc::Unauthenticated, Reason::KeptFormUnproven);
  // A person of another provider, with their own token, for a meeting they may not see.
  checkError(f.keep("nils", f.loginToken("nils")), Errc::Unauthenticated, Reason::KeptFormUnproven);
  // A session not seen for longer than a form is kept proves nothing any more.
  f.time.advance(std::chrono::hours(25));
  checkError(f.keep("anna", f.csrf), Errc::Unauthenticated, Reason::KeptFormUnproven);
  CHECK(f.auditActions() == std::vector<std::string>{"meeting.create"});
}

TEST_CASE("kept forms: only the owner gets the form back", "[services][kept_forms]") {
  KeptFixture f;
  auto kept = f.keep("anna", f.csrf);
  REQUIRE(kept);
  const auto colleague = f.person("berit", f.authority, {"contract_manager"});
  checkError(services::restoreMinutesForm(*f.store, f.time, colleague, f.meeting, *kept),
             Errc::NotFound, Reason::None);
  CHECK_FALSE(services::pendingMinutesForm(*f.store, f.time, colleague, f.meeting));
  checkError(services::restoreMinutesForm(*f.store, f.time, f.manager, f.meeting + 1, *kept),
             Errc::NotFound, Reason::None);
  CHECK(services::restoreMinutesForm(*f.store, f.time, f.manager, f.meeting, *kept));
}

TEST_CASE("kept forms: size, expiry and a bounded number per person", "[services][kept_forms]") {
  KeptFixture f;
  services::KeptFormRules rules;
  rules.maxBytes = 100;
  rules.perUser = 2;
  checkError(f.keep("anna", f.csrf, std::string(101, 'x'), rules), Errc::Invalid,
             Reason::KeptFormTooLarge, "", "100");

  auto first = f.keep("anna", f.csrf, "a=1", rules);
  auto second = f.keep("anna", f.csrf, "a=2", rules);
  auto third = f.keep("anna", f.csrf, "a=3", rules);
  REQUIRE((first && second && third));
  // The oldest went when the third came.
  checkError(services::restoreMinutesForm(*f.store, f.time, f.manager, f.meeting, *first),
             Errc::NotFound, Reason::None);
  CHECK(services::pendingMinutesForm(*f.store, f.time, f.manager, f.meeting)->form == "a=3");

  f.time.advance(rules.keepFor + std::chrono::seconds(1));
  checkError(services::restoreMinutesForm(*f.store, f.time, f.manager, f.meeting, *third),
             Errc::NotFound, Reason::None);
  CHECK_FALSE(services::pendingMinutesForm(*f.store, f.time, f.manager, f.meeting));
}

}  // namespace SV_TEST_FILE
