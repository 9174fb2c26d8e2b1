#include <catch2/catch.hpp>

#include "server/services/accounts.hpp"
#include "server/store/audit.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::accounts;

namespace {

// Cheap hashing in unit tests; the server's own settings keep the OWASP minimum.
AccountSettings fastSettings() {
  AccountSettings s;
  s.passwordPolicy.memLimitBytes = 8 * 1024;
  s.passwordPolicy.opsLimit = 1;
  return s;
}

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open({dir.path(), 1}));
  ManualTime time{TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 12))};
  Accounts accounts{*store, time, fastSettings()};
  std::int64_t authority =
      accounts.createOrganization(Actor::system(), {"Förvaltningen", "authority"})->id;
  std::int64_t providerA =
      accounts.createOrganization(Actor::system(), {"Utförare A AB", "provider"})->id;
  std::int64_t providerB =
      accounts.createOrganization(Actor::system(), {"Utförare B AB", "provider"})->id;

  User make(const std::string& username, std::int64_t org, std::vector<std::string> roles) {
    auto u = accounts.createUser(
        Actor::system(), {username, "Namn " + username, username + "@example.se", "secret-password",
                          org, std::move(roles)});
    REQUIRE(u);
    return *u;
  }
  Principal principalOf(const std::string& username) {
    auto login = accounts.login(username, "secret-password");
    REQUIRE(login);
    return login->principal;
  }
  std::vector<store::AuditRecord> audit() {
    return store->read([](store::Reading& c) { return store::listAudit(c, {}); });
  }
};

}  // namespace

TEST_CASE("a user is refused with the field that is wrong", "[accounts]") {
  Fixture f;
  struct Case {
    NewUser input;
    std::string field;
  };
  const std::vector<Case> cases{
      {{"A B", "Namn", "a@b.se", "secret-password", f.authority, {"reader"}}, "username"},
      {{"ab", "", "a@b.se", "secret-password", f.authority, {"reader"}}, "name"},
      {{"ab", "Namn", "not-an-address", "secret-password", f.authority, {"reader"}}, "email"},
      {{"ab", "Namn", "a@b.se", "short", f.authority, {"reader"}}, "password"},
      {{"ab", "Namn", "a@b.se", "secret-password", f.authority, {}}, "roles"},
      {{"ab", "Namn", "a@b.se", "secret-password", f.authority, {"king"}}, "roles"},
      {{"ab", "Namn", "a@b.se", "secret-password", 4242, {"reader"}}, "organization_id"},
      {{"ab", "Namn", "a@b.se", "secret-password", f.providerA, {"contract_manager"}}, "roles"},
      {{"ab", "Namn", "a@b.se", "secret-password", f.authority, {"provider_rep"}}, "roles"},
  };
  for (const auto& c : cases) {
    auto result = f.accounts.createUser(Actor::system(), c.input);
    INFO(c.field);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Errc::Invalid);
    CHECK(result.error().field == c.field);
  }
}

TEST_CASE("only an administrator creates users and organizations", "[accounts]") {
  Fixture f;
  f.make("anna", f.authority, {"contract_manager"});
  const auto anna = f.principalOf("anna");
  auto org = f.accounts.createOrganization({&anna}, {"Ny AB", "provider"});
  REQUIRE_FALSE(org);
  CHECK(org.error().code == Errc::Forbidden);
  auto user = f.accounts.createUser(
      {&anna}, {"x1", "X", "x@x.se", "secret-password", f.authority, {"reader"}});
  REQUIRE_FALSE(user);
  CHECK(user.error().code == Errc::Forbidden);
}

TEST_CASE("a taken username answers conflict, whatever its case", "[accounts]") {
  Fixture f;
  f.make("anna", f.authority, {"reader"});
  auto again = f.accounts.createUser(
      Actor::system(), {"ANNA", "Anna", "a@x.se", "secret-password", f.authority, {"reader"}});
  REQUIRE_FALSE(again);
  CHECK(again.error().code == Errc::Invalid);  // upper case is not a valid username at all
  auto same = f.accounts.createUser(
      Actor::system(), {"anna", "Anna", "a@x.se", "secret-password", f.authority, {"reader"}});
  REQUIRE_FALSE(same);
  CHECK(same.error().code == Errc::Conflict);
}

TEST_CASE("passwords are stored as Argon2id, never in the clear", "[accounts]") {
  Fixture f;
  f.make("anna", f.authority, {"reader"});
  const auto hash = f.store->read([](store::Reading& c) {
    auto s = c.prepare("SELECT password_hash FROM users WHERE username = 'anna'");
    s.step();
    return s.text(0);
  });
  CHECK(hash.starts_with("$argon2id$"));
  CHECK(hash.find("secret-password") == std::string::npos);
}

TEST_CASE("a login gives a token whose hash alone is stored", "[accounts]") {
  Fixture f;
  f.make("anna", f.authority, {"reader"});
  auto login = f.accounts.login("anna", "secret-password");
  REQUIRE(login);
  CHECK(login->token.size() >= 40);
  const auto stored = f.store->read([](store::Reading& c) {
    auto s = c.prepare("SELECT token_hash FROM sessions");
    s.step();
    return s.text(0);
  });
  CHECK(stored == crypto::sha256Hex(login->token));
  CHECK(f.accounts.authenticate(login->token));
  CHECK_FALSE(f.accounts.authenticate("forged"));
}

TEST_CASE("a session ends after 30 idle minutes and after 12 hours in all", "[accounts][session]") {
  Fixture f;
  f.make("anna", f.authority, {"reader"});
  SECTION("idle") {
    auto login = f.accounts.login("anna", "secret-password");
    f.time.advance(std::chrono::minutes(29));
    REQUIRE(f.accounts.authenticate(login->token));
    f.time.advance(std::chrono::minutes(29));  // used 29 minutes ago: still alive
    REQUIRE(f.accounts.authenticate(login->token));
    f.time.advance(std::chrono::minutes(31));
    auto expired = f.accounts.authenticate(login->token);
    REQUIRE_FALSE(expired);
    CHECK(expired.error().code == Errc::Unauthenticated);
    CHECK(expired.error().detail == "the session has expired");
    f.time.advance(std::chrono::minutes(-31));
    CHECK_FALSE(f.accounts.authenticate(login->token));  // ended for good, not only late
  }
  SECTION("absolute") {
    auto login = f.accounts.login("anna", "secret-password");
    for (int i = 0; i < 24; ++i) {
      f.time.advance(std::chrono::minutes(29));
      REQUIRE(f.accounts.authenticate(login->token));
    }
    f.time.advance(std::chrono::minutes(29));  // 12 h 5 min after login, never idle
    CHECK_FALSE(f.accounts.authenticate(login->token));
  }
}

TEST_CASE("logout ends the session", "[accounts][session]") {
  Fixture f;
  f.make("anna", f.authority, {"reader"});
  auto login = f.accounts.login("anna", "secret-password");
  auto session = f.accounts.authenticate(login->token);
  REQUIRE(session);
  REQUIRE(f.accounts.logout((*session)->sessionId, (*session)->principal));
  CHECK_FALSE(f.accounts.authenticate(login->token));
}

TEST_CASE("repeated failed logins throttle the account with an audit entry",
          "[accounts][throttle]") {
  Fixture f;
  f.make("anna", f.authority, {"reader"});
  for (int i = 0; i < 5; ++i) {
    auto r = f.accounts.login("anna", "wrong-password");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Errc::Unauthenticated);
  }
  auto throttled = f.accounts.login("anna", "secret-password");  // even the right one
  REQUIRE_FALSE(throttled);
  CHECK(throttled.error().code == Errc::Throttled);
  const auto audit = f.audit();
  CHECK(std::count_if(audit.begin(), audit.end(),
                      [](const auto& r) { return r.entry.action == "login.throttled"; }) == 1);
  f.time.advance(std::chrono::minutes(16));
  CHECK(f.accounts.login("anna", "secret-password"));
}

TEST_CASE("a provider's people see only their own organization and people", "[accounts][tenancy]") {
  Fixture f;
  f.make("admin", f.authority, {"admin"});
  f.make("ulla", f.providerA, {"provider_rep"});
  const auto bob = f.make("bob", f.providerB, {"provider_rep"});
  const auto ulla = f.principalOf("ulla");

  const auto orgs = f.accounts.organizations(ulla);
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0].id == f.providerA);
  auto other = f.accounts.organization(ulla, f.providerB);
  REQUIRE_FALSE(other);
  CHECK(other.error().code == Errc::NotFound);
  auto otherUser = f.accounts.user(ulla, bob.id);
  REQUIRE_FALSE(otherUser);
  CHECK(otherUser.error().code == Errc::NotFound);
  for (const auto& u : f.accounts.users(ulla, std::nullopt)) CHECK(u.organizationId == f.providerA);

  const auto admin = f.principalOf("admin");
  CHECK(f.accounts.organizations(admin).size() == 3);
  CHECK(f.accounts.user(admin, bob.id));
}

TEST_CASE("every change is in the audit log with who did it", "[accounts][audit]") {
  Fixture f;
  f.make("admin", f.authority, {"admin"});
  const auto admin = f.principalOf("admin");
  REQUIRE(f.accounts.createOrganization({&admin}, {"Ny AB", "provider"}));
  const auto audit = f.audit();
  REQUIRE_FALSE(audit.empty());
  const auto& last = audit.back();
  CHECK(last.entry.action == "organization.create");
  CHECK(last.entry.actor == "admin");
  CHECK(last.entry.actorId == admin.userId);
}

}  // namespace SV_TEST_FILE
