#include "server/services/oidc_login.hpp"

#include <Poco/JSON/Object.h>

#include <sstream>

#include "server/crypto/crypto.hpp"
#include "server/oidc/pkce.hpp"
#include "server/services/access.hpp"
#include "server/store/accounts.hpp"
#include "server/store/audit.hpp"
#include "server/store/identities.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The audit's detail: the provider and issuer always, how the person authenticated when the
// provider says (acr, amr), so that the audit and the signature block can name the method.
std::string loginDetail(const oidc::Provider& provider, const oidc::IdTokenClaims& claims,
                        const std::string& how) {
  Poco::JSON::Object o;
  o.set("provider", provider.settings().name);
  o.set("issuer", claims.issuer);
  o.set("matched_by", how);
  if (!claims.acr.empty()) o.set("acr", claims.acr);
  if (!claims.amr.empty()) o.set("amr", joined(claims.amr));
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

// How the person authenticated, as the protocol's signature block prints it after "justerat
// elektroniskt i Samverkan efter" when they approve minutes in this session: the provider by
// its button's words and, when it says, the level (acr) and methods (amr).
std::string authenticationOf(const oidc::Provider& provider, const oidc::IdTokenClaims& claims) {
  std::string how = "inloggning via " + provider.settings().label + " (OpenID Connect";
  if (!claims.acr.empty()) how += ", acr " + claims.acr;
  if (!claims.amr.empty()) how += ", amr " + joined(claims.amr);
  return how + ")";
}

}  // namespace

OidcLogin::OidcLogin(store::Store& store, accounts::Accounts& accounts, const TimeSource& time,
                     std::string publicUrl, std::vector<std::unique_ptr<oidc::Provider>> providers)
    : store_(store),
      accounts_(accounts),
      time_(time),
      publicUrl_(std::move(publicUrl)),
      providers_(std::move(providers)) {
  while (!publicUrl_.empty() && publicUrl_.back() == '/') publicUrl_.pop_back();
}

std::vector<OidcButton> OidcLogin::buttons() const {
  std::vector<OidcButton> out;
  for (const auto& p : providers_) out.push_back({p->settings().name, p->settings().label});
  return out;
}

oidc::Provider* OidcLogin::providerNamed(const std::string& name) const {
  for (const auto& p : providers_)
    if (p->settings().name == name) return p.get();
  return nullptr;
}

Result<OidcStart> OidcLogin::begin(const std::string& name, const std::string& next) {
  auto* p = providerNamed(name);
  if (!p) return fail(Errc::NotFound, "no identity provider named '" + name + "'");
  const std::string state = oidc::randomToken();
  OidcStart start{"", oidc::randomToken()};
  store::PendingOidcLogin pending{name,
                                  oidc::randomToken(),
                                  oidc::randomToken(),
                                  next,
                                  crypto::sha256Hex(start.browserToken),
                                  unixSeconds(time_.now())};
  // The URL first: a provider that cannot be reached leaves no attempt behind.
  auto url = p->authorizationUrl(redirectUri(), state, pending.nonce, pending.codeVerifier);
  if (!url) return std::unexpected(url.error());
  store_.write([&](store::Writing& c) {
    store::insertOidcLogin(c, crypto::sha256Hex(state), pending,
                           pending.createdAt - kAttemptSeconds);
    return 0;
  });
  start.url = std::move(*url);
  return start;
}

void OidcLogin::auditRefusal(const std::string& provider, const std::string& issuer,
                             const std::string& subject, const Error& error) {
  if (error.code == Errc::Internal) return;  // the provider's trouble, not a refused person
  const auto now = time_.now();
  store_.write([&](store::Writing& c) {
    store::appendAudit(
        c,
        store::AuditEntry{
            std::nullopt, subject.empty() ? "-" : subject, "login.oidc.refused",
            "identity_provider", provider, "",
            auditDetail({{"issuer", issuer}, {"reason", std::string(reasonName(error.reason))}})},
        now);
    return 0;
  });
}

Result<OidcLoginResult> OidcLogin::finish(const std::string& state, const std::string& code,
                                          const std::string& browserToken) {
  const auto now = time_.now();
  const std::int64_t seconds = unixSeconds(now);
  // In a struct: Store::write rolls back a result that is an empty optional, and the attempt's
  // row is deleted whether or not it is still young enough to use.
  struct Taken {
    std::optional<store::PendingOidcLogin> login;
  };
  std::optional<store::PendingOidcLogin> pending;
  if (!state.empty() && state.size() <= 256)
    pending = store_
                  .write([&](store::Writing& c) {
                    return Taken{store::takeOidcLogin(c, crypto::sha256Hex(state),
                                                      seconds - kAttemptSeconds)};
                  })
                  .login;
  auto* p = pending ? providerNamed(pending->provider) : nullptr;
  // Not audited: anyone can call the callback with any state, and the audit is not for noise.
  if (!p)
    return fail(Errc::Unauthenticated, Reason::LoginStateUnknown,
                "the login's state is unknown, used already or expired");
  const std::string& issuer = p->settings().issuer;
  auto refused = [&](const Error& error, const std::string& subject = {}) {
    auditRefusal(p->settings().name, issuer, subject, error);
    return std::unexpected(error);
  };
  // The attempt of another browser: someone's own login sent to a victim to sign them in as
  // that someone (login CSRF). Audited: the state was a real one.
  if (crypto::sha256Hex(browserToken) != pending->browserHash)
    return refused(Error{Errc::Unauthenticated, Reason::LoginStateUnknown,
                         "the login was begun in another browser"});
  if (code.empty())
    return refused(
        Error{Errc::Unauthenticated, Reason::ProviderRefused, "the provider sent no code back"});
  auto tokens = p->redeemCode(code, pending->codeVerifier, redirectUri());
  if (!tokens) return refused(tokens.error());
  auto claims = p->checkToken(tokens->idToken, pending->nonce);
  if (!claims) return refused(claims.error());
  auto person = findPerson(*p, *claims);
  if (!person) return refused(person.error(), claims->subject);
  auto principal = store_.accounts().principal(person->userId);
  if (!principal)
    return refused(
        Error{Errc::Unauthenticated, Reason::PersonDeactivated, "the user is deactivated"},
        claims->subject);

  // The session as a password login opens it (accounts.cpp), in one transaction with the link
  // of the subject and the audit entry.
  OidcLoginResult result;
  result.next = pending->nextPath;
  result.login.token = crypto::randomToken(32);
  result.login.csrfToken = crypto::randomToken(32);
  result.login.principal = std::move(*principal);
  result.login.principal.authentication = authenticationOf(*p, *claims);
  const auto& who = result.login.principal;
  store_.write([&](store::Writing& c) {
    if (person->link)
      store::insertIdentity(c, claims->issuer, claims->subject, who.userId, p->settings().name,
                            formatIsoUtc(now));
    store::insertSession(c, crypto::sha256Hex(result.login.token), result.login.csrfToken,
                         who.userId, seconds, who.authentication);
    store::insertOidcSession(c, c.lastInsertId(), p->settings().name, tokens->idToken);
    store::appendAudit(
        c,
        store::AuditEntry{who.userId, who.username, "login.oidc", "user",
                          std::to_string(who.userId), "", loginDetail(*p, *claims, person->how)},
        now);
    return 0;
  });
  return result;
}

std::optional<std::string> OidcLogin::logoutUrl(std::int64_t sessionId,
                                                const std::string& afterLogout) {
  auto session =
      store_.read([&](store::Reading& c) { return store::findOidcSession(c, sessionId); });
  if (!session) return std::nullopt;
  auto* p = providerNamed(session->provider);
  if (!p) return std::nullopt;
  return p->logoutUrl(session->idToken, afterLogout);
}

}  // namespace sv::services
