// E-mail from the use cases (issue 12): written to the outbox in the step's own transaction, to
// the people the step concerns and nobody else, as each person chose; read back with Python's
// email package. Invitations carry the meeting's calendar event (iTIP REQUEST, CANCEL); the daily
// reminders and digests run on a clock the test moves.
#include <catch2/catch.hpp>

#include "minutes_fixture.hpp"
#include "server/services/actions.hpp"
#include "server/services/mail_jobs.hpp"
#include "server/store/mail_preferences.hpp"
#include "server/store/outbox.hpp"
#include "support/read_mail.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::test;

namespace {

struct MailFixture : MinutesFixture {
  services::ActionService actions{*store, catalog, time};

  std::vector<store::OutboxRow> outbox() {
    return store->read([](store::Reading& c) {
      return store::dueMail(c, std::numeric_limits<std::int64_t>::max(), 10000);
    });
  }
  // The messages of one kind, in the order written.
  std::vector<store::OutboxRow> mailOf(const std::string& kind) {
    std::vector<store::OutboxRow> out;
    for (auto& r : outbox())
      if (r.mail.kind == kind) out.push_back(r);
    return out;
  }
  std::vector<std::string> recipientsOf(const std::string& kind) {
    std::vector<std::string> out;
    for (const auto& r : mailOf(kind)) out.push_back(r.mail.recipient);
    std::sort(out.begin(), out.end());
    return out;
  }
  void choose(const store::Principal& p, const std::string& kind, const std::string& choice) {
    store->write([&](store::Writing& c) {
      store::setMailChoice(c, p.userId, kind, choice);
      return 0;
    });
  }
  std::vector<store::DigestItem> digestOf(const store::Principal& p) {
    return store->read([&](store::Reading& c) {
      return store::pendingDigest(c, p.userId, std::numeric_limits<std::int64_t>::max());
    });
  }
};

using Strings = std::vector<std::string>;

std::string calendarOf(const store::OutboxRow& row) {
  const auto read = readMail(row.mail.message);
  CHECK(read->getArray("defects")->size() == 0);
  // Outlook folds nothing back: compare unfolded lines.
  std::string ics = partText(read, "text/calendar");
  std::string out;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0 || ics.compare(i, 2, "\n ") == 0) {
      i += ics[i] == '\r' ? 2 : 1;
      continue;
    }
    if (ics[i] != '\r') out += ics[i];
  }
  return out;
}

}  // namespace

TEST_CASE("mail: minutes submitted reach each adjuster, in Swedish, with the link and a way out",
          "[mail][notices]") {
  MailFixture f;
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));

  CHECK(f.recipientsOf("minutes_submitted") == Strings{"anna@example.se", "ulla@example.se"});
  const auto rows = f.mailOf("minutes_submitted");
  const auto read = readMail(rows.front().mail.message);
  CHECK(read->getArray("defects")->size() == 0);
  CHECK(read->getValue<std::string>("subject").starts_with("Protokoll att justera: "));
  CHECK(read->getValue<std::string>("from_address") == "samverkan@localhost");
  CHECK(read->getValue<std::string>("message_id") == "<" + rows.front().mail.messageId + ">");
  const auto text = partText(read, "text/plain");
  CHECK(text.find("väntar på din justering") != std::string::npos);
  CHECK(text.find("http://localhost:8080/moten/" + std::to_string(id) + "/protokoll") !=
        std::string::npos);
  CHECK(partText(read, "text/html").find("<a href=\"http://localhost:8080/moten/") !=
        std::string::npos);
  CHECK(read->getValue<std::string>("list_unsubscribe")
            .starts_with("<http://localhost:8080/e-post/avsluta/"));
  CHECK(read->getValue<std::string>("list_unsubscribe").ends_with("/minutes_submitted>"));
  // The notification on the start page is written as before.
  CHECK(f.store->read([&](store::Reading& c) {
    return store::countUnreadNotifications(c, f.adjuster.userId);
  }) >= 1);
}

TEST_CASE("mail: a person's choice: the digest takes the line, never sends nothing",
          "[mail][notices]") {
  MailFixture f;
  f.choose(f.adjuster, "minutes_submitted", "digest");
  f.choose(f.manager, "minutes_submitted", "never");
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  CHECK(f.mailOf("minutes_submitted").empty());
  const auto items = f.digestOf(f.adjuster);
  REQUIRE(items.size() == 1);
  CHECK(items[0].kind == "minutes_submitted");
  CHECK(items[0].text.find("väntar på din justering") != std::string::npos);
  CHECK(f.digestOf(f.manager).empty());

  // The digest: one message with the line and its link, and the line is carried once.
  CHECK(services::sendDigests(*f.store, f.catalog, f.time.now()) >= 1);
  const auto digests = f.mailOf("digest");
  REQUIRE(digests.size() == 1);
  CHECK(digests[0].mail.recipient == "ulla@example.se");
  const auto read = readMail(digests[0].mail.message);
  CHECK(read->getValue<std::string>("subject").starts_with("Dagens sammandrag från Samverkan"));
  CHECK(partText(read, "text/plain").find(items[0].text) != std::string::npos);
  CHECK(partText(read, "text/plain").find(items[0].link) != std::string::npos);
  CHECK(f.digestOf(f.adjuster).empty());
  CHECK(services::sendDigests(*f.store, f.catalog, f.time.now()) == 0);
}

TEST_CASE("mail: invitations follow the meeting: request, update, a person taken off, cancel",
          "[mail][notices][calendar]") {
  MailFixture f;
  const auto id = f.meeting(true, false);
  // The organizer (the contract manager who set the participants) is not invited by themself.
  CHECK(f.recipientsOf("invitation") == Strings{"sara@example.se", "ulla@example.se"});
  auto ics = calendarOf(f.mailOf("invitation").back());
  const std::string uid = "UID:meeting-" + std::to_string(id) + "@localhost\n";
  CHECK(ics.find("METHOD:REQUEST\n") != std::string::npos);
  CHECK(ics.find(uid) != std::string::npos);
  CHECK(ics.find("SEQUENCE:0\n") != std::string::npos);
  CHECK(ics.find("ORGANIZER;CN=\"Namn anna\":mailto:anna@example.se\n") != std::string::npos);
  for (const char* who : {"sara", "anna", "ulla"})
    CHECK(ics.find(std::string("\"Namn ") + who + "\":mailto:" + who + "@example.se\n") !=
          std::string::npos);
  CHECK(ics.find("BEGIN:VALARM\n") != std::string::npos);
  // The calendar feed gives the meeting the same UID: the event is one and the same.
  CHECK(valueOf(f.meetings.meetingCalendar(f.manager, id, "http://localhost:8080"))
            .find("UID:meeting-" + std::to_string(id) + "@localhost\r\n") != std::string::npos);

  services::MeetingChange moved;
  moved.startsAt = "2026-05-13T10:00";
  valueOf(f.meetings.change(f.manager, id, moved));
  auto rows = f.mailOf("invitation");
  REQUIRE(rows.size() == 4);
  ics = calendarOf(rows.back());
  CHECK(ics.find("SEQUENCE:1\n") != std::string::npos);
  CHECK(ics.find("DTSTART;TZID=Europe/Stockholm:20260513T100000\n") != std::string::npos);
  CHECK(readMail(rows.back().mail.message)
            ->getValue<std::string>("subject")
            .starts_with("Ändrat möte: "));

  services::MeetingChange fewer;
  fewer.participants = std::vector<services::ParticipantInput>{{f.secretary.userId, "secretary"}};
  valueOf(f.meetings.change(f.manager, id, fewer));
  rows = f.mailOf("invitation");
  REQUIRE(rows.size() == 5);
  CHECK(rows.back().mail.recipient == "ulla@example.se");
  ics = calendarOf(rows.back());
  CHECK(ics.find("METHOD:CANCEL\n") != std::string::npos);
  CHECK(ics.find("STATUS:CANCELLED\n") != std::string::npos);

  services::MeetingChange cancel;
  cancel.status = "cancelled";
  cancel.cancelReason = "Verksamheten har bytt lokal.";
  valueOf(f.meetings.change(f.manager, id, cancel));
  rows = f.mailOf("invitation");
  REQUIRE(rows.size() == 6);
  CHECK(rows.back().mail.recipient == "sara@example.se");
  ics = calendarOf(rows.back());
  CHECK(ics.find("METHOD:CANCEL\n") != std::string::npos);
  CHECK(ics.find("SEQUENCE:2\n") != std::string::npos);
  CHECK(ics.find("VALARM") == std::string::npos);
  CHECK(partText(readMail(rows.back().mail.message), "text/plain").find("bytt lokal") !=
        std::string::npos);
}

TEST_CASE("mail: the record's notices: approved to the registrar, registered to every participant",
          "[mail][notices]") {
  MailFixture f;
  const auto id = f.meeting();
  f.approved(id);
  CHECK(f.recipientsOf("minutes_approved") == Strings{"rita@example.se"});
  // Turning the registered notice off is not a choice: the record's mail goes anyway.
  f.choose(f.secretary, "minutes_registered", "never");
  valueOf(f.minutes.registerMinutes(f.registrar, id));
  CHECK(f.recipientsOf("minutes_registered") ==
        Strings{"anna@example.se", "sara@example.se", "ulla@example.se"});
  const auto read = readMail(f.mailOf("minutes_registered").front().mail.message);
  const auto number =
      f.store->read([&](store::Reading& c) { return store::registryOfMeeting(c, id)->number; });
  CHECK(read->getValue<std::string>("subject").find(number) != std::string::npos);
  CHECK(partText(read, "text/plain")
            .find("http://localhost:8080/api/v1/meetings/" + std::to_string(id) + "/minutes.pdf") !=
        std::string::npos);
  // The record's mail has no unsubscribe link.
  CHECK(read->getValue<std::string>("list_unsubscribe").empty());
}

TEST_CASE("mail: nobody outside the contract's parties gets its mail", "[mail][notices]") {
  MailFixture f;
  const auto other =
      f.accounts.createOrganization(accounts::Actor::system(), {"Annan Omsorg AB", "provider"})->id;
  const auto stranger = f.person("nils", other, {"provider_rep"});
  f.choose(stranger, "reminder", "now");
  const auto id = f.meeting();
  f.approved(id);
  valueOf(f.minutes.registerMinutes(f.registrar, id));
  valueOf(f.actions.create(
      f.manager, {f.contract, "Ny rutin för nattbemanning", "provider", "", "2026-03-05"}));
  services::giveReminders(*f.store, f.catalog, f.time.now());
  services::sendDigests(*f.store, f.catalog, f.time.now());
  REQUIRE_FALSE(f.outbox().empty());
  for (const auto& row : f.outbox()) CHECK(row.mail.recipient != "nils@example.se");
  CHECK(f.digestOf(stranger).empty());
}

TEST_CASE("mail: reminders fall due with the clock, once each, gathered per person",
          "[mail][notices][reminders]") {
  MailFixture f;
  f.choose(f.adjuster, "reminder", "now");
  const auto id = f.meeting();
  f.started(id);
  valueOf(f.minutes.submit(f.secretary, id));
  valueOf(f.actions.create(f.manager,
                           {f.contract, "Åtgärda brandlarmet", "provider", "", "2026-03-12"}));
  // 1 March 10:00 UTC = 11:00 in Stockholm, after the digest hour: the daily run happens now.
  auto run = services::runMailJobs(*f.store, f.catalog, f.time);
  CHECK(run.ran);
  CHECK(run.reminders == 0);  // not waiting long enough, the action not yet near
  CHECK_FALSE(services::runMailJobs(*f.store, f.catalog, f.time).ran);  // once a day

  // Six days on: the minutes have waited five days, the action is due within seven.
  f.time.advance(std::chrono::days(6));
  run = services::runMailJobs(*f.store, f.catalog, f.time);
  CHECK(run.ran);
  CHECK(run.reminders >= 3);  // the two adjusters' minutes, the action to the provider's people
  // Ulla chose reminders at once: both of hers in one message.
  Strings toUlla;
  for (const auto& r : f.mailOf("reminder"))
    if (r.mail.recipient == "ulla@example.se") toUlla.push_back(r.mail.message);
  REQUIRE(toUlla.size() == 1);
  const auto text = partText(readMail(toUlla[0]), "text/plain");
  CHECK(text.find("väntar på din justering sedan 2026-03-01") != std::string::npos);
  CHECK(text.find("”Åtgärda brandlarmet”") != std::string::npos);
  CHECK(text.find("ska vara klar 2026-03-12") != std::string::npos);
  // Anna kept the default: her reminder went to her digest, sent in the same run.
  bool annaDigest = false;
  for (const auto& r : f.mailOf("digest"))
    if (r.mail.recipient == "anna@example.se") annaDigest = true;
  CHECK(annaDigest);

  // The next day: the same reminders are not given again; overdue is a new one.
  const auto before = f.outbox().size();
  f.time.advance(std::chrono::days(1));
  CHECK(services::runMailJobs(*f.store, f.catalog, f.time).reminders == 0);
  CHECK(f.outbox().size() == before);
  f.time.advance(std::chrono::days(14));
  CHECK(services::runMailJobs(*f.store, f.catalog, f.time).reminders >= 1);
  CHECK(partText(readMail(f.mailOf("reminder").back().mail.message), "text/plain")
            .find("skulle ha varit klar 2026-03-12") != std::string::npos);
}

TEST_CASE("mail: one ATTENDEE a person whatever their roles; a meeting already held invites nobody",
          "[mail][notices][calendar]") {
  MailFixture f;
  auto m =
      valueOf(f.meetings.create(f.manager, f.contract, {"2026-05-12T13:00", std::nullopt, "Eken"}));
  services::MeetingChange roles;
  roles.participants = std::vector<services::ParticipantInput>{{f.manager.userId, "chair"},
                                                               {f.manager.userId, "secretary"},
                                                               {f.manager.userId, "adjuster"},
                                                               {f.adjuster.userId, "adjuster"}};
  valueOf(f.meetings.change(f.manager, m.row.id, roles));
  const auto rows = f.mailOf("invitation");
  REQUIRE(rows.size() == 1);  // Ulla; Anna organizes
  const auto ics = calendarOf(rows[0]);
  std::size_t annas = 0;
  for (std::size_t at = ics.find("mailto:anna@example.se"); at != std::string::npos;
       at = ics.find("mailto:anna@example.se", at + 1))
    ++annas;
  CHECK(annas == 2);  // ORGANIZER and one ATTENDEE
  CHECK(ics.find("ATTENDEE;ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=\"Namn anna\"") !=
        std::string::npos);

  // After the meeting, moving its record (the place it was held) sends nobody an invitation.
  f.time.set(utcTime("2026-05-20T10:00:00Z"));
  services::MeetingChange place;
  place.location = "Eken, biblioteket";
  valueOf(f.meetings.change(f.manager, m.row.id, place));
  CHECK(f.mailOf("invitation").size() == 1);
}

}  // namespace SV_TEST_FILE
