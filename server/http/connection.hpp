// One HTTP connection: Poco's HTTPServerConnection loop, with the frame's own answer when Poco
// cannot read a request. Poco answers a garbage request line with a bare 400 that carries none of
// the security headers, and drops the connection without a word when a header it parses later
// is broken (a Content-Length of "1e99"); here both get 400 application/problem+json with the
// headers every answer carries, and the connection is closed after it.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <atomic>
#include <memory>

namespace sv::http {

class ConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
 public:
  ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers);
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;
  // Connections finish the request they are in and take no further one (Poco's stopAll(false)).
  void stopAll();

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  std::shared_ptr<std::atomic<bool>> stopped_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace sv::http
