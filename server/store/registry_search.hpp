// The register of protocols searched (issue 19, point 12): by parts of the registry number, the
// contract, the provider, the meeting's year and the registered text, with SQLite FTS5, within
// the reader's tenant scope, ranked by bm25, a page at a time, each hit with a snippet of the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/approvals.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"

namespace sv::store {

// In the transaction that registers the minutes of `meetingId` (after insertRegistry): their
// number, contract, provider, meeting year and Markdown text become searchable.
void indexRegistered(Writing& c, std::int64_t meetingId, const std::string& markdown);

struct RegistryQuery {
  // Parts of a registry number ("2026/1", "0001", "SDN 2026/0001"): every part must be one of the
  // number's parts, so "2026/1" finds 2026/0001 and not 2026/0010.
  std::optional<std::string> number;
  // Words to find anywhere: number, contract, provider, meeting year and the text (each word as a
  // prefix, all words needed). A query with a "/" is read as a number, as `number` is.
  std::optional<std::string> text;
  std::optional<std::int64_t> contractId;
  std::optional<int> year;         // the year of registration
  std::optional<int> meetingYear;  // the year the meeting was held (Swedish time)
  int limit = 50;
  std::int64_t offset = 0;
  // Protocols found (in every tenant) up to which they are ranked by bm25; beyond, the words are
  // in most protocols, bm25 tells little and costs one computation each, and the latest come
  // first, which FTS5 answers by walking its index backwards and stopping at the page. They are
  // counted only as far as one more than this.
  int rankAtMost = 2000;
};

// Where a snippet's matched words begin and end. Neither ever occurs in indexed text (indexing
// drops them), so a reader splits the snippet on them and escapes every part as text.
inline constexpr char kHitStart = '\x02';
inline constexpr char kHitEnd = '\x03';

struct RegistryHit {
  RegistryRow row;
  std::string snippet;  // the text around the words found, or empty when no words were asked
};

// The best matches first when words were asked (those whose number has the words, then bm25;
// the latest first when more than `rankAtMost` match), else the latest registrations first. At most
// `limit` rows from `offset`. Whatever the query text holds, it is never read as FTS5 syntax: each
// word is quoted.
std::vector<RegistryHit> searchRegistry(Reading& c, const TenantScope& scope,
                                        const RegistryQuery& q);

// How many protocols the query finds in the scope (searchRegistry's rows without limit and
// offset).
std::int64_t countRegistry(Reading& c, const TenantScope& scope, const RegistryQuery& q);

// The FTS5 MATCH expression for a person's query text, or nothing when it holds no word (only
// punctuation, quotes, operators). Exposed for its tests.
std::optional<std::string> registryMatchOf(std::string_view numberText, std::string_view words);

struct SnippetPart {
  std::string text;
  bool hit = false;
};
// A snippet cut at its markers: the parts in order, the matched ones marked.
std::vector<SnippetPart> snippetParts(std::string_view snippet);

}  // namespace sv::store
