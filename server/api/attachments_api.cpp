// Attachments (bilagor) of a meeting and its minutes: upload as multipart/form-data (one part
// named `file`, and `to` = meeting | minutes), list, download with a safe Content-Disposition,
// remove. The upload route reads up to the attachment limit (plus room for the form around the
// file); a larger Content-Length is refused with 413 before a byte of the body is read.
#include <algorithm>

#include "server/api/api.hpp"
#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "server/http/multipart.hpp"
#include "server/services/attachments.hpp"

namespace sv::api {

void registerAttachments(http::Router& router, Services& s) {
  if (!s.attachments) return;
  auto& attachments = *s.attachments;
  // The files of an action's report (what was done, with its evidence).
  router.add(attachmentUploadRoute(
      "/api/v1/actions/{id}/attachments", attachments.maxBytes(),
      [&attachments](http::Request& req, std::int64_t id, const services::AttachmentUpload& up) {
        auto file = up;
        file.to = services::AttachedTo::ActionReport;
        return attachments.uploadToAction(req.principal(), id, file);
      },
      "uploadActionAttachment",
      "Attach a file to the report on an action (multipart/form-data: one part `file`); the type "
      "is read from the bytes"));

  router.add({"GET", "/api/v1/actions/{id}/attachments", http::Access::LoggedIn,
              [&attachments](http::Request& req) -> Result<http::Reply> {
                auto id = req.idParam("id");
                if (!id) return std::unexpected(id.error());
                auto listed = attachments.listOfAction(req.principal(), *id);
                if (!listed) return std::unexpected(listed.error());
                return attachmentPage(req, *listed);
              },
              paged({.operationId = "listActionAttachments",
                     .summary = "The files of the report on an action, oldest first; a page starts "
                                "after the id `after`",
                     .tag = "attachments",
                     .responseSchema = "array:Attachment",
                     .parameters = {{"after", "query", "attachments after this id", "integer"}}})});

  router.add(attachmentUploadRoute(
      "/api/v1/meetings/{id}/attachments", attachments.maxBytes(),
      [&attachments](http::Request& req, std::int64_t id, const services::AttachmentUpload& up) {
        return attachments.upload(req.principal(), id, up);
      },
      "uploadAttachment",
      "Attach a file to a meeting or its minutes (multipart/form-data: one part `file`, and `to` "
      "= meeting | minutes); the type is read from the bytes"));

  router.add(
      {"GET", "/api/v1/meetings/{id}/attachments", http::Access::LoggedIn,
       [&attachments](http::Request& req) -> Result<http::Reply> {
         auto id = req.idParam("id");
         if (!id) return std::unexpected(id.error());
         auto listed = attachments.list(req.principal(), *id);
         if (!listed) return std::unexpected(listed.error());
         return attachmentPage(req, *listed);
       },
       paged({.operationId = "listAttachments",
              .summary = "The attachments of a meeting and its minutes, oldest first; a page "
                         "starts after the id `after`",
              .tag = "attachments",
              .responseSchema = "array:Attachment",
              .parameters = {{"after", "query", "attachments after this id", "integer"}}})});

  router.add({"GET",
              "/api/v1/attachments/{id}",
              http::Access::LoggedIn,
              [&attachments](http::Request& req) -> Result<http::Reply> {
                auto id = req.idParam("id");
                if (!id) return std::unexpected(id.error());
                auto file = attachments.download(req.principal(), *id);
                if (!file) return std::unexpected(file.error());
                return http::Reply::download(std::move(file->bytes), file->attachment.contentType,
                                             file->attachment.fileName);
              },
              {.operationId = "downloadAttachment",
               .summary = "The attachment's bytes, with its stored type, as a download",
               .tag = "attachments",
               .responseType = "application/octet-stream",
               .responseHeaders = {{"Content-Disposition", "attachment with the file's name"},
                                   {"X-Content-Type-Options", "nosniff"}}}});

  router.add({"DELETE",
              "/api/v1/attachments/{id}",
              http::Access::LoggedIn,
              [&attachments](http::Request& req) -> Result<http::Reply> {
                auto id = req.idParam("id");
                if (!id) return std::unexpected(id.error());
                if (auto removed = attachments.remove(req.principal(), *id); !removed)
                  return std::unexpected(removed.error());
                return http::Reply::noContent();
              },
              {.operationId = "removeAttachment",
               .summary = "Remove an attachment (its uploader or the contract manager; not once "
                          "the minutes are registered)",
               .tag = "attachments",
               .successStatus = 204,
               .errorStatuses = {403, 409}}});
}

}  // namespace sv::api
