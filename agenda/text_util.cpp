#include "agenda/text_util.hpp"

namespace sv::agenda {

bool isKey(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace sv::agenda
