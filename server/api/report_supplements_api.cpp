// A follow-up report's supplements (kompletteringar) and attachments (bilagor): the authority
// requests and decides, the provider sends text and files. Uploads are multipart/form-data with
// one part `file`, read up to the attachment limit (413 before the body from Content-Length).
#include <algorithm>

#include "server/api/api.hpp"
#include "server/api/handler.hpp"
#include "server/api/report_views.hpp"
#include "server/api/views.hpp"

namespace sv::api {
namespace {

Result<int> numberParam(const http::Request& req) {
  auto n = req.idParam("number");
  if (!n) return std::unexpected(n.error());
  if (*n > 1'000'000) return fail(Errc::NotFound, "no such supplement");
  return static_cast<int>(*n);
}

http::Reply supplementReply(const services::Supplement& s, int status = 200) {
  return http::Reply::json(supplementJson(s), status);
}

}  // namespace

void registerReportSupplements(http::Router& router, Services& s) {
  if (!s.reports || !s.attachments) return;
  auto& reports = *s.reports;
  auto& attachments = *s.attachments;
  router.add({"GET", "/api/v1/reports/{id}/supplements", http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto list = reports.supplements(req.principal(), id);
                if (!list) return std::unexpected(list.error());
                auto paging = pagingQuery(req);
                if (!paging) return std::unexpected(paging.error());
                Poco::JSON::Array out;
                for (const auto& sup : pageOf(*list, *paging)) out.add(supplementJson(sup));
                return pagedArray(req, out, std::ssize(*list), *paging);
              }),
              paged({.operationId = "listSupplements",
                     .summary = "The supplements asked for, sent and decided, in their order",
                     .tag = "reports",
                     .responseSchema = "array:Supplement"})});

  router.add({"POST",
              "/api/v1/reports/{id}/supplements",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                services::SupplementRequest r;
                for (auto [field, target] :
                     {std::pair{"area", &r.areaKey}, std::pair{"request", &r.request},
                      std::pair{"due_on", &r.dueOn}}) {
                  auto value = body->optionalString(field);
                  if (!value) return std::unexpected(value.error());
                  *target = value->value_or("");
                }
                auto made = reports.requestSupplement(req.principal(), id, r);
                if (!made) return std::unexpected(made.error());
                return supplementReply(*made, 201);
              }),
              {.operationId = "requestSupplement",
               .summary = "Ask the provider for a supplement on an area, with a last day",
               .tag = "reports",
               .requestSchema = "SupplementRequest",
               .responseSchema = "Supplement",
               .successStatus = 201,
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/reports/{id}/supplements/{number}/response",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto number = numberParam(req);
                if (!number) return std::unexpected(number.error());
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                auto text = body->optionalString("text");
                if (!text) return std::unexpected(text.error());
                auto sent =
                    reports.sendSupplement(req.principal(), id, *number, text->value_or(""));
                if (!sent) return std::unexpected(sent.error());
                return supplementReply(*sent);
              }),
              {.operationId = "sendSupplement",
               .summary = "The provider sends the supplement's text (its files as attachments)",
               .tag = "reports",
               .requestSchema = "SupplementSend",
               .responseSchema = "Supplement",
               .errorStatuses = {403, 409}}});

  router.add({"POST",
              "/api/v1/reports/{id}/supplements/{number}/decision",
              http::Access::LoggedIn,
              withId([&reports](http::Request& req, std::int64_t id) -> Result<http::Reply> {
                auto number = numberParam(req);
                if (!number) return std::unexpected(number.error());
                auto body = http::JsonBody::parse(req.body);
                if (!body) return std::unexpected(body.error());
                services::SupplementDecision d;
                auto assessment = body->optionalString("assessment");
                if (!assessment) return std::unexpected(assessment.error());
                auto reason = body->optionalString("reason");
                if (!reason) return std::unexpected(reason.error());
                d.assessment = assessment->value_or("");
                d.reason = reason->value_or("");
                auto decided = reports.decideSupplement(req.principal(), id, *number, d);
                if (!decided) return std::unexpected(decided.error());
                return supplementReply(*decided);
              }),
              {.operationId = "decideSupplement",
               .summary = "The authority decides: the area's assessment from now on and why",
               .tag = "reports",
               .requestSchema = "SupplementDecision",
               .responseSchema = "Supplement",
               .errorStatuses = {403, 409}}});

  // Files: on the report, or on one of its supplements.
  router.add(attachmentUploadRoute(
      "/api/v1/reports/{id}/attachments", attachments.maxBytes(),
      [&attachments](http::Request& req, std::int64_t id, const services::AttachmentUpload& up) {
        return attachments.uploadToReport(req.principal(), id, std::nullopt, up);
      },
      "uploadReportAttachment",
      "Attach a file to the report (multipart/form-data: one part `file`); the type is read from "
      "the bytes"));
  router.add(attachmentUploadRoute(
      "/api/v1/reports/{id}/supplements/{number}/attachments", attachments.maxBytes(),
      [&attachments](http::Request& req, std::int64_t id,
                     const services::AttachmentUpload& up) -> Result<services::Attachment> {
        auto number = numberParam(req);
        if (!number) return std::unexpected(number.error());
        return attachments.uploadToReport(req.principal(), id, *number, up);
      },
      "uploadSupplementAttachment",
      "Attach a file to a supplement (multipart/form-data: one part `file`); the type is read "
      "from the bytes"));

  router.add(
      {"GET", "/api/v1/reports/{id}/attachments", http::Access::LoggedIn,
       withId([&attachments](http::Request& req, std::int64_t id) -> Result<http::Reply> {
         auto listed = attachments.listOfReport(req.principal(), id);
         if (!listed) return std::unexpected(listed.error());
         return attachmentPage(req, *listed);
       }),
       paged({.operationId = "listReportAttachments",
              .summary = "The attachments of the report and its supplements, oldest first; a "
                         "page starts after the id `after`",
              .tag = "attachments",
              .responseSchema = "array:Attachment",
              .parameters = {{"after", "query", "attachments after this id", "integer"}}})});
}

}  // namespace sv::api
