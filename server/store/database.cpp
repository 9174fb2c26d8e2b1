#include "server/store/database.hpp"

#include "server/store/audit_seal.hpp"
#include "server/store/handle.hpp"
#include "server/store/postgres.hpp"

namespace sv::store {
namespace {

[[noreturn]] void throwError(sqlite3* db, int rc, std::string_view what) {
  const char* message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw DatabaseError(rc, std::string(what) + ": " + message);
}

void check(sqlite3* db, int rc, std::string_view what) {
  if (rc != SQLITE_OK) throwError(db, rc, what);
}

}  // namespace

void FinalizeStatement::operator()(sqlite3_stmt* stmt) const {
  if (stmt) sqlite3_finalize(stmt);
}

Statement::~Statement() {
  if (stmt_ && !owned_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (pg_) {
    pg::bind(pg_, index, std::to_string(value));
    return *this;
  }
  check(sqlite3_db_handle(stmt_), sqlite3_bind_int64(stmt_, index, value), "bind");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (pg_) {
    pg::bind(pg_, index, pg::number(value));
    return *this;
  }
  check(sqlite3_db_handle(stmt_), sqlite3_bind_double(stmt_, index, value), "bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  if (pg_) {
    pg::bind(pg_, index, std::string(value));
    return *this;
  }
  check(
      sqlite3_db_handle(stmt_),
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
      "bind");
  return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
  if (pg_) {
    pg::bind(pg_, index, std::nullopt);
    return *this;
  }
  check(sqlite3_db_handle(stmt_), sqlite3_bind_null(stmt_, index), "bind");
  return *this;
}

bool Statement::step() {
  if (pg_) return pg::step(pg_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throwError(sqlite3_db_handle(stmt_), rc, sqlite3_sql(stmt_));
}

void Statement::run() {
  while (step()) {
  }
}

std::int64_t Statement::int64(int column) const {
  if (pg_) return pg::int64(pg_, column);
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
  if (pg_) return pg::real(pg_, column);
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  if (pg_) return pg::text(pg_, column);
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
  if (isNull(column)) return std::nullopt;
  return int64(column);
}

bool Statement::isNull(int column) const {
  if (pg_) return pg::isNull(pg_, column);
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

SqliteConnection::SqliteConnection(const std::filesystem::path& file, bool readOnly) {
  const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  db_.reset(raw);  // sqlite3_open_v2 may hand out a handle even when it fails
  if (rc != SQLITE_OK) {
    const std::string message = db_ ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc);
    throw DatabaseError(rc, "open " + file.string() + ": " + message);
  }
  sqlite3_extended_result_codes(db_.get(), 1);
  sqlite3_busy_timeout(db_.get(), 10000);
  // Durability is switched on, not assumed: every commit is on disk before it is acknowledged.
  if (!readOnly) exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=FULL");
  exec("PRAGMA foreign_keys=ON");
}

Statement SqliteConnection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    check(db_.get(),
          sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &stmt, nullptr),
          sql);
    it = cache_.emplace(std::string(sql), StatementHandle{stmt}).first;
  } else if (sqlite3_stmt_busy(it->second.get())) {
    // The same query is still being stepped further up the stack: this one gets its own.
    sqlite3_stmt* stmt = nullptr;
    check(db_.get(),
          sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr),
          sql);
    return Statement(StatementHandle{stmt});
  }
  return Statement(it->second.get());
}

void SqliteConnection::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const Handle<char, sqlite3_free> owned(error);
    throw DatabaseError(rc, error ? error : sqlite3_errstr(rc));
  }
}

std::int64_t SqliteConnection::lastInsertId() {
  return sqlite3_last_insert_rowid(db_.get());
}

int SqliteConnection::changes() const {
  return sqlite3_changes(db_.get());
}

Statement Reading::prepare(std::string_view sql) {
  return conn_.prepare(sql);
}

Dialect Reading::dialect() const {
  return conn_.dialect();
}

std::unique_ptr<Connection> DatabaseLocation::connect(bool readOnly) const {
  if (dialect == Dialect::Postgresql) return std::make_unique<PostgresConnection>(connection);
  return std::make_unique<SqliteConnection>(file, readOnly);
}

void Writing::exec(const std::string& sql) {
  conn_.exec(sql);
}

std::int64_t Writing::lastInsertId() const {
  return conn_.lastInsertId();
}

int Writing::changes() const {
  return conn_.changes();
}

// The key of PostgreSQL's transaction-level advisory lock that every write transaction takes
// first, in every process on the database: "samverk" in ASCII.
constexpr const char* kBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(32476745087414891)";

Database::Transaction::Transaction(Connection& c) : conn_(c) {
  conn_.begin(conn_.dialect() == Dialect::Postgresql ? kBeginWrite : "BEGIN IMMEDIATE");
}

Database::Transaction::~Transaction() {
  if (!done_) {
    try {
      conn_.exec("ROLLBACK");
    } catch (const DatabaseError&) {
      // A failed statement may already have rolled back; nothing is left to undo.
    }
  }
}

void Database::Transaction::commit() {
  conn_.exec("COMMIT");
  done_ = true;
}

Database::ReadTransaction::ReadTransaction(Connection& c) {
  if (c.dialect() != Dialect::Postgresql) return;
  c.begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  conn_ = &c;
}

Database::ReadTransaction::~ReadTransaction() {
  if (!conn_) return;
  try {
    conn_->exec("COMMIT");  // after a failed statement PostgreSQL answers it with a rollback
  } catch (const DatabaseError&) {
    // The connection is gone; the next use of it says so.
  }
}

Database::Database(const DatabaseLocation& location, int readConnections) : location_(location) {
  // SQLite counts every allocation under one process-wide mutex unless told not to, before its
  // first use; with many reader threads that mutex was a visible share of a cached page's cost.
  // Later calls (SQLite already in use) are refused by SQLite and change nothing.
  static const int memstatusOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatusOff;
  writer_ = location.connect(false);
  for (int i = 0; i < readConnections; ++i) {
    readers_.push_back(location.connect(false));
    // A write through a reader would bypass write() and its count (see writes()): refused.
    readers_.back()->refuseWrites();
    idle_.push_back(readers_.back().get());
  }
}

void Database::countInDatabase(Connection& writer) {
  if (!countInDatabase_) return;
  writer
      .prepare(
          "INSERT INTO store_writes (id, n) VALUES (1, 1) "
          "ON CONFLICT (id) DO UPDATE SET n = store_writes.n + 1")
      .run();
}

std::uint64_t Database::writes() {
  if (location_.dialect == Dialect::Sqlite || !countInDatabase_)
    return writes_.load(std::memory_order_acquire);
  return read([](Reading& r) {
    auto stmt = r.prepare("SELECT n FROM store_writes");
    return stmt.step() ? static_cast<std::uint64_t>(stmt.int64(0)) : std::uint64_t{0};
  });
}

void Database::beginAudit() {
  if (seal_) seal_->beginTransaction();
}

void Database::anchorAudit() noexcept {
  if (seal_) seal_->committed();
}

Database::Lease Database::acquireReader() {
  std::unique_lock lock(poolMutex_);
  poolAvailable_.wait(lock, [this] { return !idle_.empty(); });
  Connection* conn = idle_.back();
  idle_.pop_back();
  return Lease(this, conn);
}

void Database::releaseReader(Connection* conn) {
  {
    std::lock_guard lock(poolMutex_);
    idle_.push_back(conn);
  }
  poolAvailable_.notify_one();
}

}  // namespace sv::store
