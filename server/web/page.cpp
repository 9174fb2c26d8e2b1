#include "server/web/page.hpp"

#include <Poco/Logger.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <map>
#include <utility>

#include "server/http/dispatcher.hpp"
#include "server/http/problem.hpp"
#include "workflows/unavailable.hpp"

namespace sv::web::assets {
const std::map<std::string, std::string_view>& files();
}

namespace sv::web {
namespace {

constexpr std::string_view kTemplatePrefix = "web/templates/";
constexpr std::string_view kTemplateSuffix = ".mustache";

Poco::Logger& log() {
  static Poco::Logger& logger = Poco::Logger::get("samverkan.web");
  return logger;
}

std::optional<std::string_view> templateText(std::string_view name) {
  const auto& files = sv::web::assets::files();
  const auto it =
      files.find(std::string(kTemplatePrefix) + std::string(name) + std::string(kTemplateSuffix));
  if (it == files.end()) return std::nullopt;
  return it->second;
}

// Every template whose name starts with "_", by that name, so that {{> _csrf}} finds it.
void addPartials(Data& data) {
  for (const auto& [path, text] : sv::web::assets::files()) {
    if (!path.starts_with(kTemplatePrefix) || !path.ends_with(kTemplateSuffix)) continue;
    const auto name = path.substr(kTemplatePrefix.size(),
                                  path.size() - kTemplatePrefix.size() - kTemplateSuffix.size());
    if (name.starts_with("_")) data.set(name, std::string(text));
  }
}

Result<std::string> renderTemplate(std::string_view name, Data& data) {
  const auto text = templateText(name);
  if (!text) return fail(Errc::Internal, "no template " + std::string(name));
  kainjow::mustache::mustache tmpl{std::string(*text)};
  if (!tmpl.is_valid())
    return fail(Errc::Internal, "template " + std::string(name) + ": " + tmpl.error_message());
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid())
    return fail(Errc::Internal, "template " + std::string(name) + ": " + tmpl.error_message());
  return out;
}

Data userData(const Principal& p) {
  Data user;
  user.set("name", p.name);
  user.set("organization", p.organizationName);
  user.set("is_admin", p.isAdmin());
  user.set("is_registrar", p.has(Role::Registrar));
  // The register is searched by the authority's people who work with it (registry_pages.cpp).
  user.set("sees_registry",
           p.has(Role::Registrar) || (p.organizationKind == OrganizationKind::Authority &&
                                      (p.has(Role::ContractManager) || p.has(Role::Reader))));
  // Event-driven cases (case_pages.cpp) and the yearly summary (annual_pages.cpp) are read by
  // everyone who follows contracts: the authority's people in each of their roles and the
  // provider's (its own part); an administrator alone does not.
  const bool followsContracts = p.has(Role::ContractManager) || p.has(Role::ProviderRep) ||
                                p.has(Role::Registrar) || p.has(Role::Reader) ||
                                p.has(Role::Director) || p.has(Role::CommitteeSecretary);
  user.set("sees_cases", followsContracts);
  user.set("sees_annual", followsContracts);
  return user;
}

http::Reply html(std::string body, int status) {
  return http::Reply::text(std::move(body), "text/html; charset=utf-8", status);
}

// The last resort when a template itself fails: plain, escaped by construction (no input).
http::Reply brokenPage() {
  return html(
      "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Något gick fel – "
      "Samverkan</title></head><body><main><h1>Något gick fel</h1><p>Försök igen om en stund."
      "</p></main></body></html>\n",
      500);
}

std::string encodeQueryValue(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

bool hasSessionCookie(const http::Request& req) {
  const auto cookies = req.header("cookie");
  if (!cookies) return false;
  const std::string name = std::string(http::kSessionCookie) + "=";
  for (std::size_t at = 0; (at = cookies->find(name, at)) != std::string::npos; at += name.size()) {
    const bool starts = at == 0 || (*cookies)[at - 1] == ' ' || (*cookies)[at - 1] == ';';
    const auto end = at + name.size();
    if (starts && end < cookies->size() && (*cookies)[end] != ';') return true;
  }
  return false;
}

// No session: to the login page, and back here afterwards (for a page that can be fetched).
http::Reply loginRedirect(const http::Request& req) {
  std::string location = "/logga-in";
  std::string query;
  if (req.method == "GET" && req.path != "/") query = "next=" + encodeQueryValue(req.path);
  // A cookie without a session: the session has ended (idle or too old), not never begun.
  const bool expired = hasSessionCookie(req);
  if (expired) query += std::string(query.empty() ? "" : "&") + "utgangen=1";
  if (!query.empty()) location += "?" + query;
  return redirect(location);
}

}  // namespace

http::Reply render(const http::Request& req, Page page) {
  Data& data = page.data;
  data.set("title", page.title);
  if (req.session) {
    data.set("user", userData(req.principal()));
    data.set("csrf_token", req.session->csrfToken());
  }
  if (page.error) {
    Data failed;
    Data form;
    form.set("message", page.error->message);
    if (!page.error->field.empty()) form.set("field", page.error->field);
    failed.set(page.error->form, form);
    data.set("failed", failed);
    if (!page.error->field.empty()) {
      Data invalid;
      invalid.set(page.error->field, true);
      data.set("invalid", invalid);
    }
    page.status = page.error->status;
  }
  addPartials(data);
  auto content = renderTemplate(page.templateName, data);
  if (!content) {
    log().error("page %s: %s", req.path, content.error().detail);
    return brokenPage();
  }

  Data layout;
  layout.set("title", page.title);
  layout.set("content", *content);
  if (req.session) {
    layout.set("user", userData(req.principal()));
    layout.set("csrf_token", req.session->csrfToken());
  }
  if (!page.current.empty()) {
    Data current;
    current.set(page.current, true);
    layout.set("current", current);
  }
  if (!page.flash.empty()) layout.set("flash", page.flash);
  if (page.error) {
    Data summary;
    summary.set("message", page.error->message);
    if (!page.error->field.empty()) summary.set("field", page.error->field);
    layout.set("error", summary);
  }
  addPartials(layout);
  auto document = renderTemplate("layout", layout);
  if (!document) {
    log().error("layout for %s: %s", req.path, document.error().detail);
    return brokenPage();
  }
  return html(std::move(*document), page.status);
}

http::Reply redirect(const std::string& location) {
  http::Reply reply = http::Reply::text("", "text/plain; charset=utf-8", 303);
  reply.header("Location", location);
  return reply;
}

http::Reply errorPage(const http::Request& req, int status, const std::string& heading,
                      const std::string& message) {
  Page page{.title = heading, .templateName = "error", .status = status};
  page.data.set("heading", heading);
  page.data.set("message", message);
  return render(req, std::move(page));
}

http::Reply notFoundPage(const http::Request& req) {
  return errorPage(req, 404, "Sidan hittades inte",
                   "Sidan finns inte, eller så har du inte tillgång till den. Kontrollera "
                   "adressen, eller börja om från Mina avtal.");
}

http::Reply afterPagePost(const http::Request& req, const Status& result, const std::string& path,
                          const std::string& done, const std::string& anchor,
                          const std::function<http::Reply(const Error&)>& showAgain) {
  if (result)
    return redirect(path + (path.find('?') == std::string::npos ? "?klart=" : "&klart=") + done +
                    anchor);
  if (endsThePage(result.error())) return failurePage(req, result.error());
  return showAgain(result.error());
}

http::Reply failurePage(const http::Request& req, const Error& error) {
  switch (error.code) {
    case Errc::NotFound:
      return notFoundPage(req);
    case Errc::Forbidden:
      return errorPage(req, 403, "Du har inte behörighet",
                       "Din roll ger inte tillgång till det här. Kontakta avtalsansvarig eller "
                       "administratören om du behöver det.");
    case Errc::Internal:
      log().error("%s %s: %s", req.method, req.path, error.detail);
      break;
    default:
      log().warning("%s %s: unexpected %s", req.method, req.path, error.detail);
      break;
  }
  return errorPage(req, 500, "Något gick fel",
                   "Ett oväntat fel inträffade. Försök igen om en stund.");
}

std::string kept(const std::optional<FormError>& error, std::string_view form,
                 const std::string& name, std::string fallback) {
  if (error && error->form == form) return error->posted.value(name);
  return fallback;
}

std::string flashOf(const http::Request& req, const std::map<std::string, std::string>& messages) {
  const auto code = req.queryValue("klart");
  if (!code) return {};
  const auto it = messages.find(*code);
  return it == messages.end() ? std::string() : it->second;
}

http::FormBody formOf(const http::Request& req) {
  if (req.contentType != "application/x-www-form-urlencoded") return {};
  auto form = http::FormBody::parse(req.body);
  return form ? std::move(*form) : http::FormBody{};
}

std::string localPath(const std::string& path) {
  if (path.empty() || path.size() > 500 || path.front() != '/') return "/";
  if (path.size() > 1 && path[1] == '/') return "/";
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f || c == '\\') return "/";
  return path;
}

std::string pathOf(std::string_view prefix, std::int64_t id) {
  return std::string(prefix) + std::to_string(id);
}

int pageNumber(const http::Request& req, std::string_view parameter) {
  const auto text = req.queryValue(std::string(parameter)).value_or("");
  int value = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || p != text.data() + text.size() || value < 1) return 1;
  return std::min(value, 10000);
}

void setPager(Data& data, const std::string& prefix, std::int64_t number, std::int64_t total,
              std::int64_t perPage, const std::string& before, const std::string& after) {
  const auto pages = std::max<std::int64_t>(1, (total + perPage - 1) / perPage);
  const auto link = [&](std::int64_t n) { return before + std::to_string(n) + after; };
  data.set(prefix + "paged", pages > 1);
  data.set(prefix + "page", std::to_string(number));
  data.set(prefix + "pages", std::to_string(pages));
  data.set(prefix + "has_previous", number > 1);
  data.set(prefix + "previous", link(number - 1));
  data.set(prefix + "has_next", number < pages);
  data.set(prefix + "next", link(number + 1));
}

namespace {

// The store cannot reach its database (sv::Unavailable): nothing was changed, and the same click
// may work in a moment.
http::Reply unavailablePage(const http::Request& req) {
  auto reply = errorPage(req, 503, "Tjänsten kan inte nås just nu",
                         "Databasen svarar inte just nu, och ingenting har ändrats. Försök igen "
                         "om en liten stund.");
  reply.header("Retry-After", "5");
  return reply;
}

http::Route pageRoute(std::string method, std::string pattern, PageHandler handler, Login login) {
  http::Route route{
      std::move(method), std::move(pattern), http::Access::Public,
      [handler = std::move(handler), login](http::Request& req) -> Result<http::Reply> {
        if (login == Login::Required && !req.session) return loginRedirect(req);
        try {
          return handler(req);
        } catch (const Unavailable& e) {  // before std::exception: the store's error is both
          log().error("page %s %s: %s", req.method, req.path, std::string(whatOf(e)));
          return unavailablePage(req);
        } catch (const std::exception& e) {
          log().error("page %s %s: %s", req.method, req.path, std::string(e.what()));
          return errorPage(req, 500, "Något gick fel",
                           "Ett oväntat fel inträffade. Försök igen om en stund.");
        }
      }};
  route.documented = false;
  route.page = true;
  route.secretInPath = login == Login::ByPathToken;
  return route;
}

}  // namespace

void addPage(http::Router& router, std::string method, std::string pattern, PageHandler handler,
             Login login) {
  router.add(pageRoute(std::move(method), std::move(pattern), std::move(handler), login));
}

void addUploadPage(http::Router& router, std::string pattern, std::size_t maxBodyBytes,
                   PageHandler handler) {
  auto route = pageRoute("POST", std::move(pattern), std::move(handler), Login::Required);
  route.maxBodyBytes = maxBodyBytes;
  router.add(std::move(route));
}

void addPage(http::Router& router, std::string method, std::string pattern, Login login,
             PageHandler handler) {
  addPage(router, std::move(method), std::move(pattern), std::move(handler), login);
}

void installPageErrors(http::Router& router) {
  router.setPageErrors([](const http::Request& req, int status) -> http::Reply {
    if (status == 413)
      return errorPage(req, 413, "Filen är för stor",
                       "Filen är större än vad som får bifogas. Gå tillbaka och välj en mindre "
                       "fil, eller dela upp den.");
    if (status == 403)
      return errorPage(req, 403, "Formuläret kunde inte skickas",
                       "Formuläret saknade sin säkerhetskod eller kom inte från Samverkan. Gå "
                       "tillbaka, ladda om sidan och försök igen.");
    if (status == 503) return unavailablePage(req);
    return notFoundPage(req);
  });
}

}  // namespace sv::web
