// Which words of a text were added and removed between two versions, for the diff a person reads
// ("Se ändringarna rad för rad"): the notes of a § and the text of an item, compared word by word
// rather than line by line, because one edited word in a long paragraph is what a reviewer looks
// for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sv::minutes {

enum class WordChange { Same, Added, Removed };

// A run of text that is the same in both versions, only in the new one or only in the old one.
// Whitespace is kept as written, so the runs joined (Same + Added) give the new text and
// (Same + Removed) the old one.
struct WordRun {
  WordChange change = WordChange::Same;
  std::string text;
  bool operator==(const WordRun&) const = default;
};

// The texts split into words and whitespace and compared by longest common subsequence, after the
// common beginning and end are set aside. Runs of the same kind are joined; at a change the removed
// run comes before the added one. Empty when both texts are empty. When the differing middle is
// too large to compare word by word (more than kWordDiffCells token pairs), it is shown as removed
// and added whole, so a hostile input costs linear time and bounded memory.
std::vector<WordRun> diffWords(std::string_view from, std::string_view to);

inline constexpr std::size_t kWordDiffCells = 4'000'000;

}  // namespace sv::minutes
