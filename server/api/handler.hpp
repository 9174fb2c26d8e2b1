// Small pieces that API handlers share.
#pragma once

#include <cstdint>
#include <utility>

#include "server/http/router.hpp"

namespace sv::api {

// A handler for a route with {id} in its path: a missing or malformed id is "not found" before
// `f` runs; `f` gets the id.
template <class F>
http::Handler withId(F f) {
  return [f = std::move(f)](http::Request& req) -> Result<http::Reply> {
    auto id = req.idParam("id");
    if (!id) return std::unexpected(id.error());
    return f(req, *id);
  };
}

}  // namespace sv::api
