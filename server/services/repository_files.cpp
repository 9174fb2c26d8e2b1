#include "server/services/repository_files.hpp"

#include <charconv>
#include <cstdint>

#include "server/services/access.hpp"
#include "server/services/agendas.hpp"

namespace sv::services {
namespace {

Result<std::int64_t> contractIdOf(const std::string& repository) {
  const std::string prefix = "contract-";
  if (!repository.starts_with(prefix) || !repository.ends_with(".git"))
    return fail(Errc::NotFound, "no such repository");
  const auto digits = repository.substr(prefix.size(), repository.size() - prefix.size() - 4);
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc{} || p != digits.data() + digits.size() || id <= 0)
    return fail(Errc::NotFound, "no such repository");
  return id;
}

}  // namespace

Result<std::string> repositoryFile(store::Store& store, const Principal& viewer,
                                   const std::string& repository, const std::string& path) {
  auto id = contractIdOf(repository);
  if (!id) return std::unexpected(id.error());
  auto contract = store.read([&](store::Reading& c) { return contractFor(c, viewer, *id); });
  if (!contract) return std::unexpected(contract.error());
  return store.documents().dumbHttpFile(AgendaService::repositoryOf(*id), path);
}

}  // namespace sv::services
