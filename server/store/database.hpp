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

namespace sv::store {

class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  bool isConstraint() const { return (code_ & 0xff) == SQLITE_CONSTRAINT; }

 private:
  int code_;
};

class Connection {
 public:
  Connection(const std::filesystem::path& file, bool readOnly);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Prepared once per connection and kept; the returned Statement resets it when done.
  Statement prepare(std::string_view sql);
  void exec(const std::string& sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  sqlite3* raw() const { return db_.get(); }

 private:
  // Declared first, so that it is closed last, after the statements of the cache are finalised.
  Handle<sqlite3, sqlite3_close_v2> db_;
  std::map<std::string, StatementHandle, std::less<>> cache_;
};

class Database {
 public:
  Database(const std::filesystem::path& file, int readConnections);

  // Runs `work` on a reader connection (a consistent snapshot for its duration).
  template <class F>
  auto read(F&& work) {
    auto lease = acquireReader();
    Reading snapshot(*lease.conn);
    return std::forward<F>(work)(snapshot);
  }

  // Runs `work` inside BEGIN IMMEDIATE … COMMIT on the writer connection. A Result or Status
  // that holds an error, or an exception, rolls the transaction back.
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
    tx.commit();
    // After the commit, never before: the anchor may lag behind SQLite, never run ahead of it.
    anchorAudit();
    return result;
  }

  // The audit log's key and anchor (audit_seal.hpp), from Store::open on; it outlives the writes.
  void setAuditSeal(AuditSeal* seal) { seal_ = seal; }

  std::filesystem::path file() const { return file_; }

  // The connection under a transaction, for the store's tools that talk to SQLite itself
  // (the benchmarks trace its statements).
  static Connection& connectionOf(Reading& tx) { return tx.conn_; }

  // How many write transactions have ended, committed or not; raised after the end, so a reader
  // that sees the new count also sees what the transaction wrote. Every change goes through
  // write(): reader connections are query_only, and the store's lock on the data folder keeps
  // other processes out. An unchanged count therefore means unchanged data, which lets a cache
  // of something derived from the database skip asking it again.
  std::uint64_t writes() const { return writes_.load(std::memory_order_acquire); }

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

  std::filesystem::path file_;
  std::mutex writerMutex_;
  std::atomic<std::uint64_t> writes_{0};
  std::unique_ptr<Connection> writer_;
  AuditSeal* seal_ = nullptr;
  std::mutex poolMutex_;
  std::condition_variable poolAvailable_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;
};

}  // namespace sv::store
