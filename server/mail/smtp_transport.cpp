#include "server/mail/smtp_transport.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <sstream>

namespace sv::mail {

Status SmtpTransport::deliver(const store::OutboxRow& row) {
  try {
    const Poco::Timespan timeout(static_cast<long>(settings_.timeout.count()), 0);
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress(settings_.host, settings_.port), timeout);
    socket.setReceiveTimeout(timeout);
    socket.setSendTimeout(timeout);
    Poco::Net::SMTPClientSession session(socket);
    if (settings_.user.empty())
      session.login(settings_.heloName);
    else
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
