// Who the person of a checked ID token is here: OidcLogin's rules for finding, linking and (only
// where a provider's setting allows) making a user.
#include <algorithm>

#include "server/crypto/crypto.hpp"
#include "server/services/oidc_login.hpp"
#include "server/store/identities.hpp"

namespace sv::services {
namespace {

std::unexpected<Error> unknownPerson(std::string detail) {
  return fail(Errc::Unauthenticated, Reason::PersonUnknown, std::move(detail));
}

std::unexpected<Error> deactivated() {
  return fail(Errc::Unauthenticated, Reason::PersonDeactivated, "the user is deactivated");
}

// A username from the e-mail's local part in the alphabet usernames have (accounts.cpp).
std::string usernameFrom(const std::string& email) {
  std::string out;
  for (char ch : email.substr(0, email.find('@'))) {
    const char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')
      out += c;
  }
  if (out.size() < 2) out = "sso-" + out;
  return out.substr(0, 56);
}

}  // namespace

std::vector<std::int64_t> OidcLogin::organizationIds(const oidc::Provider& provider) const {
  std::vector<std::int64_t> ids;
  for (const auto& name : provider.settings().organizations)
    if (auto id = store_.accounts().organizationNamed(name)) ids.push_back(*id);
  return ids;
}

Result<OidcLogin::Person> OidcLogin::findPerson(oidc::Provider& provider,
                                                const oidc::IdTokenClaims& claims) {
  // Known by the subject: the link made at the first login decides, whatever the e-mail says now.
  auto linked = store_.read([&](store::Reading& c) -> std::optional<store::IdentityCandidate> {
    auto userId = store::findIdentityUser(c, claims.issuer, claims.subject);
    return userId ? store::identityUser(c, *userId) : std::nullopt;
  });
  if (linked) {
    if (!linked->active) return deactivated();
    return Person{linked->userId, false, "subject"};
  }
  const auto organizations = organizationIds(provider);
  // The first login: an e-mail the provider vouches for, of a user the administrator made in an
  // organisation this provider serves. An unverified address proves nothing (anyone can type
  // someone else's into a self-service account).
  if (claims.emailVerified && !claims.email.empty()) {
    auto candidates = store_.read(
        [&](store::Reading& c) { return store::usersWithEmail(c, claims.email, organizations); });
    if (candidates.size() > 1)
      return unknownPerson("several users have the e-mail; the administrator must tell which");
    if (candidates.size() == 1) {
      if (!candidates.front().active) return deactivated();
      return Person{candidates.front().userId, true, "email"};
    }
  }
  if (provider.settings().provisionFromClaims) return provision(provider, claims, organizations);
  return unknownPerson("no user for subject '" + claims.subject + "' of " + claims.issuer);
}

Result<OidcLogin::Person> OidcLogin::provision(oidc::Provider& provider,
                                               const oidc::IdTokenClaims& claims,
                                               const std::vector<std::int64_t>& organizations) {
  if (organizations.empty() || !claims.emailVerified || claims.email.empty())
    return unknownPerson(
        "a user is made from claims only with a verified e-mail and an "
        "organisation the provider serves");
  const auto organization =
      store_.accounts().organization(store::TenantScope::system(), organizations.front());
  if (!organization) return unknownPerson("the provider's organisation is gone");
  // Roles only from the configured claim, never by default, and never the administrator's: a
  // provider's group does not make anyone administrator here.
  std::vector<std::string> roles;
  if (!provider.settings().rolesClaim.empty())
    for (const auto& r : oidc::claimStrings(claims.payloadJson, provider.settings().rolesClaim)) {
      const auto role = parseRole(r);
      if (role && *role != Role::Admin && roleFitsOrganization(*role, organization->kind) &&
          std::find(roles.begin(), roles.end(), r) == roles.end())
        roles.push_back(r);
    }
  if (roles.empty()) return unknownPerson("the provider's claims give no role here");
  std::string username = usernameFrom(claims.email);
  for (int n = 2; store_.accounts().usernameTaken(username) && n < 100; ++n)
    username = usernameFrom(claims.email) + "-" + std::to_string(n);
  // A password nobody knows: the person signs in through the provider.
  accounts::NewUser input{username,         claims.name.empty() ? claims.email : claims.name,
                          claims.email,     crypto::randomToken(32),
                          organization->id, roles};
  auto made = accounts_.createUser(accounts::Actor::system(), input);
  if (!made) return unknownPerson("the claims do not make a valid user: " + made.error().detail);
  return Person{made->id, true, "provisioned"};
}

}  // namespace sv::services
