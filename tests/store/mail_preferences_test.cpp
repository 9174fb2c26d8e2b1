// A person's e-mail choices and the digest's rows in SQLite (migration 018): a choice replaced,
// one token a person, notices carried by one digest once, a reminder given once, a job's day kept.
#include <catch2/catch.hpp>

#include "server/store/accounts.hpp"
#include "server/store/database.hpp"
#include "server/store/mail_preferences.hpp"
#include "server/store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/test_store.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::store;

namespace {

constexpr const char* kAt = "2026-12-03T08:00:00Z";

struct PreferenceFixture {
  test::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::open(test::testStore(dir.path())));
  std::int64_t anna = 0, ulla = 0;

  PreferenceFixture() {
    store->db().write([&](Writing& c) {
      const auto org = insertOrganization(c, "Östermalm", OrganizationKind::Authority, kAt);
      anna = insertUser(c, {"anna", "Anna Lind", "anna@example.se", "x", org, {}}, kAt);
      ulla = insertUser(c, {"ulla", "Ulla Ek", "ulla@example.se", "x", org, {}}, kAt);
      return 0;
    });
  }
  template <typename F>
  auto write(F f) {
    return store->db().write([&](Writing& c) { return f(c); });
  }
  template <typename F>
  auto read(F f) {
    return store->db().read([&](Reading& c) { return f(c); });
  }
};

}  // namespace

TEST_CASE("mail preferences: a choice per kind, replaced by the next", "[store][mail]") {
  PreferenceFixture f;
  CHECK_FALSE(f.read([&](Reading& c) { return mailChoice(c, f.anna, "reminder"); }));
  f.write([&](Writing& c) {
    setMailChoice(c, f.anna, "reminder", "now");
    setMailChoice(c, f.anna, "reminder", "never");
    setMailChoice(c, f.anna, "agenda_published", "digest");
    return 0;
  });
  CHECK(f.read([&](Reading& c) { return mailChoice(c, f.anna, "reminder"); }) == "never");
  const auto all = f.read([&](Reading& c) { return mailChoices(c, f.anna); });
  CHECK(all ==
        std::map<std::string, std::string>{{"agenda_published", "digest"}, {"reminder", "never"}});
  CHECK(f.read([&](Reading& c) { return mailChoices(c, f.ulla); }).empty());
  // The table takes only the three choices.
  CHECK_THROWS(f.write([&](Writing& c) {
    setMailChoice(c, f.anna, "reminder", "sometimes");
    return 0;
  }));
}

TEST_CASE("mail preferences: one unsubscribe token a person, found again", "[store][mail]") {
  PreferenceFixture f;
  const auto first = f.write([&](Writing& c) { return mailToken(c, f.anna, "token-a"); });
  const auto again = f.write([&](Writing& c) { return mailToken(c, f.anna, "token-b"); });
  CHECK(first == "token-a");
  CHECK(again == "token-a");
  CHECK(f.read([&](Reading& c) { return userOfMailToken(c, "token-a"); }) == f.anna);
  CHECK_FALSE(f.read([&](Reading& c) { return userOfMailToken(c, "token-b"); }));
}

TEST_CASE("mail preferences: digest notices are carried once, up to the last one read",
          "[store][mail]") {
  PreferenceFixture f;
  f.write([&](Writing& c) {
    addDigestItem(c, {0, f.anna, "reminder", "Åtgärd 3 ska vara klar 10 december.", "u1", 100});
    addDigestItem(c, {0, f.anna, "agenda_published", "Dagordningen är publicerad.", "u2", 150});
    addDigestItem(c, {0, f.ulla, "reminder", "Protokollet väntar.", "u3", 300});
    return 0;
  });
  CHECK(f.read([&](Reading& c) { return peopleWithDigest(c, 200); }) ==
        std::vector<std::int64_t>{f.anna});
  const auto items = f.read([&](Reading& c) { return pendingDigest(c, f.anna, 200); });
  REQUIRE(items.size() == 2);
  CHECK(items[0].text == "Åtgärd 3 ska vara klar 10 december.");
  CHECK(items[1].link == "u2");
  f.write([&](Writing& c) {
    markDigested(c, f.anna, items[1].id, "digest-1@samverkan");
    return 0;
  });
  CHECK(f.read([&](Reading& c) { return pendingDigest(c, f.anna, 1000); }).empty());
  CHECK(f.read([&](Reading& c) { return peopleWithDigest(c, 1000); }) ==
        std::vector<std::int64_t>{f.ulla});
}

TEST_CASE("mail preferences: a reminder is given once, a job's day is kept", "[store][mail]") {
  PreferenceFixture f;
  CHECK(f.write(
      [&](Writing& c) { return giveReminder(c, "action:4:overdue", f.anna, "2026-12-03"); }));
  CHECK_FALSE(f.write(
      [&](Writing& c) { return giveReminder(c, "action:4:overdue", f.anna, "2026-12-04"); }));
  CHECK(f.write(
      [&](Writing& c) { return giveReminder(c, "action:4:overdue", f.ulla, "2026-12-04"); }));
  CHECK_FALSE(f.read([&](Reading& c) { return mailJobDay(c, "reminders"); }));
  f.write([&](Writing& c) {
    setMailJobDay(c, "reminders", "2026-12-03");
    setMailJobDay(c, "reminders", "2026-12-04");
    return 0;
  });
  CHECK(f.read([&](Reading& c) { return mailJobDay(c, "reminders"); }) == "2026-12-04");
}

}  // namespace SV_TEST_FILE
