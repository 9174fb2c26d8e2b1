#include "server/oidc/key_cache.hpp"

namespace sv::oidc {

KeyCache::KeyCache(Fetch fetch, const TimeSource& time, std::chrono::seconds minRefetch)
    : fetch_(std::move(fetch)), time_(time), minRefetch_(minRefetch) {}

Result<Jwk> KeyCache::key(const std::string& kid) {
  std::lock_guard lock(mutex_);
  if (auto found = keys_.find(kid); found != keys_.end()) return found->second;
  const auto now = time_.now();
  if (fetchedAt_ && now - *fetchedAt_ < minRefetch_)
    return fail(
        Errc::Unauthenticated, Reason::IdTokenUnknownKey,
        "ID token refused: unknown kid '" + kid + "' (keys fetched less than a minute ago)");
  // Counted before the fetch: a failing provider is asked once a minute too.
  fetchedAt_ = now;
  ++fetches_;
  auto document = fetch_();
  if (!document) return std::unexpected(document.error());
  auto keys = parseJwks(*document);
  if (!keys) return std::unexpected(keys.error());
  keys_ = std::move(*keys);
  if (auto found = keys_.find(kid); found != keys_.end()) return found->second;
  return fail(Errc::Unauthenticated, Reason::IdTokenUnknownKey,
              "ID token refused: kid '" + kid + "' is not in the provider's keys");
}

int KeyCache::fetches() const {
  std::lock_guard lock(mutex_);
  return fetches_;
}

}  // namespace sv::oidc
