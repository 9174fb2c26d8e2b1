// PostgreSQL behind the store's Connection and Statement (DESIGN.md "Scale"): the same SQL the
// store writes for SQLite, prepared once per connection through libpq and run with its parameters
// as text, which PostgreSQL types from the statement as SQLite does from its columns.
//
// What differs is translated here and nowhere else: SQLite's `?N` and `?` parameters become `$N`;
// a result column of PostgreSQL's boolean type reads as 1 or 0; a failure's SQLSTATE becomes the
// SQLite result code the store already tells apart (class 23, an integrity constraint or one of
// the schema's triggers, is SQLITE_CONSTRAINT). Inside the store only.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "server/store/database.hpp"
#include "server/store/handle.hpp"

namespace sv::store {

// `?1 … ?N` and `?` (numbered in order) as `$1 … $N`, outside quoted text and identifiers.
std::string postgresParameters(std::string_view sql);

class PostgresConnection final : public Connection {
 public:
  // Connects with a libpq connection string; throws DatabaseUnavailable when no server answers
  // and DatabaseError when one refuses. A string with several hosts and
  // target_session_attrs=read-write finds the primary, at first and after a failover.
  explicit PostgresConnection(const std::string& connection);

  Statement prepare(std::string_view sql) override;
  void exec(const std::string& sql) override;
  std::int64_t lastInsertId() override;
  int changes() const override { return changes_; }
  Dialect dialect() const override { return Dialect::Postgresql; }
  void begin(const std::string& sql) override;
  void refuseWrites() override;

  // For PgRun: runs the prepared statement `name` with `values` and returns its result, checked.
  struct Prepared {
    std::string name;
    int parameters = 0;
    std::string sql;  // as the store wrote it, for the message of a failure
  };
  Handle<PGresult, PQclear> run(const Prepared& statement, const char* const* values);

 private:
  // The session as the store wants it, on a new connection and again after reconnect().
  void setUpSession();
  // A new connection in place of one the server dropped; its prepared statements went with it.
  void reconnect();

  Handle<PGconn, PQfinish> conn_;
  std::map<std::string, Prepared, std::less<>> cache_;
  int changes_ = 0;
  bool readOnly_ = false;
};

// Statement's PostgreSQL side (database.cpp calls these when a Statement holds a PgRun).
namespace pg {
void bind(const PgRunHandle& run, int index, std::optional<std::string> value);
bool step(const PgRunHandle& run);
bool isNull(const PgRunHandle& run, int column);
std::int64_t int64(const PgRunHandle& run, int column);
double real(const PgRunHandle& run, int column);
std::string text(const PgRunHandle& run, int column);
// A double as text that reads back as the same double.
std::string number(double value);
}  // namespace pg

}  // namespace sv::store
