#include "minutes/ids.hpp"

#include <algorithm>
#include <charconv>

namespace sv::minutes::detail {

long idNumber(std::string_view id, char prefix) {
  // Nine digits at most, so the next number never overflows.
  if (id.size() < 2 || id.size() > 10 || id[0] != prefix || id[1] == '0') return 0;
  if (!std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  long number = 0;
  const auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), number);
  if (ec != std::errc{} || end != id.data() + id.size()) return 0;
  return number;
}

std::string makeId(char prefix, long number) {
  return prefix + std::to_string(number);
}

long highestId(const Minutes& m, char prefix) {
  long highest = 0;
  for (const Section& s : m.sections)
    forEachId(s, prefix,
              [&](const std::string& id) { highest = std::max(highest, idNumber(id, prefix)); });
  return highest;
}

}  // namespace sv::minutes::detail
