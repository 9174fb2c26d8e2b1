// The one module that owns SQLite and the git repositories of a data folder:
//   <data>/samverkan.db      metadata, index, audit log (SQLite, WAL, synchronous=FULL)
//   <data>/repositories/     one bare git repository per contract
//   <data>/samverkan.lock    held (flock) while a process has the folder open: exclusively on
//                            SQLite, shared on PostgreSQL (several servers, issue 18); the kernel
//                            drops it when the process dies, so a killed server never blocks the
//                            next.
//   <data>/repositories/<name>.lock  a repository's write lock between processes (flock).
//   <data>/audit.key         the audit log's key and anchor (audit_seal.hpp), unless the options
//   <data>/audit.anchor      put them elsewhere (another volume than the database's).
// Opening migrates the schema and repairs the repositories from SQLite.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "server/store/account_store.hpp"
#include "server/store/audit.hpp"
#include "server/store/documents.hpp"
#include "server/store/handle.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::store {

class Database;
class AuditSeal;

struct StoreOptions {
  std::filesystem::path dataDir;
  int readConnections = 8;
  // How long a pack that a merge replaced stays readable (DocumentStore::kRetiredPackGrace).
  std::chrono::seconds retiredPackGrace = DocumentStore::kRetiredPackGrace;
  // The audit log's key and anchor; empty: audit.key and audit.anchor in the data folder.
  std::filesystem::path auditKeyFile{};
  std::filesystem::path auditAnchorFile{};
  // The metadata database: empty, SQLite's samverkan.db in the data folder (the embedded
  // default); a libpq connection string, that PostgreSQL database (samverkan.store = postgresql).
  // The documents' repositories stay in the data folder either way.
  std::string postgresql{};

  std::filesystem::path keyFile() const;
  std::filesystem::path anchorFile() const;
};

// What moving a data folder's metadata into PostgreSQL copied and found (Store::moveToPostgresql).
struct MoveReport {
  std::vector<std::pair<std::string, std::int64_t>> tables;  // each table and its rows, as copied
  std::vector<std::string> findings;   // what did not verify; empty: the folder now uses PostgreSQL
  std::vector<std::string> notes;      // what was checked
  std::filesystem::path movedAside{};  // where samverkan.db went after a move that verified
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);
  ~Store();

  // A consistent copy of a data folder into the empty folder `to`, also while servers have it
  // open: the audit key and anchor (as audit.key, audit.anchor), the database (SQLite's online
  // backup as samverkan.db, or PostgreSQL's pg_dump as kPostgresqlDump: one snapshot either way),
  // then the repositories, which only grow, so every commit the copied database names is in them.
  // The anchor is copied first, so it never names an entry the copy lacks. Does not open (or
  // lock) the folder.
  // Errors: Internal (a failing file system, SQLite or pg_dump; detail says which).
  static Status backup(const StoreOptions& from, const std::filesystem::path& to);
  // The database of a PostgreSQL store's backup (the folder `from`) into the empty database `to`
  // names (pg_restore, one transaction); the caller puts the repositories and audit files back.
  // Errors: Invalid (`to` is not on PostgreSQL), Conflict (the database holds tables), Internal.
  static Status restorePostgresql(const StoreOptions& to, const std::filesystem::path& from);
  // The file of a PostgreSQL store's backup that holds its database (pg_dump's custom format).
  static constexpr const char* kPostgresqlDump = "samverkan.pgdump";

  // Moves the metadata of the SQLite data folder `from` into the empty PostgreSQL database
  // `connection` (samverkan migrate --to=postgresql): the folder opened (and locked) as for a
  // server, its audit log verified, every row copied in one PostgreSQL transaction with each
  // table's count compared, then the folder opened on PostgreSQL and checked there: the audit
  // chain, its seals and anchor, and git against the database (checkRepositories). When all of it
  // holds, the move is an audit entry (`store.move`) and samverkan.db is renamed aside, so that
  // no server runs on the old copy by mistake; when something does not hold, the report names it
  // and PostgreSQL is emptied again. The repositories and the audit key stay where they are.
  // Errors: Invalid (the folder is on PostgreSQL already, no connection), Conflict (a server has
  // the folder open; the PostgreSQL database holds data), Internal (SQLite, PostgreSQL or git
  // failing; detail says which).
  static Result<MoveReport> moveToPostgresql(const StoreOptions& from,
                                             const std::string& connection, TimePoint now);

  // What a contract's repository in a data folder says of a registered protocol, read without
  // opening (or locking) the folder, for checking an archival package against it: the commit a
  // tag points to (none without the tag), and a file at a commit (none when it is not there).
  // Errors: NotFound (no repository of that name in the folder).
  static Result<std::optional<std::string>> tagTarget(const std::filesystem::path& dataDir,
                                                      const std::string& repository,
                                                      const std::string& tag);
  static Result<std::optional<std::string>> fileAt(const std::filesystem::path& dataDir,
                                                   const std::string& repository,
                                                   const std::string& commit,
                                                   const std::string& path);

  // Runs `work(Reading&)` on a consistent snapshot and returns what it returns.
  template <class F>
  auto read(F&& work) {
    return run<Reading>(std::forward<F>(work),
                        [this](const std::function<bool(Reading&)>& w) { readWith(w); });
  }
  // Runs `work(Writing&)` in one write transaction. A Result or Status that holds an error, or an
  // exception, rolls it back; anything else commits.
  template <class F>
  auto write(F&& work) {
    return run<Writing>(std::forward<F>(work),
                        [this](const std::function<bool(Writing&)>& w) { writeWith(w); });
  }
  // How many write transactions have ended (Database::writes): unchanged means unchanged data.
  std::uint64_t writes();

  // The metadata database itself, for the store's own tests and tools.
  Database& db() { return *db_; }
  DocumentStore& documents() { return *documents_; }
  AccountStore& accounts() { return *accounts_; }
  const std::filesystem::path& dataDir() const { return dataDir_; }
  int schemaVersion() const { return schemaVersion_; }
  // The schema version as the database says it now, read through a reader connection: throws
  // DatabaseError (a 500) when the database cannot be read.
  int readSchemaVersion();
  const std::vector<std::string>& repairsAtOpen() const { return repairs_; }
  bool isEmpty();  // no user yet: a fresh data folder

  // The audit log as a query narrows it, in id order; and the check of its whole hash chain, its
  // seals and its anchor (no findings: every entry is as it was written and none is missing).
  std::vector<AuditRecord> auditEntries(const AuditQuery& query);
  AuditReport verifyAudit();

 private:
  Store() = default;
  // The callback answers whether to commit (a write) and is never called twice.
  void readWith(const std::function<bool(Reading&)>& work);
  void writeWith(const std::function<bool(Writing&)>& work);

  // Keeps the caller's result across the type-erased call, so the SQLite header stays out of
  // everything that includes this one.
  template <class Tx, class F, class Runner>
  static auto run(F&& work, Runner&& runner) {
    using R = std::invoke_result_t<F&, Tx&>;
    if constexpr (std::is_void_v<R>) {
      runner([&](Tx& tx) {
        work(tx);
        return true;
      });
    } else {
      std::optional<R> out;
      runner([&](Tx& tx) {
        out.emplace(work(tx));
        if constexpr (requires { out->has_value(); }) return out->has_value();
        return true;
      });
      return std::move(*out);
    }
  }

  std::filesystem::path dataDir_;
  // Before the database, so that it is destroyed after it: closing releases the flock, and no
  // other process may open the folder while this one still has the database open.
  FileDescriptor lock_;
  int schemaVersion_ = 0;
  std::filesystem::path anchorFile_;
  // Before the database, which points to it while it writes.
  std::unique_ptr<AuditSeal> seal_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<DocumentStore> documents_;
  std::unique_ptr<AccountStore> accounts_;
  std::vector<std::string> repairs_;
};

}  // namespace sv::store
