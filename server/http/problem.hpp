// The one place that turns an error into an HTTP answer (application/problem+json, RFC 9457).
// Domain errors arrive as sv::Error; errors of the HTTP frame itself (no such route, wrong method,
// body too large, wrong media type) as FrameError. No other code writes an error body.
#pragma once

#include <string>
#include <vector>

#include "server/http/reply.hpp"
#include "workflows/result.hpp"

namespace sv::http {

enum class FrameError {
  NoRoute,
  MethodNotAllowed,
  BodyTooLarge,
  UnsupportedMediaType,
  CsrfMissing,
  PreconditionRequired,
  // The listener's own answers before it closes a connection (listener.hpp).
  RequestTimeout,  // 408: the head or the body did not arrive within its deadline
  HeadTooLarge,    // 431
  Busy,            // 503: every worker busy and the queue full
  // 503: the store cannot reach its database now (sv::Unavailable); the request changed nothing.
  Unavailable,
};

int statusOf(Errc code);

Reply problem(const Error& error, const std::string& instance);
// With extension members (RFC 9457 §3.2), e.g. the two texts of a conflicting save.
Reply problem(const Error& error, const std::string& instance,
              const Poco::JSON::Object& extensions);
Reply problem(FrameError error, const std::string& instance, const std::string& detail = {});
// A 500 that says nothing of the cause; the cause goes to the log only.
Reply internalProblem(const std::string& instance);

}  // namespace sv::http
