#include "server/api/api.hpp"
#include "server/api/views.hpp"

namespace sv::api {

void registerAudit(http::Router& router, Services& s) {
  router.add(
      {"GET", "/api/v1/audit", http::Access::LoggedIn,
       [&s](http::Request& req) -> Result<http::Reply> {
         if (auto ok = services::mayReadAudit(req.principal()); !ok)
           return std::unexpected(ok.error());
         auto after = wholeNumberQuery(req, "after", 0);
         if (!after) return std::unexpected(after.error());
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         store::AuditQuery q;
         q.afterId = *after;
         q.limit = static_cast<int>(paging->limit);
         q.offset = paging->offset;
         q.objectType = req.queryValue("object_type");
         q.objectId = req.queryValue("object_id");
         auto records = services::readAudit(s.store, req.principal(), q);
         if (!records) return std::unexpected(records.error());
         Poco::JSON::Array out;
         for (const auto& r : records->rows) out.add(auditJson(r));
         return pagedArray(req, out, records->total, *paging);
       },
       paged({.operationId = "listAudit",
              .summary = "The audit log, oldest first, a page at a time (admin; a reader: its "
                         "tenant's); `after` keeps a follower's place by id",
              .tag = "audit",
              .responseSchema = "array:AuditEntry",
              .parameters = {{"after", "query", "only entries after this id", "integer"},
                             {"object_type", "query", "only this kind of object"},
                             {"object_id", "query", "only this object"}},
              .errorStatuses = {403}})});

  router.add({"GET",
              "/api/v1/audit/verification",
              http::Access::LoggedIn,
              [&s](http::Request& req) -> Result<http::Reply> {
                const auto report = services::verifyAudit(s.store, req.principal());
                if (!report) return std::unexpected(report.error());
                auto out = http::orderedObject();
                out.set("intact", report->findings.empty());
                Poco::JSON::Array list;
                for (const auto& f : report->findings) {
                  auto item = http::orderedObject();
                  item.set("id", f.id);
                  item.set("problem", f.problem);
                  list.add(item);
                }
                out.set("findings", list);
                Poco::JSON::Array notes;
                for (const auto& n : report->notes) notes.add(n);
                out.set("notes", notes);
                return http::Reply::json(out);
              },
              {.operationId = "verifyAudit",
               .summary = "Checks the audit log's hash chain, its seals and its anchor",
               .tag = "audit",
               .responseSchema = "AuditVerification",
               .errorStatuses = {403}}});
}

}  // namespace sv::api
