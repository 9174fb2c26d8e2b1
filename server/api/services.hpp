// What the API handlers work with: the store, the domain services and the configuration they
// need. Built once by the application and passed to every route registration.
#pragma once

#include <filesystem>
#include <string>

#include "server/accounts/accounts.hpp"
#include "server/http/dispatcher.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"

namespace sv::api {

struct Services {
  store::Store& store;
  accounts::Accounts& accounts;
  const TimeSource& time;
  http::HttpSettings http;
  std::filesystem::path configDir;
  std::string publicUrl;  // e.g. http://localhost:8080, for links in calendars and mails
};

}  // namespace sv::api
