#include "minutes/word_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace sv::minutes {
namespace {

bool isSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Words and the whitespace between them, each its own token, so that a changed word does not drag
// its neighbours' spaces into the change. UTF-8 needs no care: spaces are ASCII.
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const bool space = isSpace(text[at]);
    std::size_t end = at + 1;
    while (end < text.size() && isSpace(text[end]) == space) ++end;
    out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

void append(std::vector<WordRun>& runs, WordChange change, std::string_view text) {
  if (text.empty()) return;
  if (!runs.empty() && runs.back().change == change)
    runs.back().text += text;
  else
    runs.push_back({change, std::string(text)});
}

bool onlySpace(std::string_view text) {
  for (const char c : text)
    if (!isSpace(c)) return false;
  return true;
}

// Orders each change as removed-then-added: between two unchanged runs, all removed text first.
// A space the two versions share between two changed words joins the change on both sides, so
// "för bemanningen i juli" reads as one added phrase, not four words.
std::vector<WordRun> grouped(const std::vector<WordRun>& runs) {
  std::vector<WordRun> out;
  std::string removed, added;
  const auto flush = [&] {
    append(out, WordChange::Removed, removed);
    append(out, WordChange::Added, added);
    removed.clear();
    added.clear();
  };
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const WordRun& r = runs[i];
    if (r.change == WordChange::Same && onlySpace(r.text) && !(removed.empty() && added.empty()) &&
        i + 1 < runs.size() && runs[i + 1].change != WordChange::Same) {
      removed += r.text;
      added += r.text;
    } else if (r.change == WordChange::Removed)
      removed += r.text;
    else if (r.change == WordChange::Added)
      added += r.text;
    else {
      flush();
      append(out, WordChange::Same, r.text);
    }
  }
  flush();
  return out;
}

}  // namespace

std::vector<WordRun> diffWords(std::string_view from, std::string_view to) {
  const auto a = tokens(from);
  const auto b = tokens(to);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;

  std::vector<WordRun> runs;
  for (std::size_t i = 0; i < prefix; ++i) append(runs, WordChange::Same, a[i]);

  const std::size_t n = a.size() - prefix - suffix;
  const std::size_t m = b.size() - prefix - suffix;
  if (n == 0 || m == 0 || (n + 1) * (m + 1) > kWordDiffCells) {
    for (std::size_t i = 0; i < n; ++i) append(runs, WordChange::Removed, a[prefix + i]);
    for (std::size_t j = 0; j < m; ++j) append(runs, WordChange::Added, b[prefix + j]);
  } else {
    // lcs[i][j]: the longest common subsequence of a's middle from i and b's middle from j.
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    const auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
      return lcs[i * (m + 1) + j];
    };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        append(runs, WordChange::Same, a[prefix + i]);
        ++i;
        ++j;
      } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
        append(runs, WordChange::Added, b[prefix + j]);
        ++j;
      } else {
        append(runs, WordChange::Removed, a[prefix + i]);
        ++i;
      }
    }
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) append(runs, WordChange::Same, a[i]);
  return grouped(runs);
}

}  // namespace sv::minutes
