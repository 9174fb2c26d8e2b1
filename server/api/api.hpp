// The JSON API under /api/v1: each file registers the routes of one resource. The application
// registers them all, with the web pages, in app/routes.cpp.
#pragma once

#include "server/http/router.hpp"
#include "server/services/services.hpp"

namespace sv::api {

using Services = services::Services;

void registerHealth(http::Router& router, Services& services);
void registerSession(http::Router& router, Services& services);
void registerMailPreferences(http::Router& router, Services& services);  // the caller's e-mail
void registerOrganizations(http::Router& router, Services& services);
void registerUsers(http::Router& router, Services& services);
void registerAudit(http::Router& router, Services& services);
void registerContracts(http::Router& router, Services& services);
void registerMeetings(http::Router& router, Services& services);
void registerAgenda(http::Router& router, Services& services);
void registerMinutes(http::Router& router, Services& services);
void registerLifecycle(http::Router& router, Services& services);
void registerMinutesReview(http::Router& router, Services& services);
void registerActions(http::Router& router, Services& services);
// Attachments of meetings and minutes (needs services.attachments).
void registerAttachments(http::Router& router, Services& services);
// Follow-up reports, their steps, supplements and attachments (need services.reports).
void registerReports(http::Router& router, Services& services);
void registerReportSteps(http::Router& router, Services& services);
void registerReportSupplements(http::Router& router, Services& services);
// Event-driven cases, their steps and files (need services.cases).
void registerCases(http::Router& router, Services& services);
void registerCaseSteps(http::Router& router, Services& services);
// The yearly summary to the committee (needs services.annual).
void registerAnnualReport(http::Router& router, Services& services);
// The yearly summary as a record: its text, approval and registration (annual_record_api.cpp).
void registerAnnualRecord(http::Router& router, Services& services);
void registerGit(http::Router& router, Services& services);
// Last: describes every route registered before it.
void registerOpenApi(http::Router& router, Services& services);

}  // namespace sv::api
