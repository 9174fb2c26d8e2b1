#include "server/app/routes.hpp"

#include "server/api/api.hpp"
#include "server/web/pages.hpp"

namespace sv::app {

void registerRoutes(http::Router& router, services::Services& services) {
  api::registerHealth(router, services);
  api::registerSession(router, services);
  api::registerMailPreferences(router, services);
  api::registerOrganizations(router, services);
  api::registerUsers(router, services);
  api::registerAudit(router, services);
  api::registerContracts(router, services);
  api::registerMeetings(router, services);
  api::registerAgenda(router, services);
  api::registerMinutes(router, services);
  api::registerLifecycle(router, services);
  api::registerMinutesReview(router, services);
  api::registerActions(router, services);
  api::registerAttachments(router, services);
  api::registerReports(router, services);
  api::registerReportSteps(router, services);
  api::registerReportSupplements(router, services);
  api::registerCases(router, services);
  api::registerCaseSteps(router, services);
  api::registerAnnualReport(router, services);
  api::registerAnnualRecord(router, services);
  api::registerGit(router, services);
  web::registerStaticFiles(router);
  web::registerWebPages(router, services);
  // Last: the OpenAPI document describes every route registered before it.
  api::registerOpenApi(router, services);
}

}  // namespace sv::app
