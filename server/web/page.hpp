// The frame of the web pages: templates (server/web/templates/*.mustache, compiled in, escaped
// by default), the layout around every page (header, navigation, logout, skip link, messages),
// page routes that send a missing session to the login page, redirects after a post, and the
// Swedish error pages. A page module builds a Page and calls render(); it never writes HTML.
//
// A template sees its own data plus these values:
//   title, csrf_token, user.name, user.organization, user.is_admin, user.is_registrar
//   failed.<form>.message   when that form's post failed (the message is Swedish)
//   invalid.<field id>      true for the field the message is about
// Templates whose names start with "_" are partials: {{> _csrf}} is the hidden CSRF field.
#pragma once

#include <kainjow/mustache.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "server/http/form_body.hpp"
#include "server/http/reply.hpp"
#include "server/http/request.hpp"
#include "server/http/router.hpp"
#include "workflows/result.hpp"

namespace sv::web {

using Data = kainjow::mustache::data;

inline Data list() {
  return Data(Data::type::list);
}

// A post that failed: the page is shown again with what the person typed and what is wrong.
struct FormError {
  std::string form;     // the form's name on the page, e.g. "add_item"
  std::string message;  // Swedish, for the person
  std::string field;    // the HTML id of the field to correct, or empty
  http::FormBody posted;
  int status = 422;
};

struct Page {
  std::string title;         // <title>; the template writes its own <h1>
  std::string templateName;  // templates/<name>.mustache, rendered into <main>
  Data data;                 // the template's values; the common values are added
  int status = 200;
  std::string current;  // the navigation entry the page belongs to: "avtal", "diariet", "admin"
  std::string flash;    // a confirmation after a change, read out as a status
  std::optional<FormError> error;
};

// The whole document: the page's template inside the layout, as text/html.
http::Reply render(const http::Request& req, Page page);

// 303 See Other: after a post, and to the login page.
http::Reply redirect(const std::string& location);

http::Reply notFoundPage(const http::Request& req);  // "Sidan hittades inte", 404
http::Reply errorPage(const http::Request& req, int status, const std::string& heading,
                      const std::string& message);
// A service error that ends the page rather than a form: NotFound is the 404 page, Internal is
// logged and answered with a 500 page that says nothing of the cause.
http::Reply failurePage(const http::Request& req, const Error& error);
// Whether a post's error ends the page (NotFound, Internal) rather than showing the form again.
inline bool endsThePage(const Error& error) {
  return error.code == Errc::NotFound || error.code == Errc::Internal;
}
// How a post on a document's page ends: on success a redirect to `path` with the confirmation
// `done` (and `anchor`); an error that ends the page is failurePage; any other is `showAgain`,
// the page again with the failed form.
http::Reply afterPagePost(const http::Request& req, const Status& result, const std::string& path,
                          const std::string& done, const std::string& anchor,
                          const std::function<http::Reply(const Error&)>& showAgain);

// The value a form field shows: what was just posted when `form` failed, else `fallback`.
std::string kept(const std::optional<FormError>& error, std::string_view form,
                 const std::string& name, std::string fallback = {});

// A confirmation named by the ?klart= code of a redirect, from the page's own table: the code
// is never shown, so a link cannot put words on the page.
std::string flashOf(const http::Request& req, const std::map<std::string, std::string>& messages);

// The posted form, or an empty one when it cannot be read.
http::FormBody formOf(const http::Request& req);

// A path on this site to go to after login: "/avtal/3" as given, "/" for anything else
// ("//evil.example", "https://…", control characters).
std::string localPath(const std::string& path);

// "/avtal/" + 12
std::string pathOf(std::string_view prefix, std::int64_t id);

// The page of a paged list a request asks for ("?sida=3", or the parameter named when a page
// has two lists), from 1; 1 for anything else, and at most 10 000.
int pageNumber(const http::Request& req, std::string_view parameter = "sida");

// A paged list's pager in `data`, each name after `prefix` (a page with two lists): paged, page,
// pages ("Sida 2 av 7"), has_previous/previous and has_next/next, the links `before` + the page's
// number + `after` ("/arenden?sida=" and the filters, "/atgarder?sida=" and "#oppna").
void setPager(Data& data, const std::string& prefix, std::int64_t number, std::int64_t total,
              std::int64_t perPage, const std::string& before, const std::string& after = "");

using PageHandler = std::function<http::Reply(http::Request&)>;
// Required: a missing session goes to the login page. Optional: the page is for everyone.
// ByPathToken: for everyone, and the token in the path proves who the request is about, so a
// post needs no CSRF token (an unsubscribe link, which a mail program may post to on its own).
enum class Login { Required, Optional, ByPathToken };

// A page route. The frame treats it as public, so that a missing or expired session becomes a
// redirect to /logga-in?next=... here instead of a 401; a post still needs its CSRF token
// (the dispatcher checks the csrf_token field of a form). Exceptions become a 500 page.
void addPage(http::Router& router, std::string method, std::string pattern, PageHandler handler,
             Login login = Login::Required);
// The same with the login rule first, so that a long handler stays the last argument.
void addPage(http::Router& router, std::string method, std::string pattern, Login login,
             PageHandler handler);

// A form post with a file (multipart/form-data), which reads up to `maxBodyBytes` of body.
void addUploadPage(http::Router& router, std::string pattern, std::size_t maxBodyBytes,
                   PageHandler handler);

// The frame's refusals of page requests (no such page, a form without its CSRF token, a body
// over the route's limit).
void installPageErrors(http::Router& router);

}  // namespace sv::web
