#include "server/store/registry_search.hpp"

#include <algorithm>
#include <map>
#include <variant>

#include "server/store/registry_rows.hpp"
#include "server/store/registry_words.hpp"

namespace sv::store {
namespace {

constexpr std::size_t kMaxWords = 16;      // a query longer than this is not a search any more
constexpr std::size_t kMaxWordBytes = 64;  // nor is a word longer than this

bool isSpace(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

// A word FTS5 will find tokens in: it has a letter or digit (any byte of a multi-byte UTF-8
// character counts as one: unicode61 reads those as letters unless they are punctuation, and a
// word of punctuation alone matches nothing either way).
bool hasToken(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
  });
}

}  // namespace

namespace registry_words {

// The person's words, split at spaces (and at "/" for a registry number), control characters
// dropped, words without a letter or digit left out.
std::vector<std::string> wordsOf(std::string_view text, bool splitAtSlash) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && hasToken(word) && words.size() < kMaxWords)
      words.push_back(word.substr(0, kMaxWordBytes));
    word.clear();
  };
  for (char ch : text) {
    if (isSpace(ch) || (splitAtSlash && ch == '/'))
      flush();
    else if (static_cast<unsigned char>(ch) >= 0x20 && ch != 0x7f)
      word += ch;
  }
  flush();
  return words;
}

// "0001" and "1" are the same part of a number: the index holds the sequence both ways.
std::string numberPart(const std::string& word) {
  if (word.find_first_not_of("0123456789") != std::string::npos) return word;
  const auto first = word.find_first_not_of('0');
  return first == std::string::npos ? "0" : word.substr(first);
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

// The query's filters and the tenant scope as conditions on `r` (registry) and `m` (meetings),
// their parameters appended to `params`.
std::string registryFilters(const TenantScope& scope, const RegistryQuery& q,
                            std::vector<SearchParam>& params) {
  auto optional = [](const auto& v) -> SearchParam {
    if (!v) return std::nullopt;
    return *v;
  };
  const auto f = scope.contracts("c");
  const std::optional<std::int64_t> year =
      q.year ? std::optional<std::int64_t>(*q.year) : std::nullopt;
  const std::optional<std::string> held =
      q.meetingYear ? std::optional<std::string>(std::to_string(*q.meetingYear)) : std::nullopt;
  for (const auto& p : {optional(q.contractId), optional(q.contractId), optional(year),
                        optional(year), optional(held), optional(held)})
    params.push_back(p);
  for (auto p : f.params) params.emplace_back(p);
  // Typed where they are only tested for NULL: PostgreSQL cannot guess a type from that alone.
  return "(CAST(? AS BIGINT) IS NULL OR r.contract_id = ?) AND (CAST(? AS BIGINT) IS NULL OR "
         "r.year = ?) AND (CAST(? AS TEXT) IS NULL OR substr(m.starts_at, 1, 4) = ?) AND " +
         f.sql;
}

void bindParams(Statement& s, const std::vector<SearchParam>& params) {
  int index = 1;
  for (const auto& p : params) std::visit([&](const auto& v) { s.bind(index++, v); }, p);
}

void takeSnippets(Statement& s, std::vector<RegistryHit>& page) {
  std::map<std::int64_t, std::string> snippets;
  while (s.step()) snippets.emplace(s.int64(0), s.text(1));
  for (auto& hit : page)
    if (auto it = snippets.find(hit.row.id); it != snippets.end())
      hit.snippet = std::move(it->second);
}

}  // namespace registry_words

namespace {

// A word as an FTS5 string: in double quotes, a quote inside doubled. Nothing the person typed
// is read as an operator (AND, NEAR, *, -, ^, column names, parentheses).
std::string ftsQuoted(std::string_view word) {
  std::string out = "\"";
  for (char ch : word) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

std::optional<std::string> numberMatch(const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  std::vector<std::string> parts;
  for (const auto& w : words) parts.push_back(ftsQuoted(registry_words::numberPart(w)));
  return "{number} : (" + registry_words::joined(parts, " AND ") + ")";
}

std::string withoutMarkers(std::string text) {
  std::erase_if(text, [](char ch) { return ch == kHitStart || ch == kHitEnd; });
  return text;
}

}  // namespace

void indexRegistered(Writing& c, std::int64_t meetingId, const std::string& markdown) {
  c.prepare(
       "INSERT INTO registry_search (rowid, number, contract, provider, meeting_year, body) "
       "SELECT r.id, r.number || ' ' || r.seq, c.title || ' ' || c.reference, p.name, "
       "substr(m.starts_at, 1, 4), ?2 FROM registry r JOIN contracts c ON c.id = r.contract_id "
       "JOIN organizations p ON p.id = c.provider_id JOIN meetings m ON m.id = r.meeting_id "
       "WHERE r.meeting_id = ?1")
      .bindAll(meetingId, withoutMarkers(markdown))
      .run();
}

std::optional<std::string> registryMatchOf(std::string_view numberText, std::string_view words) {
  std::vector<std::string> clauses;
  if (auto n = numberMatch(registry_words::wordsOf(numberText, true)))
    clauses.push_back("(" + *n + ")");
  if (words.find('/') != std::string_view::npos) {
    if (auto n = numberMatch(registry_words::wordsOf(words, true)))
      clauses.push_back("(" + *n + ")");
  } else if (const auto list = registry_words::wordsOf(words, false); !list.empty()) {
    // Each word in the number, or as a prefix anywhere else; all the words in the same protocol.
    std::vector<std::string> prefixes;
    for (const auto& w : list) prefixes.push_back(ftsQuoted(w) + "*");
    clauses.push_back("((" + *numberMatch(list) +
                      ") OR ({contract provider meeting_year body} : (" +
                      registry_words::joined(prefixes, " AND ") + ")))");
  }
  if (clauses.empty()) return std::nullopt;
  return registry_words::joined(clauses, " AND ");
}

namespace {

// The same words, found in the number alone: a protocol so found comes first.
std::string numberOnlyMatchOf(std::string_view numberText, std::string_view words) {
  std::vector<std::string> clauses;
  if (auto n = numberMatch(registry_words::wordsOf(numberText, true)))
    clauses.push_back("(" + *n + ")");
  if (auto n =
          numberMatch(registry_words::wordsOf(words, words.find('/') != std::string_view::npos)))
    clauses.push_back("(" + *n + ")");
  return registry_words::joined(clauses, " AND ");
}

std::string fromSearchFirst() {
  // The FTS5 table drives the join (CROSS JOIN keeps that order): otherwise SQLite may start from
  // the contracts and run the MATCH once for every protocol.
  const std::string from = kRegistryFrom;
  const std::string head = "FROM registry r ";
  return "FROM registry_search CROSS JOIN registry r ON r.id = registry_search.rowid " +
         from.substr(from.find(head) + head.size());
}

// snippet() of the body: the words found between kHitStart and kHitEnd, 24 tokens around them.
constexpr const char* kSnippet = "snippet(registry_search, 4, char(2), char(3), '…', 24)";

// The snippets of a sorted page's rows, in one statement: snippet() in the search itself would
// cut one for every protocol found before the sort, and a statement a row would run the MATCH
// (and build the doclist of each prefix) again for each. The rowid range is what FTS5 narrows
// its scan with; the list, behind a unary plus that keeps it out of FTS5's hands (which would
// run the MATCH once for each of its values), picks the page's rows within it.
void cutSnippets(Reading& c, const std::string& match, std::vector<RegistryHit>& page) {
  if (page.empty()) return;
  std::string ids = "[";
  auto lowest = page.front().row.id;
  auto highest = lowest;
  for (const auto& hit : page) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(hit.row.id);
    lowest = std::min(lowest, hit.row.id);
    highest = std::max(highest, hit.row.id);
  }
  ids += ']';
  auto s = c.prepare(std::string("SELECT rowid, ") + kSnippet +
                     " FROM registry_search WHERE registry_search MATCH ?1 AND rowid BETWEEN ?2 "
                     "AND ?3 AND +rowid IN (SELECT value FROM json_each(?4))");
  s.bindAll(match, lowest, highest, ids);
  registry_words::takeSnippets(s, page);
}

}  // namespace

std::vector<RegistryHit> searchRegistry(Reading& c, const TenantScope& scope,
                                        const RegistryQuery& q) {
  if (c.dialect() == Dialect::Postgresql)
    return registry_words::searchRegistryPostgres(c, scope, q);
  const std::string numberText = q.number.value_or("");
  const std::string words = q.text.value_or("");
  const auto match = registryMatchOf(numberText, words);
  // Words asked that hold nothing to search for (only quotes or operators) find nothing, rather
  // than everything.
  if ((!numberText.empty() || !words.empty()) && !match) return {};

  std::vector<registry_words::SearchParam> params;
  auto filters = [&] { return registry_words::registryFilters(scope, q, params); };
  // Numbers of our own, not the person's text.
  const std::string page = " LIMIT " + std::to_string(std::clamp(q.limit, 0, 1000)) + " OFFSET " +
                           std::to_string(std::max<std::int64_t>(q.offset, 0));

  std::string sql;
  bool ranked = false;
  if (!match) {
    sql = std::string(kRegistryColumns) + kRegistryFrom + "WHERE " + filters() +
          " ORDER BY r.year DESC, r.seq DESC, r.id DESC" + page;
  } else {
    // Counted no further than the decision needs: a word in most protocols would otherwise be
    // counted in each of them.
    auto count = c.prepare(
        "SELECT count(*) FROM (SELECT 1 FROM registry_search WHERE registry_search MATCH ?1 "
        "LIMIT ?2)");
    count.bindAll(*match, std::int64_t{std::max(q.rankAtMost, 0)} + 1);
    ranked = count.step() && count.int64(0) <= q.rankAtMost;
    // FTS5 drives the join, so the filters and the tenant scope are applied to each protocol
    // found before anything is computed for it: bm25 only for the rows the reader may see.
    params.push_back(*match);
    // In rowid order nothing is sorted: the snippet is cut for the page's rows alone (not for
    // those OFFSET skips), by the statement that finds them.
    sql = std::string(kRegistryColumns) + (ranked ? "" : std::string(", ") + kSnippet + " ") +
          fromSearchFirst() + "WHERE registry_search MATCH ? AND ";
    sql += filters();
    if (ranked) {
      // A protocol whose number has the words comes before one that only mentions them: bm25
      // alone would not say so where a number's parts are common (every number of a year has
      // "2026").
      params.push_back(numberOnlyMatchOf(numberText, words));
      sql +=
          " ORDER BY registry_search.rowid IN (SELECT rowid FROM registry_search WHERE "
          "registry_search MATCH ?) DESC, bm25(registry_search, 10.0, 4.0, 4.0, 2.0, 1.0), "
          "r.year DESC, r.seq DESC, r.id DESC" +
          page;
    } else {
      sql += " ORDER BY registry_search.rowid DESC" + page;
    }
  }
  auto s = c.prepare(sql);
  registry_words::bindParams(s, params);
  std::vector<RegistryHit> out;
  while (s.step()) out.push_back({readRegistry(s), match && !ranked ? s.text(16) : std::string()});
  if (ranked) cutSnippets(c, *match, out);
  return out;
}

std::int64_t countRegistry(Reading& c, const TenantScope& scope, const RegistryQuery& q) {
  if (c.dialect() == Dialect::Postgresql) return registry_words::countRegistryPostgres(c, scope, q);
  const std::string numberText = q.number.value_or("");
  const std::string words = q.text.value_or("");
  const auto match = registryMatchOf(numberText, words);
  if ((!numberText.empty() || !words.empty()) && !match) return 0;
  std::vector<registry_words::SearchParam> params;
  std::string sql;
  if (!match) {
    sql = std::string("SELECT COUNT(*) ") + kRegistryFrom + "WHERE " +
          registry_words::registryFilters(scope, q, params);
  } else {
    params.push_back(*match);
    sql = "SELECT COUNT(*) " + fromSearchFirst() + "WHERE registry_search MATCH ? AND ";
    sql += registry_words::registryFilters(scope, q, params);
  }
  auto s = c.prepare(sql);
  registry_words::bindParams(s, params);
  return s.step() ? s.int64(0) : 0;
}

std::vector<SnippetPart> snippetParts(std::string_view snippet) {
  std::vector<SnippetPart> parts;
  SnippetPart current;
  for (char ch : snippet) {
    if (ch == kHitStart || ch == kHitEnd) {
      if (!current.text.empty()) parts.push_back(current);
      current = {{}, ch == kHitStart};
    } else {
      current.text += ch;
    }
  }
  if (!current.text.empty()) parts.push_back(current);
  return parts;
}

}  // namespace sv::store
