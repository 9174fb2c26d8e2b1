// The Bilagor of a follow-up report (issue 13 point 5): the report's files and its supplements'
// with download links (GET /bilagor/{id}, attachment_pages.cpp), and the upload form
// (multipart/form-data, without JavaScript) for the contract manager on the report and for the
// provider on a supplement not yet decided: POST /uppfoljningar/{id}/bilagor, with `komplettering`
// naming the supplement. Errors come back on the report's page, on the form that posted.
#include <algorithm>

#include "server/http/multipart.hpp"
#include "server/web/report_parts.hpp"

namespace sv::web {
namespace {

// The supplement a post names ("komplettering=2"), 0 for the report itself, -1 for a field that
// holds something that is no number.
int supplementOf(const std::string& text) {
  if (text.empty()) return 0;
  if (text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stoi(text);
}

}  // namespace

Data reportAttachmentsData(const http::Request& req, Services& s, const services::ReportView& view,
                           bool mayUpload) {
  Data out;
  if (!s.attachments) return out;
  auto listed = s.attachments->listOfReport(req.principal(), view.summary.id);
  if (!listed) return out;
  auto files = list();
  for (const auto& a : *listed) {
    Data f = attachmentRow(a, a.to == services::AttachedTo::Supplement
                                  ? "Komplettering " + std::to_string(a.supplement)
                                  : std::string("Rapporten"));
    f.set("supplement", std::to_string(a.supplement));
    files.push_back(f);
  }
  out.set("files", files);
  out.set("has_files", !listed->empty());
  out.set("sealed", view.summary.state == minutes::ReportState::Registered);
  out.set("can_upload", mayUpload);
  out.set("limit", sizeInWords(static_cast<std::int64_t>(s.attachments->maxBytes())));
  return out;
}

void registerReportAttachmentPages(http::Router& router, Services& s) {
  if (!s.reports || !s.attachments) return;
  auto& attachments = *s.attachments;

  // Room for the form around the file: part headers, the boundary, the CSRF token, the number.
  addUploadPage(
      router, "/uppfoljningar/{id}/bilagor", attachments.maxBytes() + 64 * 1024,
      [&s, &attachments](http::Request& req) {
        auto id = req.idParam("id");
        if (!id) return notFoundPage(req);
        auto form = http::MultipartForm::parse(req);
        services::AttachmentUpload up;
        int number = 0;
        if (form) {
          number = supplementOf(form->value("komplettering"));
          for (const auto& f : form->files())
            if (f.field == "file" && up.bytes.empty()) {
              up.fileName = f.fileName;
              up.bytes = f.bytes;
            }
        }
        if (number < 0) return notFoundPage(req);
        const std::optional<int> supplement =
            number > 0 ? std::optional<int>(number) : std::nullopt;
        up.to = supplement ? services::AttachedTo::Supplement : services::AttachedTo::Report;
        auto added = attachments.uploadToReport(req.principal(), *id, supplement, up);
        const std::string prefix = "supplement-" + std::to_string(number);
        const std::string formName = supplement ? prefix : "attachments";
        const std::string fieldId = supplement ? prefix + "-file" : "report_attachment_file";
        const std::string anchor =
            supplement ? "#komplettering-" + std::to_string(number) : "#bilagor";
        const bool onFile = !added && added.error().field == "file";
        return afterReportPost(req, s, *id,
                               added ? Status{} : Status{std::unexpected(added.error())}, formName,
                               onFile ? fieldId : "", http::FormBody{}, "bilaga", anchor);
      });
}

}  // namespace sv::web
