#include "server/http/request.hpp"

#include <charconv>

namespace sv::http {

std::optional<std::string> Request::header(const std::string& lowerName) const {
  auto it = headers.find(lowerName);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::queryValue(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Result<std::int64_t> Request::idParam(const std::string& name) const {
  auto it = pathParams.find(name);
  std::int64_t value = 0;
  if (it != pathParams.end()) {
    const auto& s = it->second;
    // One spelling per id: "0001" would name contract 1 under a second URL (caches, logs, audit).
    if (s.starts_with('0')) return fail(Errc::NotFound, "no such resource");
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc{} && p == s.data() + s.size() && value > 0) return value;
  }
  return fail(Errc::NotFound, "no such resource");
}

}  // namespace sv::http
