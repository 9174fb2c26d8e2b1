// The one Poco request handler: limits, security headers, routing, authentication, CSRF, the
// catch-all, and the structured request log. Handlers only see http::Request and return Reply.
#pragma once

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <cstddef>

#include "server/http/identity.hpp"
#include "server/http/router.hpp"

namespace sv::http {

struct HttpSettings {
  std::size_t maxBodyBytes = 5 * 1024 * 1024;
  // A body is read whole within this, in all (408 after it); 25 MiB at 1 Mbit/s takes 210 s.
  std::chrono::seconds bodyTimeout{300};
  bool secureCookies = false;
};

inline constexpr const char* kSessionCookie = "sv_session";

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  HandlerFactory(const Router& router, Authenticator& authenticator, HttpSettings settings);
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  const Router& router_;
  Authenticator& authenticator_;
  HttpSettings settings_;
  Poco::Logger& log_;
};

// The security headers every answer carries, also the frame's own 400 for a request it could not
// read (connection.hpp).
void applySecurityHeaders(Poco::Net::HTTPResponse& response);

// The session cookie as the login and logout answers set it.
std::string sessionCookie(const std::string& token, bool secure, bool clear = false);

}  // namespace sv::http
