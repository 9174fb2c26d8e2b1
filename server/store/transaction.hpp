// What the rest of the server holds while it talks to the metadata store: a transaction, never a
// connection. `Reading` is a consistent snapshot; `Writing` is one write transaction and can read
// too. The store's functions say by their parameter which one they need, so a change can never be
// attempted on a snapshot (the compiler refuses it, before SQLite would).
//
// Neither type names SQLite: services include this header, not database.hpp, and the second
// implementation of the store (DESIGN.md "Scale", PostgreSQL: postgres.hpp) fills the same two
// types. The
// statements the store's own functions prepare live here too, as an opaque handle; outside
// server/store nobody writes SQL (tests/layers checks it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3_stmt;

namespace sv::store {

class Connection;  // database.hpp, inside the store only
class AuditSeal;   // audit_seal.hpp, inside the store only

// Which database a store speaks to: the embedded SQLite file (the default) or a PostgreSQL
// server (postgres.hpp, DESIGN.md "Scale"). The store's functions write one SQL for both; the few
// that must differ (the register's full-text search) ask the transaction which it is.
enum class Dialect { Sqlite, Postgresql };

// One execution of a PostgreSQL statement: its parameters and its result (postgres.cpp).
struct PgRun;
struct DeletePgRun {
  void operator()(PgRun* run) const;
};
using PgRunHandle = std::unique_ptr<PgRun, DeletePgRun>;

// sqlite3_finalize, called in database.cpp: this header does not name SQLite's functions.
struct FinalizeStatement {
  void operator()(sqlite3_stmt* stmt) const;
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

class Statement {
 public:
  // A cached statement of the connection, reset when done.
  explicit Statement(sqlite3_stmt* cached) : stmt_(cached) {}
  // A statement of its own (prepared while the cached one was still in use), finalised when done.
  explicit Statement(StatementHandle owned) : stmt_(owned.get()), owned_(std::move(owned)) {}
  // A statement prepared on a PostgreSQL connection, with its own parameters and result, so that
  // the same query may run again further down the stack while this one is still being read.
  explicit Statement(PgRunHandle run) : stmt_(nullptr), pg_(std::move(run)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept
      : stmt_(std::exchange(other.stmt_, nullptr)),
        owned_(std::move(other.owned_)),
        pg_(std::move(other.pg_)) {}
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view{value});
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view{value}); }
  Statement& bind(int index, std::nullopt_t);
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }
  // Binds the arguments to ?1, ?2, ... in order.
  template <class... Args>
  Statement& bindAll(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  bool step();  // true while there is a row
  void run();   // steps a statement that returns no rows
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optionalText(int column) const;
  std::optional<std::int64_t> optionalInt64(int column) const;
  bool isNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
  StatementHandle owned_;
  PgRunHandle pg_;
};

// A snapshot to read from, alive for one call of Store::read (or inside a write).
class Reading {
 public:
  Reading(const Reading&) = delete;
  Reading& operator=(const Reading&) = delete;

  // For the store's own functions (SQL stays in server/store).
  Statement prepare(std::string_view sql);
  Dialect dialect() const;

 protected:
  explicit Reading(Connection& c) : conn_(c) {}
  ~Reading() = default;
  Connection& conn_;

  friend class Database;
};

// One write transaction (BEGIN IMMEDIATE … COMMIT), alive for one call of Store::write.
class Writing : public Reading {
 public:
  void exec(const std::string& sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  // The key and anchor of the audit log, for appendAudit; none in the store's own tools that
  // write to a bare database.
  AuditSeal* auditSeal() const { return seal_; }

 private:
  Writing(Connection& c, AuditSeal* seal) : Reading(c), seal_(seal) {}
  ~Writing() = default;
  AuditSeal* seal_;

  friend class Database;
};

}  // namespace sv::store
