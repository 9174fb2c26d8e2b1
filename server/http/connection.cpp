#include "server/http/connection.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <memory>
#include <sstream>

#include "server/http/dispatcher.hpp"
#include "server/http/problem.hpp"

namespace sv::http {
namespace {

using Poco::Net::HTTPResponse;

// Poco's session, which says how much of the next request it has read ahead, and gives the socket
// back instead of closing it: between requests the connection is the listener's.
class Session final : public Poco::Net::HTTPServerSession {
 public:
  using HTTPServerSession::HTTPServerSession;
  ~Session() override { detachSocket(); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  bool readAhead() const { return buffered() > 0; }
};

// The answer to a request Poco could not read: what is left of it on the wire is unknown, so the
// connection ends after it.
void answerUnreadable(Poco::Net::HTTPServerSession& session, const std::string& detail) {
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

}  // namespace

ConnectionServer::ConnectionServer(Poco::Net::HTTPServerParams::Ptr params,
                                   Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
    : params_(std::move(params)), handlers_(std::move(handlers)) {}

// Poco 1.11's HTTPServerConnection::run for the requests that have arrived, but for the answers
// to what it cannot read; waiting for the next request is the listener's.
AfterServing ConnectionServer::serve(Poco::Net::StreamSocket& socket, int& requestsLeft) {
  // A client that does not read its answer holds the worker at most this long per write.
  socket.setSendTimeout(params_->getTimeout());
  socket.setReceiveTimeout(params_->getTimeout());
  Session session(socket, params_);
  const std::string server = params_->getSoftwareVersion();
  do {
    --requestsLeft;
    try {
      Poco::Net::HTTPServerResponseImpl response(session);
      std::unique_ptr<Poco::Net::HTTPServerRequestImpl> request;
      try {
        request = std::make_unique<Poco::Net::HTTPServerRequestImpl>(response, session, params_);
      } catch (const Poco::Net::NoMessageException&) {
        return AfterServing::Close;  // the client closed the connection
      } catch (const Poco::Net::MessageException&) {
        answerUnreadable(session, "the request line or its headers could not be read");
        return AfterServing::Linger;
      } catch (const Poco::SyntaxException&) {  // Content-Length "1e99", "-1", "ten"
        answerUnreadable(session, "a header of the request has a value that is not a number");
        return AfterServing::Linger;
      }
      response.setDate(Poco::Timestamp());
      response.setVersion(request->getVersion());
      response.setKeepAlive(params_->getKeepAlive() && request->getKeepAlive() && requestsLeft > 0);
      if (!server.empty()) response.set("Server", server);
      std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
          handlers_->createRequestHandler(*request));
      if (request->getExpectContinue() && response.getStatus() == HTTPResponse::HTTP_OK)
        response.sendContinue();
      // The dispatcher answers everything itself, its own failures included.
      handler->handleRequest(*request, response);
      session.setKeepAlive(params_->getKeepAlive() && response.getKeepAlive() && requestsLeft > 0);
    } catch (const Poco::Exception&) {
      // The peer went away or timed out while we wrote; nothing more to say on this socket.
      if (session.networkException()) return AfterServing::Close;
      throw;
    }
  } while (session.getKeepAlive() && session.readAhead());
  return session.getKeepAlive() ? AfterServing::Wait : AfterServing::Linger;
}

std::string ConnectionServer::refusal(int status) const {
  const FrameError error = status == 408   ? FrameError::RequestTimeout
                           : status == 431 ? FrameError::HeadTooLarge
                                           : FrameError::Busy;
  const Reply reply = problem(error, "");
  HTTPResponse response(static_cast<HTTPResponse::HTTPStatus>(reply.status));
  response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
  applySecurityHeaders(response);
  for (const auto& [name, value] : reply.headers) response.set(name, value);
  response.setDate(Poco::Timestamp());
  response.setContentType(reply.contentType);
  response.setKeepAlive(false);
  response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  std::ostringstream out;
  response.write(out);
  return out.str() + reply.body;
}

}  // namespace sv::http
