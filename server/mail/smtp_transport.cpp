#include "server/mail/smtp_transport.hpp"

#include <Poco/Base64Encoder.h>
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

  // AUTH LOGIN: user name, then password, each base64 on a line of its own. Poco's own reads the
  // server's prompt text to decide the order, and servers word it differently ("Username:",
  // "User Name"); every server asks in this order.
  void authLogin(const std::string& user, const std::string& password) {
    std::string response;
    int status = sendCommand("AUTH LOGIN", response);
    if (!isPositiveIntermediate(status))
      throw Poco::Net::SMTPException("AUTH LOGIN", response, status);
    status = sendCommand(base64(user), response);
    if (!isPositiveIntermediate(status))
      throw Poco::Net::SMTPException("AUTH LOGIN", response, status);
    status = sendCommand(base64(password), response);
    if (!isPositiveCompletion(status))
      throw Poco::Net::SMTPException("AUTH LOGIN refused", response, status);
  }

 private:
  static std::string base64(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
  }
};

Poco::Net::Context::Ptr tlsContext(const std::string& caFile) {
  // Verify the server's certificate: against the given CAs, or the system's.
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", caFile,
                                Poco::Net::Context::VERIFY_RELAXED, 9, caFile.empty());
}

}  // namespace

Status SmtpTransport::deliver(const store::OutboxRow& row) {
  Status result;
  deliverAll({row}, [&](const store::OutboxRow&, const Status& status) { result = status; });
  return result;
}

void SmtpTransport::deliverAll(const std::vector<store::OutboxRow>& rows, const Delivered& done) {
  const std::string where = "SMTP " + settings_.host + ":" + std::to_string(settings_.port) + ": ";
  std::size_t next = 0;
  try {
    const Poco::Timespan timeout(static_cast<long>(settings_.timeout.count()), 0);
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(settings_.host, settings_.port), timeout);
    socket.setReceiveTimeout(timeout);
    socket.setSendTimeout(timeout);
    // Each command and the message go out in several small writes, each waiting for the answer
    // to the last: with Nagle's algorithm a write waited for the mail server's delayed ACK, 40 ms
    // a message (a burst of 825 messages took 35 s to a local server).
    socket.setNoDelay(true);
    Session session(socket);
    session.login(settings_.heloName);
    if (settings_.startTls) {
      // Never the password or the message in the clear when TLS was asked for.
      if (!session.startTls(settings_.host, tlsContext(settings_.caFile))) {
        const Status refused = fail(Errc::Internal, where + "the server refused STARTTLS");
        for (; next < rows.size(); ++next) done(rows[next], refused);
        return;
      }
      session.login(settings_.heloName);  // EHLO again, over TLS
    }
    if (!settings_.user.empty()) session.authLogin(settings_.user, settings_.password);
    for (; next < rows.size(); ++next) {
      const auto& row = rows[next];
      try {
        session.sendAddresses(settings_.envelopeFrom, {row.mail.recipient});
        session.sendData();
        std::istringstream message(row.mail.message);
        session.sendMessage(message);
      } catch (const Poco::Net::SMTPException& e) {
        // This message was refused; the connection stands for the next.
        done(row, fail(Errc::Internal, where + e.displayText()));
        std::string response;
        session.sendCommand("RSET", response);
        continue;
      }
      done(row, {});
    }
    session.close();
  } catch (const Poco::Exception& e) {
    const Status broken = fail(Errc::Internal, where + e.displayText());
    for (; next < rows.size(); ++next) done(rows[next], broken);
  }
}

}  // namespace sv::mail
