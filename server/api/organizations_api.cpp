#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"

namespace sv::api {

void registerOrganizations(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/organizations", http::Access::LoggedIn,
       [&s](http::Request& req) -> Result<http::Reply> {
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         const auto page =
             s.accounts.organizations(req.principal(), {paging->limit, paging->offset});
         Poco::JSON::Array out;
         for (const auto& o : page.rows) out.add(organizationJson(o));
         return pagedArray(req, out, page.total, *paging);
       },
       paged({.operationId = "listOrganizations",
              .summary = "The organizations the caller may know of, by name, a page at a time",
              .tag = "organizations",
              .responseSchema = "array:Organization"})});

  router.add({"POST",
              "/api/v1/organizations",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                // Left out, refused by the service after the caller's role (roles first).
                auto name = body->optionalString("name");
                if (!name) return std::unexpected(name.error());
                auto kind = body->optionalString("kind");
                if (!kind) return std::unexpected(kind.error());
                auto created = s.accounts.createOrganization(
                    {&req.principal()}, {name->value_or(""), kind->value_or("")});
                if (!created) return std::unexpected(created.error());
                return http::Reply::json(organizationJson(*created), 201)
                    .header("Location", "/api/v1/organizations/" + std::to_string(created->id));
              },
              {.operationId = "createOrganization",
               .summary = "Create an organization (admin)",
               .tag = "organizations",
               .requestSchema = "NewOrganization",
               .responseSchema = "Organization",
               .successStatus = 201,
               .errorStatuses = {403, 409, 422},
               .responseHeaders = {{"Location", "the new organization"}}}});

  router.add({"GET",
              "/api/v1/organizations/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto org = s.accounts.organization(req.principal(), id);
                if (!org) return std::unexpected(org.error());
                return http::Reply::json(organizationJson(*org));
              }),
              {.operationId = "getOrganization",
               .summary = "One organization",
               .tag = "organizations",
               .responseSchema = "Organization"}});

  router.add({"PATCH",
              "/api/v1/organizations/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto allowed = body->optionalBool("password_login");
                if (!allowed) return std::unexpected(allowed.error());
                if (!*allowed)
                  return fail(Errc::Invalid, Reason::Missing, "password_login is required",
                              "password_login");
                auto org = s.accounts.setPasswordLogin({&req.principal()}, id, **allowed);
                if (!org) return std::unexpected(org.error());
                return http::Reply::json(organizationJson(*org));
              }),
              {.operationId = "updateOrganization",
               .summary = "Turn password login on or off for an organization's people (admin)",
               .tag = "organizations",
               .requestSchema = "OrganizationChange",
               .responseSchema = "Organization",
               .errorStatuses = {403, 422}}});
}

}  // namespace sv::api
