// Each refusal of the accounts carries its Reason (workflows/result.hpp), which the web pages
// translate and clients branch on; the English detail is for people only.
#include <catch2/catch.hpp>

#include "server/services/accounts.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::accounts;

namespace {

AccountSettings cheapHashing() {
  AccountSettings s;
  s.passwordPolicy.memLimitBytes = 8 * 1024;
  s.passwordPolicy.opsLimit = 1;
  s.throttleAfterFailures = 2;
  return s;
}

struct Fixture {
  test::TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open({dir.path(), 1}));
  ManualTime time{TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 12))};
  Accounts accounts{*store, time, cheapHashing()};
  std::int64_t authority =
      accounts.createOrganization(Actor::system(), {"Förvaltningen", "authority"})->id;
  std::int64_t provider =
      accounts.createOrganization(Actor::system(), {"Utförare AB", "provider"})->id;

  NewUser reader() {
    return {"lars", "Lars Holm", "lars@example.se", "secret-password", authority, {"reader"}};
  }
  Error refusal(const NewUser& input) {
    auto created = accounts.createUser(Actor::system(), input);
    REQUIRE_FALSE(created);
    return created.error();
  }
};

}  // namespace

TEST_CASE("a username outside a-z, 0-9, '.', '_', '-' is UsernameInvalid", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.username = "Lars Holm";
  CHECK(f.refusal(input).reason == Reason::UsernameInvalid);
}

TEST_CASE("an empty name is NameInvalid", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.name = " ";
  CHECK(f.refusal(input).reason == Reason::NameInvalid);
}

TEST_CASE("a name that is not one line of UTF-8 is NameInvalid", "[accounts][reason]") {
  Fixture f;
  for (const char* name : {"Lars\nHolm", "Lars\x7FHolm", "Lars \xC0\xAF", "Lars\tHolm"}) {
    INFO(name);
    auto input = f.reader();
    input.name = name;
    CHECK(f.refusal(input).reason == Reason::NameInvalid);
    auto organization = f.accounts.createOrganization(Actor::system(), {name, "provider"});
    REQUIRE_FALSE(organization);
    CHECK(organization.error().reason == Reason::NameInvalid);
  }
  auto input = f.reader();
  input.name = "\tLars Holm ";
  CHECK(f.accounts.createUser(Actor::system(), input));
}

TEST_CASE("an address without @ is EmailInvalid", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.email = "lars.example.se";
  CHECK(f.refusal(input).reason == Reason::EmailInvalid);
}

TEST_CASE("a short password is PasswordTooShort with the least length", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.password = "short";
  const auto error = f.refusal(input);
  CHECK(error.reason == Reason::PasswordTooShort);
  CHECK(error.value == "10");
}

TEST_CASE("a user without roles is NoRole", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.roles.clear();
  CHECK(f.refusal(input).reason == Reason::NoRole);
}

TEST_CASE("an authority's role at a provider is RoleOfAuthority", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.organizationId = f.provider;
  const auto error = f.refusal(input);
  CHECK(error.reason == Reason::RoleOfAuthority);
  CHECK(error.value == "reader");
}

// Issue 20 point 3: an admin at a provider saw every tenant.
TEST_CASE("admin at a provider is RoleOfAuthority, and a stored one grants nothing",
          "[accounts][reason][issue20]") {
  Fixture f;
  auto input = f.reader();
  input.organizationId = f.provider;
  input.roles = {"provider_rep", "admin"};
  const auto error = f.refusal(input);
  CHECK(error.reason == Reason::RoleOfAuthority);
  CHECK(error.value == "admin");
  CHECK(
      f.accounts
          .users(Principal{.organizationKind = OrganizationKind::Authority, .roles = {Role::Admin}},
                 f.provider)
          .empty());

  // A row written before the rule held: admin at a provider is not an administrator.
  Principal stored{.organizationId = f.provider,
                   .organizationKind = OrganizationKind::Provider,
                   .roles = {Role::Admin, Role::ProviderRep}};
  CHECK_FALSE(stored.isAdmin());
  CHECK_FALSE(store::TenantScope::of(stored).seesEverything());
  stored.organizationKind = OrganizationKind::Authority;
  stored.roles = {Role::Admin};
  CHECK(stored.isAdmin());
  CHECK_FALSE(roleFitsOrganization(Role::Reader, OrganizationKind::Provider));
  CHECK(roleFitsOrganization(Role::ProviderRep, OrganizationKind::Provider));
  CHECK_FALSE(roleFitsOrganization(Role::ProviderRep, OrganizationKind::Authority));
}

TEST_CASE("provider_rep at an authority is RoleOfProvider", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.roles = {"provider_rep"};
  const auto error = f.refusal(input);
  CHECK(error.reason == Reason::RoleOfProvider);
  CHECK(error.value == "provider_rep");
}

TEST_CASE("an unknown organisation is NoSuchOrganization", "[accounts][reason]") {
  Fixture f;
  auto input = f.reader();
  input.organizationId = 999;
  CHECK(f.refusal(input).reason == Reason::NoSuchOrganization);
}

TEST_CASE("a username that is taken is UsernameTaken", "[accounts][reason]") {
  Fixture f;
  REQUIRE(f.accounts.createUser(Actor::system(), f.reader()));
  const auto error = f.refusal(f.reader());
  CHECK(error.code == Errc::Conflict);
  CHECK(error.reason == Reason::UsernameTaken);
}

TEST_CASE("an organisation of an unknown kind is OrganizationKindInvalid", "[accounts][reason]") {
  Fixture f;
  auto created = f.accounts.createOrganization(Actor::system(), {"Bolaget", "company"});
  REQUIRE_FALSE(created);
  CHECK(created.error().reason == Reason::OrganizationKindInvalid);
}

TEST_CASE("a second organisation of the same name is OrganizationExists", "[accounts][reason]") {
  Fixture f;
  auto created = f.accounts.createOrganization(Actor::system(), {"förvaltningen", "authority"});
  REQUIRE_FALSE(created);
  CHECK(created.error().code == Errc::Conflict);
  CHECK(created.error().reason == Reason::OrganizationExists);
}

TEST_CASE("only an administrator creates users: NotAdministrator", "[accounts][reason]") {
  Fixture f;
  REQUIRE(f.accounts.createUser(Actor::system(), f.reader()));
  const auto lars = f.accounts.login("lars", "secret-password")->principal;
  auto created = f.accounts.createUser(Actor{&lars}, f.reader());
  REQUIRE_FALSE(created);
  CHECK(created.error().code == Errc::Forbidden);
  CHECK(created.error().reason == Reason::NotAdministrator);
}

TEST_CASE("a wrong password is WrongCredentials, then LoginThrottled", "[accounts][reason]") {
  Fixture f;
  REQUIRE(f.accounts.createUser(Actor::system(), f.reader()));
  CHECK(f.accounts.login("lars", "wrong-password").error().reason == Reason::WrongCredentials);
  CHECK(f.accounts.login("lars", "wrong-password").error().reason == Reason::WrongCredentials);
  CHECK(f.accounts.login("lars", "secret-password").error().reason == Reason::LoginThrottled);
}

}  // namespace SV_TEST_FILE
