// Signing in through an organisation's identity provider (issue 17): the authorization code flow
// with PKCE, `state` and `nonce`, over the providers of the properties (server/oidc). The
// attempt is kept server-side and used once; the callback's ID token is checked whole; the person
// is found by the provider's subject, on the first login by a verified e-mail of an active user
// the administrator made in an organisation the provider serves (then the subject is linked), or
// made from the claims only where the provider's setting says so. The session that follows is
// the one a password login opens (accounts.hpp), with the ID token kept for the provider's logout.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/oidc/provider.hpp"
#include "server/services/accounts.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct OidcButton {
  std::string name;   // /logga-in/oidc/<name>
  std::string label;  // Swedish text of the button
};

// Where to send the browser, and the cookie that binds the attempt to it.
struct OidcStart {
  std::string url;
  std::string browserToken;  // set as a cookie; the callback must bring it back
};

struct OidcLoginResult {
  accounts::LoginResult login;
  std::string next;  // the local path the person was on their way to
};

class OidcLogin {
 public:
  // `publicUrl`: ours, as the provider's redirect URIs name it (…/logga-in/oidc/callback).
  OidcLogin(store::Store& store, accounts::Accounts& accounts, const TimeSource& time,
            std::string publicUrl, std::vector<std::unique_ptr<oidc::Provider>> providers);

  std::vector<OidcButton> buttons() const;
  std::string redirectUri() const { return publicUrl_ + "/logga-in/oidc/callback"; }

  // A new attempt stored for ten minutes, the provider's URL to send the browser to, and the
  // token that ties the attempt to this browser.
  // Errors: NotFound (no provider of that name), Internal (the provider cannot be reached or its
  // discovery document is not usable).
  Result<OidcStart> begin(const std::string& provider, const std::string& next);

  // The callback: `state` and `code` as the provider sent them back, `browserToken` from the
  // cookie of begin().
  // Errors, each Unauthenticated unless said: LoginStateUnknown (unknown, used, expired, or
  // begun in another browser),
  // ProviderRefused, the IdToken* reasons of oidc::checkIdToken, PersonUnknown (no user for
  // this person, nothing created), PersonDeactivated; Internal (the provider unreachable).
  // Every refusal after the state is found is audited as login.oidc.refused.
  Result<OidcLoginResult> finish(const std::string& state, const std::string& code,
                                 const std::string& browserToken);

  // The provider's logout for a session opened through it, when the provider offers one;
  // `afterLogout` is where it sends the browser back to.
  std::optional<std::string> logoutUrl(std::int64_t sessionId, const std::string& afterLogout);

  // An attempt lives this long between the redirect and the callback.
  static constexpr std::int64_t kAttemptSeconds = 600;

 private:
  struct Person {
    std::int64_t userId = 0;
    bool link = false;  // found by e-mail: the subject is linked in the login's transaction
    std::string how;    // "subject", "email" or "provisioned", for the audit
  };
  oidc::Provider* providerNamed(const std::string& name) const;
  // oidc_person.cpp: who the claims name.
  Result<Person> findPerson(oidc::Provider& provider, const oidc::IdTokenClaims& claims);
  Result<Person> provision(oidc::Provider& provider, const oidc::IdTokenClaims& claims,
                           const std::vector<std::int64_t>& organizationIds);
  std::vector<std::int64_t> organizationIds(const oidc::Provider& provider) const;
  void auditRefusal(const std::string& provider, const std::string& issuer,
                    const std::string& subject, const Error& error);

  store::Store& store_;
  accounts::Accounts& accounts_;
  const TimeSource& time_;
  std::string publicUrl_;
  std::vector<std::unique_ptr<oidc::Provider>> providers_;
};

}  // namespace sv::services
