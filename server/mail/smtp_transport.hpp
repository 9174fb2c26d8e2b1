// Delivery to a mail server over SMTP (Poco::Net::SMTPClientSession): EHLO, AUTH LOGIN when a
// user is configured, MAIL FROM the configured sender, RCPT TO the row's recipient, and the
// message exactly as the outbox keeps it (dot-stuffed on the way by Poco's MailOutputStream).
// A refusal or a network failure is a reason, never an exception, for the sender to try again.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "server/mail/transport.hpp"

namespace sv::mail {

struct SmtpSettings {
  std::string host;
  std::uint16_t port = 25;
  std::string heloName = "localhost";  // the name this server gives in EHLO
  std::string envelopeFrom;            // MAIL FROM: where bounces go
  bool startTls = false;               // STARTTLS before anything else, or no delivery at all
  std::string caFile;  // the CAs to trust for the server's certificate; empty: the system's
  std::string user;    // empty: no AUTH
  std::string password;
  std::chrono::seconds timeout{30};
};

class SmtpTransport final : public Transport {
 public:
  explicit SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {}
  Status deliver(const store::OutboxRow& row) override;
  // One connection for the round: a message the server refuses is reset (RSET) and the next
  // goes on; when the connection fails, it and every message after it fail with its reason.
  void deliverAll(const std::vector<store::OutboxRow>& rows, const Delivered& done) override;

 private:
  SmtpSettings settings_;
};

}  // namespace sv::mail
