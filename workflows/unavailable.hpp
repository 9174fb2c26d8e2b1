// A dependency the server cannot work without (the metadata database on another machine) cannot
// be reached at this moment. Unlike the domain's failures this one is thrown, not returned: like
// a full disk it can come from any statement of any use case, and no use case can do anything
// about it but stop. What caught it answers 503 with Retry-After (server/http, server/web): the
// request changed nothing, and the same request may succeed a moment later, once the store has
// connected again.
//
// A marker beside the thrower's own exception type (the store's DatabaseError), not an exception
// class of its own, so that the thrown object stays one std::exception and code that catches
// std::exception (background jobs that log and go on) still catches it.
#pragma once

#include <exception>

namespace sv {

class Unavailable {
 public:
  virtual ~Unavailable() = default;

 protected:
  Unavailable() = default;
  Unavailable(const Unavailable&) = default;
  Unavailable& operator=(const Unavailable&) = default;
};

// What the thrower said, for the log: its std::exception's what().
inline const char* whatOf(const Unavailable& e) {
  const auto* error = dynamic_cast<const std::exception*>(&e);
  return error ? error->what() : "a dependency is unavailable";
}

}  // namespace sv
