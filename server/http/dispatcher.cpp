#include "server/http/dispatcher.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <chrono>
#include <istream>
#include <sstream>

#include "server/http/compress.hpp"
#include "server/http/form_body.hpp"
#include "server/http/multipart.hpp"
#include "server/http/problem.hpp"
#include "server/http/target.hpp"
#include "workflows/unavailable.hpp"

namespace sv::http {
namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

std::string lower(std::string s) {
  std::ranges::transform(s, s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return s;
}

bool isUnsafe(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// A browser asking for a page (not the API): its 404 is a page a person can read.
bool wantsPage(const Request& request) {
  return !request.path.starts_with("/api/") &&
         request.header("accept").value_or("").find("text/html") != std::string::npos;
}

std::string passwordOfBasic(const std::string& encoded) {
  std::istringstream in(encoded);
  Poco::Base64Decoder decoder(in);
  std::string decoded;
  char c;
  while (decoded.size() < 1024 && decoder.get(c)) decoded += c;
  const auto colon = decoded.find(':');
  return colon == std::string::npos ? std::string() : decoded.substr(colon + 1);
}

}  // namespace

// Added, not set: the response has none of these yet, and set() would first search every header
// for each of them. A reply's own header of the same name replaces it afterwards (write()).
void applySecurityHeaders(Poco::Net::HTTPResponse& response) {
  response.add("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  response.add("X-Content-Type-Options", "nosniff");
  response.add("Referrer-Policy", "same-origin");
  response.add("X-Frame-Options", "DENY");
  response.add("Cross-Origin-Opener-Policy", "same-origin");
  response.add("Cache-Control", "no-store");
}

namespace {

class Dispatcher final : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatcher(const Router& router, Authenticator& authenticator, const HttpSettings& settings,
             Poco::Logger& log)
      : router_(router), authenticator_(authenticator), settings_(settings), log_(log) {}

  void handleRequest(HTTPServerRequest& in, HTTPServerResponse& out) override {
    // The log line is the only reader of the clock and of the client's address.
    const bool logged = log_.information();
    const auto started =
        logged ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    Request request;
    std::string user = "-";
    Reply reply;
    try {
      reply = dispatch(in, request);
      if (request.session) user = request.session->principal().username;
    } catch (const Unavailable& e) {  // before std::exception: the store's error is both
      log_.error("unavailable on %s %s: %s", in.getMethod(), request.path, std::string(whatOf(e)));
      reply = router_.pageErrors() && wantsPage(request)
                  ? router_.pageErrors()(request, 503)
                  : problem(FrameError::Unavailable, request.path);
    } catch (const std::exception& e) {
      log_.error("unhandled error on %s %s: %s", in.getMethod(), request.path,
                 std::string(e.what()));
      reply = internalProblem(request.path);
    } catch (...) {
      log_.error("unhandled non-standard exception on %s %s", in.getMethod(), request.path);
      reply = internalProblem(request.path);
    }
    // A body answered before it was read (no route, 405, 401 …) must not be taken for the next
    // request on the connection.
    if ((in.getContentLength64() > 0 || in.getChunkedTransferEncoding()) && !in.stream().eof())
      reply.closeConnection = true;
    const std::size_t bytes = write(in, out, reply);
    if (logged) {
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      Poco::JSON::Object line(Poco::JSON_PRESERVE_KEY_ORDER);
      line.set("method", in.getMethod());
      line.set("path", request.path);
      line.set("status", reply.status);
      line.set("ms", static_cast<double>(micros) / 1000.0);
      line.set("bytes", bytes);
      line.set("user", user);
      line.set("remote", in.clientAddress().host().toString());
      std::ostringstream text;
      line.stringify(text);
      log_.information(text.str());
    }
  }

 private:
  Reply dispatch(HTTPServerRequest& in, Request& request) {
    request.method = in.getMethod();
    const std::string& target = in.getURI();
    // A broken escape ("%zz") is the client's mistake, not ours: 400 before any route runs.
    auto decoded = decodeTarget(target);
    if (!decoded) {
      Reply refused = problem(decoded.error(), "");
      refused.closeConnection = true;  // its body, unread, must not be taken for a request
      return refused;
    }
    request.path = std::move(decoded->path);
    request.query = std::move(decoded->query);
    for (const auto& [k, v] : in) request.headers[lower(k)] = v;
    const std::string type = lower(in.getContentType());
    request.contentType = type.substr(0, type.find(';'));
    while (!request.contentType.empty() && request.contentType.back() == ' ')
      request.contentType.pop_back();

    // The limit (the route's own, or the frame's) is checked before a byte of the body is read.
    const RouteMatch match = router_.match(request.method, request.path);
    const std::size_t limit = match.route && match.route->maxBodyBytes ? *match.route->maxBodyBytes
                                                                       : settings_.maxBodyBytes;
    const auto declared = in.getContentLength64();
    if (declared != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH &&
        static_cast<std::uint64_t>(declared) > limit) {
      if (match.route && match.route->page && router_.pageErrors()) {
        Reply page = router_.pageErrors()(request, 413);
        page.closeConnection = true;  // the unread body must not be taken for the next request
        return page;
      }
      return problem(FrameError::BodyTooLarge, request.path,
                     "the limit is " + std::to_string(limit) + " bytes");
    }

    if (!match.route) {
      if (!match.allowedMethods.empty()) {
        std::string allow;
        for (const auto& m : match.allowedMethods) allow += (allow.empty() ? "" : ", ") + m;
        Reply r = problem(FrameError::MethodNotAllowed, request.path,
                          request.method + " is not allowed here; use " + allow);
        r.header("Allow", allow);
        return r;
      }
      if (router_.pageErrors() && wantsPage(request)) {
        bool viaCookie = false;
        authenticate(in, request, viaCookie);  // so that the page shows who is logged in
        return router_.pageErrors()(request, 404);
      }
      return problem(FrameError::NoRoute, request.path);
    }
    request.pathParams = match.params;

    if (declared > 0 || in.getChunkedTransferEncoding()) {
      bool ended = false;  // before its Content-Length: a broken request, never half an upload
      BodyRead read = BodyRead::Whole;
      try {
        read = readBody(in, request.body, limit);
      } catch (const Poco::TimeoutException&) {
        read = BodyRead::Late;
      } catch (const Poco::Exception&) {
        ended = true;  // Poco reports a fixed-length body cut short as an unexpected end
      }
      if (read == BodyRead::TooLarge)
        return problem(FrameError::BodyTooLarge, request.path,
                       "the limit is " + std::to_string(limit) + " bytes");
      if (read == BodyRead::Late) {
        Reply late = problem(
            FrameError::RequestTimeout, request.path,
            "the body did not arrive in time: " + std::to_string(settings_.bodyTimeout.count()) +
                " seconds in all, and no pause longer than a single read may wait");
        late.closeConnection = true;  // the rest of the body must not be taken for a request
        return late;
      }
      if (ended || (declared > 0 && request.body.size() != static_cast<std::uint64_t>(declared)))
        return problem(
            Error{Errc::Malformed, Reason::None, "the body ended before its Content-Length"},
            request.path);
    }

    const Route& route = *match.route;
    bool viaCookie = false;
    if (auto failed = authenticate(in, request, viaCookie);
        failed && route.access == Access::LoggedIn)
      return problem(*failed, request.path);
    if (viaCookie && isUnsafe(request.method) && !route.secretInPath && !csrfOk(request)) {
      if (route.page && router_.pageErrors()) return router_.pageErrors()(request, 403);
      return problem(FrameError::CsrfMissing, request.path,
                     "send the session's CSRF token in the X-CSRF-Token header");
    }

    if (!route.doc.requestSchema.empty() && !request.body.empty() &&
        request.contentType != route.doc.requestType)
      return problem(FrameError::UnsupportedMediaType, request.path,
                     "send the body as " + route.doc.requestType);

    Result<Reply> result = route.handler(request);
    if (!result) return problem(result.error(), request.path);
    return std::move(*result);
  }

  // Returns the error to answer if the route needs a login; sets the session when there is one.
  std::optional<Error> authenticate(HTTPServerRequest& in, Request& request, bool& viaCookie) {
    std::string token;
    const auto authorization = request.header("authorization");
    if (authorization && authorization->starts_with("Bearer ")) {
      token = authorization->substr(7);
    } else if (authorization && authorization->starts_with("Basic ")) {
      // git and curl send a token as the password of http://user:TOKEN@host/…
      token = passwordOfBasic(authorization->substr(6));
    } else {
      Poco::Net::NameValueCollection cookies;
      in.getCookies(cookies);
      token = cookies.get(kSessionCookie, "");
      viaCookie = !token.empty();
    }
    if (token.empty()) return Error{Errc::Unauthenticated, Reason::None, "log in first"};
    auto session = authenticator_.authenticate(token);
    if (!session) {
      viaCookie = false;
      return session.error();
    }
    request.session = std::move(*session);
    return std::nullopt;
  }

  // A browser sends the session cookie on its own; the token proves the page was ours. A request
  // from a foreign origin is refused whatever it carries. Scripts send the token in the
  // X-CSRF-Token header; a plain HTML form, which cannot set headers, as its csrf_token field.
  bool csrfOk(const Request& request) const {
    if (auto origin = request.header("origin")) {
      const auto host = request.header("host").value_or("");
      if (*origin != "http://" + host && *origin != "https://" + host) return false;
    }
    auto token = request.header("x-csrf-token");
    if (!token && request.contentType == "application/x-www-form-urlencoded") {
      if (auto form = FormBody::parse(request.body); form && form->has("csrf_token"))
        token = form->value("csrf_token");
    }
    if (!token && request.contentType == "multipart/form-data") {  // an upload form
      if (auto form = MultipartForm::parse(request); form && form->has("csrf_token"))
        token = form->value("csrf_token");
    }
    return token && request.session->csrfMatches(*token);
  }

  enum class BodyRead { Whole, TooLarge, Late };

  // The whole body within one deadline, however slowly it trickles in: the socket's timeout,
  // which restarts with every read, is set to what is left of it before each read, and each turn
  // reads once from the socket (an istream read would wait for its whole buffer).
  BodyRead readBody(HTTPServerRequest& in, std::string& body, std::size_t limit) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + settings_.bodyTimeout;
    auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&in);
    // A client that stops sending waits no longer than a single read may (timeout_seconds).
    const Poco::Timespan perRead = impl ? impl->socket().getReceiveTimeout() : Poco::Timespan();
    std::istream& stream = in.stream();
    std::streambuf& source = *stream.rdbuf();
    char buffer[16384];
    for (;;) {
      if (impl) {
        const auto left =
            std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now());
        if (left.count() <= 0) return BodyRead::Late;
        const Poco::Timespan wait(left.count());
        impl->socket().setReceiveTimeout(perRead > 0 && perRead < wait ? perRead : wait);
      }
      if (source.sgetc() == std::char_traits<char>::eof()) break;  // one read from the socket
      const auto ready = std::min<std::streamsize>(source.in_avail(), sizeof buffer);
      body.append(buffer, static_cast<std::size_t>(source.sgetn(buffer, ready)));
      if (body.size() > limit) return BodyRead::TooLarge;
    }
    stream.setstate(std::ios::eofbit);  // read to its end (handleRequest asks)
    return BodyRead::Whole;
  }

  std::size_t write(HTTPServerRequest& in, HTTPServerResponse& out, const Reply& reply) {
    applySecurityHeaders(out);
    for (const auto& [name, value] : reply.headers) {
      if (name == "Set-Cookie" || name == "Link" || name == "WWW-Authenticate")
        out.add(name, value);
      else
        out.set(name, value);
    }
    out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    if (reply.closeConnection) out.setKeepAlive(false);
    if (reply.status == 204 || reply.status == 304) {
      out.setContentLength(0);
      out.send();
      return 0;
    }
    if (!reply.contentType.empty()) out.setContentType(reply.contentType);
    const std::string& plain = reply.sharedBody ? *reply.sharedBody : reply.body;
    // Compressed where the client accepts it. The ETag stays: it names the version of the
    // document (If-Match compares versions), not the bytes on the wire.
    std::string compressed;
    std::shared_ptr<const std::string> kept;
    const std::string* body = &plain;
    if (isCompressible(reply.contentType)) {
      out.set("Vary", "Accept-Encoding");
      if (plain.size() >= kCompressFrom && !out.has("Content-Encoding") &&
          acceptsGzip(in.get("Accept-Encoding", ""))) {
        std::shared_ptr<const std::string> cached = reply.sharedGzip;
        if (!cached && reply.sharedBody) cached = sharedGzip(reply.sharedBody);
        if (cached) {
          kept = std::move(cached);
          body = kept.get();
        } else {
          compressed = gzip(plain, 1);
          body = &compressed;
        }
        out.set("Content-Encoding", "gzip");
      }
    }
    out.setContentLength64(static_cast<Poco::Int64>(body->size()));
    if (in.getMethod() == "HEAD") {
      out.send();
      return 0;
    }
    out.sendBuffer(body->data(), body->size());
    return body->size();
  }

  const Router& router_;
  Authenticator& authenticator_;
  const HttpSettings& settings_;
  Poco::Logger& log_;
};

}  // namespace

HandlerFactory::HandlerFactory(const Router& router, Authenticator& authenticator,
                               HttpSettings settings)
    : router_(router),
      authenticator_(authenticator),
      settings_(settings),
      log_(Poco::Logger::get("samverkan.request")) {}

Poco::Net::HTTPRequestHandler* HandlerFactory::createRequestHandler(
    const Poco::Net::HTTPServerRequest&) {
  return new Dispatcher(router_, authenticator_, settings_, log_);
}

std::string sessionCookie(const std::string& token, bool secure, bool clear) {
  std::string cookie = std::string(kSessionCookie) + "=" + (clear ? "" : token) +
                       "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

}  // namespace sv::http
