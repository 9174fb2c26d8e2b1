// The administrator's view of the e-mail outbox (issue 12): the counts and the failing messages a
// page at a time, for the administrator only; a failing message made due again with an audit
// entry, and nothing else made due (a sent, a waiting or an unknown message).
#include <catch2/catch.hpp>

#include "server/services/mail_outbox.hpp"
#include "server/store/outbox.hpp"
#include "service_fixture.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using test::checkError;
using test::ServiceFixture;
using test::utcTime;

namespace {

struct OutboxFixture : ServiceFixture {
  store::Principal admin = person("ada", authority, {"admin"});
  int written = 0;

  std::int64_t enqueue(const std::string& recipient = "ulla@example.se") {
    const auto n = ++written;
    return store->write([&](store::Writing& c) {
      return store::enqueueMail(
          c, {"m" + std::to_string(n) + "@samverkan.test", "minutes_submitted", std::nullopt,
              recipient, "Subject: Protokoll att justera\r\n\r\nHemligt innehåll\r\n",
              unixSeconds(time.now())});
    });
  }
  // Failed once, next attempt an hour from now.
  std::int64_t enqueueFailing(const std::string& recipient = "ulla@example.se") {
    const auto id = enqueue(recipient);
    store->write([&](store::Writing& c) {
      store::markMailFailed(c, id, "421 4.7.0 try again later", unixSeconds(time.now()) + 3600);
      return 0;
    });
    return id;
  }
  std::int64_t enqueueSent() {
    const auto id = enqueue();
    store->write(
        [&](store::Writing& c) { return store::markMailSent(c, id, unixSeconds(time.now())); });
    return id;
  }
  std::vector<std::int64_t> dueNow() {
    std::vector<std::int64_t> out;
    for (const auto& r : store->read(
             [&](store::Reading& c) { return store::dueMail(c, unixSeconds(time.now()), 100); }))
      out.push_back(r.id);
    return out;
  }
  std::vector<std::int64_t> failingIds(int limit, int offset) {
    auto overview = services::outboxOverview(*store, accounts::Actor{&admin}, limit, offset);
    REQUIRE(overview);
    std::vector<std::int64_t> out;
    for (const auto& m : overview->failing) out.push_back(m.id);
    return out;
  }
  std::vector<store::AuditRecord> mailAudit() {
    store::AuditQuery q;
    q.objectType = "mail";
    return store->auditEntries(q);
  }
};

}  // namespace

TEST_CASE("mail outbox: the administrator sees the counts and the failing messages",
          "[services][mail_outbox]") {
  OutboxFixture f;
  f.enqueue();
  const auto failing = f.enqueueFailing("eva@example.se");
  f.enqueueSent();
  f.enqueueSent();

  auto overview = services::outboxOverview(*f.store, accounts::Actor{&f.admin}, 10, 0);
  REQUIRE(overview);
  CHECK(overview->counts.waiting == 1);
  CHECK(overview->counts.failing == 1);
  CHECK(overview->counts.sent == 2);
  REQUIRE(overview->failing.size() == 1);
  const auto& m = overview->failing.front();
  CHECK(m.id == failing);
  CHECK(m.kind == "minutes_submitted");
  CHECK(m.recipient == "eva@example.se");
  CHECK(m.attempts == 1);
  CHECK(m.lastError == "421 4.7.0 try again later");
  CHECK(m.createdAt == utcTime("2026-03-01T10:00:00Z"));
  CHECK(m.nextAttemptAt == utcTime("2026-03-01T11:00:00Z"));
}

TEST_CASE("mail outbox: the command line sees it as the system", "[services][mail_outbox]") {
  OutboxFixture f;
  f.enqueueFailing();
  auto overview = services::outboxOverview(*f.store, accounts::Actor::system(), 10, 0);
  REQUIRE(overview);
  CHECK(overview->failing.size() == 1);
}

TEST_CASE("mail outbox: only the administrator sees or resends", "[services][mail_outbox]") {
  OutboxFixture f;
  const auto id = f.enqueueFailing();
  for (const auto* p : {&f.manager, &f.providerRep, &f.reader}) {
    checkError(services::outboxOverview(*f.store, accounts::Actor{p}, 10, 0), Errc::Forbidden,
               Reason::NotAdministrator);
    checkError(services::resendMail(*f.store, f.time, accounts::Actor{p}, id), Errc::Forbidden,
               Reason::NotAdministrator);
  }
  CHECK(f.dueNow().empty());
  CHECK(f.mailAudit().empty());
}

TEST_CASE("mail outbox: a resend makes the message due now, with an audit entry",
          "[services][mail_outbox]") {
  OutboxFixture f;
  const auto id = f.enqueueFailing();
  f.time.advance(std::chrono::minutes(5));
  CHECK(f.dueNow().empty());

  REQUIRE(services::resendMail(*f.store, f.time, accounts::Actor{&f.admin}, id));
  CHECK(f.dueNow() == std::vector<std::int64_t>{id});
  // Still failing until the sender tries it: the attempts and the error stay.
  auto overview = services::outboxOverview(*f.store, accounts::Actor{&f.admin}, 10, 0);
  REQUIRE(overview);
  REQUIRE(overview->failing.size() == 1);
  CHECK(overview->failing.front().attempts == 1);
  CHECK(overview->failing.front().nextAttemptAt == utcTime("2026-03-01T10:05:00Z"));

  const auto audit = f.mailAudit();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].entry.action == "mail.resend");
  CHECK(audit[0].entry.objectId == std::to_string(id));
  CHECK(audit[0].entry.actor == "ada");
  CHECK(audit[0].entry.actorId == f.admin.userId);
}

TEST_CASE("mail outbox: the system's resend is audited as the system", "[services][mail_outbox]") {
  OutboxFixture f;
  const auto id = f.enqueueFailing();
  REQUIRE(services::resendMail(*f.store, f.time, accounts::Actor::system(), id));
  const auto audit = f.mailAudit();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].entry.actor == "system");
  CHECK_FALSE(audit[0].entry.actorId);
}

TEST_CASE("mail outbox: a sent, a waiting or an unknown message is not found for a resend",
          "[services][mail_outbox]") {
  OutboxFixture f;
  const auto sent = f.enqueueSent();
  const auto waiting = f.enqueue();
  for (const auto id : {sent, waiting, std::int64_t{9999}})
    checkError(services::resendMail(*f.store, f.time, accounts::Actor{&f.admin}, id),
               Errc::NotFound, Reason::None);
  CHECK(f.mailAudit().empty());
  auto overview = services::outboxOverview(*f.store, accounts::Actor{&f.admin}, 10, 0);
  REQUIRE(overview);
  CHECK(overview->counts.sent == 1);
  CHECK(overview->counts.waiting == 1);
  CHECK(overview->counts.failing == 0);
}

TEST_CASE("mail outbox: the failing messages come a page at a time, latest first",
          "[services][mail_outbox]") {
  OutboxFixture f;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(f.enqueueFailing());
  f.enqueue();  // waiting, never listed
  CHECK(f.failingIds(2, 0) == std::vector<std::int64_t>{ids[4], ids[3]});
  CHECK(f.failingIds(2, 2) == std::vector<std::int64_t>{ids[2], ids[1]});
  CHECK(f.failingIds(2, 4) == std::vector<std::int64_t>{ids[0]});
  CHECK(f.failingIds(2, 6).empty());
  // A limit below one is one, an offset below zero is zero.
  CHECK(f.failingIds(0, -3) == std::vector<std::int64_t>{ids[4]});
}

}  // namespace SV_TEST_FILE
