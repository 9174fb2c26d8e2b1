// Every route of the server: the JSON API (server/api) and the web pages (server/web), which
// know nothing of each other. A new API resource or page module adds its call here.
#pragma once

#include "server/http/router.hpp"
#include "server/services/services.hpp"

namespace sv::app {

void registerRoutes(http::Router& router, services::Services& services);

}  // namespace sv::app
