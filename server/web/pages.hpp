// The page modules of the web interface, each registering its own routes, and the few helpers
// they share for showing domain values in Swedish. registerWebPages (web_pages.cpp, called by
// app/routes.cpp) calls the modules; a new journey adds a module here and one call in
// web_pages.cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "server/http/router.hpp"
#include "server/services/contracts.hpp"
#include "server/services/services.hpp"
#include "server/web/page.hpp"

namespace sv::web {

// The use cases every page module registers with (server/services/services.hpp).
using Services = services::Services;

// The routes of every page module below, and the pages for errors (web_pages.cpp).
void registerWebPages(http::Router& router, Services& services);
// GET /static/{file}: the style sheets and scripts of server/web/static/ (static_files.cpp).
void registerStaticFiles(http::Router& router);
// One per module, each in <module>_pages.cpp.
void registerLoginPages(http::Router& router, Services& services);
void registerOidcPages(http::Router& router, Services& services);
void registerContractPages(http::Router& router, Services& services);
void registerMeetingPages(http::Router& router, Services& services);
void registerMinutesPages(http::Router& router, Services& services);
void registerMinutesEditPages(http::Router& router, Services& services);
void registerMinutesHistoryPages(http::Router& router, Services& services);
void registerActionPages(http::Router& router, Services& services);
void registerRegistryPages(http::Router& router, Services& services);
void registerAdminPages(http::Router& router, Services& services);
void registerAdminMailPages(http::Router& router, Services& services);
void registerAccessibilityPages(http::Router& router, Services& services);
void registerStartPages(http::Router& router, Services& services);
void registerSettingsPages(http::Router& router, Services& services);
void registerAttachmentPages(http::Router& router, Services& services);
void registerReportPages(http::Router& router, Services& services);
void registerReportReviewPages(http::Router& router, Services& services);
void registerReportEditPages(http::Router& router, Services& services);
void registerReportAttachmentPages(http::Router& router, Services& services);
void registerCasePages(http::Router& router, Services& services);
// GET /arsrapport: the yearly summary to the committee with its charts (needs services.annual).
void registerAnnualPages(http::Router& router, Services& services);
// The yearly summary as a record: its text written, sent, returned, approved, registered.
void registerAnnualRecordPages(http::Router& router, Services& services);
void registerCaseStepPages(http::Router& router, Services& services);
void registerCasePlanPages(http::Router& router, Services& services);

// A contract's page (contract_pages.cpp), again with a failed form when there is one.
http::Reply contractPage(const http::Request& req, Services& s, std::int64_t id,
                         std::optional<FormError> error = std::nullopt);

// The meeting's page (meeting_pages.cpp), again with a failed form when there is one.
http::Reply meetingPage(const http::Request& req, Services& s, std::int64_t id,
                        std::optional<FormError> error = std::nullopt);
// The Bilagor part of the meeting page: the files with their links, and whether the person may
// upload or remove (attachment_pages.cpp).
Data attachmentsData(const http::Request& req, Services& s, const store::ContractRow& contract,
                     std::int64_t meetingId);

// "1,2 MB", "840 kB", "12 byte": a file's size as a person reads it (attachment_pages.cpp).
std::string sizeInWords(std::int64_t bytes);

// A file as a row of a Bilagor list: id, name, what it belongs to (`to`, in Swedish), size, who
// uploaded it and when (attachment_pages.cpp).
Data attachmentRow(const services::Attachment& a, const std::string& to);

// "2026-03-12 kl. 13.00" for a stored UTC instant; the text itself when it does not parse.
std::string swedishDateTime(const std::string& isoUtc);
// "09:05", as a time input holds a time of day (minutes after midnight).
std::string timeOfDay(std::chrono::minutes minutes);
// A contract's facts for a template: id, title, reference, authority, provider, service_area
// (its Swedish name), period, meetings_per_year.
Data contractData(const store::ContractRow& contract, const services::Catalog& catalog);

// A post that failed, to show on the page again: the Swedish message, the status that goes with
// the error, and the HTML id of the field to correct (empty for none).
FormError formError(std::string form, const Error& error, std::string fieldId,
                    http::FormBody posted);

}  // namespace sv::web
