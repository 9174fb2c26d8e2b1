// Logging in and out with a plain form: the session cookie is the one the JSON API sets.
#include "server/http/dispatcher.hpp"
#include "server/http/problem.hpp"
#include "server/web/messages.hpp"
#include "server/web/pages.hpp"

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

http::Reply loginPage(const http::Request& req, const std::string& next,
                      const std::string& username, const std::string& failure, int status) {
  Page page{.title = "Logga in", .templateName = "login", .status = status};
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
      [](http::Request& req) {
        const std::string next = localPath(req.queryValue("next").value_or("/"));
        if (req.session) return redirect(next);
        return loginPage(req, next, "", "", 200);
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
          return loginPage(req, next, username, "Fyll i både användarnamn och lösenord.", 422);
        auto login = s.accounts.login(username, password);
        if (!login) {
          const auto& error = login.error();
          if (error.code == Errc::Throttled) {
            auto reply = loginPage(req, next, username,
                                   "Kontot är tillfälligt spärrat efter för många misslyckade "
                                   "inloggningar. Vänta en kvart och försök sedan igen.",
                                   429);
            reply.header("Retry-After", "900");
            return reply;
          }
          if (error.code == Errc::Unauthenticated)
            return loginPage(req, next, username, "Fel användarnamn eller lösenord", 422);
          if (error.code == Errc::Internal) return failurePage(req, error);
          return loginPage(req, next, username, swedishMessage(error), http::statusOf(error.code));
        }
        return redirect(next).header("Set-Cookie",
                                     http::sessionCookie(login->token, s.secureCookies));
      },
      Login::Optional);

  addPage(
      router, "POST", "/logga-ut",
      [&s](http::Request& req) {
        if (req.session) {
          if (auto done = s.accounts.logout(req.session->sessionId(), req.principal()); !done)
            return failurePage(req, done.error());
        }
        return redirect("/logga-in?utloggad=1")
            .header("Set-Cookie", http::sessionCookie("", s.secureCookies, true));
      },
      Login::Optional);
}

}  // namespace sv::web
