#include "server/http/connection.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Timestamp.h>

#include <sstream>

#include "server/http/dispatcher.hpp"
#include "server/http/problem.hpp"

namespace sv::http {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerSession;

// The answer to a request Poco could not read: what is left of it on the wire is unknown, so the
// connection ends after it.
void answerUnreadable(HTTPServerSession& session, const std::string& detail) {
  const Reply reply = problem(Error{Errc::Malformed, Reason::None, detail}, "");
  Poco::Net::HTTPServerResponseImpl response(session);
  response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
  applySecurityHeaders(response);
  response.setStatusAndReason(static_cast<HTTPResponse::HTTPStatus>(reply.status));
  response.setContentType(reply.contentType);
  response.setKeepAlive(false);
  response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  response.sendBuffer(reply.body.data(), reply.body.size());
  session.setKeepAlive(false);
}

class Connection final : public Poco::Net::TCPServerConnection {
 public:
  Connection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
             Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
             std::shared_ptr<std::atomic<bool>> stopped)
      : TCPServerConnection(socket),
        params_(std::move(params)),
        handlers_(std::move(handlers)),
        stopped_(std::move(stopped)) {}

  // Poco 1.11's HTTPServerConnection::run, but for the answers to what it cannot read.
  void run() override {
    const std::string server = params_->getSoftwareVersion();
    HTTPServerSession session(socket(), params_);
    while (!*stopped_ && session.hasMoreRequests()) {
      try {
        Poco::Net::HTTPServerResponseImpl response(session);
        std::unique_ptr<Poco::Net::HTTPServerRequestImpl> request;
        try {
          request = std::make_unique<Poco::Net::HTTPServerRequestImpl>(response, session, params_);
        } catch (const Poco::Net::NoMessageException&) {
          break;  // the client closed an idle keep-alive connection
        } catch (const Poco::Net::MessageException&) {
          answerUnreadable(session, "the request line or its headers could not be read");
          break;
        } catch (const Poco::SyntaxException&) {  // Content-Length "1e99", "-1", "ten"
          answerUnreadable(session, "a header of the request has a value that is not a number");
          break;
        }
        response.setDate(Poco::Timestamp());
        response.setVersion(request->getVersion());
        response.setKeepAlive(params_->getKeepAlive() && request->getKeepAlive() &&
                              session.canKeepAlive());
        if (!server.empty()) response.set("Server", server);
        std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
            handlers_->createRequestHandler(*request));
        if (request->getExpectContinue() && response.getStatus() == HTTPResponse::HTTP_OK)
          response.sendContinue();
        // The dispatcher answers everything itself, its own failures included.
        handler->handleRequest(*request, response);
        session.setKeepAlive(params_->getKeepAlive() && response.getKeepAlive() &&
                             session.canKeepAlive());
      } catch (const Poco::Exception&) {
        // The peer went away or timed out while we wrote; nothing more to say on this socket.
        if (session.networkException()) break;
        throw;
      }
    }
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  std::shared_ptr<std::atomic<bool>> stopped_;
};

}  // namespace

ConnectionFactory::ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                                     Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
    : params_(std::move(params)), handlers_(std::move(handlers)) {}

Poco::Net::TCPServerConnection* ConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
  return new Connection(socket, params_, handlers_, stopped_);
}

void ConnectionFactory::stopAll() {
  *stopped_ = true;
}

}  // namespace sv::http
