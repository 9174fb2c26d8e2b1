// The provider's signing keys, kept by kid. A token naming a kid we do not hold makes one fetch
// of the JWKS (the provider has rotated its keys), but no more than one a minute: a stream of
// forged kids must not turn us into a load on the provider.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "server/oidc/id_token.hpp"
#include "server/oidc/jwk.hpp"
#include "workflows/clock.hpp"

namespace sv::oidc {

class KeyCache final : public KeySource {
 public:
  // `fetch` returns the JWKS document (from the provider's jwks_uri).
  using Fetch = std::function<Result<std::string>()>;
  KeyCache(Fetch fetch, const TimeSource& time,
           std::chrono::seconds minRefetch = std::chrono::seconds(60));

  // Errors: Unauthenticated/IdTokenUnknownKey (not in the JWKS, also after a fetch, or a fetch
  // not allowed yet), Internal (the first fetch failed), Malformed (the JWKS is not one).
  Result<Jwk> key(const std::string& kid) override;
  // How many times the JWKS was fetched: what the rotation tests count.
  int fetches() const;

 private:
  Fetch fetch_;
  const TimeSource& time_;
  std::chrono::seconds minRefetch_;
  mutable std::mutex mutex_;
  std::map<std::string, Jwk> keys_;
  std::optional<TimePoint> fetchedAt_;
  int fetches_ = 0;
};

}  // namespace sv::oidc
