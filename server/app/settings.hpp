// The server's settings, read once from the layered configuration (file, environment, options).
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "agenda/meeting_plan.hpp"
#include "server/http/dispatcher.hpp"
#include "server/services/accounts.hpp"

namespace sv::app {

struct Settings {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  std::filesystem::path dataDir = "./var";
  std::filesystem::path configDir = "./config";
  std::string publicUrl = "http://localhost:8080";
  int maxThreads = 1024;
  int threadStackKib = 512;
  int maxQueued = 1024;
  int keepAliveSeconds = 5;
  int maxKeepAliveRequests = 1000;
  int timeoutSeconds = 30;
  int readConnections = 8;
  std::chrono::seconds retiredPackGrace{15 * 60};
  std::string bootstrapOrganization = "Kommunen";
  http::HttpSettings http;
  accounts::AccountSettings accounts;
  agenda::PlanRule planRule;
};

Settings readSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace sv::app
