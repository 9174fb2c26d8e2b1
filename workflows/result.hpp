// The shared vocabulary of the domain: errors as values. Every domain function returns
// Result<T>; the HTTP edge (server/http/problem.cpp) is the only place that maps Errc to a status.
#pragma once

#include <expected>
#include <string>
#include <utility>

namespace sv {

enum class Errc {
  Invalid,          // the input breaks a rule; `field` names the part that is wrong
  Malformed,        // the input cannot be read at all (syntax, wrong type)
  NotFound,         // no such object, or not one the caller may know of
  Conflict,         // the object's state or version does not allow it now
  Forbidden,        // the caller is known but lacks the role
  Unauthenticated,  // no valid login
  Throttled,        // too many attempts; try later
  Internal,         // a broken invariant or a failing dependency; detail is for the log only
};

struct Error {
  Errc code;
  std::string detail;
  std::string field{};
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> needs a value to return on success.
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Errc code, std::string detail, std::string field = {}) {
  return std::unexpected(Error{code, std::move(detail), std::move(field)});
}

}  // namespace sv
