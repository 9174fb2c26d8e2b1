// The e-mail outbox in SQLite (migration 017): due messages oldest first, a failure counted and
// moved on, a sent message fixed for good by the store's triggers, nothing ever deleted.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "server/store/accounts.hpp"
#include "server/store/database.hpp"
#include "server/store/outbox.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

struct OutboxFixture {
  test::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::open(test::testStore(dir.path())));

  std::int64_t enqueue(const std::string& messageId, std::int64_t at) {
    return store->db().write([&](Writing& c) {
      return enqueueMail(c, {messageId, "minutes_submitted", std::nullopt, "ulla@example.se",
                             "Subject: Protokoll att justera\r\n\r\nHej!\r\n", at});
    });
  }
  std::vector<OutboxRow> due(std::int64_t now) {
    return store->db().read([&](Reading& c) { return dueMail(c, now, 10); });
  }
  OutboxCounts counts() {
    return store->db().read([](Reading& c) { return outboxCounts(c); });
  }
};

}  // namespace

TEST_CASE("outbox: messages are due from when they were written, oldest first", "[store][outbox]") {
  OutboxFixture f;
  const auto first = f.enqueue("1@samverkan", 100);
  const auto second = f.enqueue("2@samverkan", 200);
  CHECK(f.due(99).empty());
  REQUIRE(f.due(150).size() == 1);
  const auto both = f.due(200);
  REQUIRE(both.size() == 2);
  CHECK(both[0].id == first);
  CHECK(both[1].id == second);
  CHECK(both[0].mail.messageId == "1@samverkan");
  CHECK(both[0].mail.recipient == "ulla@example.se");
  CHECK(both[0].mail.message.starts_with("Subject: Protokoll att justera"));
  CHECK(f.counts().waiting == 2);
}

TEST_CASE("outbox: a failure is counted and waits; a retry brings it back", "[store][outbox]") {
  OutboxFixture f;
  const auto id = f.enqueue("1@samverkan", 100);
  // Not failed yet: nothing to retry.
  CHECK_FALSE(f.store->db().write([&](Writing& c) { return retryMailNow(c, id, 100); }));
  f.store->db().write([&](Writing& c) {
    markMailFailed(c, id, "421 try later", 160);
    return 0;
  });
  CHECK(f.due(150).empty());
  const auto again = f.due(160);
  REQUIRE(again.size() == 1);
  CHECK(again[0].attempts == 1);
  CHECK(again[0].lastError == "421 try later");
  CHECK(f.counts().failing == 1);
  const auto failing = f.store->db().read([](Reading& c) { return failingMail(c, 10, 0); });
  REQUIRE(failing.size() == 1);
  CHECK(failing[0].id == id);

  f.store->db().write([&](Writing& c) {
    markMailFailed(c, id, "421 try later", 10'000);
    return 0;
  });
  CHECK(f.store->db().write([&](Writing& c) { return retryMailNow(c, id, 170); }));
  CHECK(f.due(170).size() == 1);
}

TEST_CASE("outbox: a sent message never changes, none is deleted, none is sent twice by design",
          "[store][outbox]") {
  OutboxFixture f;
  const auto id = f.enqueue("1@samverkan", 100);
  CHECK(f.store->db().write([&](Writing& c) { return markMailSent(c, id, 110); }));
  // A second sender marking the same row learns it was sent already.
  CHECK_FALSE(f.store->db().write([&](Writing& c) { return markMailSent(c, id, 120); }));
  CHECK(f.due(1'000).empty());
  CHECK(f.counts().sent == 1);
  CHECK_FALSE(f.store->db().write([&](Writing& c) { return retryMailNow(c, id, 130); }));

  CHECK_THROWS(f.store->db().write([&](Writing& c) {
    c.prepare("UPDATE outbox SET message = 'changed' WHERE id = ?1").bindAll(id).run();
    return 0;
  }));
  CHECK_THROWS(f.store->db().write([&](Writing& c) {
    c.prepare("DELETE FROM outbox WHERE id = ?1").bindAll(id).run();
    return 0;
  }));
  // The same Message-ID twice is refused, never a second message.
  CHECK_THROWS(f.enqueue("1@samverkan", 200));
  CHECK(f.counts().sent == 1);
}

// Several server processes on one PostgreSQL each run a sender (issue 18): what one claimed is
// not due for another until it is sent, fails, or the claim runs out (its sender died).
TEST_CASE("outbox: a claimed message is no other sender's until sent, failed or run out",
          "[store][outbox]") {
  OutboxFixture f;
  const auto first = f.enqueue("1@samverkan", 100);
  const auto second = f.enqueue("2@samverkan", 100);
  const auto claim = [&](std::int64_t now, int limit) {
    return f.store->db().write([&](Writing& c) { return claimDueMail(c, now, limit, now + 600); });
  };
  const auto mine = claim(200, 1);
  REQUIRE(mine.size() == 1);
  CHECK(mine[0].id == first);
  const auto theirs = claim(200, 10);  // the other sender's round: only the unclaimed one
  REQUIRE(theirs.size() == 1);
  CHECK(theirs[0].id == second);
  CHECK(f.due(300).empty());
  CHECK(claim(300, 10).empty());

  // Sent: gone for good. Failed: due again at its next attempt, claimed by nobody.
  CHECK(f.store->db().write([&](Writing& c) { return markMailSent(c, first, 310); }));
  f.store->db().write([&](Writing& c) {
    markMailFailed(c, second, "421 try later", 400);
    return 0;
  });
  REQUIRE(f.due(400).size() == 1);
  CHECK(f.due(400)[0].id == second);

  // A claim whose sender died runs out, and the message is due again.
  const auto third = f.enqueue("3@samverkan", 500);
  REQUIRE(claim(500, 10).size() == 2);  // the failed one and the new one
  CHECK(f.due(1099).empty());
  const auto again = f.due(1100);
  REQUIRE(again.size() == 2);
  CHECK(again[1].id == third);
  // The next start of a process that has the store to itself clears the claims at once.
  f.store->db().write([](Writing& c) {
    releaseMailClaims(c);
    return 0;
  });
  CHECK(f.due(600).size() == 2);
}

}  // namespace SV_TEST_FILE
