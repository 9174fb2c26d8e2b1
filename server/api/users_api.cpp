#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"

namespace sv::api {
namespace {

Result<accounts::NewUser> readNewUser(const http::JsonBody& body) {
  accounts::NewUser u;
  for (auto [field, target] : {std::pair{"username", &u.username},
                               {"name", &u.name},
                               {"email", &u.email},
                               {"password", &u.password}}) {
    // Left out, refused by the service after the caller's role (roles first).
    auto value = body.optionalString(field);
    if (!value) return std::unexpected(value.error());
    *target = value->value_or("");
  }
  auto org = body.optionalInt("organization_id");
  if (!org) return std::unexpected(org.error());
  u.organizationId = org->value_or(0);
  auto roles = body.stringArray("roles", false);
  if (!roles) return std::unexpected(roles.error());
  u.roles = *roles;
  return u;
}

}  // namespace

void registerUsers(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/users", http::Access::LoggedIn,
       [&s](http::Request& req) -> Result<http::Reply> {
         std::optional<std::int64_t> org;
         if (auto text = req.queryValue("organization")) {
           try {
             org = std::stoll(*text);
           } catch (const std::exception&) {
             return fail(Errc::Malformed, "organization must be an id", "organization");
           }
         }
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         const auto page = s.accounts.users(req.principal(), org, {paging->limit, paging->offset});
         Poco::JSON::Array out;
         for (const auto& u : page.rows) out.add(userJson(u));
         return pagedArray(req, out, page.total, *paging);
       },
       paged({.operationId = "listUsers",
              .summary = "The people the caller may know of, by name, a page at a time",
              .tag = "users",
              .responseSchema = "array:User",
              .parameters = {
                  {"organization", "query", "only this organization's people", "integer"}}})});

  router.add({"POST",
              "/api/v1/users",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto input = readNewUser(*body);
                if (!input) return std::unexpected(input.error());
                auto created = s.accounts.createUser({&req.principal()}, *input);
                if (!created) return std::unexpected(created.error());
                return http::Reply::json(userJson(*created), 201)
                    .header("Location", "/api/v1/users/" + std::to_string(created->id));
              },
              {.operationId = "createUser",
               .summary = "Create a user (admin)",
               .tag = "users",
               .requestSchema = "NewUser",
               .responseSchema = "User",
               .successStatus = 201,
               .errorStatuses = {403, 409, 422},
               .responseHeaders = {{"Location", "the new user"}}}});

  router.add({"GET",
              "/api/v1/users/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto user = s.accounts.user(req.principal(), id);
                if (!user) return std::unexpected(user.error());
                return http::Reply::json(userJson(*user));
              }),
              {.operationId = "getUser",
               .summary = "One user",
               .tag = "users",
               .responseSchema = "User"}});
}

}  // namespace sv::api
