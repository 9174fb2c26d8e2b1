// Registry numbers (diarienummer) from an authority's format, e.g. "SDN {year}/{seq:04}" gives
// "SDN 2026/0042". The sequence itself is kept by the store, per authority and year.
#pragma once

#include <string>
#include <string_view>

#include "workflows/result.hpp"

namespace sv::minutes {

class RegistryFormat {
 public:
  // Fields: {year}, {seq} and {seq:0N} (zero-padded to N digits); {seq} must appear.
  static Result<RegistryFormat> parse(std::string_view pattern);
  std::string format(int year, int seq) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
};

// A registry number as a git tag name: "SDN 2026/0042" -> "SDN-2026-0042".
std::string tagNameOf(std::string_view registryNumber);

}  // namespace sv::minutes
