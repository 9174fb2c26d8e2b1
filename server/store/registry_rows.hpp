// Inside the store: the register's row as every query of it selects and reads it (approvals.cpp,
// registry_search.cpp), so the two never disagree on a column.
#pragma once

#include "server/store/approvals.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

// "SELECT <the RegistryRow's 16 columns> ", then "FROM registry r JOIN contracts c … " (aliases
// r, c, p, m, u), ready for a WHERE; a query may select more columns after the 16.
extern const char* const kRegistryColumns;
extern const char* const kRegistryFrom;
RegistryRow readRegistry(const Statement& s);

}  // namespace sv::store
