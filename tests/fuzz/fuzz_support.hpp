// What the libFuzzer targets share: the input as text, and a check whose failure is a finding.
// A target returns normally for every input the parser refuses (an error value is the parser
// doing its job); it aborts only when an invariant of ours breaks, and libFuzzer then keeps the
// input that broke it. Uncaught exceptions, sanitizer reports and timeouts are findings too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace sv::fuzz {

inline std::string_view textOf(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Not assert(): the targets are built with NDEBUG like the server, and the check must hold there.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// The input cut at its first NUL into two parts: a header (a content type, a name) and the rest.
inline std::pair<std::string, std::string> splitAtNul(std::string_view text) {
  const auto nul = text.find('\0');
  if (nul == std::string_view::npos) return {std::string(), std::string(text)};
  return {std::string(text.substr(0, nul)), std::string(text.substr(nul + 1))};
}

}  // namespace sv::fuzz
