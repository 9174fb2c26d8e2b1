// Benchmarks of issues 4 and 6, in one process, against the real store in a temporary data folder
// (SQLite in WAL mode with synchronous=FULL, bare git repositories with fsync on):
//
//   A1. saving minutes (MinutesService::save) of a ~30 KB protocol, each save a new version, next
//       to the `git` command line committing the same two files (minutes.md, minutes.json) into a
//       plain repository with core.fsync=all, alternating with the saves;
//   B.  the overdue query (ActionService::list with overdueOnly, for all contracts and for one)
//       and the agenda carry-over (AgendaService::get of a late meeting, which runs
//       store::actionsToFollowUp) over ten years of a large city: 500 contracts, 20 000
//       meetings, 100 000 actions, next to a plain read of one meeting row; with
//       --municipalities N, N such cities in one store (issue 18's shared service: 10 gives
//       5 000 contracts, 200 000 meetings, 1 000 000 actions), timed for the first city's
//       contract manager.
//
// Every figure has a baseline measured in the same loop, alternating with it. Times come from
// std::chrono::steady_clock around each call. Markdown goes to stdout, progress to stderr.
// tests/bench/run.sh runs this after domain_bench. minutes.html over HTTP is measured by
// tests/bench/minutes_page.sh, not here.
//
//   documents_bench [--saves N] [--reads N] [--tmp DIR] [--keep] [--postgresql CONNECTION]
//                   [--municipalities N]
//
//   --saves N  timed minutes saves (and as many git commits) [200]
//   --reads N  timed repetitions of each read in B [200]
//   --tmp DIR  where the temporary data folder goes [$TMPDIR or /tmp]; it must be on the disk the
//              server would use, or the fsync figures mean nothing
//   --keep     keeps the data folder
//   --postgresql CONNECTION  the metadata in that (empty) PostgreSQL database instead of SQLite
//              (issue 18: the same figures on both stores; tests/bench/run.sh makes a cluster)
//   --municipalities N  authorities of 500 contracts each in the data set of B [1]
#include <fcntl.h>
#include <libpq-fe.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "bench_context.hpp"
#include "bench_plumbing.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_markdown.hpp"
#include "server/app/context.hpp"
#include "server/store/actions.hpp"
#include "server/store/contracts.hpp"
#include "server/store/database.hpp"
#include "workflows/stockholm_time.hpp"

#ifndef SV_SOURCE_DIR
#error "SV_SOURCE_DIR names the repository; tests/bench/CMakeLists.txt sets it"
#endif
#ifndef SV_BUILD_TYPE
#define SV_BUILD_TYPE "unknown"
#endif

extern char** environ;

namespace fs = std::filesystem;
using namespace sv;

namespace {

using bench::alternate;
using bench::cpuModel;
using bench::describe;
using bench::die;
using bench::fdatasyncCost;
using bench::filesystemOf;
using bench::keep;
using bench::loadAverage;
using bench::need;
using bench::number;
using bench::Pair;
using bench::progress;
using bench::ratio;
using bench::Samples;
using bench::Steady;
using bench::textf;
using bench::utcNow;

std::string ms(double us) {
  return number(us / 1000, 3);
}

// Runs a command (argv[0] looked up on PATH) in `dir`, its output discarded; dies unless it exits
// 0.
void run(const fs::path& dir, std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) die("spawn " + args[0]);
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    die("command failed: " + args[0] + " " + args[1] + " …");
}

void writeFile(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) die("write " + file.string());
}

// The `git` command line committing the same files: a plain repository with a work tree,
// every fsync git knows on (core.fsync=all, fsync(2) rather than a writeout-only flush).
class GitCli {
 public:
  explicit GitCli(fs::path dir) : dir_(std::move(dir)) {
    fs::create_directories(dir_);
    run(dir_, {"git", "init", "-q"});
  }
  void commit(const std::string& markdown, const std::string& json, int i) {
    writeFile(dir_ / "minutes.md", markdown);
    writeFile(dir_ / "minutes.json", json);
    run(dir_, withConfig({"add", "minutes.md", "minutes.json"}));
    run(dir_, withConfig({"commit", "-q", "-m", "Protokoll sparat " + std::to_string(i)}));
  }

 private:
  static std::vector<std::string> withConfig(std::vector<std::string> rest) {
    std::vector<std::string> a = {"git",
                                  "-c",
                                  "core.fsync=all",
                                  "-c",
                                  "core.fsyncMethod=fsync",
                                  "-c",
                                  "user.name=Bench",
                                  "-c",
                                  "user.email=bench@example.se",
                                  "-c",
                                  "gc.auto=0"};
    a.insert(a.end(), rest.begin(), rest.end());
    return a;
  }
  fs::path dir_;
};

struct Options {
  int saves = 200;
  int reads = 200;
  fs::path tmp;
  bool keepData = false;
  std::string postgresql;  // empty: SQLite
  int municipalities = 1;
};

Options parseOptions(int argc, char** argv) {
  Options o;
  sv::bench::readCommandLine(
      argc, argv,
      "usage: documents_bench [--saves N] [--reads N] [--tmp DIR] [--keep] "
      "[--postgresql CONNECTION] [--municipalities N]",
      o.tmp, o.keepData,
      {{"--saves", [&](const std::string& v) { o.saves = std::stoi(v); }},
       {"--reads", [&](const std::string& v) { o.reads = std::stoi(v); }},
       {"--postgresql", [&](const std::string& v) { o.postgresql = v; }},
       {"--municipalities", [&](const std::string& v) { o.municipalities = std::stoi(v); }}});
  if (o.saves < 5 || o.reads < 5) die("--saves and --reads must be at least 5");
  if (o.municipalities < 1 || o.municipalities > 100) die("--municipalities is 1 to 100");
  return o;
}

services::ContractInput contractInput(const std::string& title, const std::string& reference,
                                      std::int64_t providerId, const std::string& serviceArea,
                                      const std::string& startsOn) {
  services::ContractInput in;
  in.title = title;
  in.providerId = providerId;
  in.serviceArea = serviceArea;
  in.reference = reference;
  in.startsOn = startsOn;
  in.meetingsPerYear = 4;
  return in;
}

// About `bytes` of Swedish meeting notes, in paragraphs.
std::string notesOfSize(std::size_t bytes, int seed) {
  static const char* sentences[] = {
      "Utföraren redovisade bemanningen under perioden och hur kontinuiteten har följts upp. ",
      "Förvaltningen påpekade att genomförandeplanerna ska vara uppdaterade inom två veckor. ",
      "Parterna gick igenom avvikelserna från kvartalet och de åtgärder som vidtagits. ",
      "Synpunkter från brukare och anhöriga har besvarats inom den avtalade tiden. ",
      "Frågan om nattbemanningen återkommer till nästa möte med en skriftlig redovisning. ",
  };
  std::string out;
  int k = seed;
  while (out.size() < bytes) {
    for (int s = 0; s < 4 && out.size() < bytes; ++s) out += sentences[k++ % 5];
    out += "\n\n";
  }
  return out;
}

// PostgreSQL's plan of a statement the store ran (its `?N` parameters as PostgreSQL's `$N`, typed
// as the values the overdue list and the follow-up pass), one line per plan node.
std::string explainPostgres(store::Reading& c, const std::string& sql) {
  std::string translated;
  for (std::size_t i = 0; i < sql.size(); ++i) translated += sql[i] == '?' ? '$' : sql[i];
  std::string plan;
  try {
    auto s = c.prepare("EXPLAIN " + translated);
    while (s.step()) plan += (plan.empty() ? "" : "; ") + s.text(0);
  } catch (const store::DatabaseError& e) {
    plan = std::string("(") + e.what() + ")";
  }
  return plan;
}

std::string explain(sqlite3* db, const std::string& sql) {
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

// The SQL texts the store ran while `work` ran on a reader connection (captured by tracing).
std::vector<std::string> g_sql;
int captureSql(unsigned type, void*, void* p, void*) {
  if (type == SQLITE_TRACE_STMT) {
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(p));
    if (sql && std::find(g_sql.begin(), g_sql.end(), sql) == g_sql.end()) g_sql.push_back(sql);
  }
  return 0;
}

// Rows of one table inserted a hundred to a statement: the data set of ten municipalities is over
// a million rows, and on PostgreSQL a statement is a round trip (one a row took 16 s for one
// municipality). The row's SQL has a bare ? for each value, which both stores number in order.
class BatchInsert {
 public:
  using Value = std::variant<std::int64_t, std::string>;
  BatchInsert(store::Writing& c, std::string head, std::string row)
      : c_(c), head_(std::move(head)), row_(std::move(row)) {}
  void add(std::vector<Value> row) {
    rows_.push_back(std::move(row));
    if (rows_.size() == kRows) flush();
  }
  // The rows added since the last statement; call it after the last add.
  void flush() {
    if (rows_.empty()) return;
    std::string sql = head_;
    for (std::size_t i = 0; i < rows_.size(); ++i) sql += (i ? ", " : " ") + row_;
    auto s = c_.prepare(sql);
    int index = 0;
    for (const auto& r : rows_)
      for (const auto& v : r) std::visit([&](const auto& x) { s.bind(++index, x); }, v);
    s.run();
    rows_.clear();
  }

 private:
  static constexpr std::size_t kRows = 100;
  store::Writing& c_;
  std::string head_, row_;
  std::vector<std::vector<Value>> rows_;
};

std::string cell(std::string s) {
  std::string out;
  for (char c : s)
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bench::g_program = "documents_bench";
  const Options opt = parseOptions(argc, argv);
  const std::string loadBefore = loadAverage();
  const auto started = Steady::now();
  const fs::path tmp = bench::makeWorkspace(opt.tmp, "documents-bench", opt.keepData);

  {
    auto ctx = bench::openBenchContext(tmp, fs::path(SV_SOURCE_DIR) / "config", opt.postgresql);
    const bool onPostgresql = !opt.postgresql.empty();
    auto& st = *ctx->store;
    const std::string serviceArea = ctx->catalog.serviceAreas.at(0).key;

    const auto bySystem = accounts::Actor::system();
    const auto authority = need(ctx->accounts->createOrganization(
                                    bySystem, {"Bänkstads stadsdelsförvaltning", "authority"}),
                                "create the authority");
    std::vector<std::int64_t> providers;
    for (int p = 0; p < 20; ++p)
      providers.push_back(
          need(ctx->accounts->createOrganization(
                   bySystem, {"Omsorgsbolag " + std::to_string(p + 1) + " AB", "provider"}),
               "create a provider")
              .id);
    const auto user = need(ctx->accounts->createUser(bySystem, {"bench.manager",
                                                                "Maja Avtalsson",
                                                                "maja.avtalsson@example.se",
                                                                "bench-password-1",
                                                                authority.id,
                                                                {"contract_manager"}}),
                           "create the contract manager");
    const auto manager =
        st.db().read([&](store::Reading& c) { return store::loadPrincipal(c, user.id); });
    if (!manager) die("the contract manager does not load");

    const Samples fsyncCost = fdatasyncCost(tmp / "fsync.probe", 100);

    // ================================================================================ A1 =========
    progress("A1: a meeting with a published agenda and started minutes");
    const auto minutesContract = need(
        ctx->contracts->create(*manager, contractInput("Hemtjänst Protokoll", "SDN 2026/0001",
                                                       providers[0], serviceArea, "2026-01-01")),
        "create the minutes contract");
    need(ctx->meetings->planYear(*manager, minutesContract.id, 2026), "plan 2026");
    const auto minutesMeetings = need(ctx->meetings->list(*manager, minutesContract.id), "list");
    const std::int64_t meetingId = minutesMeetings.at(0).row.id;
    need(ctx->agendas->publish(*manager, meetingId), "publish the agenda");
    auto view = need(ctx->minutes->start(*manager, meetingId), "start the minutes");

    // Notes sized so that minutes.md is about 30 KB.
    minutes::Minutes doc = view.document;
    const std::size_t sections = doc.sections.size();
    if (sections == 0) die("the minutes have no sections");
    const std::size_t base = minutes::renderMarkdown(doc).size();
    const std::size_t target = 30 * 1024;
    for (std::size_t s = 0; s < sections; ++s)
      doc.sections[s].notes =
          notesOfSize(target > base ? (target - base) / sections : 100, static_cast<int>(s));
    std::string version = view.version;
    {
      auto first = need(ctx->minutes->save(*manager, meetingId, version, doc), "the first save");
      if (!first.saved || !first.changed) die("the first save saved nothing");
      version = first.saved->version;
      doc = first.saved->document;
    }
    const std::size_t mdBytes = minutes::renderMarkdown(doc).size();
    const std::size_t jsonBytes = minutes::toJson(doc).size();
    progress(textf("A1: minutes.md %zu bytes, minutes.json %zu bytes, %zu sections", mdBytes,
                   jsonBytes, sections));

    GitCli cli(tmp / "git-cli");
    const std::string originalNotes = doc.sections[0].notes;
    // Save i changes one section's notes (a new first line), so every save is a new version.
    std::string md, json;
    auto prepare = [&](int i) {
      auto& sec = doc.sections[static_cast<std::size_t>(i) % sections];
      const auto nl = sec.notes.find("\n\n");
      sec.notes = textf("Ändring %d. ", i) + sec.notes.substr(nl == std::string::npos ? 0 : nl);
      json = minutes::toJson(doc);
      md = minutes::renderMarkdown(doc);
    };
    auto save = [&](int i) {
      // From the JSON text, as the API's save is: the body parsed once, then the save.
      auto proposed = need(minutes::fromJson(json), "parse");
      auto r = need(ctx->minutes->save(*manager, meetingId, version, proposed), "save");
      if (!r.saved || !r.changed || r.merged) die(textf("save %d made no plain new version", i));
      version = r.saved->version;
    };
    auto gitCommit = [&](int i) { cli.commit(md, json, i); };

    progress(textf("A1: %d saves alternating with %d git add + git commit", opt.saves, opt.saves));
    Pair a1;
    const int warm = 5;
    for (int i = 0; i < warm + opt.saves; ++i) {
      prepare(i);
      const auto t0 = Steady::now();
      gitCommit(i);
      const auto t1 = Steady::now();
      save(i);
      const auto t2 = Steady::now();
      if (i >= warm) {
        a1.baseline.add(t1 - t0);
        a1.subject.add(t2 - t1);
      }
    }
    keep(originalNotes.size());

    // ================================================================================ B ==========
    const int cities = opt.municipalities;
    const std::size_t perCity = 500;
    progress(textf("B: %d × (500 contracts, 20 000 meetings, 100 000 actions)", cities));
    // The first city is the one whose contract manager is timed; the others are its neighbours
    // in a shared store, each with a contract manager of its own who creates its contracts.
    std::vector<std::optional<store::Principal>> managers{manager};
    std::vector<std::int64_t> authorities{authority.id};
    for (int m = 1; m < cities; ++m) {
      const auto other =
          need(ctx->accounts->createOrganization(
                   bySystem, {textf("Kommun %d socialförvaltning", m + 1), "authority"}),
               "create an authority");
      const auto otherUser =
          need(ctx->accounts->createUser(bySystem, {textf("bench.manager%d", m + 1),
                                                    "Avtalsansvarig " + std::to_string(m + 1),
                                                    textf("avtal%d@example.se", m + 1),
                                                    "bench-password-1",
                                                    other.id,
                                                    {"contract_manager"}}),
               "create a contract manager");
      authorities.push_back(other.id);
      managers.push_back(
          st.db().read([&](store::Reading& c) { return store::loadPrincipal(c, otherUser.id); }));
      if (!managers.back()) die("a contract manager does not load");
    }
    std::vector<std::int64_t> contracts;
    for (std::size_t i = 0; i < perCity * static_cast<std::size_t>(cities); ++i)
      contracts.push_back(
          need(ctx->contracts->create(
                   *managers[i / perCity],
                   contractInput("Hemtjänst område " + std::to_string(i % perCity + 1),
                                 textf("SDN 2016/%04zu", i % perCity + 1),
                                 providers[i % providers.size()], serviceArea, "2016-01-01")),
               "create a contract")
              .id);
    // Meetings and actions in one transaction on the writer connection, with the template columns
    // of a meeting the service made.
    std::vector<std::vector<std::int64_t>> meetingsOf(contracts.size());
    std::vector<std::vector<std::string>> startsOf(contracts.size());
    const auto setupStart = Steady::now();
    const std::string now = formatIsoUtc(std::chrono::system_clock::now());
    std::size_t insertedRows = 0;
    st.db().write([&](store::Writing& c) {
      auto t = c.prepare(
          "SELECT template_id, template_version, template_text FROM meetings WHERE id = ?1");
      t.bind(1, meetingId);
      if (!t.step()) die("no template row");
      const std::string tid = t.text(0), tver = t.text(1), ttext = t.text(2);
      BatchInsert meetings(c,
                           "INSERT INTO meetings (contract_id, starts_at, ends_at, location, "
                           "plan_year, plan_slot, template_id, template_version, template_text, "
                           "created_at, updated_at) VALUES",
                           "(?, ?, ?, 'Förvaltningshuset', ?, ?, ?, ?, ?, ?, ?)");
      static const int months[] = {2, 5, 9, 11};
      for (std::size_t k = 0; k < contracts.size(); ++k)
        for (int year = 2016; year <= 2025; ++year)
          for (int q = 0; q < 4; ++q)
            meetings.add({contracts[k], textf("%d-%02d-10T12:00:00Z", year, months[q]),
                          textf("%d-%02d-10T14:00:00Z", year, months[q]), year, q + 1, tid, tver,
                          ttext, now, now});
      meetings.flush();
      // Their ids, in each contract's order of meetings (the set-up's own rows: the contracts
      // are new, and the minutes contract of A1 is not among them).
      std::map<std::int64_t, std::size_t> indexOf;
      for (std::size_t k = 0; k < contracts.size(); ++k) indexOf[contracts[k]] = k;
      auto ids = c.prepare(
          "SELECT id, contract_id, starts_at FROM meetings ORDER BY contract_id, starts_at");
      while (ids.step()) {
        const auto it = indexOf.find(ids.int64(1));
        if (it == indexOf.end()) continue;
        meetingsOf[it->second].push_back(ids.int64(0));
        startsOf[it->second].push_back(ids.text(2));
      }
      BatchInsert actions(c,
                          "INSERT INTO actions (contract_id, origin_meeting_id, origin_section, "
                          "origin_item, text, responsible_party, responsible_person, due_on, "
                          "status, agreed_at, created_at, updated_at, authority_id, provider_id) "
                          "VALUES",
                          "(?, ?, 6, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      static const char* texts[] = {
          "Ta fram en rutin för introduktion av nyanställda och redovisa den för förvaltningen",
          "Säkerställ att genomförandeplanerna är uppdaterade för samtliga brukare",
          "Åtgärda bristerna i läkemedelshanteringen som framkom vid MAS-granskningen",
          "Redovisa bemanningen nattetid och hur kontinuiteten för brukarna ska förbättras",
      };
      static const char* people[] = {"Anna Berg", "Erik Lindqvist", "Sara Öberg", ""};
      // 200 actions a contract, 5 agreed at each of its 40 meetings; 70 % accepted, 10 % each
      // open, reported, insufficient; due 30 to 180 days after the meeting.
      for (std::size_t k = 0; k < contracts.size(); ++k) {
        if (meetingsOf[k].size() != 40) die("a contract's meetings did not read back");
        for (int j = 0; j < 200; ++j) {
          const std::size_t mi = static_cast<std::size_t>(j / 5);
          const int r = static_cast<int>((k * 7919 + static_cast<std::size_t>(j) * 104729) % 10);
          const char* status = r < 7    ? "accepted"
                               : r == 7 ? "open"
                               : r == 8 ? "reported"
                                        : "insufficient";
          const auto day = *parseDateTime(startsOf[k][mi]);
          const auto due =
              std::chrono::floor<std::chrono::days>(day) + std::chrono::days{30 + (j * 37) % 150};
          actions.add({contracts[k], meetingsOf[k][mi], "a" + std::to_string(j % 5 + 1),
                       std::string(texts[j % 4]),
                       std::string(j % 3 == 0 ? "authority" : "provider"),
                       std::string(people[j % 4]), formatDate(Date{due}), std::string(status),
                       startsOf[k][mi], startsOf[k][mi], startsOf[k][mi], authorities[k / perCity],
                       providers[k % providers.size()]});
        }
      }
      actions.flush();
      insertedRows = contracts.size() * 240;
      return 0;
    });
    const double insertSeconds = std::chrono::duration<double>(Steady::now() - setupStart).count();
    if (onPostgresql) {
      // What autovacuum does a minute after a bulk insert, done now: the statistics, and the
      // visibility map that lets a count read an index alone. VACUUM runs outside a transaction,
      // so on a connection of its own.
      const std::unique_ptr<PGconn, decltype(&PQfinish)> admin(PQconnectdb(opt.postgresql.c_str()),
                                                               &PQfinish);
      const std::unique_ptr<PGresult, decltype(&PQclear)> vacuumed(
          PQexec(admin.get(), "VACUUM ANALYZE"), &PQclear);
      if (PQresultStatus(vacuumed.get()) != PGRES_COMMAND_OK)
        die(std::string("VACUUM ANALYZE: ") + PQerrorMessage(admin.get()));
    } else {
      st.db().write([&](store::Writing& c) {
        c.exec("ANALYZE");
        return 0;
      });
    }
    const std::int64_t probeContract = contracts[123];
    const std::int64_t lateMeeting = meetingsOf[123].back();  // 2025-11-10, the 40th
    const std::size_t followUps = st.db().read([&](store::Reading& c) {
      return store::actionsToFollowUp(c, probeContract, startsOf[123].back()).size();
    });

    auto readMeetingRow = [&](std::int64_t id) {
      st.db().read([&](store::Reading& c) {
        auto s = c.prepare(
            "SELECT id, contract_id, starts_at, ends_at, location, status, cancel_reason, "
            "sequence, plan_year, plan_slot, template_id, template_version, template_text, "
            "agenda_published_version, created_at, updated_at FROM meetings WHERE id = ?1");
        s.bind(1, id);
        if (!s.step()) die("no meeting row");
        std::size_t n = 0;
        for (int col = 0; col < 16; ++col) n += s.text(col).size();
        keep(n);
        return 0;
      });
    };
    auto baseline = [&](int i) {
      readMeetingRow(
          meetingsOf[static_cast<std::size_t>(i) % perCity][static_cast<std::size_t>(i) % 40]);
    };
    services::ActionFilter all;
    all.overdueOnly = true;
    services::ActionFilter one = all;
    one.contractId = probeContract;
    // A page as the API asks for it (GET /api/v1/actions: at most 1 000 rows a page).
    const store::PageSpan firstPage{1000, 0};
    const store::PageSpan defaultPage{100, 0};  // without ?limit= (server/api/paging.hpp)
    const auto overdueAll =
        need(ctx->actions->page(*manager, all, firstPage), "overdue").rows.size();
    const auto overdueOne =
        need(ctx->actions->page(*manager, one, firstPage), "overdue one").rows.size();
    const auto carried =
        need(ctx->agendas->get(*manager, lateMeeting), "agenda").agenda.openActions.size();

    struct Row {
      std::string what;
      Pair pair;
    };
    std::vector<Row> rowsB;
    auto runB = [&](const std::string& what, auto&& subject) {
      progress("B: " + what);
      rowsB.push_back({what, alternate(5, opt.reads, baseline, subject)});
    };
    auto benchAll = [&]() {
      runB(textf("`ActionService::page` overdue, all 500 contracts of the city (%zu rows, the "
                 "first page of 1 000, and the total)",
                 overdueAll),
           [&](int) {
             keep(need(ctx->actions->page(*manager, all, firstPage), "page").rows.size());
           });
      runB(
          "`ActionService::page` overdue, all 500 contracts of the city, the API's default page "
          "(100 rows, and the total)",
          [&](int) {
            keep(need(ctx->actions->page(*manager, all, defaultPage), "page").rows.size());
          });
      runB(textf("`ActionService::page` overdue, one contract (%zu rows, and the total)",
                 overdueOne),
           [&](int) {
             keep(need(ctx->actions->page(*manager, one, firstPage), "page").rows.size());
           });
      runB(textf("`AgendaService::get`, meeting 40 of a contract with 200 actions (%zu carried)",
                 carried),
           [&](int) {
             keep(need(ctx->agendas->get(*manager, lateMeeting), "get").markdown.size());
           });
      runB("`store::actionsToFollowUp` alone (same meeting)", [&](int) {
        keep(st.db().read([&](store::Reading& c) {
          return store::actionsToFollowUp(c, probeContract, startsOf[123].back()).size();
        }));
      });
      runB("`store::listActions` overdue alone, all contracts, LIMIT 1000 (no events read)",
           [&](int) {
             keep(st.db().read([&](store::Reading& c) {
               store::ActionQuery q;
               q.overdueOn = formatDate(toStockholm(std::chrono::system_clock::now()).date);
               q.limit = 1000;
               return store::listActions(c, store::TenantScope::of(*manager), q).size();
             }));
           });
    };
    benchAll();

    // The query plans of the statements the overdue list and the follow-up run (SQLite's trace
    // names them; PostgreSQL's are the same texts, listed in plansOnPostgresql below).
    g_sql.clear();
    if (!onPostgresql)
      st.db().read([&](store::Reading& c) {
        sqlite3_trace_v2(store::Database::sqliteOf(c), SQLITE_TRACE_STMT, captureSql, nullptr);
        // On this connection (a nested read would take another one from the pool).
        store::ActionQuery q;
        q.overdueOn = formatDate(toStockholm(std::chrono::system_clock::now()).date);
        keep(store::listActions(c, store::TenantScope::of(*manager), q).size());
        keep(store::countActions(c, store::TenantScope::of(*manager), q));
        q.contractId = probeContract;
        keep(store::listActions(c, store::TenantScope::of(*manager), q).size());
        keep(store::actionsToFollowUp(c, probeContract, startsOf[123].back()).size());
        sqlite3_trace_v2(store::Database::sqliteOf(c), 0, nullptr, nullptr);
        return 0;
      });
    std::vector<std::pair<std::string, std::string>> plans;
    if (!onPostgresql)
      st.db().read([&](store::Reading& c) {
        for (const auto& sql : g_sql)
          if (sql.find("FROM actions") != std::string::npos ||
              sql.find("FROM open_action_counts") != std::string::npos)
            plans.emplace_back(sql, explain(store::Database::sqliteOf(c), sql));
        return 0;
      });
    if (onPostgresql) {
      // ANALYZE'd like SQLite's; EXPLAIN of the overdue list's total (store::countActions
      // for the city's contract manager, its values written in: the sum of open_action_counts).
      st.db().read([&](store::Reading& c) {
        const std::string overdue =
            "SELECT CAST(COALESCE(SUM(t.n), 0) AS BIGINT) FROM open_action_counts t WHERE "
            "t.party = 'authority' AND t.organization_id = " +
            std::to_string(authority.id) + " AND t.due_on < '" +
            formatDate(toStockholm(std::chrono::system_clock::now()).date) + "'";
        plans.emplace_back(overdue, explainPostgres(c, overdue));
        return 0;
      });
    }

    // What ten years of a large city take in the database (the scale plan's figure, issue 18).
    const std::int64_t databaseBytes =
        onPostgresql ? st.db().read([](store::Reading& c) {
          auto size = c.prepare("SELECT pg_database_size(current_database())");
          size.step();
          return size.int64(0);
        })
                     : static_cast<std::int64_t>(fs::file_size(tmp / "data" / "samverkan.db"));
    const double totalSeconds = std::chrono::duration<double>(Steady::now() - started).count();

    // ================================================================================ report =====
    std::cout << "### Minutes saves and the action follow-up (documents_bench"
              << (onPostgresql ? ", metadata in PostgreSQL" : ", metadata in SQLite") << ")\n\n";
    std::cout << "- Date: " << utcNow() << "; build type " << SV_BUILD_TYPE << "; "
              << ::sysconf(_SC_NPROCESSORS_ONLN) << " cores (" << cpuModel()
              << "); load average before: " << loadBefore << "\n";
    std::cout << "- Data folder on " << filesystemOf(tmp) << "; one fdatasync of 4 KB: median "
              << ms(fsyncCost.median()) << " ms, p99 " << ms(fsyncCost.p99()) << " ms\n";
    std::cout << textf(
        "- Run time %.0f s (the %zu rows of B inserted in %.1f s); the "
        "database after it: %.1f MB\n\n",
        totalSeconds, insertedRows, insertSeconds, static_cast<double>(databaseBytes) / 1e6);

    std::cout << "#### A1. Saving minutes (issue 4)\n\n";
    std::cout << textf(
        "minutes.md %zu bytes, minutes.json %zu bytes, %zu sections; each save changes one "
        "section's notes (If-Match the current version, so never a merge). `git` baseline: `git "
        "-c core.fsync=all -c core.fsyncMethod=fsync add` + `commit -q` of the same two files in "
        "a plain repository, file writes and both processes timed; alternating, %d each after %d "
        "untimed.\n\n",
        mdBytes, jsonBytes, sections, opt.saves, warm);
    std::cout << "| Operation | n | median ms | p99 ms |\n|---|---:|---:|---:|\n";
    std::cout << "| `MinutesService::save` | " << a1.subject.size() << " | "
              << ms(a1.subject.median()) << " | " << ms(a1.subject.p99()) << " |\n";
    std::cout << "| `git add` + `git commit` (command line, fsync all) | " << a1.baseline.size()
              << " | " << ms(a1.baseline.median()) << " | " << ms(a1.baseline.p99()) << " |\n\n";
    std::cout << "**git command line / save: " << ratio(a1.baseline.median() / a1.subject.median())
              << "× at the median, " << ratio(a1.baseline.p99() / a1.subject.p99())
              << "× at p99** (the issue's aim: at least 3×).\n\n";

    std::cout << "#### B. Overdue actions and the agenda carry-over (issue 6)\n\n";
    if (cities > 1)
      std::cout << cities << " municipalities in one store, each as below (" << contracts.size()
                << " contracts, " << contracts.size() * 40 << " meetings, "
                << contracts.size() * 200
                << " actions); timed for the first municipality's contract manager, whose "
                   "scope is its own 500 contracts.\n\n";
    std::cout << "500 contracts, 20 000 meetings (2016-2025, four a year), 100 000 actions (200 "
                 "a contract, 70 % accepted, 10 % each open, reported, insufficient; so 30 000 "
                 "not accepted, all overdue). Baseline: one meeting row read on a reader "
                 "connection, alternating.\n\n";
    std::cout << "| Operation | n | median ms | p99 ms | baseline median ms | baseline p99 ms | "
                 "ratio median | ratio p99 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& r : rowsB) {
      const auto& s = r.pair.subject;
      const auto& b = r.pair.baseline;
      std::cout << "| " << r.what << " | " << s.size() << " | " << ms(s.median()) << " | "
                << ms(s.p99()) << " | " << ms(b.median()) << " | " << ms(b.p99()) << " | **"
                << ratio(s.median() / b.median()) << "** | " << ratio(s.p99() / b.p99()) << " |\n";
    }
    std::cout << (onPostgresql ? "\nQuery plan (PostgreSQL's `EXPLAIN`, after `ANALYZE`):"
                               : "\nQuery plans (`EXPLAIN QUERY PLAN`, after `ANALYZE`):")
              << "\n\n| Statement | plan |\n|---|---|\n";
    for (const auto& [sql, plan] : plans) {
      std::string shortSql = sql;
      if (const auto from = shortSql.find(" FROM "); from != std::string::npos)
        shortSql = "SELECT …" + shortSql.substr(from);
      std::cout << "| `" << cell(shortSql) << "` | `" << cell(plan) << "` |\n";
    }
    std::cout << textf("\n(follow-up of the probe meeting: %zu actions)\n", followUps);
  }
  if (!opt.keepData) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  } else {
    std::cerr << "documents_bench: kept " << tmp << "\n";
  }
  return 0;
}
