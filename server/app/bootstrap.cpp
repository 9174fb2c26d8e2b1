#include "server/app/bootstrap.hpp"

#include "server/store/accounts.hpp"

namespace sv::app {
namespace {

using accounts::Actor;

Result<std::int64_t> organizationNamed(api::Services& s, const std::string& name,
                                       const std::string& kind) {
  auto existing = s.store.db().read([&](store::Connection& c) -> std::optional<std::int64_t> {
    for (const auto& o : store::listOrganizations(c, store::TenantScope::system()))
      if (o.name == name) return o.id;
    return std::nullopt;
  });
  if (existing) return *existing;
  auto created = s.accounts.createOrganization(Actor::system(), {name, kind});
  if (!created) return std::unexpected(created.error());
  return created->id;
}

Status ensureUser(api::Services& s, accounts::NewUser user) {
  const bool exists = s.store.db().read(
      [&](store::Connection& c) { return store::usernameTaken(c, user.username); });
  if (exists) return {};
  auto created = s.accounts.createUser(Actor::system(), user);
  if (!created) return std::unexpected(created.error());
  return {};
}

}  // namespace

Result<bool> bootstrapAdmin(api::Services& s, const std::string& organizationName,
                            const std::string& password) {
  if (password.empty() || !s.store.isEmpty()) return false;
  auto org = organizationNamed(s, organizationName, "authority");
  if (!org) return std::unexpected(org.error());
  auto created = s.accounts.createUser(
      Actor::system(), {"admin", "Administratör", "admin@localhost", password, *org, {"admin"}});
  if (!created) return std::unexpected(created.error());
  return true;
}

Result<bool> loadDemoData(api::Services& s) {
  auto authority = organizationNamed(s, "Östermalms stadsdelsförvaltning", "authority");
  if (!authority) return std::unexpected(authority.error());
  auto home = organizationNamed(s, "Omsorgshuset Linnégården AB", "provider");
  if (!home) return std::unexpected(home.error());
  auto homeCare = organizationNamed(s, "Hemtjänst i Norr AB", "provider");
  if (!homeCare) return std::unexpected(homeCare.error());

  const std::string pw = kDemoPassword;
  const std::vector<accounts::NewUser> people{
      {"admin", "Administratör", "admin@ostermalm.example.se", pw, *authority, {"admin"}},
      {"anna.avtal", "Anna Lind", "anna.lind@ostermalm.example.se", pw, *authority,
       {"contract_manager"}},
      {"rita.registrator", "Rita Berg", "rita.berg@ostermalm.example.se", pw, *authority,
       {"registrar"}},
      {"lars.lasare", "Lars Holm", "lars.holm@ostermalm.example.se", pw, *authority, {"reader"}},
      {"ulla.utforare", "Ulla Ek", "ulla.ek@linnegarden.example.se", pw, *home, {"provider_rep"}},
      {"nils.norr", "Nils Strand", "nils.strand@hemtjanstnorr.example.se", pw, *homeCare,
       {"provider_rep"}},
  };
  for (const auto& person : people)
    if (auto ok = ensureUser(s, person); !ok) return std::unexpected(ok.error());
  return true;
}

}  // namespace sv::app
