// The Bilagor part of a meeting's page: the files of the meeting and its minutes with download
// links, the upload form (multipart/form-data, without JavaScript) and a remove button for
// whoever may remove. `GET /bilagor/{id}` downloads, `POST /moten/{id}/bilagor` uploads,
// `POST /bilagor/{id}/ta-bort` removes (a follow-up report's file too, back to the report's page);
// errors come back on the meeting page in Swedish.
#include "server/http/multipart.hpp"
#include "server/services/access.hpp"
#include "server/web/pages.hpp"
#include "server/web/report_parts.hpp"

namespace sv::web {
namespace {

http::Reply afterAttachmentPost(http::Request& req, Services& s, std::int64_t meetingId,
                                const Status& result, const std::string& done) {
  if (result) return redirect(pathOf("/moten/", meetingId) + "?klart=" + done + "#bilagor");
  const auto& e = result.error();
  if (endsThePage(e)) return failurePage(req, e);
  return meetingPage(
      req, s, meetingId,
      formError("attachments", e, e.field == "file" ? "attachment_file" : "", http::FormBody{}));
}

}  // namespace

std::string sizeInWords(std::int64_t bytes) {
  const auto oneDecimal = [](double v) {
    auto text = std::to_string(static_cast<std::int64_t>(v * 10 + 0.5));
    if (text.size() == 1) text.insert(0, "0");
    text.insert(text.size() - 1, ",");
    if (text.ends_with(",0")) text.resize(text.size() - 2);
    return text;
  };
  if (bytes >= 1024 * 1024) return oneDecimal(static_cast<double>(bytes) / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return oneDecimal(static_cast<double>(bytes) / 1024) + " kB";
  return std::to_string(bytes) + " byte";
}

Data attachmentRow(const services::Attachment& a, const std::string& to) {
  Data f;
  f.set("id", std::to_string(a.id));
  f.set("name", a.fileName);
  f.set("to", to);
  f.set("size", sizeInWords(a.size));
  f.set("by", a.uploadedByName);
  f.set("at", swedishDateTime(a.uploadedAt));
  return f;
}

Data attachmentsData(const http::Request& req, Services& s, const store::ContractRow& contract,
                     std::int64_t meetingId) {
  Data out;
  if (!s.attachments) return out;
  const auto& who = req.principal();
  auto listed = s.attachments->list(who, meetingId);
  if (!listed) return out;
  const bool manager = services::managesContract(who, contract);
  bool sealed = false, anyRemovable = false;
  auto files = list();
  for (const auto& a : *listed) {
    Data f = attachmentRow(a, a.to == services::AttachedTo::Minutes ? "Protokollet" : "Mötet");
    const bool removable = !a.sealed && (manager || a.uploadedBy == who.userId);
    f.set("removable", removable);
    anyRemovable = anyRemovable || removable;
    sealed = sealed || a.sealed;
    files.push_back(f);
  }
  out.set("files", files);
  out.set("has_files", !listed->empty());
  out.set("any_removable", anyRemovable);
  out.set("sealed", sealed);
  // The form is shown to those the use case lets upload; it answers for itself all the same.
  const auto minutes = s.minutes.lifecycle(who, meetingId);
  const bool registered = minutes && minutes->state == minutes::MinutesState::Registered;
  bool participant = manager;
  if (auto meeting = s.meetings.get(who, meetingId); meeting)
    for (const auto& p : meeting->participants) participant = participant || p.userId == who.userId;
  out.set("can_upload", participant && !registered);
  out.set("limit", sizeInWords(static_cast<std::int64_t>(s.attachments->maxBytes())));
  return out;
}

void registerAttachmentPages(http::Router& router, Services& s) {
  if (!s.attachments) return;
  auto& attachments = *s.attachments;

  // Room for the form around the file: part headers, the boundary, the CSRF token and `to`.
  addUploadPage(
      router, "/moten/{id}/bilagor", attachments.maxBytes() + 64 * 1024,
      [&s, &attachments](http::Request& req) {
        auto id = req.idParam("id");
        if (!id) return notFoundPage(req);
        auto form = http::MultipartForm::parse(req);
        services::AttachmentUpload up;
        if (form) {
          up.to =
              services::parseAttachedTo(form->value("to")).value_or(services::AttachedTo::Meeting);
          for (const auto& f : form->files())
            if (f.field == "file" && up.bytes.empty()) {
              up.fileName = f.fileName;
              up.bytes = f.bytes;
            }
        }
        auto added = attachments.upload(req.principal(), *id, up);
        return afterAttachmentPost(
            req, s, *id, added ? Status{} : Status{std::unexpected(added.error())}, "bilaga");
      });

  addPage(router, "GET", "/bilagor/{id}", [&attachments](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    auto file = attachments.download(req.principal(), *id);
    if (!file) return failurePage(req, file.error());
    return http::Reply::download(std::move(file->bytes), file->attachment.contentType,
                                 file->attachment.fileName);
  });

  addPage(router, "POST", "/bilagor/{id}/ta-bort", [&s, &attachments](http::Request& req) {
    auto id = req.idParam("id");
    if (!id) return notFoundPage(req);
    // The meeting to go back to, as far as the person may see the attachment at all.
    auto found = attachments.get(req.principal(), *id);
    if (!found) return failurePage(req, found.error());
    // A follow-up report's file goes back to its report (report_attachment_pages.cpp).
    if (found->reportId != 0)
      return afterReportPost(req, s, found->reportId, attachments.remove(req.principal(), *id),
                             "attachments", "", http::FormBody{}, "bilaga-borttagen", "#bilagor");
    const auto meetingId = found->meetingId;
    return afterAttachmentPost(req, s, meetingId, attachments.remove(req.principal(), *id),
                               "bilaga-borttagen");
  });
}

}  // namespace sv::web
