// One page of a list the API answers: at most `limit` rows from `offset`, in the list's own order
// (which always ends on the id, so that pages neither repeat nor skip a row), and how many rows
// the whole list has for the same reader, counted in the same snapshot.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

namespace sv::store {

struct PageSpan {
  std::int64_t limit = -1;  // -1: every row
  std::int64_t offset = 0;
};

// A limit as the database reads it: a negative one (every row) as the largest number, since
// SQLite reads a negative LIMIT as none and PostgreSQL refuses it.
inline std::int64_t rowLimit(std::int64_t limit) {
  return limit < 0 ? INT64_MAX : limit;
}

template <class Row>
struct Page {
  std::vector<Row> rows;
  std::int64_t total = 0;
};

// " LIMIT <limit> OFFSET <offset>": our own numbers, never a person's text.
inline std::string limitClause(const PageSpan& span) {
  return " LIMIT " + std::to_string(rowLimit(span.limit)) + " OFFSET " +
         std::to_string(span.offset);
}

}  // namespace sv::store
