// What the follow-up report's page modules share (issue 13): the report's path, a report as a row
// of a list, the report page itself (report_view.cpp) so that every post can show it again with
// its failed form, and the one way a post ends: a redirect with a confirmation, or the page with
// the Swedish error. The list and the lifecycle are report_pages.cpp, the fact-check and the
// supplements report_review_pages.cpp, the edit form report_edit_pages.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/services/report_service.hpp"
#include "server/web/pages.hpp"

namespace sv::web {

// "/uppfoljningar/12"
std::string reportPath(std::int64_t reportId);

// A report as a row of a list: id, href, kind, year, contract, provider, state, state_key,
// registry_number (or has_registry_number false), fact_check_due_on.
Data reportRowData(const services::ReportSummary& report);

// A failed post of a report's form, in the report's words (swedishReportMessage).
FormError reportFormError(std::string form, const Error& error, std::string fieldId,
                          http::FormBody posted);

// The report's page (/uppfoljningar/{id}), again with a failed form when there is one.
http::Reply reportPage(const http::Request& req, Services& s, std::int64_t reportId,
                       std::optional<FormError> error = std::nullopt);

// After a post on the report's page: on success the page with the confirmation `done` at
// `anchor`; NotFound and Internal end the page; anything else is the page again with the error on
// `form`, marking `fieldId`.
http::Reply afterReportPost(const http::Request& req, Services& s, std::int64_t reportId,
                            const Status& result, const std::string& form,
                            const std::string& fieldId, http::FormBody posted,
                            const std::string& done, const std::string& anchor = {});

// The report's Bilagor (report_attachment_pages.cpp): `files` (id, name, to, supplement, size,
// by, at), `has_files`, `sealed`, the upload form's `can_upload` (`mayUpload`: the viewer writes
// the report and it is not final) and `limit`; empty without the attachment service.
Data reportAttachmentsData(const http::Request& req, Services& s, const services::ReportView& view,
                           bool mayUpload);

// A contract's reports for its page (/avtal/{id}): `reports`, `has_reports`, `more`, and for its
// contract manager (`can_start`) the start form's `year`, kind and `year_invalid`.
Data contractReportsData(const http::Request& req, Services& s, std::int64_t contractId,
                         bool manager, const std::optional<FormError>& error);

}  // namespace sv::web
