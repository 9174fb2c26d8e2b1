#include "server/api/api.hpp"

#include <algorithm>

#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"

namespace sv::api {
namespace {

http::Reply agendaReply(const services::AgendaView& view, int status = 200) {
  auto reply = http::Reply::json(agendaJson(view), status);
  if (view.version) reply.header("ETag", "\"" + *view.version + "\"");
  return reply;
}

// Declared in the OpenAPI document, so that generated clients and proxies pass it on.
const std::vector<http::ResponseHeader> kAgendaEtag{
    {"ETag", "the version of the agenda, quoted (once it has one)"}};

}  // namespace

void registerAgenda(http::Router& router, Services& s) {
  router.add({"GET",
              "/api/v1/meetings/{id}/agenda",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = s.agendas.get(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                return agendaReply(*view);
              }),
              {.operationId = "getAgenda",
               .summary = "The meeting's agenda (dagordning), generated from its fixed agenda",
               .tag = "agenda",
               .responseSchema = "Agenda",
               .responseHeaders = kAgendaEtag}});

  router.add({"GET", "/api/v1/meetings/{id}/agenda/versions", http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                auto versions =
                    s.agendas.historyPage(req.principal(), id, {paging->limit, paging->offset});
                if (!versions) return std::unexpected(versions.error());
                Poco::JSON::Array out;
                for (const auto& v : versions->rows) out.add(versionJson(v));
                return pagedArray(req, out, versions->total, *paging);
              }),
              paged({.operationId = "listAgendaVersions",
                     .summary = "Who changed the agenda, when",
                     .tag = "agenda",
                     .responseSchema = "array:DocumentVersion"})});

  router.add({"POST",
              "/api/v1/meetings/{id}/agenda/items",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                // Left out, refused by the agenda after the caller's role (roles first).
                auto title = body->optionalString("title");
                if (!title) return std::unexpected(title.error());
                auto description = body->optionalString("description");
                if (!description) return std::unexpected(description.error());
                auto view = s.agendas.addItem(req.principal(), id, title->value_or(""),
                                              description->value_or(""));
                if (!view) return std::unexpected(view.error());
                return agendaReply(*view, 201);
              }),
              {.operationId = "addAgendaItem",
               .summary = "Add an item under Övriga frågor (either party, until published)",
               .tag = "agenda",
               .requestSchema = "NewAgendaItem",
               .responseSchema = "Agenda",
               .successStatus = 201,
               .errorStatuses = {403, 409},
               .responseHeaders = kAgendaEtag}});

  router.add({"DELETE",
              "/api/v1/meetings/{id}/agenda/items/{key}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = s.agendas.removeItem(req.principal(), id, req.pathParams.at("key"));
                if (!view) return std::unexpected(view.error());
                return agendaReply(*view);
              }),
              {.operationId = "removeAgendaItem",
               .summary = "Remove an added item; a fixed item answers 422 naming it",
               .tag = "agenda",
               .responseSchema = "Agenda",
               .errorStatuses = {403, 409, 422},
               .responseHeaders = kAgendaEtag}});

  router.add({"PATCH",
              "/api/v1/meetings/{id}/agenda/items/{key}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto position = body->optionalInt("position");
                if (!position) return std::unexpected(position.error());
                auto view = s.agendas.moveItem(
                    req.principal(), id, req.pathParams.at("key"),
                    static_cast<int>(std::clamp<std::int64_t>(position->value_or(0), -1, 100000)));
                if (!view) return std::unexpected(view.error());
                return agendaReply(*view);
              }),
              {.operationId = "moveAgendaItem",
               .summary = "Move an added item among the added ones; a fixed item answers 422",
               .tag = "agenda",
               .requestSchema = "AgendaItemMove",
               .responseSchema = "Agenda",
               .errorStatuses = {403, 409},
               .responseHeaders = kAgendaEtag}});

  router.add({"POST",
              "/api/v1/meetings/{id}/agenda/publish",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = s.agendas.publish(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                return agendaReply(*view);
              }),
              {.operationId = "publishAgenda",
               .summary = "Publish the agenda to the participants; records the published version",
               .tag = "agenda",
               .responseSchema = "Agenda",
               .errorStatuses = {403, 409},
               .responseHeaders = kAgendaEtag}});
}

}  // namespace sv::api
