// What the register's search on SQLite (registry_search.cpp, FTS5) and on PostgreSQL
// (registry_search_pg.cpp, tsvector) share: the person's words as the search reads them, and the
// query's filters within the tenant scope. Inside the store only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/store/registry_search.hpp"

namespace sv::store::registry_words {

// The person's words, split at spaces (and at "/" for a registry number), control characters
// dropped, words without a letter or digit left out; at most 16 words of 64 bytes.
std::vector<std::string> wordsOf(std::string_view text, bool splitAtSlash);
// "0001" and "1" are the same part of a number: the index holds the sequence both ways.
std::string numberPart(const std::string& word);
std::string joined(const std::vector<std::string>& parts, const char* separator);

// Every `?` bound in the order it appears in the statement.
using SearchParam = std::variant<std::nullopt_t, std::int64_t, std::string>;
// The query's filters and the tenant scope as conditions on `r` (registry) and `m` (meetings),
// their parameters appended to `params`.
std::string registryFilters(const TenantScope& scope, const RegistryQuery& q,
                            std::vector<SearchParam>& params);
void bindParams(Statement& s, const std::vector<SearchParam>& params);
// The rows (id, snippet) of a statement that cut a page's snippets, onto the page's hits.
void takeSnippets(Statement& s, std::vector<RegistryHit>& page);

// searchRegistry and countRegistry on PostgreSQL.
std::vector<RegistryHit> searchRegistryPostgres(Reading& c, const TenantScope& scope,
                                                const RegistryQuery& q);
std::int64_t countRegistryPostgres(Reading& c, const TenantScope& scope, const RegistryQuery& q);

}  // namespace sv::store::registry_words
