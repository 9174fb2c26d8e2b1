// What the API handlers work with: the store, the domain services and the configuration they
// need. Built once by the application (app/context) and passed to every route registration.
#pragma once

#include <filesystem>
#include <string>

#include "server/accounts/accounts.hpp"
#include "server/http/dispatcher.hpp"
#include "server/services/actions.hpp"
#include "server/services/agendas.hpp"
#include "server/services/catalog.hpp"
#include "server/services/contracts.hpp"
#include "server/services/meetings.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::api {

struct Services {
  store::Store& store;
  accounts::Accounts& accounts;
  const TimeSource& time;
  const services::Catalog& catalog;
  services::ContractService& contracts;
  services::MeetingService& meetings;
  services::AgendaService& agendas;
  services::MinutesService& minutes;
  services::ActionService& actions;
  http::HttpSettings http;
  std::string publicUrl;  // e.g. http://localhost:8080, for links in calendars and mails
};

}  // namespace sv::api
