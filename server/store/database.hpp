// SQLite behind RAII: connections, cached prepared statements, transactions, and a pool.
// Reads run on a pool of connections in parallel (WAL); writes go through one writer connection
// under a mutex, so transactions never wait on SQLite's busy handler. Unexpected SQLite failures
// (disk full, corruption) are thrown as DatabaseError and become a 500 at the HTTP edge; expected
// outcomes (a row that is not there, a unique key taken) are values.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "server/store/handle.hpp"
#include "server/store/transaction.hpp"
#include "workflows/result.hpp"
#include "workflows/unavailable.hpp"

namespace sv::store {

class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  bool isConstraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }

 private:
  int code_;
};

// The database cannot be reached (PostgreSQL stopped, restarted or failed over; never SQLite's
// file): nothing of the statement's transaction happened, and the next transaction connects
// again (Connection::begin). The edge answers 503.
class DatabaseUnavailable final : public DatabaseError, public Unavailable {
 public:
  using DatabaseError::DatabaseError;
};

// A connection to the metadata database: SQLite's (below) or PostgreSQL's (postgres.hpp).
class Connection {
 public:
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  virtual ~Connection() = default;

  // Prepared once per connection and kept; the returned Statement resets it when done.
  virtual Statement prepare(std::string_view sql) = 0;
  // Statements without parameters, several at once (a migration).
  virtual void exec(const std::string& sql) = 0;
  virtual std::int64_t lastInsertId() = 0;
  virtual int changes() const = 0;
  virtual Dialect dialect() const = 0;
  // Starts a transaction with `sql`. PostgreSQL's connection first connects again when the
  // server went away since its last use (a restart, a failover): the one point where that is
  // safe, since nothing of a transaction has run yet.
  virtual void begin(const std::string& sql) { exec(sql); }
  // From now on the connection refuses writes (a reader of the pool; see Database::writes()).
  virtual void refuseWrites() = 0;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::filesystem::path& file, bool readOnly);

  Statement prepare(std::string_view sql) override;
  void exec(const std::string& sql) override;
  std::int64_t lastInsertId() override;
  int changes() const override;
  Dialect dialect() const override { return Dialect::Sqlite; }
  void refuseWrites() override { exec("PRAGMA query_only=ON"); }
  sqlite3* raw() const { return db_.get(); }

 private:
  // Declared first, so that it is closed last, after the statements of the cache are finalised.
  Handle<sqlite3, sqlite3_close_v2> db_;
  std::map<std::string, StatementHandle, std::less<>> cache_;
};

// Where the metadata lives: an SQLite file, or a PostgreSQL server named by a libpq connection
// string ("host=… dbname=…", "service=…", or a postgresql:// URI).
struct DatabaseLocation {
  Dialect dialect = Dialect::Sqlite;
  std::filesystem::path file{};
  std::string connection{};

  std::unique_ptr<Connection> connect(bool readOnly) const;
};

class Database {
 public:
  Database(const DatabaseLocation& location, int readConnections);

  // Runs `work` on a reader connection (a consistent snapshot for its duration: on PostgreSQL a
  // REPEATABLE READ transaction; SQLite's readers see one snapshot per statement, and the store's
  // reads that need two statements to agree run inside write()).
  template <class F>
  auto read(F&& work) {
    auto lease = acquireReader();
    const ReadTransaction tx(*lease.conn);
    Reading snapshot(*lease.conn);
    return std::forward<F>(work)(snapshot);
  }

  // Runs `work` inside one write transaction on the writer connection: SQLite's BEGIN IMMEDIATE,
  // or on PostgreSQL a transaction that first takes the store's advisory lock, so that writers
  // from every process follow one another as SQLite's do (the audit chain's head, the registry's
  // next number). A Result or Status that holds an error, or an exception, rolls it back.
  template <class F>
  auto write(F&& work) {
    std::lock_guard lock(writerMutex_);
    const CountWrite counted(writes_);
    beginAudit();
    Transaction tx(*writer_);
    Writing writing(*writer_, seal_);
    auto result = std::forward<F>(work)(writing);
    if constexpr (requires { result.has_value(); }) {
      if (!result.has_value()) return result;
    }
    countInDatabase(*writer_);
    tx.commit();
    // After the commit, never before: the anchor may lag behind SQLite, never run ahead of it.
    anchorAudit();
    return result;
  }

  // The audit log's key and anchor (audit_seal.hpp), from Store::open on; it outlives the writes.
  void setAuditSeal(AuditSeal* seal) { seal_ = seal; }

  const DatabaseLocation& location() const { return location_; }

  // SQLite's own handle under a transaction (none on PostgreSQL), for the store's tools that talk
  // to SQLite itself (the benchmarks trace its statements).
  static sqlite3* sqliteOf(Reading& tx) {
    auto* sqlite = dynamic_cast<SqliteConnection*>(&tx.conn_);
    return sqlite ? sqlite->raw() : nullptr;
  }

  // How many write transactions have ended; raised after the end, so a reader that sees the new
  // count also sees what the transaction wrote. Every change goes through write(): reader
  // connections are query_only. An unchanged count therefore means unchanged data, which lets a
  // cache of something derived from the database skip asking it again. On SQLite the store's
  // lock on the data folder keeps other processes out, and this process's own count (committed
  // or not) is exact and costs nothing. On PostgreSQL several processes may write (issue 18):
  // there it is the database's count (migration 029's store_writes, raised inside each committed
  // transaction, so visible with what it wrote), one query.
  std::uint64_t writes();
  // From here on (Store::open, after the migrations) each write transaction raises store_writes.
  void countWritesInDatabase() { countInDatabase_ = true; }

 private:
  class Transaction {
   public:
    explicit Transaction(Connection& c);
    ~Transaction();
    void commit();

   private:
    Connection& conn_;
    bool done_ = false;
  };
  // A reader's snapshot on PostgreSQL; nothing on SQLite.
  class ReadTransaction {
   public:
    explicit ReadTransaction(Connection& c);
    ReadTransaction(const ReadTransaction&) = delete;
    ~ReadTransaction();

   private:
    Connection* conn_ = nullptr;
  };
  struct CountWrite {
    std::atomic<std::uint64_t>& writes;
    explicit CountWrite(std::atomic<std::uint64_t>& w) : writes(w) {}
    CountWrite(const CountWrite&) = delete;
    ~CountWrite() { writes.fetch_add(1, std::memory_order_release); }
  };
  struct Lease {
    Database* owner;
    Connection* conn;
    Lease(Database* o, Connection* c) : owner(o), conn(c) {}
    Lease(const Lease&) = delete;
    ~Lease() { owner->releaseReader(conn); }
  };
  Lease acquireReader();
  void releaseReader(Connection* conn);
  void beginAudit();
  void anchorAudit() noexcept;
  void countInDatabase(Connection& writer);

  DatabaseLocation location_;
  std::mutex writerMutex_;
  std::atomic<std::uint64_t> writes_{0};
  bool countInDatabase_ = false;
  std::unique_ptr<Connection> writer_;
  AuditSeal* seal_ = nullptr;
  std::mutex poolMutex_;
  std::condition_variable poolAvailable_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;
};

}  // namespace sv::store
