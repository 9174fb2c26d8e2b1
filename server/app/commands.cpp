#include "server/app/commands.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iostream>
#include <sstream>

#include "server/app/bootstrap.hpp"
#include "server/app/context.hpp"
#include "server/services/mail_outbox.hpp"
#include "server/services/package_check.hpp"
#include "server/store/audit.hpp"
#include "server/store/store.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::app {
namespace {

constexpr const char* kCommands[] = {
    "add-organization", "add-user",      "load-demo",   "verify-audit",         "backup", "restore",
    "verify",           "mail-failures", "mail-resend", "fact-check-deadlines", "migrate"};

using Opened = Context;

Result<std::unique_ptr<Context>> openAll(const Settings& settings) {
  return openContext(settings, 1);
}

std::string option(const CommandOptions& o, const std::string& name) {
  auto it = o.find(name);
  return it == o.end() ? std::string() : it->second;
}

int report(const Error& e, std::ostream& err) {
  err << "samverkan: " << e.detail;
  if (!e.field.empty()) err << " (" << e.field << ")";
  err << "\n";
  return e.code == Errc::Internal ? 70 : 65;
}

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::string item;
  for (char c : s + ",") {
    if (c == ',') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else if (c != ' ') {
      item += c;
    }
  }
  return out;
}

Result<std::int64_t> resolveOrganization(Opened& o, const std::string& text) {
  const auto orgs = o.store->accounts().organizations(store::TenantScope::system());
  for (const auto& org : orgs)
    if (org.name == text || std::to_string(org.id) == text) return org.id;
  return fail(Errc::Invalid, "no organization '" + text + "'", "organization");
}

// SQLite's online backup (or PostgreSQL's pg_dump) gives a consistent copy while servers run. The
// repositories are copied after it: they only grow, so every commit the copy names is in them.
int backup(const Settings& settings, const std::string& to, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  if (to.empty()) return report({Errc::Invalid, Reason::None, "backup needs --to=DIR", "to"}, err);
  std::error_code ec;
  if (fs::exists(to) && !fs::is_empty(to, ec))
    return report({Errc::Invalid, Reason::None, "the backup folder must be empty: " + to, "to"},
                  err);
  fs::create_directories(to, ec);
  if (auto copied = store::Store::backup(storeOptions(settings, 0), to); !copied)
    return report(copied.error(), err);
  out << "backup written to " << to << "\n";
  return 0;
}

// The backup's audit key and anchor, where the settings keep them. A key already there must be the
// backup's (the same installation's, on a volume of its own); its anchor is then kept, since it
// knows at least as much as the backup's, and verify-audit names what the backup lacks.
Status restoreAuditFiles(const store::StoreOptions& target, const std::filesystem::path& from) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(from / "audit.key", ec)) return {};  // from before the seal: opening seals it
  const auto read = [](const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  };
  if (fs::exists(target.keyFile(), ec)) {
    if (read(target.keyFile()) != read(from / "audit.key"))
      return fail(Errc::Conflict, "another audit key is at " + target.keyFile().string(),
                  "samverkan.audit.key_file");
    if (fs::exists(target.anchorFile(), ec)) return {};
  } else {
    fs::copy_file(from / "audit.key", target.keyFile(), ec);
  }
  if (!ec && fs::exists(from / "audit.anchor"))
    fs::copy_file(from / "audit.anchor", target.anchorFile(), ec);
  if (ec) return fail(Errc::Internal, "restore the audit key and anchor: " + ec.message());
  return {};
}

// Into an empty data folder: SQLite's copy beside the repositories, or, when the settings put the
// metadata in PostgreSQL, pg_restore of the backup's dump into the empty database they name.
int restore(const Settings& settings, const std::string& from, std::ostream& out,
            std::ostream& err) {
  namespace fs = std::filesystem;
  const auto options = storeOptions(settings, 0);
  const bool onPostgresql = !options.postgresql.empty();
  const fs::path database =
      fs::path(from) / (onPostgresql ? store::Store::kPostgresqlDump : "samverkan.db");
  if (from.empty() || !fs::exists(database))
    return report({Errc::Invalid, Reason::None,
                   "restore needs --from=DIR holding a backup (" + database.filename().string() +
                       " for " + (onPostgresql ? "PostgreSQL" : "SQLite") + ")",
                   "from"},
                  err);
  std::error_code ec;
  const fs::path repositories = settings.dataDir / "repositories";
  if (fs::exists(settings.dataDir / "samverkan.db") ||
      (fs::exists(repositories, ec) && !fs::is_empty(repositories, ec)))
    return report({Errc::Conflict, Reason::None,
                   "the data folder is not empty: " + settings.dataDir.string()},
                  err);
  fs::create_directories(settings.dataDir, ec);
  if (onPostgresql) {
    if (auto loaded = store::Store::restorePostgresql(options, from); !loaded)
      return report(loaded.error(), err);
  }
  if (auto placed = restoreAuditFiles(options, from); !placed) return report(placed.error(), err);
  if (!onPostgresql) fs::copy(database, settings.dataDir / "samverkan.db", ec);
  if (!ec)
    fs::copy(fs::path(from) / "repositories", settings.dataDir / "repositories",
             fs::copy_options::recursive, ec);
  if (ec) return report({Errc::Internal, Reason::None, "restore: " + ec.message()}, err);
  // Opening repairs the branches to what the restored database names.
  auto opened = openAll(settings);
  if (!opened) return report(opened.error(), err);
  out << "restored into " << settings.dataDir.string() << "\n";
  return 0;
}

// The SQLite data folder's metadata into PostgreSQL (Store::moveToPostgresql), with the server
// stopped: each table's rows, what was verified, and what to set next; or what did not verify.
int migrateFolder(const Settings& settings, const CommandOptions& options, std::ostream& out,
                  std::ostream& err) {
  if (option(options, "to") != "postgresql")
    return report({Errc::Invalid, Reason::None, "migrate needs --to=postgresql", "to"}, err);
  if (settings.store != "sqlite")
    return report({Errc::Invalid, Reason::None,
                   "samverkan.store is " + settings.store + ": migrate moves an SQLite folder",
                   "samverkan.store"},
                  err);
  std::string connection = option(options, "connection");
  if (connection.empty()) connection = settings.postgresql;
  if (connection.empty())
    return report({Errc::Invalid, Reason::None,
                   "migrate needs --connection or samverkan.store.connection", "connection"},
                  err);
  auto moved = store::Store::moveToPostgresql(storeOptions(settings, 1), connection, Clock::now());
  if (!moved) return report(moved.error(), err);
  for (const auto& [table, rows] : moved->tables) out << "copied " << table << " " << rows << "\n";
  for (const auto& note : moved->notes) out << "OK " << note << "\n";
  for (const auto& finding : moved->findings) out << "FAIL " << finding << "\n";
  if (!moved->findings.empty()) return 1;
  out << "moved: the metadata of " << settings.dataDir.string()
      << " is in PostgreSQL; serve it with samverkan.store = postgresql and "
         "samverkan.store.connection = "
      << connection << " (SQLite's file is kept as " << moved->movedAside.string() << ")\n";
  return 0;
}

// Checks an archival package offline (services/package_check.hpp) and says what holds.
int verifyPackage(const Settings& settings, const std::string& file, std::ostream& out,
                  std::ostream& err) {
  if (file.empty())
    return report({Errc::Invalid, Reason::None, "verify needs --file=PACKAGE.zip", "file"}, err);
  std::ifstream in(file, std::ios::binary);
  if (!in) return report({Errc::Invalid, Reason::None, "cannot read " + file, "file"}, err);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto check = services::checkPackage(settings.dataDir, bytes.str());
  if (!check) return report(check.error(), err);
  for (const auto& p : check->problems) out << "FAIL " << p << "\n";
  if (!check->problems.empty()) return 1;
  out << "OK " << file << ": manifests verify and the tag names the registered version\n";
  for (const auto& f : check->findings) out << "OK " << f << "\n";
  return 0;
}

// A positive whole number given as --name, or `fallback` when it is not given.
Result<std::int64_t> positiveOption(const CommandOptions& o, const std::string& name,
                                    std::optional<std::int64_t> fallback) {
  const auto text = option(o, name);
  if (text.empty() && fallback) return *fallback;
  std::int64_t value = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || p != text.data() + text.size() || value < 1)
    return fail(Errc::Invalid, "--" + name + " needs a positive whole number", name);
  return value;
}

// The counts, then one tab-separated line per failing message, latest first; never the message
// itself. Run by the operator on the machine, so it acts as the system.
int mailFailures(Opened& o, const CommandOptions& options, std::ostream& out, std::ostream& err) {
  auto limit = positiveOption(options, "limit", 50);
  if (!limit) return report(limit.error(), err);
  auto overview = services::outboxOverview(
      *o.store, accounts::Actor::system(),
      static_cast<int>(std::min<std::int64_t>(*limit, services::kMaxOutboxPage)), 0);
  if (!overview) return report(overview.error(), err);
  const auto& n = overview->counts;
  out << "waiting " << n.waiting << ", failing " << n.failing << ", sent " << n.sent << "\n";
  if (overview->failing.empty()) return 0;
  out << "id\tkind\trecipient\tattempts\tnext_attempt\tlast_error\n";
  for (const auto& m : overview->failing)
    out << m.id << '\t' << m.kind << '\t' << m.recipient << '\t' << m.attempts << '\t'
        << formatIsoUtc(m.nextAttemptAt) << '\t' << m.lastError << "\n";
  return 0;
}

int mailResend(Opened& o, const CommandOptions& options, std::ostream& out, std::ostream& err) {
  auto id = positiveOption(options, "id", std::nullopt);
  if (!id) return report(id.error(), err);
  if (auto resent = services::resendMail(*o.store, o.time, accounts::Actor::system(), *id); !resent)
    return report(resent.error(), err);
  out << "message " << *id << " is due now\n";
  return 0;
}

// The deadline job the server runs every minute, now: fact-checks whose last day has passed are
// closed as "inga synpunkter inkom". `--today YYYY-MM-DD` runs it as of that day (noon in
// Stockholm), for an operator who needs to see what a day would close, and for tests.
int factCheckDeadlines(Opened& o, const CommandOptions& options, std::ostream& out,
                       std::ostream& err) {
  TimePoint now = o.time.now();
  if (const auto today = option(options, "today"); !today.empty()) {
    auto day = parseDate(today);
    if (!day) return report(day.error(), err);
    now = fromStockholm(*day, std::chrono::hours(12));
  }
  out << o.reports->closeOverdueFactChecks(now) << " fact-checks closed\n";
  return 0;
}

}  // namespace

bool isCommand(const std::string& name) {
  for (const char* c : kCommands)
    if (name == c) return true;
  return false;
}

int runCommand(const std::string& name, const CommandOptions& options, const Settings& settings,
               std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    if (name == "backup") return backup(settings, option(options, "to"), out, err);
    if (name == "restore") return restore(settings, option(options, "from"), out, err);
    if (name == "verify") return verifyPackage(settings, option(options, "file"), out, err);
    if (name == "migrate") return migrateFolder(settings, options, out, err);
    auto opened = openAll(settings);
    if (!opened) return report(opened.error(), err);
    Opened& o = **opened;

    if (name == "add-organization") {
      auto created = o.accounts->createOrganization(
          accounts::Actor::system(), {option(options, "name"), option(options, "kind")});
      if (!created) return report(created.error(), err);
      out << created->id << "\n";
      return 0;
    }
    if (name == "add-user") {
      auto org = resolveOrganization(o, option(options, "organization"));
      if (!org) return report(org.error(), err);
      std::string password;
      if (const char* env = std::getenv("SAMVERKAN_NEW_USER_PASSWORD")) {
        password = env;
      } else {
        std::getline(in, password);  // from standard input, never from the argument list
      }
      auto created = o.accounts->createUser(
          accounts::Actor::system(),
          {option(options, "username"), option(options, "name"), option(options, "email"), password,
           *org, splitList(option(options, "roles"))});
      if (!created) return report(created.error(), err);
      out << created->id << "\n";
      return 0;
    }
    if (name == "load-demo") {
      auto loaded = loadDemoData(*o.services);
      if (!loaded) return report(loaded.error(), err);
      out << "demo data loaded\n";
      return 0;
    }
    if (name == "verify-audit") {
      const auto verified = o.store->verifyAudit();
      for (const auto& note : verified.notes) out << note << "\n";
      for (const auto& f : verified.findings)
        out << "FAIL " << (f.id == 0 ? std::string() : "entry " + std::to_string(f.id) + ": ")
            << f.problem << "\n";
      if (!verified.findings.empty()) return 1;
      out << "audit log intact: the chain, its seals and its anchor agree\n";
      return 0;
    }
    if (name == "mail-failures") return mailFailures(o, options, out, err);
    if (name == "mail-resend") return mailResend(o, options, out, err);
    if (name == "fact-check-deadlines") return factCheckDeadlines(o, options, out, err);
  } catch (const std::exception& e) {
    err << "samverkan: " << e.what() << "\n";
    return 70;
  }
  err << "samverkan: unknown command " << name << "\n";
  return 64;
}

}  // namespace sv::app
