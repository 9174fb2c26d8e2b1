// Moving the metadata from SQLite into PostgreSQL (samverkan migrate --to=postgresql): every row
// of every table, copied as it is, in one PostgreSQL transaction. Inside the store only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "workflows/result.hpp"

namespace sv::store {

class Database;

struct TableCopy {
  std::string table;
  std::int64_t rows = 0;
};

// Copies every table of `from` (SQLite) into `to` (PostgreSQL, migrated to the schema of the same
// version and without a row), in the order the foreign keys need, and sets each identity past
// the largest id copied. The target's triggers are off for the copy (it writes the record as it
// stands, not the steps that made it: a registered meeting's attachment would be refused) and on
// again before the commit; its foreign keys and checks hold throughout. Before the commit, each
// table's count in PostgreSQL is compared with the rows read. Nothing is written unless all of it
// is. Errors: Conflict (the target holds rows already), Internal (a table the source lacks, a count
// that differs, a cycle of foreign keys; DatabaseError for what PostgreSQL refuses).
Result<std::vector<TableCopy>> copyDatabase(Database& from, Database& to);

// Empties every table of a PostgreSQL store (after a copy whose check failed), identities reset.
void emptyDatabase(Database& db);

}  // namespace sv::store
