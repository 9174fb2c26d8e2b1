#include "server/store/store.hpp"

#include "server/store/pg_tools.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "server/store/audit_seal.hpp"
#include "server/store/database.hpp"
#include "server/store/git.hpp"
#include "server/store/handle.hpp"
#include "server/store/migrations.hpp"
#include "server/store/outbox.hpp"

namespace sv::store {

std::filesystem::path StoreOptions::keyFile() const {
  return auditKeyFile.empty() ? dataDir / "audit.key" : auditKeyFile;
}

std::filesystem::path StoreOptions::anchorFile() const {
  return auditAnchorFile.empty() ? dataDir / "audit.anchor" : auditAnchorFile;
}

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  std::unique_ptr<Store> store(new Store());
  store->dataDir_ = options.dataDir;
  std::error_code ec;
  std::filesystem::create_directories(options.dataDir / "repositories", ec);
  if (ec)
    return fail(Errc::Internal, "cannot create " + options.dataDir.string() + ": " + ec.message());

  const auto lockPath = options.dataDir / "samverkan.lock";
  store->lock_.reset(::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (!store->lock_)
    return fail(Errc::Internal, "cannot open " + lockPath.string() + ": " + std::strerror(errno));
  // SQLite's file has one server; PostgreSQL's store is shared by every server process on the
  // folder (issue 18: the database serialises their writes, a lock per repository their git).
  // Shared and exclusive exclude each other, so a server on SQLite, a move to PostgreSQL or a
  // restore never runs beside servers on PostgreSQL.
  const int mode = options.postgresql.empty() ? LOCK_EX : LOCK_SH;
  if (::flock(store->lock_.get(), mode | LOCK_NB) != 0)
    return fail(Errc::Conflict, "another samverkan process is using " + options.dataDir.string());

  const DatabaseLocation location =
      options.postgresql.empty()
          ? DatabaseLocation{Dialect::Sqlite, options.dataDir / "samverkan.db", {}}
          : DatabaseLocation{Dialect::Postgresql, {}, options.postgresql};
  try {
    store->db_ = std::make_unique<Database>(location, options.readConnections);
    store->db_->write([&](Writing&) { return 0; });  // creates the WAL before readers use it
    store->schemaVersion_ = migrate(*location.connect(false));
    store->db_->countWritesInDatabase();
    // The folder is this process's alone (the exclusive lock above): a claim on a message can
    // only be one a killed process left, and waiting for it to run out would only delay mail.
    if (mode == LOCK_EX)
      store->db_->write([](Writing& w) {
        releaseMailClaims(w);
        return 0;
      });
    store->anchorFile_ = options.anchorFile();
    auto seal = openAuditSeal(*store->db_, {options.keyFile(), store->anchorFile_}, Clock::now());
    if (!seal) return std::unexpected(seal.error());
    store->seal_ = std::move(*seal);
  } catch (const DatabaseError& e) {
    return fail(Errc::Internal, e.what());
  }
  store->accounts_ = std::make_unique<AccountStore>(*store->db_);
  store->documents_ = std::make_unique<DocumentStore>(*store->db_, options.dataDir / "repositories",
                                                      options.retiredPackGrace);
  auto repaired = store->documents_->repairRepositories();
  if (!repaired) return std::unexpected(repaired.error());
  store->repairs_ = std::move(*repaired);
  return store;
}

Store::~Store() {
  documents_.reset();
  accounts_.reset();
  db_.reset();
  seal_.reset();
}

Status Store::backup(const StoreOptions& from, const std::filesystem::path& to) {
  namespace fs = std::filesystem;
  const fs::path& dataDir = from.dataDir;
  std::error_code ec;
  for (const auto& [file, name] :
       {std::pair{from.keyFile(), "audit.key"}, std::pair{from.anchorFile(), "audit.anchor"}}) {
    if (!fs::exists(file, ec)) continue;
    fs::copy_file(file, to / name, ec);
    if (ec) return fail(Errc::Internal, "copy " + file.string() + ": " + ec.message());
  }
  if (!from.postgresql.empty()) {
    // One snapshot of the whole database, taken when pg_dump starts: after the anchor was copied
    // and before the repositories are.
    if (auto dumped = dumpDatabase(from.postgresql, to / kPostgresqlDump); !dumped) return dumped;
  } else {
    sqlite3* source = nullptr;
    sqlite3* target = nullptr;
    sqlite3_open_v2((dataDir / "samverkan.db").c_str(), &source, SQLITE_OPEN_READONLY, nullptr);
    Handle<sqlite3, sqlite3_close_v2> ownedSource{source};
    sqlite3_open((to / "samverkan.db").c_str(), &target);
    Handle<sqlite3, sqlite3_close_v2> ownedTarget{target};
    sqlite3_backup* b = sqlite3_backup_init(target, "main", source, "main");
    if (!b) return fail(Errc::Internal, sqlite3_errmsg(target));
    sqlite3_backup_step(b, -1);
    if (sqlite3_backup_finish(b) != SQLITE_OK) return fail(Errc::Internal, sqlite3_errmsg(target));
  }
  fs::copy(dataDir / "repositories", to / "repositories", fs::copy_options::recursive, ec);
  if (ec) return fail(Errc::Internal, "copy repositories: " + ec.message());
  return {};
}

Status Store::restorePostgresql(const StoreOptions& to, const std::filesystem::path& from) {
  if (to.postgresql.empty())
    return fail(Errc::Invalid, "the data folder's metadata is not in PostgreSQL",
                "samverkan.store");
  return restoreDatabase(to.postgresql, from / kPostgresqlDump);
}

namespace {

Result<git::Repository> openRepository(const std::filesystem::path& dataDir,
                                       const std::string& repository) {
  git::initialise();
  auto repo = git::open(dataDir / "repositories" / (repository + ".git"));
  if (!repo) return fail(Errc::NotFound, "no repository " + repository + " in " + dataDir.string());
  return repo;
}

}  // namespace

Result<std::optional<std::string>> Store::tagTarget(const std::filesystem::path& dataDir,
                                                    const std::string& repository,
                                                    const std::string& tag) {
  auto repo = openRepository(dataDir, repository);
  if (!repo) return std::unexpected(repo.error());
  return git::tagTarget(repo->get(), tag);
}

Result<std::optional<std::string>> Store::fileAt(const std::filesystem::path& dataDir,
                                                 const std::string& repository,
                                                 const std::string& commit,
                                                 const std::string& path) {
  auto repo = openRepository(dataDir, repository);
  if (!repo) return std::unexpected(repo.error());
  auto file = git::readFile(repo->get(), commit, path);
  if (!file) return std::optional<std::string>();
  return std::optional<std::string>(std::move(*file));
}

bool Store::isEmpty() {
  return db_->read([](Reading& c) {
    auto stmt = c.prepare("SELECT COUNT(*) FROM users");
    stmt.step();
    return stmt.int64(0) == 0;
  });
}

std::vector<AuditRecord> Store::auditEntries(const AuditQuery& query) {
  return db_->read([&](Reading& c) { return listAudit(c, query); });
}

AuditReport Store::verifyAudit() {
  // The anchor first: what it names was committed before the snapshot below begins.
  const AnchorFile anchor = readAnchor(anchorFile_);
  return db_->read([&](Reading& c) { return store::verifyAudit(c, *seal_, anchor); });
}

void Store::readWith(const std::function<bool(Reading&)>& work) {
  db_->read([&](Reading& r) { return work(r); });
}

void Store::writeWith(const std::function<bool(Writing&)>& work) {
  // write() rolls back on a Result that holds an error: say so with one.
  const Status outcome = db_->write([&](Writing& w) -> Status {
    if (work(w)) return {};
    return fail(Errc::Conflict, Reason::None, "rolled back");
  });
  (void)outcome;
}

int Store::readSchemaVersion() {
  return db_->read([](Reading& c) {
    auto s =
        c.prepare(c.dialect() == Dialect::Postgresql ? "SELECT max(version) FROM schema_version"
                                                     : "PRAGMA user_version");
    s.step();
    return static_cast<int>(s.int64(0));
  });
}

std::uint64_t Store::writes() {
  return db_->writes();
}

}  // namespace sv::store
