// Everything a running samverkan holds, opened from the settings in one place for both the server
// and the command-line commands: the store, the catalog from config/, the services over them.
#pragma once

#include <memory>
#include <optional>

#include "server/app/settings.hpp"
#include "server/services/seal.hpp"
#include "server/services/services.hpp"

namespace sv::app {

struct Context {
  std::unique_ptr<store::Store> store;
  SystemTime time;
  services::Catalog catalog;
  std::unique_ptr<accounts::Accounts> accounts;
  std::unique_ptr<services::ContractService> contracts;
  std::unique_ptr<services::MeetingService> meetings;
  std::unique_ptr<services::AgendaService> agendas;
  std::unique_ptr<services::MinutesService> minutes;
  std::unique_ptr<services::ActionService> actions;
  std::unique_ptr<services::AttachmentService> attachments;
  std::unique_ptr<services::ReportService> reports;
  std::unique_ptr<services::CaseService> cases;
  std::unique_ptr<services::AnnualReportService> annual;
  std::unique_ptr<services::Services> services;
  // Single sign-on: the outgoing HTTPS and the login over the configured providers; none when
  // no provider is configured.
  std::unique_ptr<oidc::Transport> oidcTransport;
  std::unique_ptr<services::OidcLogin> oidc;
  // The e-seal's key; catalog.seal points at it.
  std::optional<services::LoadedSealKey> seal;
};

Result<std::unique_ptr<Context>> openContext(const Settings& settings, int readConnections);
// Where the settings put the data folder and the audit log's key and anchor (backup uses it too).
store::StoreOptions storeOptions(const Settings& settings, int readConnections);

}  // namespace sv::app
