#include "server/app/server_app.hpp"
#include "server/app/mail_delivery.hpp"

#include <Poco/Environment.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/LoggingSubsystem.h>

#include <pthread.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <iostream>

#include "server/app/bootstrap.hpp"
#include "server/app/context.hpp"
#include "server/app/identity.hpp"
#include "server/app/routes.hpp"
#include "server/app/settings.hpp"
#include "server/http/connection.hpp"
#include "server/http/listener.hpp"
#include "server/store/store.hpp"

namespace sv::app {
namespace {

using Poco::Util::Option;

std::string envOr(const char* name, const std::string& fallback = {}) {
  return Poco::Environment::get(name, fallback);
}

// Every waiting connection holds a descriptor, and a slow-client attack opens thousands; the soft
// limit (1 024 on Debian) goes up to the hard one the operator allows.
void raiseDescriptorLimit(Poco::Logger& log) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
    log.warning("cannot raise the limit of open files; connections are fewer");
}

}  // namespace

void ServerApp::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  options.addOption(
      Option("help", "h", "show the options and commands").required(false).repeatable(false));
  options.addOption(
      Option("config", "c", "the configuration file").argument("FILE").required(false));
  options.addOption(Option("port", "p", "the HTTP port").argument("PORT").required(false));
  options.addOption(Option("data-dir", "d", "the data folder").argument("DIR").required(false));
  options.addOption(Option("demo", "", "load the demo data before serving").required(false));
  for (const char* name : {"name", "kind", "username", "email", "organization", "roles", "to",
                           "from", "file", "limit", "id", "today", "connection"})
    options.addOption(Option(name, "", std::string("for commands: ") + name)
                          .argument("VALUE")
                          .required(false)
                          .repeatable(false));
}

void ServerApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    helpRequested_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    configFile_ = value;
  } else if (name == "port") {
    config().setString("samverkan.port", value);
    portOption_ = true;
  } else if (name == "data-dir") {
    config().setString("samverkan.data_dir", value);
    dataDirOption_ = true;
  } else if (name == "demo") {
    demo_ = true;
  } else {
    commandOptions_[name] = value;
  }
}

void ServerApp::initialize(Poco::Util::Application& self) {
  namespace fs = std::filesystem;
  // The configuration file: --config, SAMVERKAN_CONFIG, or config/samverkan.properties here.
  std::string file = configFile_.empty() ? envOr("SAMVERKAN_CONFIG") : configFile_;
  if (file.empty() && fs::exists("config/samverkan.properties"))
    file = "config/samverkan.properties";
  if (!file.empty()) {
    loadConfiguration(file, PRIO_DEFAULT);
    if (!config().has("samverkan.config_dir"))
      config().setString("samverkan.config_dir", fs::path(file).parent_path().string());
  }
  // The environment wins over the file; options (handled before this) win over both.
  if (auto port = envOr("SAMVERKAN_PORT"); !port.empty() && !portOption_)
    config().setString("samverkan.port", port);
  if (auto dir = envOr("SAMVERKAN_DATA_DIR"); !dir.empty() && !dataDirOption_)
    config().setString("samverkan.data_dir", dir);
  // Where mail goes differs from machine to machine: each setting has its variable.
  for (const auto& [variable, key] : std::initializer_list<std::pair<const char*, const char*>>{
           {"SAMVERKAN_PUBLIC_URL", "samverkan.public_url"},
           {"SAMVERKAN_STORE", "samverkan.store"},
           {"SAMVERKAN_STORE_CONNECTION", "samverkan.store.connection"},
           {"SAMVERKAN_MAIL_SMTP_HOST", "samverkan.mail.smtp_host"},
           {"SAMVERKAN_MAIL_SMTP_PORT", "samverkan.mail.smtp_port"},
           {"SAMVERKAN_MAIL_STARTTLS", "samverkan.mail.starttls"},
           {"SAMVERKAN_MAIL_CA_FILE", "samverkan.mail.ca_file"},
           {"SAMVERKAN_MAIL_USER", "samverkan.mail.user"},
           {"SAMVERKAN_MAIL_PASSWORD_FILE", "samverkan.mail.password_file"},
           {"SAMVERKAN_MAIL_FROM", "samverkan.mail.from"},
           {"SAMVERKAN_MAIL_FOLDER", "samverkan.mail.folder"},
           {"SAMVERKAN_MAIL_POLL_SECONDS", "samverkan.mail.poll_seconds"}})
    if (auto value = envOr(variable); !value.empty()) config().setString(key, value);
  addSubsystem(new Poco::Util::LoggingSubsystem);
  ServerApplication::initialize(self);
}

void ServerApp::printHelp() {
  Poco::Util::HelpFormatter help(options());
  help.setCommand(commandName());
  help.setUsage("[COMMAND] [OPTIONS]");
  help.setHeader(
      "Samverkan: agendas, minutes, approval and registration of samverkansmöten.\n"
      "Commands: (none) serve | add-organization --name --kind | add-user --username --name "
      "--email --organization --roles (password on stdin) | load-demo | verify-audit | "
      "backup --to | restore --from | verify --file=PACKAGE.zip | mail-failures [--limit=N] | "
      "mail-resend --id=N | fact-check-deadlines [--today=YYYY-MM-DD] | "
      "migrate --to=postgresql [--connection=LIBPQ]");
  help.format(std::cout);
}

int ServerApp::main(const std::vector<std::string>& args) {
  if (helpRequested_) {
    printHelp();
    return EXIT_OK;
  }
  const Settings settings = readSettings(config());
  if (!args.empty() && args.front() != "serve") {
    if (!isCommand(args.front())) {
      std::cerr << "samverkan: unknown command '" << args.front() << "' (see --help)\n";
      return EXIT_USAGE;
    }
    return runCommand(args.front(), commandOptions_, settings, std::cin, std::cout, std::cerr);
  }
  return serve();
}

int ServerApp::serve() {
  // SIGTERM, SIGINT and SIGQUIT blocked before any thread starts (each thread inherits the mask),
  // so that one sent while the server is still starting waits for waitForTerminationRequest's
  // sigwait: a stop during start-up is then a clean stop once started, where before the signal's
  // default action ended the process (exit 143), as a CI run saw when a test stopped a demo server
  // just after it began listening.
  sigset_t stopping;
  sigemptyset(&stopping);
  sigaddset(&stopping, SIGINT);
  sigaddset(&stopping, SIGQUIT);
  sigaddset(&stopping, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
  auto& log = logger();
  const Settings settings = readSettings(config());
  auto opened = openContext(settings, settings.readConnections);
  if (!opened) {
    log.fatal("cannot start: %s", opened.error().detail);
    return EXIT_CONFIG;
  }
  Context& ctx = **opened;
  for (const auto& repair : ctx.store->repairsAtOpen()) log.warning("repaired %s", repair);
  if (ctx.seal->demoMade)
    log.warning(
        "made a self-signed DEMO certificate for the e-seal (%s), %s; use the "
        "authority's own for real documents (README, \"E-sigill\")",
        ctx.seal->key.subject(), (settings.dataDir / "seal.p12").string());
  else
    log.information("registered PDFs are sealed as %s", ctx.seal->key.subject());
  if (ctx.oidc)
    for (const auto& button : ctx.oidc->buttons())
      log.information("sign-in through the identity provider '%s'", button.name);
  services::Services& services = *ctx.services;
  AccountsAuthenticator authenticator(*ctx.accounts);

  if (auto admin = bootstrapAdmin(services, settings.bootstrapOrganization,
                                  envOr("SAMVERKAN_ADMIN_PASSWORD"));
      !admin) {
    log.fatal("cannot create the administrator: %s", admin.error().detail);
    return EXIT_SOFTWARE;
  } else if (*admin) {
    log.information("created the administrator 'admin'");
  }
  if (demo_) {
    if (auto loaded = loadDemoData(services); !loaded) {
      log.fatal("cannot load the demo data: %s", loaded.error().detail);
      return EXIT_SOFTWARE;
    }
    log.information("demo data loaded (password '%s' for every demo user)",
                    std::string(kDemoPassword));
  }

  auto mail = MailDelivery::start(settings, ctx);
  if (!mail) {
    log.fatal("cannot start the e-mail: %s", mail.error().detail);
    return EXIT_CONFIG;
  }
  log.information("e-mail goes to %s", (*mail)->description());

  http::Router router;
  registerRoutes(router, services);

  auto* params = new Poco::Net::HTTPServerParams;
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(settings.timeoutSeconds, 0));
  params->setServerName("samverkan");
  Poco::Net::HTTPServerParams::Ptr httpParams(params);

  raiseDescriptorLimit(log);
  // SO_REUSEADDR, so that a restart binds at once after a stop; never SO_REUSEPORT, which Poco's
  // constructor sets with it: a second server started on the same port would then share it and
  // silently answer half the requests from another data folder. It fails to start instead.
  Poco::Net::ServerSocket socket;
  socket.bind(Poco::Net::SocketAddress(settings.bind, settings.port), true, false);
  socket.listen(1024);
  const unsigned short port = socket.address().port();
  // Our listener (http/listener.hpp) in place of Poco's TCPServer: a connection gets a thread
  // only once its request has arrived, so slow clients cannot hold them all.
  http::ListenerSettings listening;
  listening.workers = settings.maxThreads;
  listening.maxQueued = static_cast<std::size_t>(settings.maxQueued);
  listening.headTimeout = std::chrono::seconds(settings.headTimeoutSeconds);
  listening.keepAliveTimeout = std::chrono::seconds(settings.keepAliveSeconds);
  listening.maxWaitingPerAddress = static_cast<std::size_t>(settings.maxWaitingPerAddress);
  listening.maxWaiting = static_cast<std::size_t>(settings.maxWaiting);
  listening.maxKeepAliveRequests = settings.maxKeepAliveRequests;
  listening.threadStackBytes = static_cast<std::size_t>(settings.threadStackKib) * 1024;
  http::ConnectionServer connections(
      httpParams, new http::HandlerFactory(router, authenticator, settings.http));
  http::Listener listener(
      socket, listening,
      {[&connections](Poco::Net::StreamSocket& s, int& left) { return connections.serve(s, left); },
       [&connections](int status) { return connections.refusal(status); }});
  listener.start();
  log.information("serving on http://%s:%hu with data in %s", settings.bind, port,
                  settings.dataDir.string());
  waitForTerminationRequest();
  log.information("stopping");
  listener.stop();
  return EXIT_OK;
}

}  // namespace sv::app
