#include "minutes/registry_number.hpp"

#include <cstdio>

#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

struct FormatField {
  bool year = false;
  int width = 0;  // for {seq:0N}; 0 for plain {seq}
};

// Reads the field that starts at `open` ('{'); returns its end or npos when unknown.
std::size_t readField(std::string_view p, std::size_t open, FormatField& out) {
  const auto close = p.find('}', open);
  if (close == std::string_view::npos) return close;
  const auto name = p.substr(open + 1, close - open - 1);
  if (name == "year") {
    out = {true, 0};
  } else if (name == "seq") {
    out = {false, 0};
  } else if (name.size() == 6 && name.starts_with("seq:0") && name[5] >= '1' && name[5] <= '9') {
    out = {false, name[5] - '0'};
  } else {
    return std::string_view::npos;
  }
  return close;
}

}  // namespace

Result<RegistryFormat> RegistryFormat::parse(std::string_view pattern) {
  if (pattern.empty() || pattern.size() > 100)
    return fail(Errc::Invalid, "a registry number format is 1-100 characters");
  bool hasSeq = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '}')
      return fail(Errc::Invalid, "unmatched '}' in '" + std::string(pattern) + "'");
    if (pattern[i] != '{') continue;
    FormatField ph;
    const auto end = readField(pattern, i, ph);
    if (end == std::string_view::npos)
      return fail(Errc::Invalid,
                  "unknown field in '" + std::string(pattern) + "': use {year}, {seq} or {seq:04}");
    hasSeq = hasSeq || !ph.year;
    i = end;
  }
  if (!hasSeq) return fail(Errc::Invalid, text::quoted(pattern) + " has no {seq}");
  RegistryFormat f;
  f.pattern_ = std::string(pattern);
  return f;
}

std::string RegistryFormat::format(int year, int seq) const {
  std::string out;
  for (std::size_t i = 0; i < pattern_.size(); ++i) {
    if (pattern_[i] != '{') {
      out += pattern_[i];
      continue;
    }
    FormatField ph;
    const auto end = readField(pattern_, i, ph);
    char buf[32];
    if (ph.year)
      std::snprintf(buf, sizeof buf, "%d", year);
    else
      std::snprintf(buf, sizeof buf, "%0*d", ph.width, seq);
    out += buf;
    i = end;
  }
  return out;
}

std::string tagNameOf(std::string_view registryNumber) {
  std::string out;
  for (char c : registryNumber) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_';
    out += plain ? c : '-';
  }
  // "--" becomes "-" by erasing one dash: replace() with a one-character literal trips GCC 12's
  // false -Wrestrict in Release (GCC bug 105329).
  for (auto at = out.find("--"); at != std::string::npos; at = out.find("--")) out.erase(at, 1);
  while (!out.empty() && (out.front() == '-' || out.front() == '.')) out.erase(0, 1);
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out.empty() ? "registered" : out;
}

}  // namespace sv::minutes
