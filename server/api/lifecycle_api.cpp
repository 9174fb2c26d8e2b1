// The minutes' lifecycle: submit for approval, approve an exact version, return with comments,
// register; the register of protocols; a person's notifications.
#include "server/api/api.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "server/services/notifications.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::api {
namespace {

constexpr int kRegistryPage = 50;

Poco::JSON::Object registryJson(const store::RegistryRow& r) {
  auto j = http::orderedObject();
  j.set("number", r.number);
  j.set("year", r.year);
  j.set("sequence", r.seq);
  j.set("meeting_id", r.meetingId);
  j.set("meeting_starts_at", r.meetingStartsAt);
  j.set("contract_id", r.contractId);
  j.set("contract_title", r.contractTitle);
  j.set("provider_name", r.providerName);
  j.set("version", r.version);
  j.set("tag", r.tag);
  j.set("registered_by", r.registeredByName);
  j.set("registered_at", r.registeredAt);
  return j;
}

Poco::JSON::Object lifecycleJson(const services::LifecycleView& v) {
  auto j = http::orderedObject();
  j.set("meeting_id", v.meetingId);
  j.set("state", std::string(minutes::stateName(v.state)));
  j.set("version", v.version);
  Poco::JSON::Array approvals;
  for (const auto& a : v.approvals) {
    auto aj = http::orderedObject();
    aj.set("party", std::string(agenda::toString(a.party)));
    aj.set("user_id", a.userId);
    aj.set("name", a.userName);
    aj.set("version", a.version);
    aj.set("approved_at", a.approvedAt);
    aj.set("note", a.note);
    aj.set("counts", !a.supersededAt && a.version == v.version);
    aj.set("superseded_at",
           a.supersededAt ? Poco::Dynamic::Var(*a.supersededAt) : Poco::Dynamic::Var());
    approvals.add(aj);
  }
  j.set("approvals", approvals);
  Poco::JSON::Array returns;
  for (const auto& r : v.returns) {
    auto rj = http::orderedObject();
    rj.set("name", r.userName);
    rj.set("version", r.version);
    rj.set("comment", r.comment);
    rj.set("returned_at", r.returnedAt);
    returns.add(rj);
  }
  j.set("returns", returns);
  j.set("registration",
        v.registration ? Poco::Dynamic::Var(registryJson(*v.registration)) : Poco::Dynamic::Var());
  Poco::JSON::Array available;
  for (const auto& a : v.available) available.add(a);
  j.set("available", available);
  return j;
}

using Action = std::function<Result<services::LifecycleView>(http::Request&, std::int64_t)>;

http::Handler lifecycleHandler(Action action) {
  return [action](http::Request& req) -> Result<http::Reply> {
    auto id = req.idParam("id");
    if (!id) return std::unexpected(id.error());
    auto view = action(req, *id);
    if (!view) return std::unexpected(view.error());
    return http::Reply::json(lifecycleJson(*view));
  };
}

}  // namespace

void registerLifecycle(http::Router& router, Services& s) {
  router.add({"GET",
              "/api/v1/meetings/{id}/minutes/lifecycle",
              http::Access::LoggedIn,
              lifecycleHandler([&s](http::Request& req, std::int64_t id) {
                return s.minutes.lifecycle(req.principal(), id);
              }),
              {.operationId = "getMinutesLifecycle",
               .summary = "State, approvals (which version, superseded or not), returns, "
                          "registration, and what the caller may do now",
               .tag = "approval",
               .responseSchema = "MinutesLifecycle"}});

  router.add({"POST",
              "/api/v1/meetings/{id}/minutes/submit",
              http::Access::LoggedIn,
              lifecycleHandler([&s](http::Request& req, std::int64_t id) {
                return s.minutes.submit(req.principal(), id);
              }),
              {.operationId = "submitMinutes",
               .summary = "Send the minutes for approval (secretary, chair or contract manager); "
                          "the adjusters are notified",
               .tag = "approval",
               .responseSchema = "MinutesLifecycle",
               .errorStatuses = {403, 409}}});

  router.add(
      {"POST",
       "/api/v1/meetings/{id}/minutes/approve",
       http::Access::LoggedIn,
       lifecycleHandler([&s](http::Request& req,
                             std::int64_t id) -> Result<services::LifecycleView> {
         auto body = http::JsonBody::parse(req.body);
         if (!body) return std::unexpected(body.error());
         // Left out, refused by the workflow after the caller's role (roles first).
         auto version = body->optionalString("version");
         if (!version) return std::unexpected(version.error());
         auto note = body->optionalString("note");
         if (!note) return std::unexpected(note.error());
         return s.minutes.approve(req.principal(), id, version->value_or(""), note->value_or(""));
       }),
       {.operationId = "approveMinutes",
        .summary = "An adjuster approves (justerar) one exact version; an old version answers "
                   "409. A note of disagreement becomes part of the protocol",
        .tag = "approval",
        .requestSchema = "Approval",
        .responseSchema = "MinutesLifecycle",
        .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/meetings/{id}/minutes/return",
              http::Access::LoggedIn,
              lifecycleHandler(
                  [&s](http::Request& req, std::int64_t id) -> Result<services::LifecycleView> {
                    // Left out, the workflow refuses after the caller's role (roles first).
                    if (req.body.empty())
                      return s.minutes.returnMinutes(req.principal(), id, "", {});
                    auto body = http::JsonBody::parse(req.body);
                    if (!body) return std::unexpected(body.error());
                    auto comment = body->optionalString("comment");
                    if (!comment) return std::unexpected(comment.error());
                    auto comments = readReviewComments(*body);
                    if (!comments) return std::unexpected(comments.error());
                    return s.minutes.returnMinutes(req.principal(), id, comment->value_or(""),
                                                   std::move(*comments));
                  }),
              {.operationId = "returnMinutes",
               .summary = "The provider returns the minutes with comments (faktagranskning): a "
                          "general comment, comments per § (\"section\": 6), or both",
               .tag = "approval",
               .requestSchema = "MinutesReturn",
               .responseSchema = "MinutesLifecycle",
               .errorStatuses = {403, 409}}});

  router.add(
      {"POST",
       "/api/v1/meetings/{id}/minutes/register",
       http::Access::LoggedIn,
       lifecycleHandler([&s](http::Request& req, std::int64_t id) {
         return s.minutes.registerMinutes(req.principal(), id);
       }),
       {.operationId = "registerMinutes",
        .summary = "The registrar registers approved minutes: a registry number, a git tag on "
                   "the approved version, and the minutes never change again",
        .tag = "approval",
        .responseSchema = "MinutesLifecycle",
        .errorStatuses = {403, 409}}});

  router.add(
      {"GET", "/api/v1/registry", http::Access::LoggedIn,
       [&s](http::Request& req) -> Result<http::Reply> {
         store::RegistryQuery q;
         q.number = req.queryValue("number");
         q.text = req.queryValue("q");
         int page = 1;
         try {
           if (auto c = req.queryValue("contract")) q.contractId = std::stoll(*c);
           if (auto y = req.queryValue("year")) q.year = std::stoi(*y);
           if (auto y = req.queryValue("meeting_year")) q.meetingYear = std::stoi(*y);
           if (auto p = req.queryValue("page")) page = std::stoi(*p);
         } catch (const std::exception&) {
           return fail(Errc::Malformed, "contract, year, meeting_year and page are numbers");
         }
         if (page < 1 || page > 10000) return fail(Errc::Malformed, "page is 1 to 10000", "page");
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         // `page` (of 50 unless `limit` says otherwise) is how the register was paged first;
         // `offset` is every list's way and wins when both are sent.
         if (!req.queryValue("limit")) paging->limit = kRegistryPage;
         if (!req.queryValue("offset")) paging->offset = (page - 1) * paging->limit;
         q.limit = static_cast<int>(paging->limit);
         q.offset = paging->offset;
         const auto found = s.minutes.registryPage(req.principal(), q);
         Poco::JSON::Array out;
         for (const auto& hit : found.rows) {
           auto j = registryJson(hit.row);
           if (q.text && !q.text->empty()) {
             Poco::JSON::Array parts;
             for (const auto& part : store::snippetParts(hit.snippet)) {
               auto p = http::orderedObject();
               p.set("text", part.text);
               p.set("match", part.hit);
               parts.add(p);
             }
             j.set("snippet", parts);
           }
           out.add(j);
         }
         return pagedArray(req, out, found.total, *paging);
       },
       paged({.operationId = "listRegistry",
              .summary =
                  "The register of protocols in the caller's tenant scope, 50 a page unless "
                  "`limit` says: with `q` the best matches first (bm25) with a snippet, else "
                  "the latest first",
              .tag = "approval",
              .responseSchema = "array:RegistryEntry",
              .parameters = {
                  {"q", "query",
                   "words found in the number, contract, provider, meeting year or registered "
                   "text (each as a prefix, all needed); with a \"/\" a registry number"},
                  {"number", "query", "parts of a registry number: SDN 2026/0042, 2026/42 or 0042"},
                  {"contract", "query", "a contract id", "integer"},
                  {"year", "query", "the year of registration", "integer"},
                  {"meeting_year", "query", "the year the meeting was held", "integer"},
                  {"page", "query", "the page of `limit`, from 1 (older than `offset`, which wins)",
                   "integer"}}})});

  router.add({"GET", "/api/v1/notifications", http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                const auto page = services::notificationsOf(s.store, req.principal(),
                                                            {paging->limit, paging->offset});
                Poco::JSON::Array out;
                for (const auto& n : page.rows) {
                  auto j = http::orderedObject();
                  j.set("id", n.id);
                  j.set("kind", n.kind);
                  j.set("text", n.text);
                  j.set("meeting_id",
                        n.meetingId ? Poco::Dynamic::Var(*n.meetingId) : Poco::Dynamic::Var());
                  j.set("created_at", n.createdAt);
                  j.set("read_at", n.readAt ? Poco::Dynamic::Var(*n.readAt) : Poco::Dynamic::Var());
                  out.add(j);
                }
                return pagedArray(req, out, page.total, *paging);
              },
              paged({.operationId = "listNotifications",
                     .summary = "The caller's notifications, newest first, a page at a time",
                     .tag = "approval",
                     .responseSchema = "array:Notification"})});

  router.add({"POST",
              "/api/v1/notifications/{id}/read",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                auto id = req.idParam("id");
                if (!id) return std::unexpected(id.error());
                if (auto done =
                        services::markNotificationRead(s.store, s.time, req.principal(), *id);
                    !done)
                  return std::unexpected(done.error());
                return http::Reply::noContent();
              },
              {.operationId = "markNotificationRead",
               .summary = "Mark one of the caller's notifications read (again: no change); "
                          "another person's answers 404",
               .tag = "approval",
               .successStatus = 204,
               .errorStatuses = {404}}});
}

}  // namespace sv::api
