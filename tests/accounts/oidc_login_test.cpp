// Signing in through an identity provider (services/oidc_login.hpp) over a real SQLite store and
// a provider that answers from memory but checks what a provider checks: the PKCE verifier
// against the challenge it was sent, the client's credentials. Its ID tokens are signed with a
// key OpenSSL makes here.
#include <catch2/catch.hpp>

#include <Poco/URI.h>

#include "oidc/keys.hpp"
#include "server/oidc/pkce.hpp"
#include "server/services/accounts.hpp"
#include "server/services/oidc_login.hpp"
#include "server/store/transaction.hpp"
#include "support/temp_dir.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::accounts;

namespace {

const std::string kIssuer = "https://idp.kommun.example";

std::string queryValue(const std::string& url, const std::string& name) {
  for (const auto& [k, v] : Poco::URI(url).getQueryParameters())
    if (k == name) return v;
  return "";
}

struct FakeIdp final : oidc::Transport {
  explicit FakeIdp(const TimeSource& t) : time(t) {}
  const TimeSource& time;
  oidc::test::TestKey key = oidc::test::TestKey::rsa("k1");
  std::string subject = "sub-anna";
  std::string email = "anna@forvaltningen.example.se";
  bool emailVerified = true;
  std::string extraClaims;
  std::string nonceOverride;
  // What the authorization URL said, as a provider would keep it with the code.
  std::string state, nonce, challenge;
  int tokenRequests = 0;

  std::string begin(const std::string& url) {
    state = queryValue(url, "state");
    nonce = queryValue(url, "nonce");
    challenge = queryValue(url, "code_challenge");
    CHECK(queryValue(url, "code_challenge_method") == "S256");
    return state;
  }

  Result<oidc::HttpAnswer> get(const std::string& url) override {
    if (url == kIssuer + "/.well-known/openid-configuration")
      return oidc::HttpAnswer{
          200, R"({"issuer":")" + kIssuer + R"(","authorization_endpoint":")" + kIssuer +
                   R"(/auth","token_endpoint":")" + kIssuer + R"(/token","jwks_uri":")" + kIssuer +
                   R"(/jwks","end_session_endpoint":")" + kIssuer + R"(/end"})"};
    if (url == kIssuer + "/jwks") return oidc::HttpAnswer{200, oidc::test::jwks({key.jwk()})};
    return fail(Errc::Internal, "no route to " + url);
  }

  Result<oidc::HttpAnswer> postForm(const std::string&, const std::string& form,
                                    const std::string& authorization) override {
    ++tokenRequests;
    const std::string verifier = queryValue("https://x/?" + form, "code_verifier");
    if (oidc::s256Challenge(verifier) != challenge || authorization.rfind("Basic ", 0) != 0)
      return oidc::HttpAnswer{400, R"({"error":"invalid_grant"})"};
    const auto now = unixSeconds(time.now());
    const std::string claims =
        R"({"iss":")" + kIssuer + R"(","sub":")" + subject + R"(","aud":"samverkan","nonce":")" +
        (nonceOverride.empty() ? nonce : nonceOverride) + R"(","iat":)" + std::to_string(now) +
        R"(,"exp":)" + std::to_string(now + 300) + R"(,"email":")" + email +
        R"(","email_verified":)" + (emailVerified ? "true" : "false") +
        R"(,"acr":"loa3","amr":["pwd","otp"])" + extraClaims + "}";
    return oidc::HttpAnswer{200, R"({"id_token":")" + key.token(claims) + R"("})"};
  }
};

AccountSettings cheapHashing() {
  AccountSettings s;
  s.passwordPolicy.memLimitBytes = 8 * 1024;
  s.passwordPolicy.opsLimit = 1;
  return s;
}

struct Fixture {
  explicit Fixture(bool provision = false) {
    oidc::ProviderSettings p;
    p.name = "kommun";
    p.issuer = kIssuer;
    p.clientId = "samverkan";
    p.clientSecret = "secret";
    p.organizations = {"Förvaltningen"};
    p.label = "Logga in med kommunens konto";
    p.provisionFromClaims = provision;
    p.rolesClaim = provision ? "roles" : "";
    std::vector<std::unique_ptr<oidc::Provider>> providers;
    providers.push_back(std::make_unique<oidc::Provider>(p, idp, time));
    login = std::make_unique<services::OidcLogin>(*store, accounts, time, "http://localhost:8080/",
                                                  std::move(providers));
  }
  test::TempDir dir;
  std::unique_ptr<store::Store> store = std::move(*store::Store::open({dir.path(), 1}));
  ManualTime time{TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 12))};
  Accounts accounts{*store, time, cheapHashing()};
  std::int64_t authority =
      accounts.createOrganization(Actor::system(), {"Förvaltningen", "authority"})->id;
  std::int64_t provider =
      accounts.createOrganization(Actor::system(), {"Utförare AB", "provider"})->id;
  User anna = *accounts.createUser(Actor::system(), {"anna.avtal",
                                                     "Anna Lind",
                                                     "Anna@Forvaltningen.example.se",
                                                     "secret-password",
                                                     authority,
                                                     {"contract_manager"}});
  FakeIdp idp{time};
  std::unique_ptr<services::OidcLogin> login;

  Result<services::OidcLoginResult> signIn(const std::string& next = "/") {
    auto start = login->begin("kommun", next);
    REQUIRE(start);
    return login->finish(idp.begin(start->url), "the-code", start->browserToken);
  }
  std::vector<store::AuditRecord> audit(const std::string& action) {
    std::vector<store::AuditRecord> out;
    for (auto& r : store->auditEntries({}))
      if (r.entry.action == action) out.push_back(r);
    return out;
  }
};

Reason refusal(const Result<services::OidcLoginResult>& r) {
  REQUIRE_FALSE(r);
  return r.error().reason;
}

}  // namespace

TEST_CASE(
    "the first login matches a verified e-mail, links the subject, and the subject decides "
    "after",
    "[oidc][login]") {
  Fixture f;
  auto first = f.signIn("/avtal/1");
  REQUIRE(first);
  CHECK(first->next == "/avtal/1");
  CHECK(first->login.principal.username == "anna.avtal");
  // The session is one as a password login makes it.
  auto session = f.accounts.authenticate(first->login.token);
  REQUIRE(session);
  CHECK((*session)->principal.username == "anna.avtal");
  CHECK((*session)->csrfToken == first->login.csrfToken);
  // The session knows how its person logged in, for the signature block of what they approve.
  CHECK((*session)->principal.authentication ==
        "inloggning via Logga in med kommunens konto (OpenID Connect, acr loa3, amr pwd otp)");
  CHECK(f.accounts.login("anna.avtal", "secret-password")->principal.authentication.empty());

  f.idp.email = "anna.ny@forvaltningen.example.se";
  auto second = f.signIn();
  REQUIRE(second);
  CHECK(second->login.principal.userId == f.anna.id);

  const auto logins = f.audit("login.oidc");
  REQUIRE(logins.size() == 2);
  CHECK(logins[0].entry.detail.find(R"("matched_by":"email")") != std::string::npos);
  CHECK(logins[0].entry.detail.find(R"("acr":"loa3")") != std::string::npos);
  CHECK(logins[0].entry.detail.find(R"("amr":"pwd otp")") != std::string::npos);
  CHECK(logins[0].entry.detail.find(kIssuer) != std::string::npos);
  CHECK(logins[1].entry.detail.find(R"("matched_by":"subject")") != std::string::npos);

  // The provider's logout, with the session's ID token as the hint.
  auto logout = f.login->logoutUrl((*session)->sessionId, "http://localhost:8080/logga-in");
  REQUIRE(logout);
  CHECK(logout->starts_with(kIssuer + "/end?client_id=samverkan&id_token_hint="));
}

TEST_CASE("a state is used once, lives ten minutes, and only in the browser that began it",
          "[oidc][login]") {
  Fixture f;
  auto start = f.login->begin("kommun", "/");
  REQUIRE(start);
  const auto state = f.idp.begin(start->url);
  REQUIRE(f.login->finish(state, "the-code", start->browserToken));
  CHECK(refusal(f.login->finish(state, "the-code", start->browserToken)) ==
        Reason::LoginStateUnknown);
  CHECK(refusal(f.login->finish("", "the-code", start->browserToken)) == Reason::LoginStateUnknown);
  CHECK(refusal(f.login->finish("made-up", "the-code", start->browserToken)) ==
        Reason::LoginStateUnknown);

  auto late = f.login->begin("kommun", "/");
  REQUIRE(late);
  const auto lateState = f.idp.begin(late->url);
  f.time.advance(std::chrono::minutes(11));
  CHECK(refusal(f.login->finish(lateState, "the-code", late->browserToken)) ==
        Reason::LoginStateUnknown);

  // An attacker's own attempt (its state and code) sent to a victim, whose browser lacks the
  // attacker's cookie: refused, audited, and the attempt is used up.
  auto attackers = f.login->begin("kommun", "/");
  REQUIRE(attackers);
  const auto attackersState = f.idp.begin(attackers->url);
  CHECK(refusal(f.login->finish(attackersState, "the-code", "the-victims-cookie")) ==
        Reason::LoginStateUnknown);
  CHECK(refusal(f.login->finish(attackersState, "the-code", attackers->browserToken)) ==
        Reason::LoginStateUnknown);
  CHECK(f.audit("login.oidc.refused").size() == 1);

  CHECK(f.idp.tokenRequests == 1);  // a refused state never reaches the provider
  CHECK_FALSE(f.login->begin("nobody", "/"));
}

TEST_CASE("an ID token with another login's nonce is refused and audited", "[oidc][login]") {
  Fixture f;
  f.idp.nonceOverride = "the-nonce-of-an-earlier-login";
  CHECK(refusal(f.signIn()) == Reason::IdTokenNonce);
  const auto refused = f.audit("login.oidc.refused");
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].entry.detail.find("id-token-nonce") != std::string::npos);
  CHECK(f.audit("login.oidc").empty());
}

TEST_CASE("an unknown person, or one without a verified e-mail, gets no account", "[oidc][login]") {
  Fixture f;
  f.idp.email = "okand@forvaltningen.example.se";
  CHECK(refusal(f.signIn()) == Reason::PersonUnknown);
  f.idp.email = f.anna.email;
  f.idp.emailVerified = false;
  CHECK(refusal(f.signIn()) == Reason::PersonUnknown);
  // A user of an organisation the provider does not serve is not found by it.
  auto ulla = f.accounts.createUser(Actor::system(), {"ulla",
                                                      "Ulla Ek",
                                                      "ulla@utforare.example.se",
                                                      "secret-password",
                                                      f.provider,
                                                      {"provider_rep"}});
  REQUIRE(ulla);
  f.idp.email = ulla->email;
  f.idp.emailVerified = true;
  CHECK(refusal(f.signIn()) == Reason::PersonUnknown);
  CHECK(f.audit("user.create").size() == 2);  // anna and ulla, made here; none by the logins
}

TEST_CASE("a deactivated user cannot sign in through the provider", "[oidc][login]") {
  Fixture f;
  REQUIRE(f.signIn());  // linked
  f.store->write([&](store::Writing& c) {
    c.prepare("UPDATE users SET active = 0 WHERE id = ?1").bindAll(f.anna.id).run();
    return 0;
  });
  CHECK(refusal(f.signIn()) == Reason::PersonDeactivated);
}

TEST_CASE("provisioning from claims gives only the roles of the configured claim",
          "[oidc][login][provision]") {
  Fixture f(/*provision*/ true);
  f.idp.subject = "sub-rolf";
  f.idp.email = "rolf.register@forvaltningen.example.se";
  f.idp.extraClaims = R"(,"name":"Rolf Register","roles":["reader","admin","provider_rep"])";
  auto made = f.signIn();
  REQUIRE(made);
  CHECK(made->login.principal.username == "rolf.register");
  CHECK(made->login.principal.roles == std::set<Role>{Role::Reader});
  // No role in the claim: no account.
  f.idp.subject = "sub-nils";
  f.idp.email = "nils@forvaltningen.example.se";
  f.idp.extraClaims = R"(,"roles":["admin"])";
  CHECK(refusal(f.signIn()) == Reason::PersonUnknown);
}

TEST_CASE("an organisation that turns password login off keeps only the bootstrap admin's password",
          "[oidc][login][password]") {
  Fixture f;
  REQUIRE(f.accounts.createUser(
      Actor::system(),
      {"admin", "Administratör", "admin@localhost", "admin-password", f.authority, {"admin"}}));
  auto off = f.accounts.setPasswordLogin(Actor::system(), f.authority, false);
  REQUIRE(off);
  CHECK_FALSE(off->passwordLogin);
  auto refused = f.accounts.login("anna.avtal", "secret-password");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == Errc::Forbidden);
  CHECK(refused.error().reason == Reason::PasswordLoginOff);
  // A wrong password says only that.
  CHECK(f.accounts.login("anna.avtal", "wrong-password").error().reason ==
        Reason::WrongCredentials);
  CHECK(f.accounts.login("admin", "admin-password"));
  CHECK(f.signIn());
  REQUIRE(f.accounts.setPasswordLogin(Actor::system(), f.authority, true));
  CHECK(f.accounts.login("anna.avtal", "secret-password"));
  CHECK(f.audit("organization.password_login").size() == 2);
}

}  // namespace SV_TEST_FILE
