// The unsubscribe link of an optional message (issue 12): it works without a login, sets
// "never" for its person, and answers a wrong token and a wrong kind alike.
#include "mail_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::MailFixture;

TEST_CASE("unsubscribe: the link's token turns the kind off for its person, audited by them",
          "[services][mail_unsubscribe]") {
  MailFixture f;
  const auto token = f.tokenOf(f.providerRep);
  const auto target = services::unsubscribeTarget(*f.store, token, "agenda_published");
  REQUIRE(target);
  CHECK(target->userId == f.providerRep.userId);
  CHECK(target->name == f.providerRep.name);
  CHECK(target->kind == mail::Kind::AgendaPublished);
  CHECK(f.stored(f.providerRep).empty());  // reading the link changes nothing

  const auto done = services::unsubscribeByToken(*f.store, f.time, token, "agenda_published");
  REQUIRE(done);
  CHECK(done->kind == mail::Kind::AgendaPublished);
  CHECK(f.stored(f.providerRep) ==
        std::map<std::string, std::string>{{"agenda_published", "never"}});
  CHECK(f.effective(f.providerRep)["agenda_published"] == mail::Choice::Never);
  auto audit = f.auditOf(f.providerRep);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].action == "mail.unsubscribe");
  CHECK(audit[0].actorId == f.providerRep.userId);
  CHECK(audit[0].detail.find("agenda_published") != std::string::npos);

  // A mail program that posts again, or a second click, succeeds and records nothing new.
  REQUIRE(services::unsubscribeByToken(*f.store, f.time, token, "agenda_published"));
  CHECK(f.auditOf(f.providerRep).size() == 1);
  CHECK(f.stored(f.manager).empty());
}

TEST_CASE("unsubscribe: a wrong token and a wrong kind are both NotFound, and change nothing",
          "[services][mail_unsubscribe]") {
  MailFixture f;
  const auto token = f.tokenOf(f.providerRep);
  checkError(services::unsubscribeByToken(*f.store, f.time, "not-a-token", "reminder"),
             Errc::NotFound, Reason::None);
  checkError(services::unsubscribeByToken(*f.store, f.time, "", "reminder"), Errc::NotFound,
             Reason::None);
  checkError(services::unsubscribeByToken(*f.store, f.time, token, "weekly_news"), Errc::NotFound,
             Reason::None);
  checkError(services::unsubscribeTarget(*f.store, "not-a-token", "reminder"), Errc::NotFound,
             Reason::None);
  checkError(services::unsubscribeTarget(*f.store, token, "weekly_news"), Errc::NotFound,
             Reason::None);
  CHECK(f.stored(f.providerRep).empty());
  CHECK(f.auditOf(f.providerRep).empty());
}

TEST_CASE("unsubscribe: registered minutes are part of the record and cannot be unsubscribed",
          "[services][mail_unsubscribe]") {
  MailFixture f;
  const auto token = f.tokenOf(f.providerRep);
  checkError(services::unsubscribeByToken(*f.store, f.time, token, "minutes_registered"),
             Errc::Conflict, Reason::MailKindRequired, "kind", "minutes_registered");
  CHECK(f.stored(f.providerRep).empty());
  CHECK(f.auditOf(f.providerRep).empty());
  // The confirmation page may still be shown, to say so.
  const auto target = services::unsubscribeTarget(*f.store, token, "minutes_registered");
  REQUIRE(target);
  CHECK(target->kind == mail::Kind::MinutesRegistered);
}

}  // namespace SV_TEST_FILE
