#include "server/store/postgres.hpp"

#include <sqlite3.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <vector>

namespace sv::store {

struct PgRun {
  PostgresConnection* conn;
  const PostgresConnection::Prepared* prepared;
  std::vector<std::optional<std::string>> values;
  Handle<PGresult, PQclear> result{};
  int row = -1;
  int rows = 0;
};

void DeletePgRun::operator()(PgRun* run) const {
  delete run;
}

namespace {

// The SQLite result code the store already knows for a PostgreSQL SQLSTATE: the store tells only
// a constraint (and a trigger's refusal, raised with SQLSTATE 23000 by the schema) from the rest.
int sqliteCodeOf(const char* sqlstate) {
  const std::string_view state = sqlstate ? sqlstate : "";
  if (state.starts_with("23")) return SQLITE_CONSTRAINT;
  if (state == "40001" || state == "40P01" || state == "55P03") return SQLITE_BUSY;
  if (state.starts_with("53")) return SQLITE_FULL;
  if (state.starts_with("08")) return SQLITE_IOERR;
  return SQLITE_ERROR;
}

// A reader's session: a write through it would bypass Database::write() and its count.
constexpr const char* kReadOnlySession = "SET default_transaction_read_only = on";

// libpq's last message on the connection, without its closing newline.
std::string lastMessage(PGconn* conn) {
  std::string message = conn ? PQerrorMessage(conn) : "out of memory";
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return message;
}

[[noreturn]] void throwResult(PGconn* conn, const PGresult* result, std::string_view what) {
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = primary ? primary : lastMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  // The server went away (stopped, restarted, failed over; libpq saw the socket close) or shut
  // this session down (57P01 admin_shutdown, sent as it stops): the statement did not happen,
  // and the connection is of no further use until begin() makes a new one.
  const std::string_view sqlstate = state ? state : "";
  if (PQstatus(conn) == CONNECTION_BAD || sqlstate.starts_with("57P"))
    throw DatabaseUnavailable(SQLITE_IOERR, std::string(what) + ": " + message);
  throw DatabaseError(state ? sqliteCodeOf(state) : SQLITE_IOERR,
                      std::string(what) + ": " + message);
}

Handle<PGresult, PQclear> checked(PGconn* conn, PGresult* raw, std::string_view what) {
  Handle<PGresult, PQclear> result(raw);
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throwResult(conn, result.get(), what);
  return result;
}

// Notices (a table that already exists, an implicit index) are the server talking to a person at
// a console; the store has nobody to tell.
void ignoreNotice(void*, const char*) {}

const char* valueAt(const PgRun& run, int column) {
  if (run.row < 0 || run.row >= run.rows || column < 0 || column >= PQnfields(run.result.get()))
    throw DatabaseError(SQLITE_RANGE, "no such row or column in " + run.prepared->sql);
  return PQgetvalue(run.result.get(), run.row, column);
}

}  // namespace

std::string postgresParameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int highest = 0;
  char quote = 0;  // ' inside a literal, " inside an identifier
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote) {
      out += c;
      if (c == quote) quote = 0;  // a doubled quote closes and opens again: the same either way
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    std::size_t end = i + 1;
    while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') ++end;
    int number = 0;
    if (end > i + 1) {
      std::from_chars(sql.data() + i + 1, sql.data() + end, number);
    } else {
      number = highest + 1;  // SQLite numbers a bare ? one past the largest so far
    }
    highest = std::max(highest, number);
    out += '$';
    out += std::to_string(number);
    i = end - 1;
  }
  return out;
}

PostgresConnection::PostgresConnection(const std::string& connection)
    : conn_(PQconnectdb(connection.c_str())) {
  if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK)
    throw DatabaseUnavailable(SQLITE_CANTOPEN,
                              "connect to PostgreSQL: " + lastMessage(conn_.get()));
  setUpSession();
}

void PostgresConnection::setUpSession() {
  PQsetNoticeProcessor(conn_.get(), ignoreNotice, nullptr);
  // The store's text is UTF-8 and its times are text it wrote itself; the session's zone is fixed
  // so that nothing the server's settings say changes what a query returns.
  exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
  // A request's query reads a page, not a table: on a big database PostgreSQL's planner chose two
  // parallel workers for the overdue list's first page, whose start-up cost more than the query
  // (ten municipalities: 18 ms a page against 6 ms without; BENCHMARKS.md "One store for ten
  // municipalities"). Workers are for reports on the standby, not for the server's requests.
  exec("SET max_parallel_workers_per_gather = 0");
  if (readOnly_) exec(kReadOnlySession);
}

void PostgresConnection::refuseWrites() {
  readOnly_ = true;
  exec(kReadOnlySession);
}

void PostgresConnection::reconnect() {
  // PQreset connects anew with the same parameters: with several hosts listed, to whichever is
  // the primary now. Whatever was prepared lived in the old session.
  cache_.clear();
  PQreset(conn_.get());
  if (PQstatus(conn_.get()) != CONNECTION_OK)
    throw DatabaseUnavailable(SQLITE_CANTOPEN,
                              "connect to PostgreSQL again: " + lastMessage(conn_.get()));
  setUpSession();
}

void PostgresConnection::begin(const std::string& sql) {
  if (PQstatus(conn_.get()) == CONNECTION_BAD) reconnect();
  try {
    exec(sql);
  } catch (const DatabaseUnavailable&) {
    // An idle connection learns that its server went away only when it is used: here, where
    // nothing has run yet and trying once more on a new connection is safe.
    reconnect();
    exec(sql);
  }
}

Statement PostgresConnection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    Prepared prepared{"sv" + std::to_string(cache_.size() + 1), 0, std::string(sql)};
    const std::string translated = postgresParameters(sql);
    checked(conn_.get(),
            PQprepare(conn_.get(), prepared.name.c_str(), translated.c_str(), 0, nullptr), sql);
    const auto description =
        checked(conn_.get(), PQdescribePrepared(conn_.get(), prepared.name.c_str()), sql);
    prepared.parameters = PQnparams(description.get());
    it = cache_.emplace(std::string(sql), std::move(prepared)).first;
  }
  PgRunHandle run(new PgRun{this, &it->second, {}});
  run->values.resize(static_cast<std::size_t>(it->second.parameters));
  return Statement(std::move(run));
}

Handle<PGresult, PQclear> PostgresConnection::run(const Prepared& statement,
                                                  const char* const* values) {
  auto result = checked(conn_.get(),
                        PQexecPrepared(conn_.get(), statement.name.c_str(), statement.parameters,
                                       values, nullptr, nullptr, 0),
                        statement.sql);
  // Like sqlite3_changes: the rows the last INSERT, UPDATE or DELETE changed, not a query's.
  const std::string_view command = PQcmdStatus(result.get());
  if (command.starts_with("INSERT") || command.starts_with("UPDATE") ||
      command.starts_with("DELETE"))
    changes_ = std::atoi(PQcmdTuples(result.get()));
  return result;
}

void PostgresConnection::exec(const std::string& sql) {
  checked(conn_.get(), PQexec(conn_.get(), sql.c_str()), sql);
}

std::int64_t PostgresConnection::lastInsertId() {
  // The identity the session's last INSERT drew. The schema's triggers draw none, so this is the
  // row the store's own INSERT made, as sqlite3_last_insert_rowid says.
  const auto result = checked(conn_.get(), PQexec(conn_.get(), "SELECT lastval()"), "lastval");
  return std::strtoll(PQgetvalue(result.get(), 0, 0), nullptr, 10);
}

// Statement's PostgreSQL side, called from database.cpp's Statement when it holds a PgRun.
namespace pg {

void bind(const PgRunHandle& handle, int index, std::optional<std::string> value) {
  auto& run = *handle;
  if (index < 1 || index > static_cast<int>(run.values.size()))
    throw DatabaseError(SQLITE_RANGE, "parameter " + std::to_string(index) + " out of range in " +
                                          run.prepared->sql);
  if (run.result) {  // bound again after it ran: a new execution, as sqlite3_reset gives
    run.result.reset();
    run.row = -1;
  }
  run.values[static_cast<std::size_t>(index - 1)] = std::move(value);
}

bool step(const PgRunHandle& handle) {
  auto& run = *handle;
  if (!run.result || run.row >= run.rows) {  // first step, or a step after the last row
    std::vector<const char*> values;
    values.reserve(run.values.size());
    for (const auto& v : run.values) values.push_back(v ? v->c_str() : nullptr);
    run.result = run.conn->run(*run.prepared, values.data());
    run.rows = PQntuples(run.result.get());
    run.row = -1;
  }
  return ++run.row < run.rows;
}

bool isNull(const PgRunHandle& handle, int column) {
  const auto& run = *handle;
  valueAt(run, column);
  return PQgetisnull(run.result.get(), run.row, column) != 0;
}

std::int64_t int64(const PgRunHandle& handle, int column) {
  const std::string_view value = valueAt(*handle, column);
  // A comparison or EXISTS in a select list is PostgreSQL's boolean; SQLite's is 1 or 0.
  if (value == "t") return 1;
  if (value == "f") return 0;
  std::int64_t number = 0;
  std::from_chars(value.data(), value.data() + value.size(), number);
  return number;
}

double real(const PgRunHandle& handle, int column) {
  return std::strtod(valueAt(*handle, column), nullptr);
}

std::string text(const PgRunHandle& handle, int column) {
  const auto& run = *handle;
  const char* value = valueAt(run, column);
  return std::string(value,
                     static_cast<std::size_t>(PQgetlength(run.result.get(), run.row, column)));
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

}  // namespace pg

}  // namespace sv::store
