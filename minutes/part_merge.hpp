// Internal: the three-way merge of a document made of keyed parts (the minutes' sections, the
// follow-up report's areas), shared so that both documents merge by the same rule: a part changed
// (compared to base) on one side only is taken from that side, one changed identically on both
// sides is taken once, one changed differently on both sides is a conflict.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace sv::minutes::detail {

enum class Side { Theirs, Mine, Conflict };

// Which side a unit comes from; Theirs also when neither or both changed it alike.
template <class T>
Side pickSide(const T& base, const T& theirs, const T& mine) {
  if (mine == base || mine == theirs) return Side::Theirs;
  if (theirs == base) return Side::Mine;
  return Side::Conflict;
}

// The same parts, by key, in the same order: otherwise nothing can be merged part by part.
template <class Part, class KeyOf>
bool sameParts(const std::vector<Part>& a, const std::vector<Part>& b, KeyOf keyOf) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [&](const Part& x, const Part& y) { return keyOf(x) == keyOf(y); });
}

template <class Part>
struct PartsMerge {
  std::vector<Part> merged;              // theirs, with the parts only mine changed taken over
  std::vector<bool> fromMine;            // per part: taken from mine
  std::vector<std::size_t> conflicting;  // the indexes changed differently on both sides
};

// The parts of three versions with sameParts (the caller checks it first).
template <class Part>
PartsMerge<Part> mergeParts(const std::vector<Part>& base, const std::vector<Part>& theirs,
                            const std::vector<Part>& mine) {
  PartsMerge<Part> out{theirs, std::vector<bool>(theirs.size(), false), {}};
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    switch (pickSide(base[i], theirs[i], mine[i])) {
      case Side::Theirs:
        break;
      case Side::Mine:
        out.merged[i] = mine[i];
        out.fromMine[i] = true;
        break;
      case Side::Conflict:
        out.conflicting.push_back(i);
    }
  }
  return out;
}

}  // namespace sv::minutes::detail
