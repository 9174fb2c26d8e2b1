// Serving one connection whose request has arrived (listener.hpp hands it over): Poco's request
// and response objects around our dispatcher, with the frame's own answer when Poco cannot read a
// request. Poco answers a garbage request line with a bare 400 that carries none of the security
// headers, and drops the connection without a word when a header it parses later is broken (a
// Content-Length of "1e99"); here both get 400 application/problem+json with the headers every
// answer carries, and the connection is closed after it.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>

#include <string>

#include "server/http/listener.hpp"

namespace sv::http {

class ConnectionServer {
 public:
  ConnectionServer(Poco::Net::HTTPServerParams::Ptr params,
                   Poco::Net::HTTPRequestHandlerFactory::Ptr handlers);

  // Serves the request that has arrived, and those the client sent right behind it (pipelined).
  // Whether the server is stopping is the listener's to ask: it closes what comes back.
  AfterServing serve(Poco::Net::StreamSocket& socket, int& requestsLeft);

  // The whole answer the listener sends when it closes a connection itself (408, 431, 503):
  // problem+json with the security headers.
  std::string refusal(int status) const;

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
};

}  // namespace sv::http
