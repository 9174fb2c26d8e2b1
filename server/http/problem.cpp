#include "server/http/problem.hpp"

namespace sv::http {
namespace {

struct Kind {
  int status;
  const char* slug;
  const char* title;
};

Kind kindOf(Errc code) {
  switch (code) {
    case Errc::Malformed:
      return {400, "malformed", "The request could not be read"};
    case Errc::Unauthenticated:
      return {401, "unauthenticated", "Login required"};
    case Errc::Forbidden:
      return {403, "forbidden", "Not allowed"};
    case Errc::NotFound:
      return {404, "not-found", "Not found"};
    case Errc::Conflict:
      return {409, "conflict", "Conflict with the current state"};
    case Errc::Invalid:
      return {422, "invalid", "The request breaks a rule"};
    case Errc::Throttled:
      return {429, "throttled", "Too many attempts"};
    case Errc::Internal:
      break;
  }
  return {500, "internal", "Internal error"};
}

Reply build(const Kind& kind, const std::string& detail, const std::string& instance,
            const std::string& field, std::string_view reason = {},
            const Poco::JSON::Object* extensions = nullptr) {
  auto body = orderedObject();
  body.set("type", std::string("https://samverkan.se/problems/") + kind.slug);
  body.set("title", kind.title);
  body.set("status", kind.status);
  if (!detail.empty()) body.set("detail", detail);
  if (!instance.empty()) body.set("instance", instance);
  if (!field.empty()) body.set("field", field);
  if (!reason.empty()) body.set("reason", std::string(reason));
  if (extensions)
    for (const auto& name : extensions->getNames()) body.set(name, extensions->get(name));
  Reply reply = Reply::json(body, kind.status);
  reply.contentType = "application/problem+json";
  return reply;
}

}  // namespace

int statusOf(Errc code) {
  return kindOf(code).status;
}

Reply problem(const Error& error, const std::string& instance) {
  const Kind kind = kindOf(error.code);
  // The detail of an internal error may name files or SQL; it is logged, never sent.
  const std::string detail = error.code == Errc::Internal ? std::string() : error.detail;
  Reply reply = build(kind, detail, instance, error.field, reasonName(error.reason));
  if (error.code == Errc::Unauthenticated) {
    // Basic as well, so that git (and curl) send a token as the password of a clone URL.
    reply.header("WWW-Authenticate", "Bearer");
    reply.header("WWW-Authenticate", "Basic realm=\"samverkan\"");
  }
  if (error.code == Errc::Throttled) reply.header("Retry-After", "900");
  return reply;
}

Reply problem(const Error& error, const std::string& instance,
              const Poco::JSON::Object& extensions) {
  const Kind kind = kindOf(error.code);
  return build(kind, error.code == Errc::Internal ? std::string() : error.detail, instance,
               error.field, reasonName(error.reason), &extensions);
}

Reply problem(FrameError error, const std::string& instance, const std::string& detail) {
  switch (error) {
    case FrameError::NoRoute:
      return build({404, "not-found", "Not found"}, detail.empty() ? "no such resource" : detail,
                   instance, "");
    case FrameError::MethodNotAllowed:
      return build({405, "method-not-allowed", "Method not allowed"}, detail, instance, "");
    case FrameError::BodyTooLarge: {
      Reply r = build({413, "too-large", "Request body too large"}, detail, instance, "");
      r.closeConnection = true;  // the unread body must not be taken for the next request
      return r;
    }
    case FrameError::UnsupportedMediaType:
      return build({415, "unsupported-media-type", "Unsupported media type"}, detail, instance, "");
    case FrameError::PreconditionRequired:
      return build({428, "precondition-required", "If-Match required"}, detail, instance, "");
    case FrameError::CsrfMissing:
      return build({403, "csrf", "Missing or wrong CSRF token"}, detail, instance, "");
    case FrameError::RequestTimeout:
      return build({408, "request-timeout", "Request not received in time"}, detail, instance, "");
    case FrameError::HeadTooLarge:
      return build({431, "header-too-large", "Request header too large"}, detail, instance, "");
    case FrameError::Busy: {
      Reply r = build({503, "busy", "Server busy"}, detail, instance, "");
      r.header("Retry-After", "5");
      return r;
    }
    case FrameError::Unavailable: {
      Reply r =
          build({503, "unavailable", "Service unavailable"},
                detail.empty() ? "the database cannot be reached; nothing was changed" : detail,
                instance, "");
      r.header("Retry-After", "5");
      return r;
    }
  }
  return internalProblem(instance);
}

Reply internalProblem(const std::string& instance) {
  return build({500, "internal", "Internal error"}, "", instance, "");
}

}  // namespace sv::http
