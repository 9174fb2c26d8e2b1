// The yearly summary's benchmark (issue 15, point 6), in one process, against the real store in a
// temporary data folder: one authority-year of a large city, ten years of data (500 contracts,
// 20 000 meetings 2016-2025, 100 000 actions with their events, as documents_bench builds it),
// with the minutes of the two years the summary reads (the year and the year before: about 4 000
// protocols) committed to git through DocumentStore::commit, their agenda items and observations
// recorded in the same transaction as a save records them (migration 022).
//
// Timed, each through the server's own route handler (routing, the service, the rendering; no
// socket), alternating with the baseline:
//   - JSON: GET /api/v1/reports/annual?authority=&year=
//   - HTML: GET /arsrapport?ar=
//   - PDF:  GET /api/v1/reports/annual.pdf?authority=&year=
//   - and, to see where the time goes, store::readAnnualFacts alone, the figures
//     (AnnualReportService::figures) alone, and the figures of a service just made (the first
//     summary after a start: every follow-up report's areas read from git, not yet kept).
// Baseline: the same authority-year's rows counted by plain SQL on a reader connection (the
// meetings, the minutes, the actions agreed, the observations recorded): the least any summary
// of that year must read. Then, once per run, the first summary after migration 022 on data saved
// before it (no recorded items: every protocol of both years read from git and its items
// recorded), three times with the rows cleared before each.
//
// Markdown on stdout, progress on stderr. tests/bench/run.sh runs it after search_bench.
//
//   annual_bench [--reads N] [--tmp DIR] [--keep]
//
//   --reads N  timed repetitions of each output [10]
//   --tmp DIR  where the temporary data folder goes [$TMPDIR or /tmp]
//   --keep     keeps the data folder
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench_context.hpp"
#include "bench_plumbing.hpp"
#include "minutes/annual_items.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_markdown.hpp"
#include "server/app/context.hpp"
#include "server/app/identity.hpp"
#include "server/app/routes.hpp"
#include "server/services/agendas.hpp"
#include "server/services/annual_report.hpp"
#include "server/services/minutes_context.hpp"
#include "server/services/report_service.hpp"
#include "server/store/annual.hpp"
#include "server/store/approvals.hpp"
#include "server/store/database.hpp"
#include "server/store/documents.hpp"
#include "server/store/minutes_items.hpp"
#include "workflows/stockholm_time.hpp"

#ifndef SV_SOURCE_DIR
#error "SV_SOURCE_DIR names the repository; tests/bench/CMakeLists.txt sets it"
#endif
#ifndef SV_BUILD_TYPE
#define SV_BUILD_TYPE "unknown"
#endif

namespace fs = std::filesystem;
using namespace sv;

namespace {

using bench::alternate;
using bench::cpuModel;
using bench::die;
using bench::fdatasyncCost;
using bench::filesystemOf;
using bench::keep;
using bench::loadAverage;
using bench::need;
using bench::Pair;
using bench::progress;
using bench::ratio;
using bench::Samples;
using bench::Steady;
using bench::textf;
using bench::utcNow;

constexpr int kYear = 2025;  // the summary measured: 2025 beside 2024
constexpr int kContracts = 500;
constexpr int kProviders = 20;
constexpr int kFirstYear = 2016;
constexpr int kActionsPerMeeting = 5;

struct Options {
  int reads = 10;
  fs::path tmp;
  bool keepData = false;
};

Options parseOptions(int argc, char** argv) {
  Options o;
  sv::bench::readCommandLine(argc, argv, "usage: annual_bench [--reads N] [--tmp DIR] [--keep]",
                             o.tmp, o.keepData,
                             {{"--reads", [&](const std::string& v) { o.reads = std::stoi(v); }}});
  if (o.reads < 3) die("--reads must be at least 3");
  return o;
}

std::string ms(double us) {
  return bench::number(us / 1000, us < 10000 ? 2 : 1);
}

std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : c == '\n' ? " " : std::string(1, c);
  return out;
}

// What the administration writes under an item, in turn.
const char* const kObservationTexts[] = {
    "Tre genomförandeplaner saknar brukarens egna mål.",
    "Avvikelserna vid helger har inte analyserats.",
    "Signeringslistorna för läkemedel var ofullständiga under två veckor.",
    "Synpunkter från anhöriga har inte besvarats inom avtalad tid.",
    "Introduktionen av nyanställda följer inte den nya checklistan.",
};

const char* const kNotes =
    "Utföraren redovisade bemanningen under perioden och hur kontinuiteten har följts upp. "
    "Förvaltningen påpekade att genomförandeplanerna ska vara uppdaterade inom två veckor.\n\n"
    "Parterna gick igenom avvikelserna från kvartalet och de åtgärder som vidtagits.";

// The protocol of meeting `k` of a contract: the sample's sections, notes under the first three,
// and zero to three observations under some items (about 1.6 a protocol), ids as applyEdit
// gives them.
minutes::Minutes protocolOf(const minutes::Minutes& sample, std::int64_t meetingId,
                            TimePoint startsAt, std::size_t seed) {
  minutes::Minutes doc = sample;
  doc.header.meetingId = meetingId;
  doc.header.startsAt = startsAt;
  int next = 1;
  for (std::size_t s = 0; s < doc.sections.size(); ++s) {
    auto& sec = doc.sections[s];
    if (s < 3) sec.notes = kNotes;
    const std::size_t count = (seed * 7 + s * 13) % 11 < 3 ? 1 + (seed + s) % 3 : 0;
    for (std::size_t k = 0; k < count; ++k)
      sec.observations.push_back(
          {"o" + std::to_string(next++), kObservationTexts[(seed + s + k) % 5]});
  }
  return doc;
}

struct City {
  std::int64_t authority = 0;
  std::vector<std::int64_t> contracts;
  int meetings = 0;
  int cancelled = 0;
  int actions = 0;
  int actionEvents = 0;
  int protocols = 0;
  int observations = 0;
  double sqlSeconds = 0;
  double protocolSeconds = 0;
  int reports = 0;
  double reportSeconds = 0;
};

// The meetings and actions of ten years in one transaction on the writer connection, with the
// template columns of a meeting the service made (as documents_bench does). One meeting in 20 is
// cancelled; five actions are agreed at each held one (70 % accepted, 10 % each open, reported,
// insufficient) with the events that brought them there.
void insertTenYears(store::Store& st, std::int64_t templateMeeting, City& city,
                    std::vector<std::vector<std::pair<std::int64_t, std::string>>>& held) {
  const auto start = Steady::now();
  const std::string now = formatIsoUtc(std::chrono::system_clock::now());
  held.assign(city.contracts.size(), {});
  st.db().write([&](store::Writing& c) {
    auto t = c.prepare(
        "SELECT template_id, template_version, template_text FROM meetings WHERE id = ?1");
    t.bind(1, templateMeeting);
    if (!t.step()) die("no template row");
    const std::string tid = t.text(0), tver = t.text(1), ttext = t.text(2);
    static const int months[] = {2, 5, 9, 11};
    static const char* reasons[] = {"Sjukdom hos utföraren", "Krock med nämndens sammanträde",
                                    "Utföraren kunde inte delta"};
    static const char* texts[] = {
        "Ta fram en rutin för introduktion av nyanställda och redovisa den för förvaltningen",
        "Säkerställ att genomförandeplanerna är uppdaterade för samtliga brukare",
        "Åtgärda bristerna i läkemedelshanteringen som framkom vid MAS-granskningen",
        "Redovisa bemanningen nattetid och hur kontinuiteten för brukarna ska förbättras",
    };
    for (std::size_t k = 0; k < city.contracts.size(); ++k)
      for (int year = kFirstYear; year <= kYear; ++year)
        for (int q = 0; q < 4; ++q) {
          const std::string at = textf("%d-%02d-10T12:00:00Z", year, months[q]);
          const std::string end = textf("%d-%02d-10T14:00:00Z", year, months[q]);
          const bool cancel = (k * 31 + static_cast<std::size_t>(year * 4 + q)) % 20 == 0;
          c.prepare(
               "INSERT INTO meetings (contract_id, starts_at, ends_at, location, status, "
               "cancel_reason, plan_year, plan_slot, template_id, template_version, "
               "template_text, created_at, updated_at) VALUES (?1, ?2, ?3, 'Förvaltningshuset', "
               "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)")
              .bindAll(city.contracts[k], at, end, cancel ? "cancelled" : "planned",
                       cancel ? std::optional<std::string>(reasons[(k + q) % 3]) : std::nullopt,
                       year, q + 1, tid, tver, ttext, now)
              .run();
          ++city.meetings;
          if (cancel) {
            ++city.cancelled;
            continue;
          }
          const std::int64_t meetingId = c.lastInsertId();
          held[k].emplace_back(meetingId, at);
          const auto day = std::chrono::floor<std::chrono::days>(*parseDateTime(at));
          for (int j = 0; j < kActionsPerMeeting; ++j) {
            const int r = static_cast<int>(
                (k * 7919 + static_cast<std::size_t>(year * 40 + q * 5 + j) * 104729) % 10);
            const char* status = r < 7    ? "accepted"
                                 : r == 7 ? "open"
                                 : r == 8 ? "reported"
                                          : "insufficient";
            const auto due = day + std::chrono::days{30 + (j * 37 + q * 11) % 150};
            const std::string reported = formatIsoUtc(day + std::chrono::days{25 + j});
            const std::string evaluated = formatIsoUtc(day + std::chrono::days{91});
            c.prepare(
                 "INSERT INTO actions (contract_id, origin_meeting_id, origin_section, "
                 "origin_item, text, responsible_party, due_on, status, agreed_at, created_at, "
                 "updated_at, authority_id, provider_id) VALUES (?1, ?2, 6, ?3, ?4, ?5, ?6, ?7, "
                 "?8, ?8, ?9, (SELECT authority_id FROM contracts WHERE id = ?1), "
                 "(SELECT provider_id FROM contracts WHERE id = ?1))")
                .bindAll(city.contracts[k], meetingId, "a" + std::to_string(j + 1), texts[j % 4],
                         j % 3 == 0 ? "authority" : "provider", formatDate(Date{due}), status, at,
                         r < 7 || r == 9 ? evaluated
                         : r == 8        ? reported
                                         : at)
                .run();
            const std::int64_t actionId = c.lastInsertId();
            ++city.actions;
            auto event = [&](const char* kind, std::optional<std::string> outcome,
                             const std::string& when) {
              c.prepare(
                   "INSERT INTO action_events (action_id, kind, outcome, at) VALUES (?1, ?2, ?3, "
                   "?4)")
                  .bindAll(actionId, kind, outcome, when)
                  .run();
              ++city.actionEvents;
            };
            event("created", std::nullopt, at);
            if (r == 7) continue;
            event("report", std::nullopt, reported);
            if (r == 8) continue;
            event("evaluation", r < 7 ? "accepted" : "insufficient", evaluated);
          }
        }
    return 0;
  });
  city.sqlSeconds = std::chrono::duration<double>(Steady::now() - start).count();
}

// The protocols of the held meetings of the year and the year before, each one document commit
// (git pack, then the SQLite transaction, then the ref) whose transaction records what the
// minutes' lifecycle leaves (approvals of both parties, one in ten with a note of disagreement,
// one in eight returned once before, most registered) and the agenda items with their
// observations, as MinutesService::save records them.
void commitProtocols(app::Context& ctx, const store::Principal& manager,
                     const minutes::Minutes& sample, City& city,
                     const std::vector<std::vector<std::pair<std::int64_t, std::string>>>& held) {
  const auto start = Steady::now();
  std::map<int, int> sequence;  // registry numbers per year
  const std::string windowStart = std::to_string(kYear - 1) + "-01-01";
  for (std::size_t k = 0; k < held.size(); ++k) {
    for (const auto& [meetingId, at] : held[k]) {
      if (at < windowStart) continue;
      const std::size_t seed = static_cast<std::size_t>(meetingId);
      const TimePoint startsAt = *parseDateTime(at);
      const auto doc = protocolOf(sample, meetingId, startsAt, seed);
      const auto items = minutes::agendaItemsOf(doc);
      for (const auto& i : items) city.observations += i.observations;
      const int year = std::stoi(at.substr(0, 4));
      const bool registered = seed % 10 != 0;
      const int seq = registered ? ++sequence[year] : 0;
      const std::string approvedAt = formatIsoUtc(startsAt + std::chrono::days{3 + seed % 25});
      const std::string registeredAt = formatIsoUtc(startsAt + std::chrono::days{30 + seed % 9});
      store::DocumentCommit commit;
      commit.repository = services::AgendaService::repositoryOf(city.contracts[k]);
      commit.document = services::minutesDocumentOf(meetingId);
      commit.files = {{commit.document + ".md", minutes::renderMarkdown(doc)},
                      {commit.document + ".json", minutes::toJson(doc)}};
      commit.author = {manager.name, manager.email};
      commit.authorId = manager.userId;
      commit.message = "Protokoll";
      commit.at = startsAt;
      commit.expectedVersion = "";
      need(ctx.store->documents().commit(
               commit,
               [&](store::Writing& c, const std::string& v) -> Status {
                 store::insertMinutes(c, meetingId, at);
                 for (auto party : {Party::Authority, Party::Provider})
                   store::insertApproval(
                       c, {0, meetingId, party, manager.userId, manager.name, v,
                           party == Party::Provider && seed % 10 == 3 ? "Utföraren anser att "
                                                                        "bemanningen räcker."
                                                                      : "",
                           approvedAt, std::nullopt});
                 if (seed % 8 == 0)
                   c.prepare(
                        "INSERT INTO minutes_returns (meeting_id, user_id, version, comment, "
                        "returned_at) VALUES (?1, ?2, ?3, 'Fel antal avvikelser i § 8.', ?4)")
                       .bindAll(meetingId, manager.userId, v, at)
                       .run();
                 store::setMinutesState(c, meetingId,
                                        registered ? minutes::MinutesState::Registered
                                                   : minutes::MinutesState::Approved,
                                        approvedAt);
                 if (registered)
                   c.prepare(
                        "INSERT INTO registry (authority_id, year, seq, number, meeting_id, "
                        "contract_id, repository, version, tag, registered_by, registered_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?4, ?9, ?10)")
                       .bindAll(city.authority, year, seq, textf("SDN %d/%04d", year, seq),
                                meetingId, city.contracts[k], commit.repository, v, manager.userId,
                                registeredAt)
                       .run();
                 store::recordMinutesItems(c, meetingId, v, items);
                 return {};
               }),
           "commit a protocol");
      ++city.protocols;
    }
    if ((k + 1) % 50 == 0) progress(textf("protocols: %zu of %zu contracts", k + 1, held.size()));
  }
  city.protocolSeconds = std::chrono::duration<double>(Steady::now() - start).count();
}

// The summary's rows of the authority-year by plain SQL: what any summary must read at least.
std::size_t countYear(store::Store& st, std::int64_t authority) {
  return st.db().read([&](store::Reading& c) {
    const std::string from = std::to_string(kYear) + "-01-01",
                      to = std::to_string(kYear + 1) + "-01-01";
    std::size_t n = 0;
    for (const char* sql :
         {"SELECT COUNT(*), COUNT(n.meeting_id) FROM contracts c JOIN meetings m ON "
          "m.contract_id = c.id LEFT JOIN minutes n ON n.meeting_id = m.id WHERE "
          "c.authority_id = ?1 AND m.starts_at >= ?2 AND m.starts_at < ?3",
          "SELECT COUNT(*), 0 FROM contracts c JOIN actions a ON a.contract_id = c.id WHERE "
          "c.authority_id = ?1 AND a.agreed_at >= ?2 AND a.agreed_at < ?3",
          "SELECT COALESCE(SUM(i.observations), 0), 0 FROM contracts c JOIN meetings m ON "
          "m.contract_id = c.id JOIN minutes_items i ON i.meeting_id = m.id WHERE "
          "c.authority_id = ?1 AND m.starts_at >= ?2 AND m.starts_at < ?3"}) {
      auto s = c.prepare(sql);
      s.bindAll(authority, from, to);
      if (!s.step()) die("no count");
      n += static_cast<std::size_t>(s.int64(0) + s.int64(1));
    }
    return n;
  });
}

// The SQL texts a reader connection ran while `work` ran, for their query plans.
std::vector<std::string> g_sql;
int captureSql(unsigned type, void*, void* p, void*) {
  if (type == SQLITE_TRACE_STMT) {
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(p));
    if (sql && std::find(g_sql.begin(), g_sql.end(), sql) == g_sql.end()) g_sql.push_back(sql);
  }
  return 0;
}

std::string planOf(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + sql).c_str(), -1, &s, nullptr) != SQLITE_OK)
    return std::string("(") + sqlite3_errmsg(db) + ")";
  std::string plan;
  while (sqlite3_step(s) == SQLITE_ROW) {
    const auto* detail = reinterpret_cast<const char*>(sqlite3_column_text(s, 3));
    plan += (plan.empty() ? "" : "; ") + std::string(detail ? detail : "");
  }
  sqlite3_finalize(s);
  return plan;
}

}  // namespace

int main(int argc, char** argv) {
  bench::g_program = "annual_bench";
  const Options opt = parseOptions(argc, argv);
  const std::string loadBefore = loadAverage();
  const auto started = Steady::now();
  const fs::path tmp = bench::makeWorkspace(opt.tmp, "annual-bench", opt.keepData);

  {
    auto ctx = bench::openBenchContext(tmp, fs::path(SV_SOURCE_DIR) / "config");
    auto& st = *ctx->store;
    const std::string serviceArea = ctx->catalog.serviceAreas.at(0).key;
    const Samples fsyncCost = fdatasyncCost(tmp / "fsync.probe", 100);

    // ============================================================================ the city ====
    const auto bySystem = accounts::Actor::system();
    City city;
    city.authority = need(ctx->accounts->createOrganization(
                              bySystem, {"Bänkstads stadsdelsförvaltning", "authority"}),
                          "create the authority")
                         .id;
    std::vector<std::int64_t> providers;
    for (int p = 0; p < kProviders; ++p)
      providers.push_back(need(ctx->accounts->createOrganization(
                                   bySystem, {textf("Omsorgsbolag %d AB", p + 1), "provider"}),
                               "create a provider")
                              .id);
    const std::string password = "bench-password-1";
    need(ctx->accounts->createUser(bySystem, {"bench.manager",
                                              "Maja Avtalsson",
                                              "maja.avtalsson@example.se",
                                              password,
                                              city.authority,
                                              {"contract_manager"}}),
         "create the contract manager");
    const auto login = need(ctx->accounts->login("bench.manager", password), "log in");
    const auto session = need(ctx->accounts->authenticate(login.token), "the session");
    const store::Principal manager = session->principal;

    progress("500 contracts");
    auto contractOf = [&](const std::string& title, const std::string& reference,
                          std::int64_t provider) {
      services::ContractInput in;
      in.title = title;
      in.providerId = provider;
      in.serviceArea = serviceArea;
      in.reference = reference;
      in.startsOn = textf("%d-01-01", kFirstYear);
      in.meetingsPerYear = 4;
      return need(ctx->contracts->create(manager, in), "create a contract").id;
    };
    for (int i = 0; i < kContracts; ++i)
      city.contracts.push_back(contractOf(textf("Hemtjänst område %03d", i + 1),
                                          textf("SDN %d/%04d", kFirstYear, i + 1),
                                          providers[static_cast<std::size_t>(i % kProviders)]));
    // The sample protocol: a meeting of another authority's contract, its agenda published and
    // its minutes started by the services, so that its sections are the agenda template's.
    const auto otherAuthority =
        need(ctx->accounts->createOrganization(bySystem, {"Mallstadens förvaltning", "authority"}),
             "create the other authority")
            .id;
    need(ctx->accounts->createUser(bySystem, {"bench.other",
                                              "Mall Avtalsson",
                                              "mall.avtalsson@example.se",
                                              password,
                                              otherAuthority,
                                              {"contract_manager"}}),
         "create the other contract manager");
    const auto other = need(ctx->accounts->login("bench.other", password), "log in").principal;
    services::ContractInput sampleInput;
    sampleInput.title = "Mallavtal";
    sampleInput.providerId = providers[0];
    sampleInput.serviceArea = serviceArea;
    sampleInput.reference = "MF 2026/0001";
    sampleInput.startsOn = "2026-01-01";
    const auto sampleContract =
        need(ctx->contracts->create(other, sampleInput), "the sample contract").id;
    const auto sampleMeeting =
        need(ctx->meetings->create(other, sampleContract,
                                   {"2026-06-10T13:00", std::nullopt, "Förvaltningshuset"}),
             "the sample meeting")
            .row.id;
    need(ctx->agendas->publish(other, sampleMeeting), "publish the sample agenda");
    const auto sample =
        need(ctx->minutes->start(other, sampleMeeting), "start the sample").document;

    progress("20 000 meetings, 100 000 actions with their events");
    std::vector<std::vector<std::pair<std::int64_t, std::string>>> held;
    insertTenYears(st, sampleMeeting, city, held);
    progress(textf("the protocols of %d and %d", kYear - 1, kYear));
    commitProtocols(*ctx, manager, sample, city, held);
    // A follow-up report of each contract for each of the two years, started from the service
    // area's template: the summary reads each one's areas from its document in git.
    progress(textf("the follow-up reports of %d and %d", kYear - 1, kYear));
    const auto reportsStart = Steady::now();
    for (const auto contract : city.contracts)
      for (int y = kYear - 1; y <= kYear; ++y) {
        need(ctx->reports->start(manager, {contract, y, minutes::ReportKind::Operational}),
             "start a report");
        ++city.reports;
      }
    city.reportSeconds = std::chrono::duration<double>(Steady::now() - reportsStart).count();
    st.db().write([&](store::Writing& c) {
      c.exec("ANALYZE");
      return 0;
    });

    // ============================================================================ timed =======
    http::Router router;
    app::registerRoutes(router, *ctx->services);
    const auto identity = std::make_shared<const app::SessionIdentity>(session);
    const std::string authority = std::to_string(city.authority);
    const std::string year = std::to_string(kYear);
    std::map<std::string, std::size_t> bytes;
    auto get = [&](const std::string& path,
                   std::multimap<std::string, std::string> query) -> std::size_t {
      http::Request req;
      req.method = "GET";
      req.path = path;
      req.query = std::move(query);
      req.session = identity;
      const auto match = router.match("GET", path);
      if (!match.route) die("no route " + path);
      req.pathParams = match.params;
      auto reply = match.route->handler(req);
      if (!reply) die(path + ": " + bench::describe(reply.error()));
      if (reply->status != 200) die(textf("%s answered %d", path.c_str(), reply->status));
      const std::size_t n = reply->sharedBody ? reply->sharedBody->size() : reply->body.size();
      bytes[path] = n;
      return n;
    };
    auto json = [&](int) {
      keep(get("/api/v1/reports/annual", {{"authority", authority}, {"year", year}}));
    };
    auto html = [&](int) { keep(get("/arsrapport", {{"ar", year}})); };
    auto pdf = [&](int) {
      keep(get("/api/v1/reports/annual.pdf", {{"authority", authority}, {"year", year}}));
    };
    auto facts = [&](int) {
      keep(st.read([&](store::Reading& c) {
               return store::readAnnualFacts(c, city.authority, std::nullopt, kYear);
             })->input.contracts.size());
    };
    auto figures = [&](int) {
      keep(need(ctx->annual->figures(manager, city.authority, kYear), "figures").providers.size());
    };
    // A service of its own each time: the first summary after the server starts, before it has
    // read any follow-up report's areas from git.
    auto firstFigures = [&](int) {
      services::AnnualReportService fresh(st, ctx->catalog, ctx->time);
      keep(need(fresh.figures(manager, city.authority, kYear), "figures").providers.size());
    };
    auto baseline = [&](int) { keep(countYear(st, city.authority)); };

    struct Row {
      std::string what;
      Pair pair;
    };
    std::vector<Row> rows;
    auto run = [&](const std::string& what, auto&& subject) {
      progress(what);
      rows.push_back({what, alternate(2, opt.reads, baseline, subject)});
    };
    run("JSON: `GET /api/v1/reports/annual`", json);
    run("HTML: `GET /arsrapport`", html);
    run("PDF: `GET /api/v1/reports/annual.pdf`", pdf);
    run("of which the facts: `store::readAnnualFacts` alone", facts);
    run("of which the figures: `AnnualReportService::figures` alone", figures);
    run("of which the figures, first after a start (every report read from git)", firstFigures);
    const auto figuresNow = need(ctx->annual->figures(manager, city.authority, kYear), "figures");

    // The first summary after migration 022 on protocols saved before it.
    progress("the first summary on protocols saved before migration 022");
    Samples cold;
    for (int i = 0; i < 3; ++i) {
      st.db().write([&](store::Writing& c) {
        c.exec("DELETE FROM minutes_items");
        c.exec("UPDATE minutes SET items_version = NULL");
        return 0;
      });
      const auto t0 = Steady::now();
      json(i);
      cold.add(Steady::now() - t0);
    }
    const auto figuresFilled =
        need(ctx->annual->figures(manager, city.authority, kYear), "figures");
    if (!(figuresFilled == figuresNow))
      die("the figures filled from git differ from those recorded");

    // The query plans of the statements readAnnualFacts runs.
    g_sql.clear();
    st.db().read([&](store::Reading& c) {
      auto* raw = store::Database::sqliteOf(c);
      sqlite3_trace_v2(raw, SQLITE_TRACE_STMT, captureSql, nullptr);
      keep(store::readAnnualFacts(c, city.authority, std::nullopt, kYear)->input.contracts.size());
      sqlite3_trace_v2(raw, 0, nullptr, nullptr);
      return 0;
    });
    std::vector<std::pair<std::string, std::string>> plans;
    st.db().read([&](store::Reading& c) {
      for (const auto& sql : g_sql)
        plans.emplace_back(sql, planOf(store::Database::sqliteOf(c), sql));
      return 0;
    });
    const double totalSeconds = std::chrono::duration<double>(Steady::now() - started).count();

    // ============================================================================ report ======
    const auto& year1 = figuresNow.totals.current;
    int observed = 0;
    for (const auto& i : year1.observations) observed += i.observations;
    std::cout << "### The yearly summary of one authority-year (annual_bench)\n\n";
    std::cout << "- Date: " << utcNow() << "; build type " << SV_BUILD_TYPE << "; "
              << ::sysconf(_SC_NPROCESSORS_ONLN) << " cores (" << cpuModel()
              << "); load average before: " << loadBefore << "\n";
    std::cout << "- Data folder on " << filesystemOf(tmp) << "; one fdatasync of 4 KB: median "
              << ms(fsyncCost.median()) << " ms\n";
    std::cout << textf(
        "- The city: 1 authority, %d providers, %d contracts; %d meetings %d-%d (%d cancelled), "
        "%d actions with %d events (inserted in %.1f s); %d protocols of %d and %d committed to "
        "git with %d observations (%.0f s, %.1f ms a commit)\n",
        kProviders, kContracts, city.meetings, kFirstYear, kYear, city.cancelled, city.actions,
        city.actionEvents, city.sqlSeconds, city.protocols, kYear - 1, kYear, city.observations,
        city.protocolSeconds, city.protocolSeconds * 1000 / std::max(1, city.protocols));
    std::cout << textf(
        "- %d follow-up reports (one a contract for each of the two years, started by "
        "`ReportService::start` from the template: %.0f s)\n",
        city.reports, city.reportSeconds);
    std::cout << textf(
        "- The summary of %d: %d meetings planned, %d held, %d cancelled; %d minutes; %zu agenda "
        "items with %d observations; %d actions opened. Bodies: JSON %zu bytes, HTML %zu, PDF "
        "%zu\n",
        kYear, year1.meetings.planned, year1.meetings.held, year1.meetings.cancelled,
        year1.minutes.minutes, year1.observations.size(), observed, year1.actions.opened,
        bytes["/api/v1/reports/annual"], bytes["/arsrapport"], bytes["/api/v1/reports/annual.pdf"]);
    std::cout << textf("- Run time %.0f s\n\n", totalSeconds);
    std::cout << textf(
        "Each output through its route's handler in process (no socket), %d times after 2 "
        "untimed, alternating with the baseline: the authority-year's meetings, minutes, actions "
        "and observations counted by three plain SQL statements on a reader connection.\n\n",
        opt.reads);
    std::cout << "| Output | n | median ms | p99 ms | baseline median ms | ratio median | aim |\n"
                 "|---|---:|---:|---:|---:|---:|---|\n";
    for (const auto& r : rows) {
      const auto& s = r.pair.subject;
      const auto& b = r.pair.baseline;
      const bool output = r.what.rfind("of which", 0) != 0;
      std::cout << "| " << r.what << " | " << s.size() << " | " << ms(s.median()) << " | "
                << ms(s.p99()) << " | " << ms(b.median()) << " | **"
                << ratio(s.median() / b.median()) << "** | "
                << (output ? (s.median() < 1e6 ? "under 1 s" : "**over 1 s**") : "") << " |\n";
    }
    std::cout << textf(
        "\nThe first summary on protocols saved before migration 022 (no recorded items: %d "
        "protocols read from git, parsed and their items recorded in one transaction), JSON, "
        "3 runs with the rows cleared before each: median %s ms, max %s ms. The figures it gives "
        "equal those from the recorded rows.\n",
        city.protocols, ms(cold.median()).c_str(), ms(cold.max()).c_str());
    std::cout << "\nQuery plans of `store::readAnnualFacts` (`EXPLAIN QUERY PLAN`, after "
                 "`ANALYZE`):\n\n| Statement | plan |\n|---|---|\n";
    for (const auto& [sql, plan] : plans) {
      std::string shortSql = sql;
      if (const auto from = shortSql.find(" FROM "); from != std::string::npos && from > 60)
        shortSql = "SELECT …" + shortSql.substr(from);
      std::cout << "| `" << cell(shortSql) << "` | `" << cell(plan) << "` |\n";
    }
  }
  if (!opt.keepData) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  } else {
    std::cerr << "annual_bench: kept " << tmp << "\n";
  }
  return 0;
}
