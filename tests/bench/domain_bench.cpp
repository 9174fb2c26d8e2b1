// The domain benchmarks of issue 3, in one process, against the real store in a temporary data
// folder (SQLite in WAL mode with synchronous=FULL, bare git repositories with fsync on):
//
//   1. the agenda of a meeting of a contract with ten years of meetings (40), through
//      AgendaService::get, with no actions and with a thousand in the action table, and the
//      domain functions alone with a thousand open actions (generateAgenda,
//      renderAgendaMarkdown, serializeAgenda, parseAgenda);
//   2. the first save of an agenda (AgendaService::addItem: a git commit and a SQLite
//      transaction, each with its fsyncs);
//   3. planning a year (MeetingService::planYear) for 500 contracts, one after the other.
//
// The data folder holds a large city's ten years before anything is timed: 500 contracts with
// four meetings a year since 2016 (20 000 meetings), besides the contracts measured.
//
// Every figure has a baseline measured in the same loop, alternating with it (baseline, subject,
// baseline, subject, ...), so that it reads as a ratio on a small, shared, noisy machine:
//   - reads: a plain SQLite read of the meeting row on the store's own reader connection;
//   - writes: the durable floor of the same write, without the server's logic (see below).
// Times come from std::chrono::steady_clock around each call. Markdown goes to stdout, progress
// to stderr. tests/bench/run.sh runs this after the HTTP figures.
//
//   domain_bench [--contracts N] [--scale F] [--tmp DIR] [--keep]
//
//   --contracts N  contracts to plan a year for [500]
//   --scale F      multiplies every repetition count [1]
//   --tmp DIR      where the temporary data folder goes [$TMPDIR or /tmp]: it must be on the disk
//                  the server would use, or the fsync figures mean nothing (tmpfs is reported)
//   --keep         keeps the data folder
#include <fcntl.h>
#include <git2.h>
#include <sqlite3.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
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
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "agenda/agenda.hpp"
#include "bench_context.hpp"
#include "bench_plumbing.hpp"
#include "server/app/context.hpp"
#include "server/store/accounts.hpp"
#include "server/store/actions.hpp"
#include "server/store/contracts.hpp"
#include "server/store/database.hpp"
#include "server/store/git.hpp"
#include "server/store/git_packs.hpp"
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

// --- plumbing -----------------------------------------------------------------------------------

struct Row {
  std::string what;
  Pair pair;
};

enum class Unit { Micro, Milli };

std::string inUnit(double us, Unit unit) {
  return unit == Unit::Micro ? number(us, us < 100 ? 1 : 0) : number(us / 1000, 3);
}

void printTable(const std::vector<Row>& rows, Unit unit, const std::string& baselineName) {
  const char* u = unit == Unit::Micro ? "µs" : "ms";
  std::cout << "| Operation | n | median " << u << " | p99 " << u << " | " << baselineName
            << " median " << u << " | " << baselineName << " p99 " << u
            << " | ratio median | ratio p99 |\n";
  std::cout << "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& r : rows) {
    const auto& s = r.pair.subject;
    const auto& b = r.pair.baseline;
    std::cout << "| " << r.what << " | " << s.size() << " | " << inUnit(s.median(), unit) << " | "
              << inUnit(s.p99(), unit) << " | " << inUnit(b.median(), unit) << " | "
              << inUnit(b.p99(), unit) << " | **" << ratio(s.median() / b.median()) << "** | "
              << ratio(s.p99() / b.p99()) << " |\n";
  }
}

// --- the machine --------------------------------------------------------------------------------

// --- the floors ---------------------------------------------------------------------------------

// A bare SQLite transaction in its own database file next to the store's, with the store's
// settings (WAL, synchronous=FULL): BEGIN IMMEDIATE, four INSERTs of a meeting-sized row (the
// agenda template text that every meeting row carries), COMMIT. The least a durable write of four
// meetings costs; one fsync of the WAL at the commit.
class SqliteFloor {
 public:
  SqliteFloor(const fs::path& file, std::string payload) : payload_(std::move(payload)) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK)
      die("open " + file.string());
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=FULL");
    exec(
        "CREATE TABLE rows (id INTEGER PRIMARY KEY, contract_id INTEGER NOT NULL, "
        "starts_at TEXT NOT NULL, payload TEXT NOT NULL)");
    // The store's WAL has long reached its working size (the set-up writes 20 000 meetings), so
    // its commits overwrite blocks the file already has. This one is brought to the same state:
    // one large transaction, checkpointed by SQLite at its commit, after which commits overwrite
    // the start of the WAL rather than grow the file (growing costs a metadata journal commit).
    exec("CREATE TABLE fill (b BLOB)");
    exec(
        "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
        "INSERT INTO fill SELECT randomblob(4000) FROM n; COMMIT");
    begin_ = prepare("BEGIN IMMEDIATE");
    insert_ = prepare("INSERT INTO rows (contract_id, starts_at, payload) VALUES (?1, ?2, ?3)");
    commit_ = prepare("COMMIT");
  }
  ~SqliteFloor() {
    for (auto* s : {begin_, insert_, commit_}) sqlite3_finalize(s);
    sqlite3_close_v2(db_);
  }
  SqliteFloor(const SqliteFloor&) = delete;
  SqliteFloor& operator=(const SqliteFloor&) = delete;

  void transaction(int i) {
    step(begin_);
    for (int k = 0; k < 4; ++k) {
      const std::string at = textf("2026-%02d-10T12:00:00Z", 1 + 3 * k);
      sqlite3_bind_int64(insert_, 1, i);
      sqlite3_bind_text(insert_, 2, at.c_str(), static_cast<int>(at.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(insert_, 3, payload_.c_str(), static_cast<int>(payload_.size()),
                        SQLITE_STATIC);
      step(insert_);
    }
    step(commit_);
  }

 private:
  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK)
      die(std::string("floor: ") + (error ? error : sql));
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK)
      die("floor: prepare " + std::string(sql));
    return s;
  }
  void step(sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) die(std::string("floor: ") + sqlite3_errmsg(db_));
    sqlite3_reset(s);
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* begin_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  sqlite3_stmt* commit_ = nullptr;
  std::string payload_;
};

// The durable floor of a document save: the same two files committed with libgit2 into a scratch
// repository through the store's own git functions (objects as one fsynced pack, then the branch
// moved), then
// the bare SQLite transaction above. What any save of an agenda must pay, without the server's
// reads, checks, version index and audit entry.
class SaveFloor {
 public:
  SaveFloor(const fs::path& dir, SqliteFloor& sql) : sql_(sql) {
    repo_ = need(store::git::openOrCreate(dir), "create the scratch repository");
  }
  void save(const std::string& markdown, const std::string& json) {
    const int i = saves_++;  // a new folder and new blobs every time, as for a new meeting
    const std::string folder = "meetings/" + std::to_string(i);
    const std::string mark = "<!-- " + std::to_string(i) + " -->\n";
    auto batch = need(store::git::PackedWrites::start(repo_.get()), "floor objects");
    auto commit =
        need(store::git::writeCommit(
                 repo_.get(), head_,
                 {{folder + "/agenda.md", mark + markdown}, {folder + "/agenda.json", mark + json}},
                 {"Bench", "bench@example.se"}, "floor", std::chrono::system_clock::now()),
             "floor commit");
    need(batch.writePack(), "floor pack");
    need(store::git::moveBranch(repo_.get(), commit, head_, "floor"), "floor branch");
    head_ = commit;
    sql_.transaction(i);
  }

 private:
  SqliteFloor& sql_;
  store::git::Repository repo_;
  std::optional<std::string> head_;
  int saves_ = 0;
};

// --- SQLite statement profile and query plans
// -----------------------------------------------------

// SQLite's own SQLITE_TRACE_PROFILE time has a resolution of a millisecond here, so each
// statement is timed from its first step (SQLITE_TRACE_STMT) to its reset (SQLITE_TRACE_PROFILE)
// with steady_clock; that includes the caller reading the row's columns in between.
struct StatementStats {
  std::size_t calls = 0;
  double ns = 0;
};
std::map<std::string, StatementStats> g_profile;
std::map<sqlite3_stmt*, Steady::time_point> g_running;

int profileStatement(unsigned type, void*, void* p, void*) {
  auto* stmt = static_cast<sqlite3_stmt*>(p);
  if (type == SQLITE_TRACE_STMT) {
    g_running.try_emplace(stmt, Steady::now());
  } else if (type == SQLITE_TRACE_PROFILE) {
    const auto end = Steady::now();
    auto it = g_running.find(stmt);
    if (it == g_running.end()) return 0;
    const char* sql = sqlite3_sql(stmt);
    auto& s = g_profile[sql ? sql : "?"];
    ++s.calls;
    s.ns += std::chrono::duration<double, std::nano>(end - it->second).count();
    g_running.erase(it);
  }
  return 0;
}

void traceConnection(sqlite3* db, bool on) {
  sqlite3_trace_v2(db, on ? SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE : 0,
                   on ? profileStatement : nullptr, nullptr);
}

// The store's reader pool hands out its most recently returned connection first, so a
// single-threaded caller always reads on the one connection traced here.
void traceStore(store::Store& st, bool on) {
  st.db().read([&](store::Reading& c) {
    traceConnection(store::Database::sqliteOf(c), on);
    return 0;
  });
  st.db().write([&](store::Writing& c) {
    traceConnection(store::Database::sqliteOf(c), on);
    return 0;
  });
}

using Profile = std::map<std::string, StatementStats>;

// The statements `work` runs on the store's connections, with SQLite's time for each.
template <class Work>
Profile profile(store::Store& st, Work&& work) {
  traceStore(st, true);
  g_profile.clear();  // the COMMIT of the transaction that switched tracing on
  g_running.clear();
  work();
  Profile out = g_profile;
  traceStore(st, false);
  g_profile.clear();
  g_running.clear();
  return out;
}

std::string queryPlan(sqlite3* db, const std::string& sql) {
  std::string upper;
  for (char ch : sql.substr(0, 6))
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (upper != "SELECT" && upper != "INSERT" && upper != "UPDATE" && upper != "DELETE") return "";
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

// The SQL of a statement for a table cell: the column list of a SELECT left out, pipes escaped.
std::string shortSql(std::string sql) {
  if (sql.rfind("SELECT ", 0) == 0) {
    const auto from = sql.find(" FROM ");
    if (from != std::string::npos && from > 60) sql = "SELECT … " + sql.substr(from + 1);
  }
  if (sql.size() > 230) sql = sql.substr(0, 227) + "…";
  std::string out;
  for (char c : sql) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

void printProfile(const Profile& prof, const std::string& title, int operations, sqlite3* planDb) {
  double total = 0;
  for (const auto& [sql, s] : prof) total += s.ns;
  std::cout << "\n"
            << title
            << textf(" (%d calls; time in SQLite statements: %.1f µs per call)", operations,
                     total / 1000 / operations)
            << ":\n\n";
  std::cout << "| Statement | runs per call | µs per run | query plan |\n|---|---:|---:|---|\n";
  std::vector<std::pair<std::string, StatementStats>> rows(prof.begin(), prof.end());
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.second.ns > b.second.ns; });
  for (const auto& [sql, s] : rows) {
    const std::string plan = queryPlan(planDb, sql);
    std::cout << "| `" << shortSql(sql) << "` | "
              << number(static_cast<double>(s.calls) / operations, 1) << " | "
              << number(s.ns / 1000 / static_cast<double>(s.calls), 1) << " | "
              << (plan.empty() ? "" : "`" + shortSql(plan) + "`") << " |\n";
  }
}

// --- the data -----------------------------------------------------------------------------------

std::vector<agenda::OpenActionRef> makeActions(int count, Date meetingDay) {
  static const char* texts[] = {
      "Ta fram en rutin för introduktion av nyanställda och redovisa den för förvaltningen",
      "Säkerställ att genomförandeplanerna är uppdaterade för samtliga brukare inom området",
      "Åtgärda bristerna i läkemedelshanteringen som framkom vid MAS-granskningen i våras",
      "Redovisa bemanningen nattetid och hur kontinuiteten för brukarna ska förbättras",
  };
  static const char* people[] = {"Anna Berg", "Erik Lindqvist", "Sara Öberg", ""};
  static const agenda::ActionStatus statuses[] = {agenda::ActionStatus::Open,
                                                  agenda::ActionStatus::Reported,
                                                  agenda::ActionStatus::Insufficient};
  std::vector<agenda::OpenActionRef> out;
  out.reserve(count);
  const auto day = std::chrono::sys_days{meetingDay};
  for (int i = 0; i < count; ++i) {
    agenda::OpenActionRef a;
    a.id = std::to_string(i + 1);
    a.text = texts[i % 4];
    a.responsibleParty = i % 3 == 0 ? agenda::Party::Authority : agenda::Party::Provider;
    a.responsiblePerson = people[i % 4];
    a.due = Date{day + std::chrono::days{(i % 120) - 60}};  // half of them overdue
    a.status = statuses[i % 3];
    a.origin = "möte " + formatDate(Date{day - std::chrono::days{91 * (1 + i % 40)}}) + " § 6";
    out.push_back(std::move(a));
  }
  return out;
}

struct Options {
  int contracts = 500;
  double scale = 1;
  fs::path tmp;
  bool keepData = false;
};

Options parseOptions(int argc, char** argv) {
  Options o;
  sv::bench::readCommandLine(
      argc, argv, "usage: domain_bench [--contracts N] [--scale F] [--tmp DIR] [--keep]", o.tmp,
      o.keepData,
      {{"--contracts", [&](const std::string& v) { o.contracts = std::stoi(v); }},
       {"--scale", [&](const std::string& v) { o.scale = std::stod(v); }}});
  if (o.contracts < 1 || o.scale <= 0) die("--contracts and --scale must be positive");
  return o;
}

int scaled(const Options& o, int n) {
  return std::max(5, static_cast<int>(std::lround(n * o.scale)));
}

services::ContractInput contractInput(const std::string& title, const std::string& reference,
                                      std::int64_t providerId, const std::string& serviceArea,
                                      const std::string& startsOn, int meetingsPerYear) {
  services::ContractInput in;
  in.title = title;
  in.providerId = providerId;
  in.serviceArea = serviceArea;
  in.reference = reference;
  in.startsOn = startsOn;
  in.meetingsPerYear = meetingsPerYear;
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  bench::g_program = "domain_bench";
  const Options opt = parseOptions(argc, argv);
  const std::string loadBefore = loadAverage();
  const auto started = Steady::now();

  const fs::path tmp = bench::makeWorkspace(opt.tmp, "domain-bench", opt.keepData);

  {
    auto ctx = bench::openBenchContext(tmp, fs::path(SV_SOURCE_DIR) / "config");
    auto& st = *ctx->store;
    const auto& tmpl = ctx->catalog.templates.at(services::kDefaultTemplate);
    const std::string serviceArea = ctx->catalog.serviceAreas.at(0).key;

    // --- principals: an authority, providers, the authority's contract manager -----------------
    progress("setting up: organisations, a contract manager, " + std::to_string(opt.contracts) +
             " contracts with ten years of meetings");
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

    // --- 500 contracts with ten years of history (2016-2025, four meetings a year) ---------------
    std::vector<std::int64_t> contracts;
    for (int i = 0; i < opt.contracts; ++i)
      contracts.push_back(
          need(ctx->contracts->create(
                   *manager, contractInput("Hemtjänst område " + std::to_string(i + 1),
                                           textf("SDN 2016/%04d", i + 1), providers[i % 20],
                                           serviceArea, "2016-01-01", 4)),
               "create a contract")
              .id);
    // Their history through the service itself, so that the rows are exactly what the server
    // makes (5 000 planYear calls, each its own durable transaction).
    progress("setting up: planning 2016-2025 for each contract (" +
             std::to_string(opt.contracts * 10) + " planYear calls)");
    for (const auto id : contracts)
      for (int year = 2016; year <= 2025; ++year)
        need(ctx->meetings->planYear(*manager, id, year), "plan the history");

    // The contract of question 1: ten years of quarterly meetings, planned by the service.
    const auto tenYears = need(
        ctx->contracts->create(*manager, contractInput("Hemtjänst Tio år", "SDN 2016/9001",
                                                       providers[0], serviceArea, "2016-01-01", 4)),
        "create the ten-year contract");
    for (int year = 2016; year <= 2025; ++year)
      need(ctx->meetings->planYear(*manager, tenYears.id, year), "plan the ten years");
    const auto tenYearMeetings = need(ctx->meetings->list(*manager, tenYears.id), "list meetings");
    if (tenYearMeetings.size() != 40)
      die("the ten-year contract has " + std::to_string(tenYearMeetings.size()) + " meetings");
    const std::int64_t lastMeeting = tenYearMeetings.back().row.id;
    const std::int64_t nextToLastMeeting = tenYearMeetings[38].row.id;

    // Two more ten-year contracts, each with 1000 actions in the action table, agreed at its
    // meetings 1-38 (so that meetings 39 and 40 follow them all up), written with the store's
    // own upsertActionFromMinutes (what approving minutes does): on the first all 1000 are still
    // open, the worst case; on the second 900 have been accepted over the years and 100 are open.
    auto actionContract = [&](const std::string& title, const std::string& reference,
                              bool mostAccepted) {
      const auto contract =
          need(ctx->contracts->create(*manager, contractInput(title, reference, providers[2],
                                                              serviceArea, "2016-01-01", 4)),
               "create an action contract");
      for (int year = 2016; year <= 2025; ++year)
        need(ctx->meetings->planYear(*manager, contract.id, year), "plan an action contract");
      const auto meetings = need(ctx->meetings->list(*manager, contract.id), "list meetings");
      const auto refs =
          makeActions(1000, toStockholm(*parseDateTime(meetings.back().row.startsAt)).date);
      const std::string now = formatIsoUtc(std::chrono::system_clock::now());
      st.db().write([&](store::Writing& c) {
        for (int i = 0; i < 1000; ++i) {
          const auto& origin = meetings[static_cast<std::size_t>(i % 38)].row;
          store::ActionRow row;
          row.contractId = contract.id;
          row.originMeetingId = origin.id;
          row.originSection = 6;
          row.originItem = "a" + std::to_string(i + 1);
          row.text = refs[i].text;
          row.responsibleParty = refs[i].responsibleParty;
          row.responsiblePerson = refs[i].responsiblePerson;
          row.dueOn = formatDate(refs[i].due);
          row.agreedAt = origin.startsAt;
          row.createdAt = row.updatedAt = now;
          row.id = store::upsertActionFromMinutes(c, row);
          if (mostAccepted && i % 10 != 0) {
            row.status = agenda::ActionStatus::Accepted;
            store::updateAction(c, row);
          }
        }
        return 0;
      });
      return std::pair{contract.id, meetings};
    };
    const auto openActionMeetings =
        actionContract("Hemtjänst Tusen åtgärder", "SDN 2016/9002", false).second;
    const auto fewOpenMeetings =
        actionContract("Hemtjänst Hundra öppna", "SDN 2016/9003", true).second;

    // Fresh meetings for first saves, in one contract whose repository already exists.
    const int saveReps = scaled(opt, 200);
    const int saveWarmup = 3;
    const int saveYears = (saveReps + saveWarmup + 1 + 11) / 12;
    const auto saveContract =
        need(ctx->contracts->create(
                 *manager, contractInput("Hemtjänst Sparade", "SDN 2000/0001", providers[1],
                                         serviceArea, "2000-01-01", 12)),
             "create the save contract");
    for (int year = 2000; year < 2000 + saveYears; ++year)
      need(ctx->meetings->planYear(*manager, saveContract.id, year), "plan the save contract");
    const auto saveMeetings = need(ctx->meetings->list(*manager, saveContract.id), "list");

    const std::int64_t totalMeetings = st.db().read([](store::Reading& c) {
      auto s = c.prepare("SELECT COUNT(*) FROM meetings");
      s.step();
      return s.int64(0);
    });

    // The floors, in the same folder (the same disk) as the store.
    SqliteFloor sqlFloor(tmp / "floor.db", tmpl.text);
    SaveFloor saveFloor(tmp / "floor.git", sqlFloor);

    // The plain read every read baseline uses: the meeting's row, on the store's reader pool.
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

    const Samples fsyncCost = fdatasyncCost(tmp / "fsync.probe", 100);

    const double setupSeconds = std::chrono::duration<double>(Steady::now() - started).count();

    // --- 3. planning a year for 500 contracts ------------------------------------------------
    progress("planning 2026 for " + std::to_string(opt.contracts) + " contracts");
    std::vector<Row> planRows;
    std::string planAgainRefused;
    {
      auto plan = alternate(
          0, opt.contracts, [&](int i) { sqlFloor.transaction(i); },
          [&](int i) {
            auto r = need(ctx->meetings->planYear(*manager, contracts[i], 2026), "plan 2026");
            if (r.created.size() != 4) die("planYear made " + std::to_string(r.created.size()));
          });
      planRows.push_back(
          {"`MeetingService::planYear` 2026, one contract (4 new meetings, 40 "
           "earlier)",
           std::move(plan)});
      // Planning a year that is already planned should write nothing. Should the service refuse
      // instead, the row is left out and the report says why.
      if (auto probe = ctx->meetings->planYear(*manager, contracts[0], 2026); !probe) {
        planAgainRefused = describe(probe.error());
      } else {
        auto again = alternate(
            0, opt.contracts, [&](int i) { sqlFloor.transaction(i); },
            [&](int i) {
              auto r = need(ctx->meetings->planYear(*manager, contracts[i], 2026), "plan again");
              if (!r.created.empty()) die("planning again made meetings");
            });
        planRows.push_back(
            {"the same again (already planned: nothing to write)", std::move(again)});
      }
    }

    // --- 1. the agenda of meeting 40 of 40 ----------------------------------------------------
    const int getReps = scaled(opt, 2000);
    const int domainReps = scaled(opt, 300);
    progress("agenda of meeting 40 of 40: " + std::to_string(getReps) + " gets");
    std::vector<Row> agendaRows;
    const auto unsaved = need(ctx->agendas->get(*manager, lastMeeting), "get the agenda");
    if (unsaved.version || !unsaved.agenda.previousMeeting)
      die("the agenda of the last meeting should be unsaved and have a previous meeting");
    agendaRows.push_back(
        {"`AgendaService::get`, meeting 40 of 40, agenda not saved yet (template → agenda → "
         "Markdown)",
         alternate(
             100, getReps, [&](int) { readMeetingRow(lastMeeting); },
             [&](int) {
               keep(need(ctx->agendas->get(*manager, lastMeeting), "get").markdown.size());
             })});
    agendaRows.push_back(
        {"`renderAgendaMarkdown` of the same agenda, in memory",
         alternate(
             100, getReps, [&](int) { readMeetingRow(lastMeeting); },
             [&](int) { keep(agenda::renderAgendaMarkdown(unsaved.agenda).size()); })});

    // The domain functions with a thousand open actions (the action table comes later).
    progress("domain functions with 0 and 1000 open actions: " + std::to_string(domainReps) +
             " runs each");
    const Date meetingDay = toStockholm(unsaved.agenda.meeting.startsAt).date;
    const auto actions = makeActions(1000, meetingDay);
    auto fullPath = [&](const std::vector<agenda::OpenActionRef>& acts) {
      auto a = agenda::generateAgenda(tmpl.parsed, unsaved.agenda.meeting,
                                      unsaved.agenda.previousMeeting, acts);
      keep(agenda::renderAgendaMarkdown(a).size() + agenda::serializeAgenda(a).size());
    };
    const auto withActions = agenda::generateAgenda(tmpl.parsed, unsaved.agenda.meeting,
                                                    unsaved.agenda.previousMeeting, actions);
    const std::string markdown1000 = agenda::renderAgendaMarkdown(withActions);
    const std::string json1000 = agenda::serializeAgenda(withActions);
    const std::string markdown0 = unsaved.markdown;
    const std::string json0 = agenda::serializeAgenda(unsaved.agenda);
    if (need(agenda::parseAgenda(json1000), "parse the 1000-action agenda") != withActions)
      die("the 1000-action agenda does not survive JSON");
    const std::vector<agenda::OpenActionRef> none;
    auto baselineRow = [&](int) { readMeetingRow(lastMeeting); };
    agendaRows.push_back(
        {"`generateAgenda` + `renderAgendaMarkdown` + `serializeAgenda`, 0 actions",
         alternate(10, domainReps, baselineRow, [&](int) { fullPath(none); })});
    agendaRows.push_back({"the same, **1000 open actions**",
                          alternate(10, domainReps, baselineRow, [&](int) { fullPath(actions); })});
    agendaRows.push_back({"… of which `generateAgenda` (copies the 1000 actions in)",
                          alternate(10, domainReps, baselineRow, [&](int) {
                            keep(agenda::generateAgenda(tmpl.parsed, unsaved.agenda.meeting,
                                                        unsaved.agenda.previousMeeting, actions)
                                     .openActions.size());
                          })});
    agendaRows.push_back(
        {"… of which `renderAgendaMarkdown`", alternate(10, domainReps, baselineRow, [&](int) {
           keep(agenda::renderAgendaMarkdown(withActions).size());
         })});
    agendaRows.push_back(
        {"… of which `serializeAgenda`", alternate(10, domainReps, baselineRow, [&](int) {
           keep(agenda::serializeAgenda(withActions).size());
         })});
    agendaRows.push_back(
        {"`parseAgenda` of the 1000-action agenda.json (what a get of it once saved adds)",
         alternate(10, domainReps, baselineRow, [&](int) {
           keep(need(agenda::parseAgenda(json1000), "parse").openActions.size());
         })});

    // The action table: the agenda of meeting 40 of a contract with 1000 actions.
    progress("agenda of meeting 40 of 40 with 1000 actions in the action table: " +
             std::to_string(domainReps) + " gets");
    const std::int64_t actions40 = openActionMeetings.back().row.id;
    const std::int64_t actions39 = openActionMeetings[38].row.id;
    const std::int64_t fewOpen40 = fewOpenMeetings.back().row.id;
    auto getWithActions = [&](std::int64_t id, std::size_t expected) {
      const auto v = need(ctx->agendas->get(*manager, id), "get");
      if (v.agenda.openActions.size() != expected)
        die("the agenda follows up " + std::to_string(v.agenda.openActions.size()) +
            " actions, not " + std::to_string(expected));
      keep(v.markdown.size());
    };
    agendaRows.push_back(
        {"`AgendaService::get`, meeting 40 of 40, not saved, **1000 open actions** in the action "
         "table",
         alternate(10, domainReps, baselineRow, [&](int) { getWithActions(actions40, 1000); })});
    agendaRows.push_back(
        {"the same, 1000 actions of which 900 accepted over the years (100 on the agenda)",
         alternate(10, domainReps, baselineRow, [&](int) { getWithActions(fewOpen40, 100); })});
    const auto actionsProfile = profile(st, [&] {
      for (int i = 0; i < 50; ++i) getWithActions(actions39, 1000);
    });
    // Its first save (untimed; the saves below add to it), then the read of the saved agenda.
    need(ctx->agendas->addItem(*manager, actions40, "Rapport om bemanningen",
                               "Utföraren redovisar läget."),
         "save the 1000-action agenda");
    agendaRows.push_back(
        {"the first of them once its agenda is saved (git read → parse → actions query → Markdown)",
         alternate(10, domainReps, baselineRow, [&](int) { getWithActions(actions40, 1000); })});

    // Profile of an unsaved get (meeting 39: unsaved, with a previous meeting), before any save.
    const auto unsavedProfile = profile(st, [&] {
      for (int i = 0; i < 200; ++i)
        keep(need(ctx->agendas->get(*manager, nextToLastMeeting), "get").markdown.size());
    });

    // A published agenda that holds the 1000 open actions. An unpublished agenda takes its open
    // actions from the data on every read; a published one keeps what it was published with, in
    // its agenda.json. It is committed the way AgendaService::publish records one (same
    // repository, document and files, the meeting's agenda_published_version set in the same
    // transaction), so that AgendaService::get runs its real path over it.
    const std::int64_t actionMeeting = tenYearMeetings[37].row.id;
    {
      auto view = need(ctx->agendas->get(*manager, actionMeeting), "get");
      view.agenda.openActions = actions;
      view.agenda.published = true;
      const std::string folder = "meetings/" + std::to_string(actionMeeting);
      store::DocumentCommit commit;
      commit.repository = services::AgendaService::repositoryOf(tenYears.id);
      commit.document = services::AgendaService::documentOf(actionMeeting);
      commit.files = {{folder + "/agenda.md", agenda::renderAgendaMarkdown(view.agenda)},
                      {folder + "/agenda.json", agenda::serializeAgenda(view.agenda)}};
      commit.author = {manager->name, manager->email};
      commit.authorId = manager->userId;
      commit.message = "domain_bench: a published agenda with 1000 open actions";
      commit.at = std::chrono::system_clock::now();
      commit.expectedVersion = "";
      need(st.documents().commit(commit,
                                 [&](store::Writing& c, const std::string& version) -> Status {
                                   auto row = store::findMeeting(c, store::TenantScope::system(),
                                                                 actionMeeting);
                                   if (!row) return fail(Errc::Internal, "no meeting");
                                   row->agendaPublishedVersion = version;
                                   row->updatedAt = formatIsoUtc(commit.at);
                                   return store::updateMeeting(c, *row);
                                 }),
           "publish a 1000-action agenda");
    }
    agendaRows.push_back(
        {"`AgendaService::get` of a published agenda whose agenda.json holds **1000 open "
         "actions** (git read → parse → Markdown)",
         alternate(5, domainReps, baselineRow, [&](int) {
           const auto v = need(ctx->agendas->get(*manager, actionMeeting), "get");
           if (v.agenda.openActions.size() != 1000) die("the published actions did not come back");
           keep(v.markdown.size());
         })});

    // --- 2. first saves ------------------------------------------------------------------------
    progress("first saves of an agenda: " + std::to_string(saveReps));
    std::vector<Row> saveRows;
    // The save contract's repository is made by its first save, outside the timing.
    const auto firstSaved =
        need(ctx->agendas->addItem(*manager, saveMeetings[0].row.id, "Rapport om bemanningen",
                                   "Utföraren redovisar läget."),
             "first save");
    const std::string saveMarkdown = firstSaved.markdown;
    const std::string saveJson = agenda::serializeAgenda(firstSaved.agenda);
    auto floorSave = [&](int) { saveFloor.save(saveMarkdown, saveJson); };
    saveRows.push_back(
        {"`AgendaService::addItem`, the first save of a meeting's agenda (the contract's "
         "repository exists)",
         alternate(saveWarmup, saveReps, floorSave, [&](int i) {
           keep(need(ctx->agendas->addItem(*manager, saveMeetings[1 + i].row.id,
                                           "Rapport om bemanningen", "Utföraren redovisar läget."),
                     "save")
                    .version->size());
         })});
    // Meeting 40's agenda took one item above, meeting 39's none: 48 more each stays under the
    // kMaxAddedItems limit.
    saveRows.push_back(
        {"`AgendaService::addItem` on an agenda with **1000 open actions** (parse, actions query, "
         "change, render, serialize, commit; floor with 1000-action files)",
         alternate(
             2, 2 * (agenda::kMaxAddedItems - 2) - 2,
             [&](int) { saveFloor.save(markdown1000, json1000); },
             [&](int i) {
               keep(need(ctx->agendas->addItem(*manager, i % 2 ? actions39 : actions40,
                                               "Punkt " + std::to_string(i),
                                               "Utföraren redovisar läget."),
                         "save the 1000-action agenda")
                        .version->size());
             })});
    const int newRepoReps = std::min(opt.contracts, scaled(opt, 100));
    std::vector<std::int64_t> firstOf2026;
    for (int i = 0; i < newRepoReps; ++i) {
      const auto list = need(ctx->meetings->list(*manager, contracts[i]), "list");
      firstOf2026.push_back(std::find_if(list.begin(), list.end(), [](const services::Meeting& m) {
                              return m.row.planYear == 2026;
                            })->row.id);
    }
    saveRows.push_back(
        {"`AgendaService::addItem`, the first save of a contract's first agenda (creates the "
         "contract's git repository)",
         alternate(0, newRepoReps, floorSave, [&](int i) {
           keep(need(ctx->agendas->addItem(*manager, firstOf2026[i], "Rapport om bemanningen",
                                           "Utföraren redovisar läget."),
                     "save in a new repository")
                    .version->size());
         })});

    // The last meeting's agenda saved once: a get now reads agenda.json from git and parses it.
    const auto saved = need(ctx->agendas->addItem(*manager, lastMeeting, "Rapport om bemanningen",
                                                  "Utföraren redovisar läget."),
                            "save the last meeting's agenda");
    const std::string savedRepo = services::AgendaService::repositoryOf(tenYears.id);
    const std::string savedPath = "meetings/" + std::to_string(lastMeeting) + "/agenda.json";
    const std::string savedJson =
        need(st.documents().readFile(savedRepo, *saved.version, savedPath), "read agenda.json");
    auto readRow = [&](int) { readMeetingRow(lastMeeting); };
    std::vector<Row> savedRows;
    savedRows.push_back(
        {"`AgendaService::get`, the same meeting once its agenda is saved (git read → parse → "
         "Markdown)",
         alternate(100, getReps, readRow, [&](int) {
           keep(need(ctx->agendas->get(*manager, lastMeeting), "get").markdown.size());
         })});
    savedRows.push_back(
        {"… of which `DocumentStore::readFile` (opens the bare repository, reads agenda.json)",
         alternate(100, getReps, readRow, [&](int) {
           keep(need(st.documents().readFile(savedRepo, *saved.version, savedPath), "read").size());
         })});
    savedRows.push_back({"… of which `parseAgenda` of that agenda.json (" +
                             std::to_string(savedJson.size()) + " bytes)",
                         alternate(100, getReps, readRow, [&](int) {
                           keep(need(agenda::parseAgenda(savedJson), "parse").items.size());
                         })});
    agendaRows.insert(agendaRows.begin() + 1, std::make_move_iterator(savedRows.begin()),
                      std::make_move_iterator(savedRows.end()));

    const auto savedProfile = profile(st, [&] {
      for (int i = 0; i < 200; ++i)
        keep(need(ctx->agendas->get(*manager, lastMeeting), "get").markdown.size());
    });
    const int profiledPlans = std::min(opt.contracts, 50);
    const auto planProfile = profile(st, [&] {
      for (int i = 0; i < profiledPlans; ++i)
        need(ctx->meetings->planYear(*manager, contracts[i], 2027), "plan 2027");
    });

    const double runSeconds = std::chrono::duration<double>(Steady::now() - started).count();
    std::error_code ec;
    const auto dbBytes = fs::file_size(tmp / "data" / "samverkan.db", ec);

    // --- report ----------------------------------------------------------------------------------
    int major = 0, minor = 0, rev = 0;
    git_libgit2_version(&major, &minor, &rev);
    struct utsname un {};
    ::uname(&un);
    std::cout << "## Domain: agenda generation, agenda saves, planning a year\n\n";
    std::cout << "Run " << utcNow() << " by `" << SV_BUILD_TYPE << "` `domain_bench` on "
              << ::sysconf(_SC_NPROCESSORS_ONLN) << " cores (" << cpuModel() << "), kernel "
              << un.release << "; load average just before: " << loadBefore << ". Data folder on "
              << filesystemOf(tmp) << "; SQLite " << sqlite3_libversion() << " (WAL, "
              << "synchronous=FULL), libgit2 " << major << "." << minor << "." << rev
              << " (fsync on). One fdatasync of 4 KB overwritten in place: median "
              << inUnit(fsyncCost.median(), Unit::Milli) << " ms, p99 "
              << inUnit(fsyncCost.p99(), Unit::Milli) << " ms (100 runs). Set-up "
              << number(setupSeconds, 1) << " s, whole run " << number(runSeconds, 1) << " s.\n\n";
    std::cout << "Data when timed: " << opt.contracts << " contracts with 4 meetings a year since "
              << "2016 (2016-2025 planned through `MeetingService::planYear` during set-up); "
              << "three more with the same 40 meetings, two of which have 1000 actions each in "
              << "the action table (all open; 900 accepted and 100 open); one with "
              << saveMeetings.size() << " monthly meetings for saves; " << totalMeetings
              << " meetings in all, samverkan.db " << number(static_cast<double>(dbBytes) / 1e6, 1)
              << " MB at the end. Each row "
              << "alternates with its baseline, call by call; ratio = subject / baseline.\n\n";

    std::cout << "### Agenda of a meeting (question 1)\n\n";
    std::cout << "Baseline: a plain SQLite read of the meeting's row (`SELECT … FROM meetings "
                 "WHERE id = ?`, all 16 columns copied out) on the store's reader pool.\n\n";
    printTable(agendaRows, Unit::Micro, "row read");
    std::cout << "\nSizes: agenda.md " << markdown0.size() << " bytes and agenda.json "
              << json0.size() << " bytes without actions; " << markdown1000.size() << " and "
              << json1000.size() << " bytes with 1000 open actions.\n\n";

    std::cout << "### First save of an agenda\n\n";
    std::cout << "Baseline (floor): the same two files (agenda.md, agenda.json) committed with "
                 "libgit2 into a scratch repository (objects fsynced, branch moved) plus a bare "
                 "SQLite transaction inserting 4 rows with synchronous=FULL.\n\n";
    printTable(saveRows, Unit::Milli, "floor");

    std::cout << "\n### Planning a year for " << opt.contracts << " contracts (question 2)\n\n";
    std::cout << "Baseline (fsync floor): a bare SQLite transaction (BEGIN IMMEDIATE, 4 INSERTs "
                 "of a meeting-sized row, COMMIT) in a database file next to the store's, WAL and "
                 "synchronous=FULL. One call per contract, contracts one after another.\n\n";
    printTable(planRows, Unit::Milli, "floor");
    if (!planAgainRefused.empty())
      std::cout << "\nNot measured: planning 2026 again for a contract (which should write "
                   "nothing) was refused: \""
                << planAgainRefused << "\".\n";
    const auto& plan = planRows[0].pair;
    std::cout << "\n**" << opt.contracts << " contracts planned in "
              << number(plan.subject.sum() / 1e6, 2) << " s of planYear calls** ("
              << number(plan.subject.sum() / 1000 / opt.contracts, 2)
              << " ms per contract on average, slowest " << inUnit(plan.subject.max(), Unit::Milli)
              << " ms); the floor's " << opt.contracts << " transactions took "
              << number(plan.baseline.sum() / 1e6, 2) << " s.\n";

    std::cout << "\n### Where the SQLite time goes\n\nEvery statement on the store's connections "
                 "traced with `sqlite3_trace_v2` in separate passes after the timed ones (tracing "
                 "slows them) and timed with steady_clock from its first step to its reset, so "
                 "the time includes reading its rows out; plans from `EXPLAIN QUERY PLAN` on the "
                 "same database.\n";
    sqlite3* planDb = nullptr;
    sqlite3_open_v2((tmp / "data" / "samverkan.db").c_str(), &planDb, SQLITE_OPEN_READONLY,
                    nullptr);
    printProfile(unsavedProfile, "`AgendaService::get`, meeting 39 of 40, agenda not saved", 200,
                 planDb);
    printProfile(savedProfile, "`AgendaService::get`, meeting 40 of 40, agenda saved", 200, planDb);
    printProfile(actionsProfile,
                 "`AgendaService::get`, meeting 39 of 40, not saved, 1000 open actions in the "
                 "action table",
                 50, planDb);
    printProfile(planProfile,
                 "`MeetingService::planYear` 2027 for " + std::to_string(profiledPlans) +
                     " of the contracts (4 new meetings each)",
                 profiledPlans, planDb);
    sqlite3_close_v2(planDb);
    std::cout.flush();
  }

  if (opt.keepData) {
    progress("kept " + tmp.string());
  } else {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  }
  return 0;
}
