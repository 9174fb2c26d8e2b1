#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"

namespace sv::api {
namespace {

Result<services::ContractInput> readContract(const http::JsonBody& body) {
  services::ContractInput in;
  for (auto [field, target] : {std::pair{"title", &in.title},
                               {"service_area", &in.serviceArea},
                               {"reference", &in.reference},
                               {"starts_on", &in.startsOn},
                               {"ends_on", &in.endsOn},
                               {"agenda_template", &in.agendaTemplate}}) {
    auto v = body.optionalString(field);
    if (!v) return std::unexpected(v.error());
    *target = *v;
  }
  for (auto [field, target] : {std::pair{"authority_id", &in.authorityId},
                               {"provider_id", &in.providerId},
                               {"meetings_per_year", &in.meetingsPerYear}}) {
    auto v = body.optionalInt(field);
    if (!v) return std::unexpected(v.error());
    *target = *v;
  }
  return in;
}

http::Reply contractReply(const store::ContractRow& c, int status) {
  auto reply = http::Reply::json(contractJson(c), status);
  if (status == 201) reply.header("Location", "/api/v1/contracts/" + std::to_string(c.id));
  return reply;
}

}  // namespace

void registerContracts(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/contracts", http::Access::LoggedIn,
       [&s](http::Request& req) -> Result<http::Reply> {
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         const auto page = s.contracts.page(req.principal(), {paging->limit, paging->offset});
         Poco::JSON::Array out;
         for (const auto& c : page.rows) out.add(contractJson(c));
         return pagedArray(req, out, page.total, *paging);
       },
       paged({.operationId = "listContracts",
              .summary = "The contracts the caller may see, by title, a page at a time",
              .tag = "contracts",
              .responseSchema = "array:Contract"})});

  router.add({"POST",
              "/api/v1/contracts",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto input = readContract(*body);
                if (!input) return std::unexpected(input.error());
                auto created = s.contracts.create(req.principal(), *input);
                if (!created) return std::unexpected(created.error());
                return contractReply(*created, 201);
              },
              {.operationId = "createContract",
               .summary = "Register a contract (the authority's contract manager)",
               .tag = "contracts",
               .requestSchema = "NewContract",
               .responseSchema = "Contract",
               .successStatus = 201,
               .errorStatuses = {403, 409},
               .responseHeaders = {{"Location", "the new contract"}}}});

  router.add({"GET",
              "/api/v1/contracts/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto c = s.contracts.get(req.principal(), id);
                if (!c) return std::unexpected(c.error());
                return contractReply(*c, 200);
              }),
              {.operationId = "getContract",
               .summary = "One contract",
               .tag = "contracts",
               .responseSchema = "Contract"}});

  router.add({"PATCH",
              "/api/v1/contracts/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto input = readContract(*body);
                if (!input) return std::unexpected(input.error());
                auto c = s.contracts.update(req.principal(), id, *input);
                if (!c) return std::unexpected(c.error());
                return contractReply(*c, 200);
              }),
              {.operationId = "updateContract",
               .summary = "Change a contract (the authority's contract manager)",
               .tag = "contracts",
               .requestSchema = "ContractChange",
               .responseSchema = "Contract",
               .errorStatuses = {403, 409}}});

  router.add({"GET", "/api/v1/service-areas", http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                Poco::JSON::Array out;
                for (const auto& a : pageOf(s.catalog.serviceAreas, *paging)) {
                  auto j = http::orderedObject();
                  j.set("key", a.key);
                  j.set("name", a.name);
                  out.add(j);
                }
                return pagedArray(req, out, std::ssize(s.catalog.serviceAreas), *paging);
              },
              paged({.operationId = "listServiceAreas",
                     .summary = "The service areas of config/",
                     .tag = "contracts",
                     .responseSchema = "array:ServiceArea"})});

  router.add({"GET", "/api/v1/agenda-templates", http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                // By id, as the catalogue keeps them; config/ holds a handful.
                std::vector<std::string> ids;
                for (const auto& entry : s.catalog.templates) ids.push_back(entry.first);
                Poco::JSON::Array out;
                for (const auto& id : pageOf(ids, *paging)) {
                  const auto& t = s.catalog.templates.at(id);
                  auto j = http::orderedObject();
                  j.set("id", id);
                  j.set("name", t.parsed.name);
                  j.set("version", t.parsed.version);
                  Poco::JSON::Array items;
                  for (const auto& item : t.parsed.items) {
                    auto ij = http::orderedObject();
                    ij.set("key", item.key);
                    ij.set("kind", std::string(agenda::toString(item.kind)));
                    ij.set("title", item.title);
                    items.add(ij);
                  }
                  j.set("items", items);
                  j.set("text", t.text);
                  out.add(j);
                }
                return pagedArray(req, out, std::ssize(ids), *paging);
              },
              paged({.operationId = "listAgendaTemplates",
                     .summary = "The adopted fixed agendas of config/agendas/, with their text",
                     .tag = "contracts",
                     .responseSchema = "array:AgendaTemplate"})});
}

}  // namespace sv::api
