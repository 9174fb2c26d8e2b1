#include "server/app/bootstrap.hpp"

#include "server/app/demo_history.hpp"
#include "server/app/demo_timeline.hpp"
#include "server/app/demo_year.hpp"

#include <cstdlib>
#include <fstream>

#include "server/store/store.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::app {
namespace {

using accounts::Actor;

Result<std::int64_t> organizationNamed(services::Services& s, const std::string& name,
                                       const std::string& kind) {
  if (auto existing = s.store.accounts().organizationNamed(name)) return *existing;
  auto created = s.accounts.createOrganization(Actor::system(), {name, kind});
  if (!created) return std::unexpected(created.error());
  return created->id;
}

Status ensureUser(services::Services& s, accounts::NewUser user) {
  if (s.store.accounts().usernameTaken(user.username)) return {};
  auto created = s.accounts.createUser(Actor::system(), user);
  if (!created) return std::unexpected(created.error());
  return {};
}

// A demo person, loaded just before: there is one.
Principal principalNamed(services::Services& s, const std::string& username) {
  auto& accounts = s.store.accounts();
  return *accounts.principal(accounts.login(username)->userId);
}

// One contract with this year's meetings, its participants set, so every page has something.
Result<bool> loadDemoContract(services::Services& s, std::int64_t providerId) {
  const auto anna = principalNamed(s, "anna.avtal");
  for (const auto& c : s.contracts.list(anna))
    if (c.reference == "SDN 2024/0117") return true;
  services::ContractInput input;
  input.title = "Vård- och omsorgsboende Linnégården";
  input.providerId = providerId;
  input.serviceArea = "vard_och_omsorgsboende";
  input.reference = "SDN 2024/0117";
  input.startsOn = "2024-01-01";
  input.endsOn = "2028-12-31";
  auto contract = s.contracts.create(anna, input);
  if (!contract) return std::unexpected(contract.error());
  const int year = static_cast<int>(dateOf(s.time.now()).year());
  auto plan = s.meetings.planYear(anna, contract->id, year);
  if (!plan) return std::unexpected(plan.error());
  const auto ulla = principalNamed(s, "ulla.utforare");
  for (const auto& m : plan->created) {
    services::MeetingChange change;
    change.location = "Linnégården, Linnégatan 12, Stockholm";
    change.participants =
        std::vector<services::ParticipantInput>{{anna.userId, "chair", std::nullopt},
                                                {anna.userId, "secretary", std::nullopt},
                                                {anna.userId, "adjuster", std::nullopt},
                                                {ulla.userId, "adjuster", std::nullopt}};
    if (auto changed = s.meetings.change(anna, m.row.id, change); !changed)
      return std::unexpected(changed.error());
  }
  return true;
}

}  // namespace

Result<services::LoadedSealKey> prepareSeal(const Settings& settings, TimePoint now) {
  services::SealKeySource source;
  source.organization = settings.bootstrapOrganization;
  source.madeIfMissing = settings.sealPkcs12File.empty();
  source.pkcs12File =
      source.madeIfMissing ? settings.dataDir / "seal.p12" : settings.sealPkcs12File;
  if (!settings.sealPasswordFile.empty()) {
    std::ifstream in(settings.sealPasswordFile);
    if (!in)
      return fail(Errc::Invalid, "cannot read samverkan.seal.pkcs12_password_file " +
                                     settings.sealPasswordFile.string());
    // The first line, without its end: a password file written by echo works as it is.
    std::getline(in, source.password);
    if (source.password.ends_with('\r')) source.password.pop_back();
  } else if (const char* env = std::getenv("SAMVERKAN_SEAL_PASSWORD")) {
    source.password = env;
  }
  return services::loadSealKey(source, now);
}

Result<bool> bootstrapAdmin(services::Services& s, const std::string& organizationName,
                            const std::string& password) {
  if (password.empty() || !s.store.isEmpty()) return false;
  auto org = organizationNamed(s, organizationName, "authority");
  if (!org) return std::unexpected(org.error());
  auto created = s.accounts.createUser(
      Actor::system(), {"admin", "Administratör", "admin@localhost", password, *org, {"admin"}});
  if (!created) return std::unexpected(created.error());
  return true;
}

Result<bool> loadDemoData(services::Services& s) {
  auto authority = organizationNamed(s, "Östermalms stadsdelsförvaltning", "authority");
  if (!authority) return std::unexpected(authority.error());
  auto home = organizationNamed(s, "Omsorgshuset Linnégården AB", "provider");
  if (!home) return std::unexpected(home.error());
  auto homeCare = organizationNamed(s, "Hemtjänst i Norr AB", "provider");
  if (!homeCare) return std::unexpected(homeCare.error());
  // A second provider of Östermalm, with two years behind its contract (demo_year.hpp).
  auto careHome = organizationNamed(s, "Solgårdens Omsorg AB", "provider");
  if (!careHome) return std::unexpected(careHome.error());

  const std::string pw = kDemoPassword;
  const std::vector<accounts::NewUser> people{
      {"admin", "Administratör", "admin@ostermalm.example.se", pw, *authority, {"admin"}},
      {"anna.avtal",
       "Anna Lind",
       "anna.lind@ostermalm.example.se",
       pw,
       *authority,
       {"contract_manager"}},
      {"rita.registrator",
       "Rita Berg",
       "rita.berg@ostermalm.example.se",
       pw,
       *authority,
       {"registrar"}},
      {"lars.lasare", "Lars Holm", "lars.holm@ostermalm.example.se", pw, *authority, {"reader"}},
      // Told at once of an acute case (seed 002 § 8.2).
      {"dag.direktor",
       "Dag Wallin",
       "dag.wallin@ostermalm.example.se",
       pw,
       *authority,
       {"director"}},
      {"nora.namnd",
       "Nora Falk",
       "nora.falk@ostermalm.example.se",
       pw,
       *authority,
       {"committee_secretary"}},
      {"ulla.utforare", "Ulla Ek", "ulla.ek@linnegarden.example.se", pw, *home, {"provider_rep"}},
      {"nils.norr",
       "Nils Strand",
       "nils.strand@hemtjanstnorr.example.se",
       pw,
       *homeCare,
       {"provider_rep"}},
      {"olof.solgarden",
       "Olof Sund",
       "olof.sund@solgarden.example.se",
       pw,
       *careHome,
       {"provider_rep"}},
  };
  for (const auto& person : people)
    if (auto ok = ensureUser(s, person); !ok) return std::unexpected(ok.error());
  if (auto ok = loadDemoContract(s, *home); !ok) return ok;

  // The second authority, with a year behind its contract (demo_history.hpp).
  auto south = organizationNamed(s, "Södermalms stadsdelsförvaltning", "authority");
  if (!south) return std::unexpected(south.error());
  auto southCare = organizationNamed(s, "Hemtjänst Söder AB", "provider");
  if (!southCare) return std::unexpected(southCare.error());
  auto dayCentre = organizationNamed(s, "Vita Bergens Dagverksamhet AB", "provider");
  if (!dayCentre) return std::unexpected(dayCentre.error());
  const std::vector<accounts::NewUser> south_people{
      {"sofia.soder",
       "Sofia Lund",
       "sofia.lund@sodermalm.example.se",
       pw,
       *south,
       {"contract_manager"}},
      {"rolf.register", "Rolf Ahl", "rolf.ahl@sodermalm.example.se", pw, *south, {"registrar"}},
      {"stina.chef", "Stina Berg", "stina.berg@sodermalm.example.se", pw, *south, {"director"}},
      {"sam.sekreterare",
       "Sam Öst",
       "sam.ost@sodermalm.example.se",
       pw,
       *south,
       {"committee_secretary"}},
      {"hanna.hemtjanst",
       "Hanna Sjö",
       "hanna.sjo@hemtjanstsoder.example.se",
       pw,
       *southCare,
       {"provider_rep"}},
      {"vera.vitaberg",
       "Vera Dahl",
       "vera.dahl@vitabergen.example.se",
       pw,
       *dayCentre,
       {"provider_rep"}},
  };
  for (const auto& person : south_people)
    if (auto ok = ensureUser(s, person); !ok) return std::unexpected(ok.error());
  // The past of both authorities on one timeline, so each register numbers its protocols in the
  // order they were registered; the contracts are created here, their stories run below.
  DemoTimeline timeline(s);
  const DemoPeople sofia{principalNamed(s, "sofia.soder"), principalNamed(s, "rolf.register"),
                         principalNamed(s, "hanna.hemtjanst")};
  if (auto ok = loadDemoHistory(s, timeline, *southCare, sofia); !ok)
    return std::unexpected(ok.error());
  const DemoPeople anna{principalNamed(s, "anna.avtal"), principalNamed(s, "rita.registrator"),
                        principalNamed(s, "olof.solgarden")};
  if (auto ok = loadDemoYears(s, timeline, solgardenScript(*careHome, anna)); !ok)
    return std::unexpected(ok.error());
  const DemoPeople vitaBergen{sofia.manager, sofia.registrar, principalNamed(s, "vera.vitaberg")};
  if (auto ok = loadDemoYears(s, timeline, vitaBergenScript(*dayCentre, vitaBergen)); !ok)
    return std::unexpected(ok.error());
  queueDemoAnnualRecord(s, timeline, *south,
                        {sofia.manager, principalNamed(s, "stina.chef"), sofia.registrar});
  if (auto ok = timeline.run(); !ok) return std::unexpected(ok.error());
  return true;
}

}  // namespace sv::app
