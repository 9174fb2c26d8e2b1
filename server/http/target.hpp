// The request target ("/api/v1/actions?contract=3&limit=50") as the path and query parameters
// the router and handlers read, percent-decoded. Separate from the dispatcher so that the
// decoder of what every client sends, logged in or not, can be fuzzed on its own (tests/fuzz).
#pragma once

#include <map>
#include <string>

#include "workflows/result.hpp"

namespace sv::http {

struct Target {
  std::string path;
  std::multimap<std::string, std::string> query;
};

// Errc::Malformed when an escape is broken ("%zz", "%4") or the target is not a URI reference.
// A plain path (no '?', '#' or '%') is taken as it is, without Poco::URI's allocations.
Result<Target> decodeTarget(const std::string& target);

}  // namespace sv::http
