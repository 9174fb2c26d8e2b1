// Attachments as the API shows and reads them, for the meeting's routes (attachments_api.cpp)
// and the follow-up report's (report_attachments_api.cpp).
#include <algorithm>

#include "server/api/views.hpp"
#include "server/http/json_body.hpp"
#include "server/http/multipart.hpp"
#include "server/http/reply.hpp"

namespace sv::api {

Poco::JSON::Object attachmentJson(const services::Attachment& a) {
  auto j = http::orderedObject();
  j.set("id", a.id);
  j.set("meeting_id", a.meetingId ? Poco::Dynamic::Var(a.meetingId) : Poco::Dynamic::Var());
  j.set("report_id", a.reportId ? Poco::Dynamic::Var(a.reportId) : Poco::Dynamic::Var());
  j.set("supplement", a.supplement ? Poco::Dynamic::Var(a.supplement) : Poco::Dynamic::Var());
  j.set("action_id", a.actionId ? Poco::Dynamic::Var(a.actionId) : Poco::Dynamic::Var());
  j.set("case_id", a.caseId ? Poco::Dynamic::Var(a.caseId) : Poco::Dynamic::Var());
  j.set("attached_to", std::string(services::attachedToName(a.to)));
  j.set("file_name", a.fileName);
  j.set("content_type", a.contentType);
  j.set("size", a.size);
  j.set("sha256", a.sha256);
  j.set("uploaded_by", a.uploadedBy);
  j.set("uploaded_by_name", a.uploadedByName);
  j.set("uploaded_at", a.uploadedAt);
  j.set("version", a.version);
  j.set("sealed", a.sealed);
  j.set("href", "/api/v1/attachments/" + std::to_string(a.id));
  return j;
}

Result<services::AttachmentUpload> uploadOf(const http::Request& req) {
  auto form = http::MultipartForm::parse(req);
  if (!form) return std::unexpected(form.error());
  services::AttachmentUpload up;
  if (form->has("to")) {
    auto to = services::parseAttachedTo(form->value("to"));
    // A report's files have routes of their own; `to` places a file on a meeting.
    if (!to || (*to != services::AttachedTo::Meeting && *to != services::AttachedTo::Minutes))
      return fail(Errc::Invalid, Reason::UnknownChoice, "to is meeting or minutes", "to",
                  form->value("to"));
    up.to = *to;
  }
  const auto& files = form->files();
  const auto count = std::ranges::count_if(files, [](const auto& f) { return f.field == "file"; });
  if (count == 0) return fail(Errc::Invalid, Reason::Missing, "send one part named file", "file");
  if (count > 1) return fail(Errc::Invalid, "send one file at a time", "file");
  const auto& file = *std::ranges::find_if(files, [](const auto& f) { return f.field == "file"; });
  up.fileName = file.fileName;
  up.bytes = file.bytes;
  return up;
}

http::Route attachmentUploadRoute(std::string pattern, std::size_t maxAttachmentBytes,
                                  UploadTo upload, std::string operationId, std::string summary) {
  http::Route route{"POST",
                    std::move(pattern),
                    http::Access::LoggedIn,
                    [upload = std::move(upload)](http::Request& req) -> Result<http::Reply> {
                      auto id = req.idParam("id");
                      if (!id) return std::unexpected(id.error());
                      auto up = uploadOf(req);
                      if (!up) return std::unexpected(up.error());
                      auto added = upload(req, *id, *up);
                      if (!added) return std::unexpected(added.error());
                      return http::Reply::json(attachmentJson(*added), 201)
                          .header("Location", "/api/v1/attachments/" + std::to_string(added->id));
                    },
                    {.operationId = std::move(operationId),
                     .summary = std::move(summary),
                     .tag = "attachments",
                     .requestSchema = "AttachmentUpload",
                     .requestType = "multipart/form-data",
                     .responseSchema = "Attachment",
                     .successStatus = 201,
                     .errorStatuses = {403, 409},
                     .responseHeaders = {{"Location", "the attachment's download"}}}};
  route.maxBodyBytes = maxAttachmentBytes + kFormOverhead;
  return route;
}

Result<http::Reply> attachmentPage(const http::Request& req,
                                   const std::vector<services::Attachment>& listed) {
  auto after = wholeNumberQuery(req, "after", 0);
  if (!after) return std::unexpected(after.error());
  auto paging = pagingQuery(req);
  if (!paging) return std::unexpected(paging.error());
  // A document's attachments are few and listed whole by the service; `after` narrows the list
  // before it is paged, so the total counts what is after it.
  std::vector<services::Attachment> later;
  for (const auto& a : listed)
    if (a.id > *after) later.push_back(a);
  Poco::JSON::Array out;
  for (const auto& a : pageOf(later, *paging)) out.add(attachmentJson(a));
  return pagedArray(req, out, static_cast<std::int64_t>(later.size()), *paging);
}

}  // namespace sv::api
