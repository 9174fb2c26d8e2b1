// Signing in through an organisation's identity provider (services/oidc_login.hpp): the button's
// redirect to the provider, and the callback that opens the session or says in Swedish why not.
#include <Poco/Logger.h>

#include <algorithm>
#include <string_view>

#include "server/http/dispatcher.hpp"
#include "server/services/oidc_login.hpp"
#include "server/web/pages.hpp"

namespace sv::web {
namespace {

Poco::Logger& oidcLog() {
  static Poco::Logger& logger = Poco::Logger::get("samverkan.web");
  return logger;
}

http::Reply refusedPage(const http::Request& req, int status, const std::string& heading,
                        const std::string& message, const std::string& advice = {}) {
  Page page{.title = heading, .templateName = "oidc_refused", .status = status};
  page.data.set("heading", heading);
  page.data.set("message", message);
  if (!advice.empty()) page.data.set("advice", advice);  // an empty string is true in mustache
  return render(req, std::move(page));
}

// Each refusal in the person's words; the English detail is in the log and the audit.
http::Reply callbackRefused(const http::Request& req, const Error& error) {
  switch (error.reason) {
    case Reason::LoginStateUnknown:
      return refusedPage(req, 400, "Inloggningen kunde inte slutföras",
                         "Inloggningen hade gått ut eller redan använts.",
                         "Börja om från inloggningssidan.");
    case Reason::PersonUnknown:
      return refusedPage(
          req, 403, "Du har inget konto i Samverkan",
          "Din organisation känner igen dig, men ingen användare i Samverkan hör till dig. "
          "Inget konto har skapats.",
          "Be Samverkans administratör att lägga upp dig med den e-postadress du har i din "
          "organisation. Sedan kan du logga in med samma knapp.");
    case Reason::PersonDeactivated:
      return refusedPage(req, 403, "Kontot är avstängt", "Ditt konto i Samverkan är avstängt.",
                         "Kontakta administratören om du behöver komma åt Samverkan.");
    default:
      break;
  }
  if (error.code == Errc::Internal) {
    oidcLog().error("%s %s: %s", req.method, req.path, error.detail);
    return refusedPage(req, 502, "Identitetsleverantören svarar inte",
                       "Samverkan kunde inte nå din organisations inloggningstjänst.",
                       "Försök igen om en stund.");
  }
  oidcLog().warning("single sign-on refused: %s", error.detail);
  return refusedPage(req, 401, "Inloggningen godtogs inte",
                     "Svaret från din organisations inloggningstjänst kunde inte godkännas.",
                     "Försök igen från inloggningssidan.");
}

// The cookie that ties a login attempt to the browser that began it. SameSite=Lax, not Strict:
// the provider's redirect back is a cross-site top-level GET, which Lax lets it come along with.
// Its path is the flow's own, and it lives as long as the attempt.
constexpr std::string_view kBindingCookie = "samverkan_oidc";

std::string bindingCookie(const std::string& token, bool secure) {
  std::string cookie = std::string(kBindingCookie) + "=" + token +
                       "; Path=/logga-in/oidc; HttpOnly; SameSite=Lax; Max-Age=" +
                       (token.empty() ? "0" : std::to_string(services::OidcLogin::kAttemptSeconds));
  if (secure) cookie += "; Secure";
  return cookie;
}

std::string bindingOf(const http::Request& req) {
  const std::string cookies = req.header("cookie").value_or("");
  const std::string name = std::string(kBindingCookie) + "=";
  for (std::size_t at = 0; at < cookies.size();) {
    const auto end = std::min(cookies.find(';', at), cookies.size());
    auto part = std::string_view(cookies).substr(at, end - at);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name)) return std::string(part.substr(name.size()));
    at = end + 1;
  }
  return "";
}

}  // namespace

void registerOidcPages(http::Router& router, Services& s) {
  addPage(
      router, "GET", "/logga-in/oidc/{name}",
      [&s](http::Request& req) {
        if (!s.oidc) return notFoundPage(req);
        const std::string next = localPath(req.queryValue("next").value_or("/"));
        auto start = s.oidc->begin(req.pathParams.at("name"), next);
        if (!start) {
          if (start.error().code == Errc::NotFound) return notFoundPage(req);
          return callbackRefused(req, start.error());
        }
        return redirect(start->url)
            .header("Set-Cookie", bindingCookie(start->browserToken, s.secureCookies));
      },
      Login::Optional);

  addPage(
      router, "GET", "/logga-in/oidc/callback",
      [&s](http::Request& req) {
        if (!s.oidc) return notFoundPage(req);
        // The person said no at the provider, or it could not sign them in (RFC 6749 4.1.2.1).
        if (req.queryValue("error"))
          return refusedPage(req, 401, "Inloggningen avbröts",
                             "Din organisations inloggningstjänst loggade inte in dig.",
                             "Försök igen från inloggningssidan.");
        auto done = s.oidc->finish(req.queryValue("state").value_or(""),
                                   req.queryValue("code").value_or(""), bindingOf(req));
        if (!done)
          return callbackRefused(req, done.error())
              .header("Set-Cookie", bindingCookie("", s.secureCookies));
        // A page of our own rather than a redirect: the session cookie is SameSite=Strict, and
        // a browser does not send it on a redirect chain that began at the provider's site. Its
        // Refresh is a navigation from our own page, which does.
        Page page{.title = "Du är inloggad", .templateName = "oidc_continue"};
        page.data.set("next", done->next);
        return render(req, std::move(page))
            .header("Refresh", "0; url=" + done->next)
            .header("Set-Cookie", http::sessionCookie(done->login.token, s.secureCookies))
            .header("Set-Cookie", bindingCookie("", s.secureCookies));
      },
      Login::Optional);
}

}  // namespace sv::web
