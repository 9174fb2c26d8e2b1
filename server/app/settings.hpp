// The server's settings, read once from the layered configuration (file, environment, options).
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "agenda/meeting_plan.hpp"
#include "server/app/oidc_settings.hpp"
#include "server/http/dispatcher.hpp"
#include "server/mail/smtp_transport.hpp"
#include "server/services/accounts.hpp"
#include "server/services/attachments.hpp"
#include "server/services/mail_policy.hpp"
#include "workflows/backoff.hpp"

namespace sv::app {

// Where the outbox is delivered: an SMTP server when a host is set, else a folder of .eml files.
struct MailSettings {
  std::filesystem::path folder;  // default: <data_dir>/mail
  mail::SmtpSettings smtp;       // smtp.host empty: the folder
  std::filesystem::path passwordFile;
  std::chrono::seconds pollInterval{5};
  Backoff backoff;  // after a failed attempt: a minute, doubling, six hours at most
};

struct Settings {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  std::filesystem::path dataDir = "./var";
  std::filesystem::path configDir = "./config";
  std::string publicUrl = "http://localhost:8080";
  int maxThreads = 64;  // workers: requests served at once (http/listener.hpp)
  int threadStackKib = 512;
  int maxQueued = 1024;
  int headTimeoutSeconds = 10;
  int maxWaitingPerAddress = 256;
  int maxWaiting = 10'000;
  int keepAliveSeconds = 5;
  int maxKeepAliveRequests = 1000;
  int timeoutSeconds = 30;
  int readConnections = 8;
  std::chrono::seconds retiredPackGrace{15 * 60};
  // The audit log's key and anchor; empty: audit.key and audit.anchor in the data folder.
  std::filesystem::path auditKeyFile;
  std::filesystem::path auditAnchorFile;
  // samverkan.store = postgresql: the metadata in the PostgreSQL database that
  // samverkan.store.connection names (a libpq connection string; "service=name" reads a service
  // file); empty: the embedded SQLite file in the data folder.
  std::string store = "sqlite";
  std::string postgresql;
  std::string bootstrapOrganization = "Kommunen";
  // The e-seal's PKCS#12 file and the file with its password; empty: seal.p12 in the data folder
  // (a demo certificate made on the first start) and the password from SAMVERKAN_SEAL_PASSWORD.
  std::filesystem::path sealPkcs12File;
  std::filesystem::path sealPasswordFile;
  http::HttpSettings http;
  std::size_t maxAttachmentBytes = services::kDefaultMaxAttachmentBytes;
  int factCheckDays = 14;  // samverkan.reports.fact_check_days (minutes::kDefaultFactCheckDays)
  int caseStaleDays = 30;  // samverkan.cases.stale_days (minutes::kDefaultCaseStaleDays)
  accounts::AccountSettings accounts;
  agenda::PlanRule planRule;
  MailSettings mail;
  services::MailPolicy mailPolicy;
  OidcSettings oidc;  // the identity providers (oidc_settings.hpp); checked by openContext
};

Settings readSettings(const Poco::Util::AbstractConfiguration& config);

}  // namespace sv::app
