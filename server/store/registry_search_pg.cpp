// The register's search on PostgreSQL (DESIGN.md "Scale"; registry_words.hpp).
#include <algorithm>
#include <utility>

#include "server/store/registry_rows.hpp"
#include "server/store/registry_words.hpp"

namespace sv::store::registry_words {
namespace {

// PostgreSQL (DESIGN.md "Scale"): the same search over the registry_search table's two text
// search vectors (the schema's number_words, of the number alone, and other_words, of the
// contract, provider, meeting year and text, weighted B, B, C and D as bm25's columns are here).
// The schema reads every run of ASCII punctuation and space as a break between words, as FTS5's
// unicode61 does; a person's word is cut the same way, and its pieces follow one another (a
// phrase, as FTS5 reads a quoted word of several tokens). Each piece is a quoted lexeme, so that
// nothing typed is read as tsquery syntax.
std::string tsLexeme(std::string_view piece, bool prefix) {
  std::string out = "'";
  for (char ch : piece) {
    if (ch == '\'' || ch == '\\') out += ch;
    out += ch;
  }
  return out + (prefix ? "':*" : "'");
}

bool breaksWords(char ch) {
  const auto u = static_cast<unsigned char>(ch);
  return u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
}

// One word as a tsquery: its pieces as a phrase, the last one a prefix when asked.
std::string tsWord(std::string_view word, bool prefix, bool asNumber) {
  std::vector<std::string> pieces;
  std::string piece;
  for (char ch : word) {
    if (!breaksWords(ch)) {
      piece += ch;
    } else if (!piece.empty()) {
      pieces.push_back(std::exchange(piece, {}));
    }
  }
  if (!piece.empty()) pieces.push_back(piece);
  std::vector<std::string> lexemes;
  for (std::size_t i = 0; i < pieces.size(); ++i)
    lexemes.push_back(
        tsLexeme(asNumber ? numberPart(pieces[i]) : pieces[i], prefix && i + 1 == pieces.size()));
  return lexemes.size() == 1 ? lexemes.front() : "(" + joined(lexemes, " <-> ") + ")";
}

std::string tsAll(const std::vector<std::string>& words, bool prefix, bool asNumber,
                  const char* separator = " & ") {
  std::vector<std::string> lexemes;
  for (const auto& w : words) lexemes.push_back(tsWord(w, prefix, asNumber));
  return joined(lexemes, separator);
}

// The condition on registry_search for the person's query (registryMatchOf's, clause for clause),
// its tsquery texts appended to `params`; nothing when the query holds no word.
std::optional<std::string> pgMatchOf(std::string_view numberText, std::string_view words,
                                     std::vector<std::string>& params) {
  std::vector<std::string> clauses;
  auto number = [&](const std::vector<std::string>& list) {
    params.push_back(tsAll(list, false, true));
    return std::string("registry_search.number_words @@ to_tsquery('simple', ?)");
  };
  if (const auto list = wordsOf(numberText, true); !list.empty()) clauses.push_back(number(list));
  if (words.find('/') != std::string_view::npos) {
    if (const auto list = wordsOf(words, true); !list.empty()) clauses.push_back(number(list));
  } else if (const auto list = wordsOf(words, false); !list.empty()) {
    std::string either = "(" + number(list) + " OR ";
    params.push_back(tsAll(list, true, false));
    clauses.push_back(either + "registry_search.other_words @@ to_tsquery('simple', ?))");
  }
  if (clauses.empty()) return std::nullopt;
  return "(" + joined(clauses, " AND ") + ")";
}

// The FROM of the search on PostgreSQL: registry_search joined to the register's own FROM.
std::string pgFrom() {
  const std::string from = kRegistryFrom;
  const std::string head = "FROM registry r ";
  return "FROM registry_search JOIN registry r ON r.id = registry_search.rowid " +
         from.substr(from.find(head) + head.size());
}

// The person's words in the text field, cut as FTS5 cuts them (a word with a slash is a number's).
std::vector<std::string> textWordsOf(std::string_view words) {
  return wordsOf(words, words.find('/') != std::string_view::npos);
}

// Any of the person's words, number's and text's, as prefixes: what the rank and the snippets
// look for.
std::string anyWordOf(std::string_view numberText, std::string_view words) {
  std::vector<std::string> all = wordsOf(numberText, true);
  for (auto& w : textWordsOf(words)) all.push_back(std::move(w));
  return tsAll(all, true, false, " | ");
}

// ts_headline of the page's rows: the words found between kHitStart and kHitEnd, about as many
// words around them as FTS5's snippet gives.
void pgSnippets(Reading& c, const std::string& anyWord, std::vector<RegistryHit>& page) {
  if (page.empty()) return;
  std::string ids = "{";
  for (const auto& hit : page) ids += (ids.size() > 1 ? "," : "") + std::to_string(hit.row.id);
  ids += "}";
  auto s = c.prepare(
      "SELECT rowid, ts_headline('simple', body, to_tsquery('simple', ?1), ?2) "
      "FROM registry_search WHERE rowid = ANY(CAST(?3 AS BIGINT[]))");
  s.bindAll(anyWord,
            std::string("StartSel=") + kHitStart + ", StopSel=" + kHitEnd +
                ", MaxWords=24, MinWords=12, ShortWord=0",
            ids);
  takeSnippets(s, page);
}

}  // namespace

std::vector<RegistryHit> searchRegistryPostgres(Reading& c, const TenantScope& scope,
                                                const RegistryQuery& q) {
  const std::string numberText = q.number.value_or("");
  const std::string words = q.text.value_or("");
  std::vector<std::string> matchParams;
  const auto match = pgMatchOf(numberText, words, matchParams);
  if ((!numberText.empty() || !words.empty()) && !match) return {};
  const std::string anyWord = match ? anyWordOf(numberText, words) : std::string();
  std::vector<SearchParam> params;
  const std::string page = " LIMIT " + std::to_string(std::clamp(q.limit, 0, 1000)) + " OFFSET " +
                           std::to_string(std::max<std::int64_t>(q.offset, 0));
  std::string sql;
  if (!match) {
    sql = std::string(kRegistryColumns) + kRegistryFrom + "WHERE " +
          registryFilters(scope, q, params) + " ORDER BY r.year DESC, r.seq DESC, r.id DESC" + page;
  } else {
    auto count = c.prepare("SELECT count(*) FROM (SELECT 1 FROM registry_search WHERE " + *match +
                           " LIMIT ?) AS found");
    int index = 1;
    for (const auto& p : matchParams) count.bind(index++, p);
    count.bind(index, std::int64_t{std::max(q.rankAtMost, 0)} + 1);
    const bool ranked = count.step() && count.int64(0) <= q.rankAtMost;
    for (const auto& p : matchParams) params.emplace_back(p);
    sql = std::string(kRegistryColumns) + pgFrom() + "WHERE " + *match + " AND ";
    sql += registryFilters(scope, q, params);
    if (ranked) {
      // As on SQLite: those whose number has the words first, then the rank (bm25's weights as
      // ts_rank's D, C, B, A), then the latest.
      std::vector<std::string> numberParams;
      std::vector<std::string> numberClauses;
      for (const auto& list : {wordsOf(numberText, true), textWordsOf(words)}) {
        if (list.empty()) continue;
        numberParams.push_back(tsAll(list, false, true));
        numberClauses.push_back("registry_search.number_words @@ to_tsquery('simple', ?)");
      }
      const std::string numberFirst =
          numberClauses.empty() ? "FALSE" : "(" + joined(numberClauses, " AND ") + ")";
      for (const auto& p : numberParams) params.emplace_back(p);
      params.emplace_back(anyWord);
      sql += " ORDER BY " + numberFirst +
             " DESC, ts_rank('{0.1, 0.2, 0.4, 1.0}', setweight(registry_search.number_words, "
             "'A') || registry_search.other_words, to_tsquery('simple', ?)) DESC, r.year DESC, "
             "r.seq DESC, r.id DESC" +
             page;
    } else {
      sql += " ORDER BY registry_search.rowid DESC" + page;
    }
  }
  auto s = c.prepare(sql);
  bindParams(s, params);
  std::vector<RegistryHit> out;
  while (s.step()) out.push_back({readRegistry(s), std::string()});
  if (match) pgSnippets(c, anyWord, out);
  return out;
}

std::int64_t countRegistryPostgres(Reading& c, const TenantScope& scope, const RegistryQuery& q) {
  const std::string numberText = q.number.value_or("");
  const std::string words = q.text.value_or("");
  std::vector<std::string> matchParams;
  const auto match = pgMatchOf(numberText, words, matchParams);
  if ((!numberText.empty() || !words.empty()) && !match) return 0;
  std::vector<SearchParam> params;
  std::string sql;
  if (!match) {
    sql = std::string("SELECT COUNT(*) ") + kRegistryFrom + "WHERE " +
          registryFilters(scope, q, params);
  } else {
    for (const auto& p : matchParams) params.emplace_back(p);
    sql = "SELECT COUNT(*) " + pgFrom() + "WHERE " + *match + " AND ";
    sql += registryFilters(scope, q, params);
  }
  auto s = c.prepare(sql);
  bindParams(s, params);
  return s.step() ? s.int64(0) : 0;
}

}  // namespace sv::store::registry_words
