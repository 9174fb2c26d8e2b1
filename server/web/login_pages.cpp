// Logging in and out with a plain form: the session cookie is the one the JSON API sets.
#include "server/http/dispatcher.hpp"
#include "server/http/problem.hpp"
#include "server/web/messages.hpp"
#include "server/web/pages.hpp"
#include "server/web/words.hpp"

namespace sv::web {
namespace {

// A login form posted from another site is refused: it would log the person in as someone
// else (login CSRF). Browsers send Origin with every form post; a post without it (a script, or
// a client that strips it) must at least name our page as its Referer, or it is refused too.
bool fromOurOrigin(const http::Request& req) {
  const auto host = req.header("host").value_or("");
  if (host.empty()) return false;
  const auto ours = [&](const std::string& origin) {
    return origin == "http://" + host || origin == "https://" + host;
  };
  if (const auto origin = req.header("origin")) return ours(*origin);
  const auto referer = req.header("referer").value_or("");
  const auto scheme = referer.find("://");
  if (scheme == std::string::npos) return false;
  return ours(referer.substr(0, referer.find('/', scheme + 3)));  // its origin: up to the path
}

http::Reply loginPage(const http::Request& req, Services& s, const std::string& next,
                      const std::string& username, const std::string& failure, int status) {
  Page page{.title = "Logga in", .templateName = "login", .status = status};
  // One button per identity provider; `next` goes along so that the person lands where they
  // were going.
  auto buttons = list();
  const auto providers = s.oidc ? s.oidc->buttons() : std::vector<services::OidcButton>{};
  for (const auto& b : providers) {
    Data d;
    d.set("href", "/logga-in/oidc/" + b.name + (next == "/" ? "" : "?next=" + urlComponent(next)));
    d.set("label", b.label);
    buttons.push_back(d);
  }
  page.data.set("providers", buttons);
  page.data.set("has_providers", !providers.empty());
  page.data.set("next", next);
  page.data.set("username", username);
  page.data.set("expired", req.queryValue("utgangen").has_value() && failure.empty());
  page.data.set("logged_out", req.queryValue("utloggad").has_value() && failure.empty());
  page.data.set("kept", req.queryValue("sparad").has_value());
  if (!failure.empty()) {
    Data message;
    message.set("message", failure);
    Data failed;
    failed.set("login", message);
    page.data.set("failed", failed);
  }
  return render(req, std::move(page));
}

}  // namespace

void registerLoginPages(http::Router& router, Services& s) {
  addPage(
      router, "GET", "/logga-in",
      [&s](http::Request& req) {
        const std::string next = localPath(req.queryValue("next").value_or("/"));
        if (req.session) return redirect(next);
        return loginPage(req, s, next, "", "", 200);
      },
      Login::Optional);

  addPage(
      router, "POST", "/logga-in",
      [&s](http::Request& req) {
        if (!fromOurOrigin(req))
          return errorPage(req, 403, "Formuläret kunde inte skickas",
                           "Inloggningen kom inte från Samverkans egen sida. Öppna Samverkan "
                           "och logga in där.");
        const auto form = formOf(req);
        const std::string next = localPath(form.value("next"));
        const std::string username = form.value("username");
        const std::string password = form.value("password");
        if (username.empty() || password.empty())
          return loginPage(req, s, next, username, "Fyll i både användarnamn och lösenord.", 422);
        auto login = s.accounts.login(username, password);
        if (!login) {
          const auto& error = login.error();
          if (error.code == Errc::Throttled) {
            auto reply = loginPage(req, s, next, username,
                                   "Kontot är tillfälligt spärrat efter för många misslyckade "
                                   "inloggningar. Vänta en kvart och försök sedan igen.",
                                   429);
            reply.header("Retry-After", "900");
            return reply;
          }
          if (error.reason == Reason::PasswordLoginOff)
            return loginPage(req, s, next, username,
                             "Din organisation loggar in via sin identitetsleverantör, inte med "
                             "lösenord. Använd knappen för din organisation ovan.",
                             403);
          if (error.code == Errc::Unauthenticated)
            return loginPage(req, s, next, username, "Fel användarnamn eller lösenord", 422);
          if (error.code == Errc::Internal) return failurePage(req, error);
          return loginPage(req, s, next, username, swedishMessage(error),
                           http::statusOf(error.code));
        }
        return redirect(next).header("Set-Cookie",
                                     http::sessionCookie(login->token, s.secureCookies));
      },
      Login::Optional);

  addPage(
      router, "POST", "/logga-ut",
      [&s](http::Request& req) {
        // Ours ends first; then, for a session that came through a provider offering it, the
        // provider's own (RP-initiated logout), which sends the browser back here. Through a
        // page of ours: the form-action policy would stop a form's redirect to another site.
        std::optional<std::string> providerLogout;
        if (req.session) {
          if (s.oidc)
            providerLogout =
                s.oidc->logoutUrl(req.session->sessionId(), s.publicUrl + "/logga-in?utloggad=1");
          if (auto done = s.accounts.logout(req.session->sessionId(), req.principal()); !done)
            return failurePage(req, done.error());
        }
        if (providerLogout) {
          req.session = nullptr;  // the page is drawn for someone logged out
          Page page{.title = "Utloggad", .templateName = "oidc_logged_out"};
          page.data.set("provider_logout", *providerLogout);
          return render(req, std::move(page))
              .header("Refresh", "0; url=" + *providerLogout)
              .header("Set-Cookie", http::sessionCookie("", s.secureCookies, true));
        }
        return redirect("/logga-in?utloggad=1")
            .header("Set-Cookie", http::sessionCookie("", s.secureCookies, true));
      },
      Login::Optional);
}

}  // namespace sv::web
