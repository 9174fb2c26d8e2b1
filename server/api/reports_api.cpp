// Follow-up reports (uppföljningsrapporter): list, start, read and save like the minutes (ETag
// and If-Match, merged area by area), their versions and the files as committed.
#include <algorithm>

#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/report_views.hpp"
#include "server/api/views.hpp"
#include "server/http/problem.hpp"

namespace sv::api {
namespace {

const std::vector<http::ResponseHeader> kReportEtag{
    {"ETag", "the version of the report, quoted: send it back in If-Match"}};

Result<store::ReportQuery> reportQueryOf(const http::Request& req) {
  store::ReportQuery q;
  auto paging = pagingQuery(req);
  if (!paging) return std::unexpected(paging.error());
  q.limit = static_cast<int>(paging->limit);
  // Past the largest int is past any list's end: the page is empty either way.
  q.offset = static_cast<int>(std::min<std::int64_t>(paging->offset, INT32_MAX));
  auto contract = wholeNumberQuery(req, "contract_id", 0);
  if (!contract) return std::unexpected(contract.error());
  if (*contract > 0) q.contractId = *contract;
  auto year = wholeNumberQuery(req, "year", 0);
  if (!year) return std::unexpected(year.error());
  if (*year > 0) q.year = static_cast<int>(std::min<std::int64_t>(*year, 100000));
  if (auto state = req.queryValue("state")) {
    if (!minutes::parseReportState(*state))
      return fail(Errc::Invalid, Reason::UnknownChoice, "no such state", "state", *state);
    q.state = *state;
  }
  return q;
}

}  // namespace

void registerReports(http::Router& router, Services& s) {
  if (!s.reports) return;
  auto& reports = *s.reports;
  router.add(
      {"GET", "/api/v1/reports", http::Access::LoggedIn,
       [&reports](http::Request& req) -> Result<http::Reply> {
         auto q = reportQueryOf(req);
         if (!q) return std::unexpected(q.error());
         const auto page = reports.list(req.principal(), *q);
         Poco::JSON::Array items;
         for (const auto& r : page.items) items.add(reportSummaryJson(r));
         return pageReply(req, items, page.total, {q->limit, q->offset});
       },
       paged({.operationId = "listReports",
              .summary = "The follow-up reports the caller may see, newest year first, a page "
                         "at a time",
              .tag = "reports",
              .responseSchema = "ReportPage",
              .parameters = {{"contract_id", "query", "only this contract's", "integer"},
                             {"year", "query", "only this year's", "integer"},
                             {"state", "query", "only reports in this state"}}})});

  router.add({"POST",
              "/api/v1/reports",
              http::Access::LoggedIn,
              [&reports](http::Request& req) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                services::NewReport what;
                auto contract = body->requiredInt("contract_id");
                if (!contract) return std::unexpected(contract.error());
                what.contractId = *contract;
                auto year = body->requiredInt("year");
                if (!year) return std::unexpected(year.error());
                what.year = static_cast<int>(std::clamp<std::int64_t>(*year, 0, 100000));
                auto kind = body->optionalString("kind");
                if (!kind) return std::unexpected(kind.error());
                if (*kind) {
                  auto parsed = minutes::parseReportKind(**kind);
                  if (!parsed)
                    return fail(Errc::Invalid, Reason::UnknownChoice,
                                "kind is operational or contract", "kind", **kind);
                  what.kind = *parsed;
                }
                auto view = reports.start(req.principal(), what);
                if (!view) return std::unexpected(view.error());
                return reportReply(*view, 201)
                    .header("Location", "/api/v1/reports/" + std::to_string(view->summary.id));
              },
              {.operationId = "startReport",
               .summary = "Start a contract's follow-up report for a year from its service "
                          "area's template (the authority's contract manager)",
               .tag = "reports",
               .requestSchema = "ReportStart",
               .responseSchema = "ReportView",
               .successStatus = 201,
               .errorStatuses = {403, 409},
               .responseHeaders = kReportEtag}});

  router.add({"GET",
              "/api/v1/reports/{id}",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto view = reports.get(req.principal(), id);
                if (!view) return std::unexpected(view.error());
                return reportReply(*view);
              }),
              {.operationId = "getReport",
               .summary = "The current report; the ETag is the version to send back in If-Match",
               .tag = "reports",
               .responseSchema = "ReportView",
               .responseHeaders = kReportEtag}});

  router.add(
      {"PUT",
       "/api/v1/reports/{id}",
       http::Access::LoggedIn,
       withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         const auto ifMatch = req.header("if-match");
         if (!ifMatch)
           return http::problem(http::FrameError::PreconditionRequired, req.path,
                                "send the version you edited in If-Match");
         auto proposed = minutes::reportFromJsonMember(req.body, "report");
         if (!proposed) {
           // Roles before fields.
           if (auto ok = reports.mayEdit(req.principal(), id); !ok)
             return std::unexpected(ok.error());
           return std::unexpected(proposed.error());
         }
         auto result = reports.save(req.principal(), id, *ifMatch, *proposed);
         if (!result) return std::unexpected(result.error());
         if (result->conflict) {
           Poco::JSON::Array conflicts;
           for (const auto& c : result->conflict->conflicts) {
             auto cj = http::orderedObject();
             cj.set("area", c.key);
             cj.set("title", c.title);
             cj.set("theirs", c.theirs);
             cj.set("mine", c.mine);
             conflicts.add(cj);
           }
           return saveConflictProblem(req.path, result->conflict->currentVersion, conflicts,
                                      "the same areas were changed by someone else since your "
                                      "version; nothing was saved");
         }
         return reportReply(*result->saved, 200,
                            std::string(",\"merged\":") + (result->merged ? "true" : "false") +
                                ",\"changed\":" + (result->changed ? "true" : "false"));
       }),
       {.operationId = "saveReport",
        .summary = "Save the report (If-Match required). A save from an older version is merged "
                   "per area, or refused with 409 and both texts when an area changed on both "
                   "sides",
        .tag = "reports",
        .requestSchema = "ReportSave",
        .responseSchema = "ReportView",
        .parameters = {{"If-Match", "header", "the version the edit started from", "string", true}},
        .errorStatuses = {403, 409, 428},
        .responseHeaders = kReportEtag}});

  router.add(
      {"GET", "/api/v1/reports/{id}/versions", http::Access::LoggedIn,
       withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto paging = pagingQuery(req);
         if (!paging) return std::unexpected(paging.error());
         auto versions = reports.versionPage(req.principal(), id, {paging->limit, paging->offset});
         if (!versions) return std::unexpected(versions.error());
         Poco::JSON::Array out;
         for (const auto& v : versions->rows) out.add(versionJson(v));
         return pagedArray(req, out, versions->total, *paging);
       }),
       paged({.operationId = "listReportVersions",
              .summary = "Every version of the report: author, time, message",
              .tag = "reports",
              .responseSchema = "array:DocumentVersion"})});

  router.add({"GET",
              "/api/v1/reports/{id}/versions/{version}",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                const auto& version = req.pathParams.at("version");
                if (auto format = req.queryValue("format")) {
                  auto bytes = reports.fileAtVersion(req.principal(), id, version, *format);
                  if (!bytes) return std::unexpected(bytes.error());
                  return http::Reply::text(*bytes, *format == "md" ? "text/markdown; charset=utf-8"
                                                                   : "application/json");
                }
                auto view = reports.atVersion(req.principal(), id, version);
                if (!view) return std::unexpected(view.error());
                return reportReply(*view);
              }),
              {.operationId = "getReportVersion",
               .summary = "An old version; ?format=md or json gives the committed bytes",
               .tag = "reports",
               .responseSchema = "ReportView",
               .parameters = {{"format", "query", "md or json: the file as committed"}}}});
}

}  // namespace sv::api
