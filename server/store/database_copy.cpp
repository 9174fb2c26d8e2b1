#include "server/store/database_copy.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "server/store/database.hpp"

namespace sv::store {
namespace {

// Every name here comes from PostgreSQL's catalog; quoted all the same, so that a column called
// like a keyword (number, body) is a column in both dialects.
std::string quoted(const std::string& name) {
  return '"' + name + '"';
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + quoted(name);
  return out;
}

// The tables of the target's schema (its own version table aside) in an order where each comes
// after the tables its foreign keys name: Kahn's, by name among the ready ones, so the order is
// the same on every run. A table that names itself (none does today) is not a cycle.
Result<std::vector<std::string>> tablesInOrder(Writing& w) {
  std::set<std::string> tables;
  auto list = w.prepare(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
      "AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'");
  while (list.step()) tables.insert(list.text(0));
  std::map<std::string, std::set<std::string>> needs;
  auto keys = w.prepare(
      "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
      "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace");
  while (keys.step())
    if (keys.text(0) != keys.text(1)) needs[keys.text(0)].insert(keys.text(1));
  std::vector<std::string> order;
  std::set<std::string> placed;
  while (order.size() < tables.size()) {
    bool progress = false;
    for (const auto& table : tables) {
      if (placed.contains(table)) continue;
      const auto& mine = needs[table];
      if (!std::all_of(mine.begin(), mine.end(), [&](const auto& t) { return placed.contains(t); }))
        continue;
      order.push_back(table);
      placed.insert(table);
      progress = true;
    }
    if (!progress)
      return fail(Errc::Internal, "the tables' foreign keys form a cycle; " +
                                      std::to_string(tables.size() - order.size()) +
                                      " tables cannot be ordered");
  }
  return order;
}

// What a row is written with: every column but the generated ones (registry_search's words,
// which PostgreSQL computes from the rest).
std::vector<std::string> columnsOf(Writing& w, const std::string& table) {
  std::vector<std::string> columns;
  auto stmt = w.prepare(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
      "AND table_name = ?1 AND is_generated = 'NEVER' ORDER BY ordinal_position");
  stmt.bind(1, table);
  while (stmt.step()) columns.push_back(stmt.text(0));
  return columns;
}

std::int64_t countOf(Reading& r, const std::string& table) {
  auto stmt = r.prepare("SELECT count(*) FROM " + quoted(table));
  stmt.step();
  return stmt.int64(0);
}

// The rows of one table, each as text or NULL (PostgreSQL reads a number's text into its BIGINT,
// as SQLite wrote it), in the source's own order (rowid's, the order they were written, which
// keeps a row after any row of the same table it names).
std::int64_t copyRows(Reading& from, Writing& to, const std::string& table,
                      const std::vector<std::string>& columns) {
  std::string parameters;
  for (std::size_t i = 1; i <= columns.size(); ++i)
    parameters += (i == 1 ? "?" : ", ?") + std::to_string(i);
  const std::string insert =
      "INSERT INTO " + quoted(table) + " (" + joined(columns) + ") VALUES (" + parameters + ")";
  auto rows = from.prepare("SELECT " + joined(columns) + " FROM " + quoted(table));
  std::int64_t copied = 0;
  while (rows.step()) {
    auto row = to.prepare(insert);
    for (std::size_t i = 0; i < columns.size(); ++i)
      row.bind(static_cast<int>(i + 1), rows.optionalText(static_cast<int>(i)));
    row.run();
    ++copied;
  }
  return copied;
}

}  // namespace

Result<std::vector<TableCopy>> copyDatabase(Database& from, Database& to) {
  if (from.location().dialect != Dialect::Sqlite || to.location().dialect != Dialect::Postgresql)
    return fail(Errc::Internal, "a copy goes from SQLite to PostgreSQL");
  return to.write([&](Writing& w) -> Result<std::vector<TableCopy>> {
    auto tables = tablesInOrder(w);
    if (!tables) return std::unexpected(tables.error());
    for (const auto& table : *tables)
      if (countOf(w, table) != 0)
        return fail(Errc::Conflict, "the PostgreSQL database holds data already (" + table + ")",
                    "connection");
    for (const auto& table : *tables)
      w.exec("ALTER TABLE " + quoted(table) + " DISABLE TRIGGER USER");
    std::vector<TableCopy> copied;
    for (const auto& table : *tables) {
      const auto columns = columnsOf(w, table);
      const std::int64_t rows =
          from.read([&](Reading& r) { return copyRows(r, w, table, columns); });
      if (const std::int64_t counted = countOf(w, table); counted != rows)
        return fail(Errc::Internal, table + ": " + std::to_string(rows) + " rows read, " +
                                        std::to_string(counted) + " in PostgreSQL");
      copied.push_back({table, rows});
    }
    // The next id after the largest copied, as SQLite's AUTOINCREMENT would have given it.
    std::vector<std::pair<std::string, std::string>> identities;
    auto stmt = w.prepare(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_identity = 'YES'");
    while (stmt.step()) identities.emplace_back(stmt.text(0), stmt.text(1));
    for (const auto& [table, column] : identities)
      w.prepare("SELECT setval(pg_get_serial_sequence(?1, ?2), max(" + quoted(column) + ")) FROM " +
                quoted(table) + " HAVING max(" + quoted(column) + ") IS NOT NULL")
          .bindAll(table, column)
          .run();
    for (const auto& table : *tables)
      w.exec("ALTER TABLE " + quoted(table) + " ENABLE TRIGGER USER");
    return copied;
  });
}

void emptyDatabase(Database& db) {
  (void)db.write([](Writing& w) -> Status {
    std::string tables;
    auto list = w.prepare(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'");
    while (list.step()) tables += (tables.empty() ? "" : ", ") + quoted(list.text(0));
    if (!tables.empty()) w.exec("TRUNCATE " + tables + " RESTART IDENTITY");
    return {};
  });
}

}  // namespace sv::store
