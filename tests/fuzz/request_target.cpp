// The request target decoder (server/http/target): the first thing read from every request,
// before any login. Any target gives a path and query or Malformed; never an exception.
#include "server/http/target.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string target(sv::fuzz::textOf(data, size));
  auto decoded = sv::http::decodeTarget(target);
  if (!decoded) return 0;
  if (target.starts_with('/') && target.find_first_of("?#%") == std::string::npos &&
      !target.starts_with("//"))
    sv::fuzz::require(decoded->path == target, "a plain path is its own path");
  return 0;
}
