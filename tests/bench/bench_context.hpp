// The server's own start-up path for the in-process benchmarks: the catalog from config/, the
// store in <workspace>/data, accounts and services, as app::openContext builds them for the
// server. The cheapest Argon2id libsodium allows: logins are not what these benchmarks measure.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "bench_plumbing.hpp"
#include "server/app/context.hpp"
#include "server/app/settings.hpp"

namespace sv::bench {

// `postgresql`: a libpq connection string for the metadata (issue 18), empty for SQLite.
inline std::unique_ptr<app::Context> openBenchContext(const std::filesystem::path& workspace,
                                                      const std::filesystem::path& configDir,
                                                      const std::string& postgresql = {}) {
  app::Settings settings;
  settings.configDir = configDir;
  settings.dataDir = workspace / "data";
  if (!postgresql.empty()) {
    settings.store = "postgresql";
    settings.postgresql = postgresql;
  }
  settings.accounts.passwordPolicy = {1, 8192};
  return need(app::openContext(settings, settings.readConnections), "open the data folder");
}

}  // namespace sv::bench
