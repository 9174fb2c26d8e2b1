#include "server/app/context.hpp"

#include "server/app/bootstrap.hpp"

namespace sv::app {

store::StoreOptions storeOptions(const Settings& settings, int readConnections) {
  return {settings.dataDir,
          readConnections,
          settings.retiredPackGrace,
          settings.auditKeyFile,
          settings.auditAnchorFile,
          settings.store == "postgresql" ? settings.postgresql : std::string()};
}

Result<std::unique_ptr<Context>> openContext(const Settings& settings, int readConnections) {
  auto ctx = std::make_unique<Context>();
  // The configuration is checked before the data folder is touched.
  if (settings.store != "sqlite" && settings.store != "postgresql")
    return fail(Errc::Invalid, Reason::None,
                "samverkan.store is sqlite or postgresql, not '" + settings.store + "'");
  if (settings.store == "postgresql" && settings.postgresql.empty())
    return fail(Errc::Invalid, Reason::None,
                "samverkan.store = postgresql needs samverkan.store.connection (a libpq "
                "connection string, or service=<name> for a service file)");
  auto catalog = services::loadCatalog(settings.configDir, settings.planRule);
  if (!catalog) return std::unexpected(catalog.error());
  ctx->catalog = std::move(*catalog);
  ctx->catalog.mail = settings.mailPolicy;
  if (settings.factCheckDays < 1 || settings.factCheckDays > minutes::kMostFactCheckDays)
    return fail(Errc::Invalid, Reason::OutOfRange,
                "samverkan.reports.fact_check_days must be 1-" +
                    std::to_string(minutes::kMostFactCheckDays),
                "samverkan.reports.fact_check_days");
  ctx->catalog.factCheckDays = settings.factCheckDays;
  if (settings.caseStaleDays < 1 || settings.caseStaleDays > 365)
    return fail(Errc::Invalid, Reason::OutOfRange, "samverkan.cases.stale_days must be 1-365",
                "samverkan.cases.stale_days");
  ctx->catalog.caseStaleDays = settings.caseStaleDays;
  auto providers = checkOidcSettings(settings.oidc);
  if (!providers) return std::unexpected(providers.error());
  auto st = store::Store::open(storeOptions(settings, readConnections));
  if (!st) return std::unexpected(st.error());
  ctx->store = std::move(*st);
  // In the data folder the store has just made: on an empty one, a demo certificate.
  auto seal = prepareSeal(settings, ctx->time.now());
  if (!seal) return std::unexpected(seal.error());
  ctx->seal = std::move(*seal);
  ctx->catalog.seal = &ctx->seal->key;
  ctx->accounts = std::make_unique<accounts::Accounts>(*ctx->store, ctx->time, settings.accounts);
  ctx->contracts =
      std::make_unique<services::ContractService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->meetings = std::make_unique<services::MeetingService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->agendas = std::make_unique<services::AgendaService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->minutes = std::make_unique<services::MinutesService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->actions = std::make_unique<services::ActionService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->services.reset(new services::Services{*ctx->store, *ctx->accounts, ctx->time, ctx->catalog,
                                             *ctx->contracts, *ctx->meetings, *ctx->agendas,
                                             *ctx->minutes, *ctx->actions,
                                             settings.http.secureCookies, settings.publicUrl});
  ctx->attachments = std::make_unique<services::AttachmentService>(*ctx->store, ctx->time,
                                                                   settings.maxAttachmentBytes);
  ctx->services->attachments = ctx->attachments.get();
  ctx->reports = std::make_unique<services::ReportService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->services->reports = ctx->reports.get();
  ctx->cases = std::make_unique<services::CaseService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->services->cases = ctx->cases.get();
  ctx->annual =
      std::make_unique<services::AnnualReportService>(*ctx->store, ctx->catalog, ctx->time);
  ctx->services->annual = ctx->annual.get();
  if (!providers->empty()) {
    try {
      ctx->oidcTransport = oidc::httpsTransport(settings.oidc.caFile);
    } catch (const std::exception& e) {  // Poco's TLS context refuses a CA file it cannot read
      return fail(Errc::Invalid, std::string("samverkan.oidc.ca_file: ") + e.what(),
                  "samverkan.oidc.ca_file");
    }
    std::vector<std::unique_ptr<oidc::Provider>> list;
    for (auto& p : *providers)
      list.push_back(
          std::make_unique<oidc::Provider>(std::move(p), *ctx->oidcTransport, ctx->time));
    ctx->oidc = std::make_unique<services::OidcLogin>(*ctx->store, *ctx->accounts, ctx->time,
                                                      settings.publicUrl, std::move(list));
    ctx->services->oidc = ctx->oidc.get();
  }
  return ctx;
}

}  // namespace sv::app
