// What the API handlers and the web pages work with: the use cases over the store, and the
// configuration they need. Built once by the application (app/context) and passed to every route
// registration. It lives with the services, below both of its users (api/ and web/), so that
// neither of them needs the other.
#pragma once

#include <filesystem>
#include <string>

#include "server/services/accounts.hpp"
#include "server/services/actions.hpp"
#include "server/services/agendas.hpp"
#include "server/services/annual_report.hpp"
#include "server/services/attachments.hpp"
#include "server/services/case_service.hpp"
#include "server/services/catalog.hpp"
#include "server/services/contracts.hpp"
#include "server/services/meetings.hpp"
#include "server/services/minutes_service.hpp"
#include "server/services/oidc_login.hpp"
#include "server/services/report_service.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::services {

struct Services {
  store::Store& store;  // handed to the use cases that are free functions (audit, git files)
  accounts::Accounts& accounts;
  const TimeSource& time;
  const Catalog& catalog;
  ContractService& contracts;
  MeetingService& meetings;
  AgendaService& agendas;
  MinutesService& minutes;
  ActionService& actions;
  bool secureCookies = false;  // the session cookie only over HTTPS
  std::string publicUrl;       // e.g. http://localhost:8080, for links in calendars and mails
  // Last, so that a bundle built without it (a test of other routes) still compiles; the
  // application always sets it, and the attachment routes are registered only with it.
  AttachmentService* attachments = nullptr;
  ReportService* reports = nullptr;  // the follow-up reports; set by the application like these
  CaseService* cases = nullptr;      // the event-driven cases
  AnnualReportService* annual = nullptr;  // the yearly summary to the committee
  OidcLogin* oidc = nullptr;  // single sign-on; none when no identity provider is configured
};

}  // namespace sv::services
