// Internal: the short ids of observations ("o1"), actions ("a1") and decisions ("d1"). An id is
// its kind's letter and a positive number without leading zeros, unique in the document for its
// kind. New items get the next number above every id already used.
#pragma once

#include <string>
#include <string_view>

#include "minutes/minutes.hpp"

namespace sv::minutes::detail {

inline constexpr char kObservationPrefix = 'o';
inline constexpr char kActionPrefix = 'a';
inline constexpr char kDecisionPrefix = 'd';

// The number of a well-formed id of the kind, or 0 for any other string.
long idNumber(std::string_view id, char prefix);

std::string makeId(char prefix, long number);

// The highest number among the ids of the kind in `m` (0 if none).
long highestId(const Minutes& m, char prefix);

// Calls f(id) for every id of the kind in `section`, in order; `id` is a std::string reference,
// const when `section` is.
template <class S, class F>
void forEachId(S& section, char prefix, F f) {
  if (prefix == kObservationPrefix)
    for (auto& o : section.observations) f(o.id);
  if (prefix == kActionPrefix)
    for (auto& a : section.actions) f(a.id);
  if (prefix == kDecisionPrefix)
    for (auto& d : section.decisions) f(d.id);
}

}  // namespace sv::minutes::detail
