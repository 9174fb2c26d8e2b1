// Benchmark of issue 19, point 12: searching the register over ten years of a large city, in one
// process against the real store in a temporary data folder (SQLite in WAL mode):
//
//   500 contracts of one authority with 40 providers, four meetings a year 2016-2025, every
//   meeting's minutes registered: 20 000 protocols, each a generated Swedish protocol of about
//   4 KB of Markdown indexed as registration does (store::indexRegistered), then
//   store::searchRegistry as /diariet and GET /api/v1/registry call it (one page: 21 rows), for a
//   contract manager (the whole register) and a provider representative (its contracts), over a
//   mix of queries: partial registry numbers, a provider's name, common and rare words, prefixes
//   (one of one letter and one of three), two words, a year, and hostile text.
//
// Times come from std::chrono::steady_clock around each call. Markdown goes to stdout, progress
// to stderr. tests/bench/run.sh runs it after documents_bench.
//
//   search_bench [--reads N] [--tmp DIR] [--keep]
//
//   --reads N  timed searches of each query and person [200]
//   --tmp DIR  where the temporary data folder goes [$TMPDIR or /tmp]
//   --keep     keeps the data folder
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench_plumbing.hpp"
#include "server/store/accounts.hpp"
#include "server/store/contracts.hpp"
#include "server/store/database.hpp"
#include "server/store/registry_search.hpp"
#include "server/store/store.hpp"

#ifndef SV_BUILD_TYPE
#define SV_BUILD_TYPE "unknown"
#endif

namespace fs = std::filesystem;
using namespace sv;
using namespace sv::bench;

namespace {

struct Options {
  int reads = 200;
  fs::path tmp = std::getenv("TMPDIR") ? fs::path(std::getenv("TMPDIR")) : fs::path("/tmp");
  bool keepData = false;
};

Options parseOptions(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--reads" && i + 1 < argc)
      o.reads = std::atoi(argv[++i]);
    else if (a == "--tmp" && i + 1 < argc)
      o.tmp = argv[++i];
    else if (a == "--keep")
      o.keepData = true;
    else
      die("usage: search_bench [--reads N] [--tmp DIR] [--keep]");
  }
  if (o.reads <= 0) die("--reads must be positive");
  return o;
}

std::string ms(double us) {
  return number(us / 1000.0, 2);
}

// A small deterministic generator, so every run indexes the same text.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <class T, std::size_t N>
  const T& pick(const T (&list)[N]) {
    return list[below(N)];
  }
};

const char* const kProviders[] = {"Linnégården AB",
                                  "Attendo Sverige AB",
                                  "Humana Omsorg AB",
                                  "Vardaga Äldreomsorg AB",
                                  "Förenade Care AB",
                                  "Aleris Omsorg AB",
                                  "Stiftelsen Ersta diakoni",
                                  "Norlandia Omsorg AB",
                                  "Frösunda Omsorg AB",
                                  "Nytida AB",
                                  "Silviahemmet AB",
                                  "Kavat Vård AB",
                                  "Ekbackens vård och omsorg AB",
                                  "Solgårdens hemtjänst AB",
                                  "Björkhagens omsorg AB",
                                  "Gröndals äldreboende AB",
                                  "Tallkrogens seniorboende AB",
                                  "Hässelby vård AB",
                                  "Bromma hemtjänst AB",
                                  "Vasastadens omsorg AB",
                                  "Katarina äldreomsorg AB",
                                  "Östermalms hemtjänst AB",
                                  "Södermalms omsorg AB",
                                  "Kungsholmens vård AB",
                                  "Farsta seniorboende AB",
                                  "Skärholmens omsorg AB",
                                  "Rinkeby hemtjänst AB",
                                  "Spånga vård och omsorg AB",
                                  "Enskede omsorg AB",
                                  "Årsta äldreboende AB",
                                  "Liljeholmens hemtjänst AB",
                                  "Hägerstens omsorg AB",
                                  "Älvsjö vård AB",
                                  "Vällingby omsorg AB",
                                  "Kista hemtjänst AB",
                                  "Husby äldreomsorg AB",
                                  "Tensta vård AB",
                                  "Bagarmossens omsorg AB",
                                  "Skarpnäcks hemtjänst AB",
                                  "Hammarby sjöstads omsorg AB"};
const char* const kServices[] = {"Vård- och omsorgsboende", "Hemtjänst", "Dagverksamhet",
                                 "Korttidsboende", "Servicehus"};
const char* const kPlaces[] = {"Eken",  "Linden", "Björken", "Rönnen",  "Almen",   "Lönnen",
                               "Aspen", "Granen", "Tallen",  "Hasseln", "Syrenen", "Jasminen"};
const char* const kSentences[] = {
    "Utföraren redovisade avvikelserapporteringen för kvartalet och de åtgärder som vidtagits.",
    "Brukarundersökningen visar att brukarna är nöjda med bemötandet men mindre nöjda med maten.",
    "Bemanningen nattetid har förstärkts med en undersköterska sedan förra mötet.",
    "Förvaltningen påminde om att genomförandeplanerna ska följas upp minst var sjätte månad.",
    "Medicinskt ansvarig sjuksköterska har granskat läkemedelshanteringen på enheten.",
    "Läkemedelsgenomgångar har genomförts för samtliga boende under perioden.",
    "Två avvikelser gällde fall i samband med förflyttning; rutinen för fallprevention ses över.",
    "Personalomsättningen är fortsatt hög och rekryteringen av sjuksköterskor pågår.",
    "Kontinuiteten i hemtjänsten mäts som antal personal per brukare under fjorton dagar.",
    "Utföraren har infört ett nytt system för dokumentation enligt socialtjänstlagen.",
    "Verksamheten har haft tillsynsbesök av Inspektionen för vård och omsorg utan anmärkning.",
    "Måltidssituationen har förbättrats efter att matsalen fått nya möbler och bättre ljud.",
    "Frågan om utevistelse togs upp; alla boende ska erbjudas utevistelse dagligen.",
    "Förvaltningen efterfrågade en plan för kompetensutveckling inom demensvård.",
    "Hygienrutinerna följs enligt den senaste egenkontrollen och basala hygienrutiner.",
    "Klagomål från anhöriga har hanterats inom angiven tid och återkopplats skriftligt.",
    "Synpunkter från pensionärsrådet redovisades och diskuterades.",
    "Brandskyddet har kontrollerats och en utrymningsövning genomfördes i oktober.",
    "Utföraren informerade om ombyggnaden av entrén som beräknas vara klar i vår.",
    "Mötet diskuterade hur trygghetslarmen fungerar och svarstiderna nattetid.",
    "Lex Sarah-rapporter: en rapport under perioden, utredd och avslutad.",
    "Förvaltningen redovisade resultatet av uppföljningen av avtalets kvalitetskrav.",
    "Aktivitetsutbudet har utökats med sittgympa, högläsning och musikstunder.",
    "Nutritionsrutinen följs; riskbedömningar görs enligt Senior alert.",
    "Det finns en väntelista till korttidsplatserna som förvaltningen följer upp.",
    "Utföraren påpekade att ersättningen för dubbelbemanning behöver ses över.",
    "Arbetsmiljön har förbättrats efter införandet av nya hjälpmedel för förflyttning.",
    "Samverkan med primärvården fungerar bättre efter de gemensamma vårdplaneringarna.",
    "Legionellaprovtagning i varmvattensystemet visade inga förhöjda värden.",
    "Språkkraven i avtalet följs; all personal har genomgått utbildning i svenska för vården.",
};
const char* const kSections[] = {"Mötets öppnande",         "Val av justerare",
                                 "Föregående protokoll",    "Uppföljning av åtgärder",
                                 "Kvalitet och avvikelser", "Bemanning och kompetens",
                                 "Brukarundersökning",      "Ekonomi och fakturering",
                                 "Övriga frågor",           "Mötets avslutande"};

std::string protocolText(Random& r, const std::string& contract, const std::string& provider,
                         const std::string& date) {
  std::string md =
      "# Protokoll, samverkansmöte " + date + "\n\n" + contract + ", " + provider + "\n\n";
  int section = 1;
  for (const char* heading : kSections) {
    md += "## § " + std::to_string(section++) + " " + heading + "\n\n";
    const std::size_t sentences = 1 + r.below(4);
    for (std::size_t i = 0; i < sentences; ++i) {
      md += r.pick(kSentences);
      md += ' ';
    }
    md += "\n\n";
  }
  return md;
}

}  // namespace

int main(int argc, char** argv) {
  g_program = "search_bench";
  const Options opt = parseOptions(argc, argv);
  const std::string loadBefore = loadAverage();
  const auto started = Steady::now();
  const fs::path tmp = bench::makeWorkspace(opt.tmp, "search-bench", opt.keepData);
  {
    auto opened = store::Store::open({tmp / "data", 4});
    if (!opened) die("open the store: " + describe(opened.error()));
    auto& st = **opened;

    progress("filling: 500 contracts, 20 000 meetings, 20 000 registered protocols");
    const std::string at = "2016-01-01T00:00:00Z";
    std::int64_t authority = 0;
    std::vector<std::int64_t> providers;
    std::vector<std::int64_t> contracts;
    std::vector<std::string> contractTitles, providerOf;
    std::size_t textBytes = 0;
    const auto fillStart = Steady::now();
    st.db().write([&](store::Writing& c) {
      authority = store::insertOrganization(c, "Bänkstads äldreförvaltning",
                                            store::OrganizationKind::Authority, at);
      for (const char* name : kProviders)
        providers.push_back(
            store::insertOrganization(c, name, store::OrganizationKind::Provider, at));
      const auto registrar = store::insertUser(
          c, {"bench.registrar", "Rita Registrator", "rita@example.se", "x", authority, {}}, at);
      Random r{0x9e3779b97f4a7c15ULL};
      for (int k = 0; k < 500; ++k) {
        store::ContractRow row;
        row.title = std::string(kServices[k % 5]) + " " + kPlaces[k % 12] + " " +
                    std::to_string(k / 60 + 1);
        row.authorityId = authority;
        row.providerId = providers[static_cast<std::size_t>(k % 40)];
        row.serviceArea = "hemtjanst";
        row.reference = textf("ÄF 2015/%04d", k + 1);
        row.startsOn = "2016-01-01";
        row.agendaTemplate = "standard";
        row.createdAt = row.updatedAt = at;
        contracts.push_back(store::insertContract(c, row));
        contractTitles.push_back(row.title);
        providerOf.push_back(kProviders[k % 40]);
      }
      static const int months[] = {2, 5, 9, 11};
      for (int year = 2016; year <= 2025; ++year) {
        int seq = 0;
        for (int q = 0; q < 4; ++q)
          for (std::size_t k = 0; k < contracts.size(); ++k) {
            store::MeetingRow m;
            m.contractId = contracts[k];
            m.startsAt =
                textf("%d-%02d-%02dT12:00:00Z", year, months[q], 1 + static_cast<int>(k % 28));
            m.endsAt = m.startsAt.substr(0, 11) + "14:00:00Z";
            m.templateId = "standard";
            m.templateVersion = "1";
            m.createdAt = m.updatedAt = at;
            const auto meeting = *store::insertMeeting(c, m);
            store::RegistryRow reg;
            reg.authorityId = authority;
            reg.year = year;
            reg.seq = ++seq;
            reg.number = textf("ÄF %d/%04d", year, seq);
            reg.meetingId = meeting;
            reg.contractId = contracts[k];
            reg.repository = "contract-" + std::to_string(contracts[k]);
            reg.version = "v";
            reg.tag = "t" + std::to_string(meeting);
            reg.registeredBy = registrar;
            reg.registeredAt = m.startsAt;
            store::insertRegistry(c, reg);
            const auto md =
                protocolText(r, contractTitles[k], providerOf[k], m.startsAt.substr(0, 10));
            textBytes += md.size();
            store::indexRegistered(c, meeting, md);
          }
      }
      c.exec("ANALYZE");
      return 0;
    });
    const double fillSeconds = std::chrono::duration<double>(Steady::now() - fillStart).count();
    const auto dbBytes = fs::file_size(tmp / "data" / "samverkan.db");

    Principal manager;
    manager.userId = 1;
    manager.organizationId = authority;
    manager.organizationKind = OrganizationKind::Authority;
    manager.roles = {Role::ContractManager};
    Principal provider;
    provider.userId = 2;
    provider.organizationId = providers[0];  // Linnégården AB: 13 contracts, 520 protocols
    provider.organizationKind = OrganizationKind::Provider;
    provider.roles = {Role::ProviderRep};

    const std::vector<std::pair<std::string, std::string>> queries = {
        {"partial number", "2021/1"},
        {"sequence only", "0042"},
        {"full number, lower case", "äf 2019/0317"},
        {"provider name", "Linnégården"},
        {"common word (in most protocols)", "brukarna"},
        {"rare word", "legionellaprovtagning"},
        {"prefix", "läkemedel"},
        {"one letter (a prefix of most words)", "s"},
        {"three letters", "för"},
        {"two words", "nattetid bemanningen"},
        {"year", "2023"},
        {"contract and word", "Eken brandskyddet"},
        {"hostile text", "\"NEAR( * - brand\"*"},
    };
    struct Row {
      std::string who, what, query;
      std::size_t hits = 0;
      Samples s;
    };
    std::vector<Row> rows;
    Samples all;
    for (const auto& [who, person] :
         {std::pair<std::string, Principal>{"contract manager", manager},
          std::pair<std::string, Principal>{"provider", provider}}) {
      for (const auto& [what, text] : queries) {
        progress("searching as " + who + ": " + what);
        Row row{who, what, text, 0, {}};
        store::RegistryQuery q;
        q.text = text;
        q.limit = 21;  // one page of /diariet and one more
        for (int i = 0; i < 5 + opt.reads; ++i) {
          const auto t0 = Steady::now();
          const auto hits = st.db().read([&](store::Reading& c) {
            return store::searchRegistry(c, store::TenantScope::of(person), q);
          });
          const auto t1 = Steady::now();
          row.hits = hits.size();
          keep(hits.size());
          if (i >= 5) {
            row.s.add(t1 - t0);
            all.add(t1 - t0);
          }
        }
        rows.push_back(std::move(row));
      }
    }
    const double totalSeconds = std::chrono::duration<double>(Steady::now() - started).count();

    std::cout << "### Searching the register (search_bench, issue 19 point 12)\n\n";
    std::cout << "- Date: " << utcNow() << "; build type " << SV_BUILD_TYPE << "; "
              << ::sysconf(_SC_NPROCESSORS_ONLN) << " cores (" << cpuModel()
              << "); load average before: " << loadBefore << "\n";
    std::cout << textf(
        "- 20 000 registered protocols (500 contracts, 40 providers, four meetings a year "
        "2016-2025), %.1f MB of Markdown indexed; database %.0f MB; filled in %.0f s; run "
        "time %.0f s\n",
        static_cast<double>(textBytes) / 1e6, static_cast<double>(dbBytes) / 1e6, fillSeconds,
        totalSeconds);
    std::cout << textf(
        "- `store::searchRegistry`, one page (LIMIT 21), %d timed searches of each row after 5 "
        "untimed, on a reader connection\n\n",
        opt.reads);
    std::cout << "| Person | Query | Text | Rows | median ms | p99 ms | max ms |\n"
                 "|---|---|---|---:|---:|---:|---:|\n";
    for (const auto& r : rows)
      std::cout << "| " << r.who << " | " << r.what << " | `" << r.query << "` | " << r.hits
                << " | " << ms(r.s.median()) << " | " << ms(r.s.p99()) << " | " << ms(r.s.max())
                << " |\n";
    std::cout << "\n**All searches: median " << ms(all.median()) << " ms, p99 " << ms(all.p99())
              << " ms** (n = " << all.size() << "; the issue's aim: p99 under 50 ms).\n";
  }
  if (!opt.keepData) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  } else {
    std::cerr << "search_bench: kept " << tmp << "\n";
  }
  return 0;
}
