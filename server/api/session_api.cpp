#include "server/api/api.hpp"
#include "server/api/views.hpp"
#include "server/http/dispatcher.hpp"
#include "server/http/json_body.hpp"

namespace sv::api {

void registerSession(http::Router& router, Services& s) {
  router.add({"POST",
              "/api/v1/session",
              http::Access::Public,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto username = body->requiredString("username");
                if (!username) return std::unexpected(username.error());
                auto password = body->requiredString("password");
                if (!password) return std::unexpected(password.error());
                auto login = s.accounts.login(*username, *password);
                if (!login) return std::unexpected(login.error());
                auto out = http::orderedObject();
                out.set("token", login->token);
                out.set("csrf_token", login->csrfToken);
                out.set("user", principalJson(login->principal));
                return http::Reply::json(out, 201).header(
                    "Set-Cookie", http::sessionCookie(login->token, s.secureCookies));
              },
              {.operationId = "createSession",
               .summary = "Log in: a bearer token and a session cookie",
               .tag = "session",
               .requestSchema = "LoginRequest",
               .responseSchema = "Session",
               .successStatus = 201,
               .errorStatuses = {401, 422, 429},
               .responseHeaders = {{"Set-Cookie", "the session cookie"}}}});

  router.add({"DELETE",
              "/api/v1/session",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                if (auto done = s.accounts.logout(req.session->sessionId(), req.principal()); !done)
                  return std::unexpected(done.error());
                return http::Reply::noContent().header(
                    "Set-Cookie", http::sessionCookie("", s.secureCookies, true));
              },
              {.operationId = "deleteSession",
               .summary = "Log out",
               .tag = "session",
               .successStatus = 204,
               .responseHeaders = {{"Set-Cookie", "the session cookie"}}}});

  router.add({"GET",
              "/api/v1/me",
              http::Access::LoggedIn,
              [](http::Request& req) -> Result<http::Reply> {
                auto out = principalJson(req.principal());
                out.set("csrf_token", req.session->csrfToken());
                return http::Reply::json(out);
              },
              {.operationId = "getMe",
               .summary = "The caller, its organization and roles",
               .tag = "session",
               .responseSchema = "Me"}});
}

}  // namespace sv::api
