#include "server/mail/smtp_transport.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <sstream>

namespace sv::mail {
namespace {

// Poco's SecureSMTPClientSession checks the certificate against the peer's address when it is
// given a connected socket (which we need for the connect timeout); this checks it against the
// configured host name, as a mail client should.
class Session : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;

  bool startTls(const std::string& host, Poco::Net::Context::Ptr context) {
    std::string response;
    if (!isPositiveCompletion(sendCommand("STARTTLS", response))) return false;
    socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
    return true;
  }
};

Poco::Net::Context::Ptr tlsContext(const std::string& caFile) {
  // Verify the server's certificate: against the given CAs, or the system's.
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                Poco::Net::Context::VERIFY_RELAXED, 9, caFile.empty());
}

}  // namespace

Status SmtpTransport::deliver(const store::OutboxRow& row) {
  try {
    const Poco::Timespan timeout(static_cast<long>(settings_.timeout.count()), 0);
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(settings_.host, settings_.port), timeout);
    socket.setReceiveTimeout(timeout);
    socket.setSendTimeout(timeout);
    Session session(socket);
    session.login(settings_.heloName);
    if (settings_.startTls) {
      // Never the password or the message in the clear when TLS was asked for.
      if (!session.startTls(settings_.host, tlsContext(settings_.caFile)))
        return fail(Errc::Internal, "SMTP " + settings_.host + ": the server refused STARTTLS");
      session.login(settings_.heloName);  // EHLO again, over TLS
    }
    if (!settings_.user.empty())
      session.login(settings_.heloName, Poco::Net::SMTPClientSession::AUTH_LOGIN, settings_.user,
                    settings_.password);
    session.sendAddresses(settings_.envelopeFrom, {row.mail.recipient});
    session.sendData();
    std::istringstream message(row.mail.message);
    session.sendMessage(message);
    session.close();
    return {};
  } catch (const Poco::Exception& e) {
    return fail(Errc::Internal, "SMTP " + settings_.host + ":" + std::to_string(settings_.port) +
                                    ": " + e.displayText());
  }
}

}  // namespace sv::mail
