// A follow-up report's lifecycle (config/workflows/report.workflow): the fact-check sent and
// answered per area, the comments answered, final, registered; and its outputs: the whole record,
// the PDF and the archival package.
#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/report_views.hpp"
#include "server/api/views.hpp"

namespace sv::api {
namespace {

template <class F>
http::Handler reportStepHandler(F f) {
  return withId([f = std::move(f)](http::Request& req, std::int64_t id) -> Result<http::Reply> {
    auto view = f(req, id);
    if (!view) return std::unexpected(view.error());
    return reportReply(*view);
  });
}

}  // namespace

void registerReportSteps(http::Router& router, Services& s) {
  if (!s.reports) return;
  auto& reports = *s.reports;
  router.add({"POST",
              "/api/v1/reports/{id}/fact-check",
              http::Access::LoggedIn,
              reportStepHandler([&reports](http::Request& req, std::int64_t id) {
                return reports.sendForFactCheck(req.principal(), id);
              }),
              {.operationId = "sendReportForFactCheck",
               .summary = "Send the assessed report to the provider for fact-checking, with a "
                          "last day (samverkan.reports.fact_check_days, 14 by default)",
               .tag = "reports",
               .responseSchema = "ReportView",
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/reports/{id}/fact-check/answer",
              http::Access::LoggedIn,
              reportStepHandler(
                  [&reports](http::Request& req, std::int64_t id) -> Result<services::ReportView> {
                    auto body = http::JsonBody::parse(req.body.empty() ? "{}" : req.body);
                    if (!body) return std::unexpected(body.error());
                    // Comments per area ("area": the key); none at all means "inga synpunkter".
                    auto comments = readReviewComments(*body, CommentPart::Area);
                    if (!comments) return std::unexpected(comments.error());
                    return reports.answerFactCheck(req.principal(), id, std::move(*comments));
                  }),
              {.operationId = "answerReportFactCheck",
               .summary = "The provider's answer: corrections of fact per area, or no comments "
                          "at all (\"inga synpunkter\")",
               .tag = "reports",
               .requestSchema = "FactCheckAnswer",
               .responseSchema = "ReportView",
               .errorStatuses = {403, 409}}});

  router.add({"GET", "/api/v1/reports/{id}/comments", http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto comments = reports.comments(req.principal(), id);
                if (!comments) return std::unexpected(comments.error());
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                Poco::JSON::Array out;
                for (const auto& c : pageOf(*comments, *paging)) out.add(reportCommentJson(c));
                return pagedArray(req, out, std::ssize(*comments), *paging);
              }),
              paged({.operationId = "listReportComments",
                     .summary = "The fact-check's comments per area with the authority's answers",
                     .tag = "reports",
                     .responseSchema = "array:ReportComment"})});

  router.add({"POST",
              "/api/v1/reports/{id}/comments/{comment}/answer",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto comment = req.idParam("comment");
                if (!comment) return std::unexpected(comment.error());
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto answer = body->optionalString("answer");
                if (!answer) return std::unexpected(answer.error());
                auto answered =
                    reports.answerComment(req.principal(), id, *comment, answer->value_or(""));
                if (!answered) return std::unexpected(answered.error());
                return http::Reply::json(reportCommentJson(*answered));
              }),
              {.operationId = "answerReportComment",
               .summary = "The authority's answer to one comment of the fact-check",
               .tag = "reports",
               .requestSchema = "CommentAnswer",
               .responseSchema = "ReportComment",
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/reports/{id}/finalize",
              http::Access::LoggedIn,
              reportStepHandler([&reports](http::Request& req, std::int64_t id) {
                return reports.finalize(req.principal(), id);
              }),
              {.operationId = "finalizeReport",
               .summary = "Make the report final: its fact-check record is committed with it, "
                          "its required improvements become actions, the provider gets it",
               .tag = "reports",
               .responseSchema = "ReportView",
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/reports/{id}/register",
              http::Access::LoggedIn,
              reportStepHandler([&reports](http::Request& req, std::int64_t id) {
                return reports.registerReport(req.principal(), id);
              }),
              {.operationId = "registerReport",
               .summary = "Register a final report (the registrar): a number in the authority's "
                          "register, the report and its attachments sealed, a git tag",
               .tag = "reports",
               .responseSchema = "ReportView",
               .errorStatuses = {403, 409}}});

  router.add({"GET",
              "/api/v1/reports/{id}/pdf",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto file = reports.pdf(req.principal(), id);
                if (!file) return std::unexpected(file.error());
                const std::string name = file->fileName;  // ASCII (report_outputs.cpp)
                return http::Reply::text(std::move(file->bytes), "application/pdf")
                    .header("Content-Disposition",
                            "inline; filename=\"" + name + "\"; filename*=UTF-8''" + name);
              }),
              {.operationId = "getReportPdf",
               .summary = "The report as PDF with its fact-check, supplements and attachments; "
                          "marked on every page until registered",
               .tag = "reports",
               .responseType = "application/pdf",
               .responseHeaders = {{"Content-Disposition", "the file name to save it under"}}}});

  router.add({"GET",
              "/api/v1/reports/{id}/archive",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto bag = reports.archive(req.principal(), id);
                if (!bag) return std::unexpected(bag.error());
                return http::Reply::text(std::move(bag->second), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + bag->first + "\"");
              }),
              {.operationId = "getReportArchive",
               .summary = "The archival package of a registered report: a BagIt zip with the "
                          "report as committed, its fact-check record, PDF/A, metadata, audit "
                          "entries, attachments and SHA-256 manifests",
               .tag = "reports",
               .responseType = "application/zip",
               .errorStatuses = {409},
               .responseHeaders = {{"Content-Disposition", "the file name to save it under"}}}});

  router.add({"GET",
              "/api/v1/reports/{id}/record",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto record = reports.record(req.principal(), id);
                if (!record) return std::unexpected(record.error());
                return http::Reply::text(minutes::renderRecordMarkdown(*record),
                                         "text/markdown; charset=utf-8");
              }),
              {.operationId = "getReportRecord",
               .summary = "The fact-check, supplements and attachments as Swedish Markdown",
               .tag = "reports",
               .responseType = "text/markdown"}});
}

}  // namespace sv::api
