#include "server/http/target.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace sv::http {
namespace {

// A request target that is a path and nothing else: no query, no fragment, no escapes, and not
// "//…", which Poco::URI reads as an authority. Its path is the target itself.
bool isPlainPath(const std::string& target) {
  return target.starts_with('/') && !target.starts_with("//") &&
         target.find_first_of("?#%") == std::string::npos;
}

}  // namespace

Result<Target> decodeTarget(const std::string& target) {
  Target out;
  if (isPlainPath(target)) {
    out.path = target;  // what Poco::URI would decode it to
    return out;
  }
  // Poco reports a broken escape or a malformed URI with a SyntaxException; any other Poco
  // exception here would be a fault of ours and is left to the frame's 500.
  try {
    Poco::URI uri(target);
    out.path = uri.getPath();
    for (const auto& [k, v] : uri.getQueryParameters()) out.query.emplace(k, v);
  } catch (const Poco::SyntaxException&) {
    return fail(Errc::Malformed, "the request target is not properly percent-encoded");
  }
  return out;
}

}  // namespace sv::http
