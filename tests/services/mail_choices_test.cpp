// Which e-mail a person gets (issue 12): their own choices, read and set on "Mina inställningar"
// and over the API, all or nothing, audited.
#include "mail_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::MailFixture;

TEST_CASE("mail choices: without choices every kind has its default, in the settings' order",
          "[services][mail_choices]") {
  MailFixture f;
  const auto views = services::mailChoicesOf(*f.store, f.providerRep);
  REQUIRE(views.size() == mail::kindRules().size());
  for (std::size_t i = 0; i < views.size(); ++i) {
    const auto& rule = mail::kindRules()[i];
    CHECK(views[i].key == rule.key);
    CHECK(views[i].choice == rule.fallback);
    CHECK(views[i].required == rule.required);
  }
  CHECK(views.back().key == "reminder");
  CHECK(views.back().choice == mail::Choice::Digest);
  // What each kind offers: no digest of invitations, nothing but "now" for registered minutes.
  CHECK(views[0].allowed == std::vector{mail::Choice::Now, mail::Choice::Never});
  CHECK(views[5].key == "minutes_registered");
  CHECK(views[5].allowed == std::vector{mail::Choice::Now});
  CHECK(views[1].allowed ==
        std::vector{mail::Choice::Now, mail::Choice::Digest, mail::Choice::Never});
}

TEST_CASE("mail choices: what a person sets is what they read back, and only theirs",
          "[services][mail_choices]") {
  MailFixture f;
  REQUIRE(services::setMailChoices(
      *f.store, f.time, f.providerRep,
      {{"reminder", "now"}, {"agenda_published", "never"}, {"invitation", "never"}}));
  auto mine = f.effective(f.providerRep);
  CHECK(mine["reminder"] == mail::Choice::Now);
  CHECK(mine["agenda_published"] == mail::Choice::Never);
  CHECK(mine["invitation"] == mail::Choice::Never);
  CHECK(mine["minutes_submitted"] == mail::Choice::Now);
  // A later save names one kind; the others keep what was set.
  REQUIRE(services::setMailChoices(*f.store, f.time, f.providerRep, {{"reminder", "digest"}}));
  mine = f.effective(f.providerRep);
  CHECK(mine["reminder"] == mail::Choice::Digest);
  CHECK(mine["agenda_published"] == mail::Choice::Never);
  // Another person's choices are untouched.
  CHECK(f.stored(f.manager).empty());
  CHECK(f.effective(f.manager)["agenda_published"] == mail::Choice::Now);
}

TEST_CASE("mail choices: an unknown kind or choice is refused and nothing is written",
          "[services][mail_choices]") {
  MailFixture f;
  checkError(services::setMailChoices(*f.store, f.time, f.providerRep,
                                      {{"reminder", "never"}, {"weekly_news", "now"}}),
             Errc::Invalid, Reason::UnknownChoice, "weekly_news", "weekly_news");
  checkError(services::setMailChoices(*f.store, f.time, f.providerRep,
                                      {{"agenda_published", "never"}, {"reminder", "weekly"}}),
             Errc::Invalid, Reason::UnknownChoice, "reminder", "weekly");
  CHECK(f.stored(f.providerRep).empty());
  CHECK(f.auditOf(f.providerRep).empty());
}

TEST_CASE("mail choices: invitations are never gathered in a digest", "[services][mail_choices]") {
  MailFixture f;
  checkError(services::setMailChoices(*f.store, f.time, f.providerRep,
                                      {{"agenda_published", "never"}, {"invitation", "digest"}}),
             Errc::Invalid, Reason::ChoiceNotAllowed, "invitation", "digest");
  CHECK(f.stored(f.providerRep).empty());
  CHECK(f.auditOf(f.providerRep).empty());
}

TEST_CASE("mail choices: registered minutes cannot be turned off or put off",
          "[services][mail_choices]") {
  MailFixture f;
  checkError(
      services::setMailChoices(*f.store, f.time, f.providerRep, {{"minutes_registered", "never"}}),
      Errc::Invalid, Reason::MailKindRequired, "minutes_registered", "never");
  checkError(
      services::setMailChoices(*f.store, f.time, f.providerRep, {{"minutes_registered", "digest"}}),
      Errc::Invalid, Reason::MailKindRequired, "minutes_registered", "digest");
  CHECK(f.stored(f.providerRep).empty());
  // "now", the only choice it has, is accepted.
  REQUIRE(
      services::setMailChoices(*f.store, f.time, f.providerRep, {{"minutes_registered", "now"}}));
  CHECK(f.effective(f.providerRep)["minutes_registered"] == mail::Choice::Now);
}

TEST_CASE("mail choices: a save is one audit entry by the person, on their user",
          "[services][mail_choices]") {
  MailFixture f;
  REQUIRE(services::setMailChoices(*f.store, f.time, f.providerRep,
                                   {{"reminder", "now"}, {"agenda_published", "digest"}}));
  const auto audit = f.auditOf(f.providerRep);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].action == "mail.preferences");
  CHECK(audit[0].objectType == "user");
  CHECK(audit[0].actorId == f.providerRep.userId);
  CHECK(audit[0].detail.find("agenda_published=digest") != std::string::npos);
  CHECK(audit[0].detail.find("reminder=now") != std::string::npos);
}

}  // namespace SV_TEST_FILE
