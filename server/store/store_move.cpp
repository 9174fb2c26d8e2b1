// Store::moveToPostgresql: a data folder's metadata from SQLite into PostgreSQL, verified before
// it is called done (samverkan migrate --to=postgresql).
#include <filesystem>

#include "server/store/audit.hpp"
#include "server/store/database.hpp"
#include "server/store/database_copy.hpp"
#include "server/store/migrations.hpp"
#include "server/store/store.hpp"

namespace sv::store {
namespace {

void addAudit(std::vector<std::string>& findings, const std::string& where,
              const AuditReport& audit) {
  for (const auto& f : audit.findings)
    findings.push_back(where + ": " +
                       (f.id == 0 ? std::string() : "entry " + std::to_string(f.id) + ": ") +
                       f.problem);
}

}  // namespace

Result<MoveReport> Store::moveToPostgresql(const StoreOptions& from, const std::string& connection,
                                           TimePoint now) {
  if (!from.postgresql.empty())
    return fail(Errc::Invalid,
                "the metadata of " + from.dataDir.string() + " is in PostgreSQL already",
                "samverkan.store");
  if (connection.empty())
    return fail(Errc::Invalid, "the move needs the PostgreSQL database's connection string",
                "connection");
  const DatabaseLocation target{Dialect::Postgresql, {}, connection};
  MoveReport report;
  try {
    {
      // Opened as a server opens it: locked (no server writes meanwhile), migrated, repaired.
      auto source = Store::open(from);
      if (!source) return std::unexpected(source.error());
      addAudit(report.findings, "SQLite's audit log", (*source)->verifyAudit());
      if (!report.findings.empty()) return report;  // nothing copied: a broken log stays home
      report.notes.push_back("SQLite's audit log verifies");
      Database moved(target, 1);
      const int version = migrate(*target.connect(false));
      if (version != (*source)->schemaVersion())
        return fail(Errc::Internal, "the schema versions differ: SQLite " +
                                        std::to_string((*source)->schemaVersion()) +
                                        ", PostgreSQL " + std::to_string(version));
      auto copied = copyDatabase((*source)->db(), moved);
      if (!copied) return std::unexpected(copied.error());
      std::int64_t rows = 0;
      for (const auto& [table, count] : *copied) {
        report.tables.emplace_back(table, count);
        rows += count;
      }
      report.notes.push_back(std::to_string(copied->size()) + " tables, " + std::to_string(rows) +
                             " rows copied; each table's count in PostgreSQL equals SQLite's");
    }  // the SQLite store closed, its lock released for the store on PostgreSQL
    StoreOptions onPostgresql = from;
    onPostgresql.postgresql = connection;
    auto opened = Store::open(onPostgresql);
    if (!opened) {
      report.findings.push_back("the folder does not open on PostgreSQL: " + opened.error().detail);
    } else {
      Store& store = **opened;
      // SQLite's store repaired the folder when it opened; whatever this one repairs, the copy
      // named differently.
      for (const auto& repair : store.repairsAtOpen())
        report.findings.push_back("git did not match PostgreSQL: repaired " + repair);
      addAudit(report.findings, "PostgreSQL's audit log", store.verifyAudit());
      for (auto& finding : store.documents().checkRepositories())
        report.findings.push_back(std::move(finding));
      if (report.findings.empty()) {
        report.notes.push_back("PostgreSQL's audit log verifies (chain, seals, anchor)");
        report.notes.push_back(
            "every repository's branch, document version and register tag is "
            "what PostgreSQL names");
        std::int64_t rows = 0;
        for (const auto& table : report.tables) rows += table.second;
        store.db().write([&](Writing& w) {
          appendAudit(
              w,
              AuditEntry{std::nullopt, "system", "store.move", "store", "postgresql", "",
                         "{\"from\":\"sqlite\",\"tables\":" + std::to_string(report.tables.size()) +
                             ",\"rows\":" + std::to_string(rows) + "}"},
              now);
          return 0;
        });
      }
    }
    if (!report.findings.empty()) {
      if (opened) opened->reset();  // closed before it is emptied
      Database moved(target, 1);
      emptyDatabase(moved);
      report.notes.push_back("PostgreSQL was emptied again; the folder stays on SQLite");
      return report;
    }
  } catch (const DatabaseError& e) {
    return fail(Errc::Internal, e.what());
  }
  // Aside, not deleted: the operator's way back. SQLite folded its WAL into the file on close.
  namespace fs = std::filesystem;
  const fs::path db = from.dataDir / "samverkan.db";
  report.movedAside = from.dataDir / "samverkan.db.moved-to-postgresql";
  std::error_code ec;
  fs::rename(db, report.movedAside, ec);
  if (ec)
    return fail(Errc::Internal,
                "moved, but " + db.string() + " could not be renamed: " + ec.message());
  for (const char* suffix : {"-wal", "-shm"}) fs::remove(db.string() + suffix, ec);
  return report;
}

}  // namespace sv::store
