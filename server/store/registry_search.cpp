#include "server/store/registry_search.hpp"

#include <algorithm>

#include "server/store/registry_rows.hpp"

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

// A word as an FTS5 string: in double quotes, a quote inside doubled. Nothing the person typed
// is read as an operator (AND, NEAR, *, -, ^, column names, parentheses).
std::string quoted(std::string_view word) {
  std::string out = "\"";
  for (char ch : word) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
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

std::optional<std::string> numberMatch(const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  std::vector<std::string> parts;
  for (const auto& w : words) parts.push_back(quoted(numberPart(w)));
  return "{number} : (" + joined(parts, " AND ") + ")";
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
  if (auto n = numberMatch(wordsOf(numberText, true))) clauses.push_back("(" + *n + ")");
  if (words.find('/') != std::string_view::npos) {
    if (auto n = numberMatch(wordsOf(words, true))) clauses.push_back("(" + *n + ")");
  } else if (const auto list = wordsOf(words, false); !list.empty()) {
    // Each word in the number, or as a prefix anywhere else; all the words in the same protocol.
    std::vector<std::string> prefixes;
    for (const auto& w : list) prefixes.push_back(quoted(w) + "*");
    clauses.push_back("((" + *numberMatch(list) +
                      ") OR ({contract provider meeting_year body} : (" +
                      joined(prefixes, " AND ") + ")))");
  }
  if (clauses.empty()) return std::nullopt;
  return joined(clauses, " AND ");
}

std::vector<RegistryHit> searchRegistry(Reading& c, const TenantScope& scope,
                                        const RegistryQuery& q) {
  const auto match = registryMatchOf(q.number.value_or(""), q.text.value_or(""));
  const bool asked = (q.number && !q.number->empty()) || (q.text && !q.text->empty());
  // Words asked that hold nothing to search for (only quotes or operators) find nothing, rather
  // than everything.
  if (asked && !match) return {};
  const auto f = scope.contracts("c");
  std::string sql = kRegistryColumns;
  if (match) {
    sql += ", snippet(registry_search, 4, char(2), char(3), '…', 24) ";
    sql += kRegistryFrom;
    sql += "JOIN registry_search ON registry_search.rowid = r.id WHERE registry_search MATCH ?1 ";
  } else {
    sql += ", '' ";
    sql += kRegistryFrom;
    sql += "WHERE ?1 IS NULL ";
  }
  sql +=
      "AND (?2 IS NULL OR r.contract_id = ?2) AND (?3 IS NULL OR r.year = ?3) "
      "AND (?4 IS NULL OR substr(m.starts_at, 1, 4) = ?4) AND " +
      f.sql;
  // A protocol whose number has the words comes before one that only mentions them: bm25 alone
  // would not say so where a number's parts are common (every number of a year has "2026").
  sql += match ? " ORDER BY instr(highlight(registry_search, 0, char(2), char(3)), char(2)) > 0 "
                 "DESC, bm25(registry_search, 10.0, 4.0, 4.0, 2.0, 1.0), r.year DESC, r.seq DESC"
               : " ORDER BY r.year DESC, r.seq DESC";
  // Numbers of our own, not the person's text: written into the statement, so the scope's `?`
  // placeholders (numbered after the ones before them) stay the last.
  sql += " LIMIT " + std::to_string(std::clamp(q.limit, 0, 1000)) + " OFFSET " +
         std::to_string(std::max(q.offset, 0));
  auto s = c.prepare(sql);
  s.bind(1, match);
  s.bind(2, q.contractId);
  if (q.year)
    s.bind(3, *q.year);
  else
    s.bind(3, std::nullopt);
  if (q.meetingYear)
    s.bind(4, std::to_string(*q.meetingYear));
  else
    s.bind(4, std::nullopt);
  int index = 5;
  for (auto p : f.params) s.bind(index++, p);
  std::vector<RegistryHit> out;
  while (s.step()) out.push_back({readRegistry(s), s.text(16)});
  return out;
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
