// Action follow-up: what is due, reports from the responsible party, evaluations.
#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "server/services/actions.hpp"

namespace sv::api {
namespace {

Poco::JSON::Object actionJson(const services::ActionView& v) {
  const auto& r = v.row;
  auto j = http::orderedObject();
  j.set("id", r.id);
  j.set("contract_id", r.contractId);
  j.set("contract_title", r.contractTitle);
  j.set("text", r.text);
  j.set("responsible_party", std::string(agenda::toString(r.responsibleParty)));
  j.set("responsible_person", r.responsiblePerson);
  j.set("due_on", r.dueOn);
  j.set("status", std::string(agenda::toString(r.status)));
  j.set("overdue", v.overdue);
  j.set("due_soon", v.dueSoon);
  auto origin = http::orderedObject();
  origin.set("meeting_id",
             r.originMeetingId ? Poco::Dynamic::Var(*r.originMeetingId) : Poco::Dynamic::Var());
  origin.set("section",
             r.originSection ? Poco::Dynamic::Var(*r.originSection) : Poco::Dynamic::Var());
  origin.set("text", services::ActionService::originOf(r));
  j.set("origin", origin);
  Poco::JSON::Array events;
  for (const auto& e : v.events) {
    auto ej = http::orderedObject();
    ej.set("kind", std::string(agenda::toString(e.kind)));
    ej.set("by", e.userName);
    ej.set("meeting_id", e.meetingId ? Poco::Dynamic::Var(*e.meetingId) : Poco::Dynamic::Var());
    ej.set("text", e.text);
    ej.set("outcome", e.outcome ? Poco::Dynamic::Var(std::string(agenda::toString(*e.outcome)))
                                : Poco::Dynamic::Var());
    ej.set("new_due_on", e.newDueOn ? Poco::Dynamic::Var(*e.newDueOn) : Poco::Dynamic::Var());
    ej.set("at", e.at);
    events.add(ej);
  }
  j.set("events", events);
  return j;
}

http::Reply actionReply(const services::ActionView& v, int status = 200) {
  return http::Reply::json(actionJson(v), status);
}

}  // namespace

void registerActions(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/actions", http::Access::LoggedIn,
       [&s](http::Request& req) -> Result<http::Reply> {
         services::ActionFilter f;
         try {
           if (auto c = req.queryValue("contract")) f.contractId = std::stoll(*c);
         } catch (const std::exception&) {
           return fail(Errc::Malformed, "contract is an id", "contract");
         }
         f.status = req.queryValue("status");
         if (auto o = req.queryValue("overdue")) {
           if (*o != "true" && *o != "false")
             return fail(Errc::Invalid, "overdue is true or false", "overdue");
           f.overdueOnly = *o == "true";
         }
         f.dueBefore = req.queryValue("due_before");
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         auto actions = s.actions.page(req.principal(), f, {paging->limit, paging->offset});
         if (!actions) return std::unexpected(actions.error());
         Poco::JSON::Array out;
         for (const auto& a : actions->rows) out.add(actionJson(a));
         return pagedArray(req, out, actions->total, *paging);
       },
       paged({.operationId = "listActions",
              .summary =
                  "Actions of the caller's contracts, soonest due first (then by id), a page "
                  "at a time; overdue and due-soon marked",
              .tag = "actions",
              .responseSchema = "array:Action",
              .parameters = {
                  {"contract", "query", "a contract id", "integer"},
                  {"status", "query", "open, reported, accepted or insufficient"},
                  {"overdue", "query", "true: only actions past their due date", "boolean"},
                  {"due_before", "query", "due on or before this date (YYYY-MM-DD)"}}})});

  router.add({"POST",
              "/api/v1/actions",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                services::NewAction in;
                auto contract = body->requiredInt("contract_id");
                if (!contract) return std::unexpected(contract.error());
                in.contractId = *contract;
                for (auto [field, target] : {std::pair{"text", &in.text},
                                             {"responsible_party", &in.responsibleParty},
                                             {"due_on", &in.dueOn}}) {
                  // Left out, refused by the service after the caller's role (roles first).
                  auto v = body->optionalString(field);
                  if (!v) return std::unexpected(v.error());
                  *target = v->value_or("");
                }
                auto person = body->optionalString("responsible_person");
                if (!person) return std::unexpected(person.error());
                in.responsiblePerson = person->value_or("");
                auto created = s.actions.create(req.principal(), in);
                if (!created) return std::unexpected(created.error());
                return actionReply(*created, 201);
              },
              {.operationId = "createAction",
               .summary = "Record an action agreed outside a meeting (contract manager)",
               .tag = "actions",
               .requestSchema = "NewAction",
               .responseSchema = "Action",
               .successStatus = 201,
               .errorStatuses = {403}}});

  router.add({"GET",
              "/api/v1/actions/{id}",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto a = s.actions.get(req.principal(), id);
                if (!a) return std::unexpected(a.error());
                return actionReply(*a);
              }),
              {.operationId = "getAction",
               .summary = "One action with its history",
               .tag = "actions",
               .responseSchema = "Action"}});

  router.add(
      {"PATCH",
       "/api/v1/actions/{id}",
       http::Access::LoggedIn,
       withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto body = http::JsonBody::parse(req.body);
         if (!body) return std::unexpected(body.error());
         services::ActionChange change;
         for (auto [field, target] : {std::pair{"text", &change.text},
                                      {"responsible_person", &change.responsiblePerson},
                                      {"due_on", &change.dueOn}}) {
           auto v = body->optionalString(field);
           if (!v) return std::unexpected(v.error());
           *target = *v;
         }
         auto a = s.actions.change(req.principal(), id, change);
         if (!a) return std::unexpected(a.error());
         return actionReply(*a);
       }),
       {.operationId = "updateAction",
        .summary = "Change an action's text, responsible person or due date (contract manager)",
        .tag = "actions",
        .requestSchema = "ActionChange",
        .responseSchema = "Action",
        .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/actions/{id}/report",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto text = body->optionalString("text");
                if (!text) return std::unexpected(text.error());
                auto a = s.actions.report(req.principal(), id, text->value_or(""));
                if (!a) return std::unexpected(a.error());
                return actionReply(*a);
              }),
              {.operationId = "reportAction",
               .summary = "The responsible party reports what it has done",
               .tag = "actions",
               .requestSchema = "ActionReport",
               .responseSchema = "Action",
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/actions/{id}/evaluate",
              http::Access::LoggedIn,
              withId([&s](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto outcome = body->optionalString("outcome");
                if (!outcome) return std::unexpected(outcome.error());
                auto comment = body->optionalString("comment");
                if (!comment) return std::unexpected(comment.error());
                auto due = body->optionalString("new_due_date");
                if (!due) return std::unexpected(due.error());
                auto a = s.actions.evaluate(req.principal(), id, outcome->value_or(""),
                                            comment->value_or(""), *due);
                if (!a) return std::unexpected(a.error());
                return actionReply(*a);
              }),
              {.operationId = "evaluateAction",
               .summary = "The authority evaluates a reported action: accepted, or insufficient "
                          "with a comment and a new due date",
               .tag = "actions",
               .requestSchema = "ActionEvaluation",
               .responseSchema = "Action",
               .errorStatuses = {403, 409}}});
}

}  // namespace sv::api
