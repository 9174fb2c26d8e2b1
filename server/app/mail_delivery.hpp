// The server's e-mail while it serves: the transport the settings name (an SMTP server, or the
// folder of .eml files the embedded default writes), the sender thread that delivers the outbox,
// and a timer that runs the daily reminders and digests (services/mail_jobs.hpp). RAII: the
// destructor stops the timer and joins the sender; the outbox keeps whatever was not delivered.
#pragma once

#include <Poco/Util/Timer.h>

#include <memory>

#include "server/app/context.hpp"
#include "server/app/settings.hpp"
#include "server/mail/sender.hpp"
#include "server/mail/transport.hpp"

namespace sv::app {

class MailDelivery {
 public:
  // Errors: Internal (the password file cannot be read, the mail folder cannot be made).
  static Result<std::unique_ptr<MailDelivery>> start(const Settings& settings, Context& ctx);
  ~MailDelivery();
  MailDelivery(const MailDelivery&) = delete;
  MailDelivery& operator=(const MailDelivery&) = delete;

  // "SMTP smtp.example.se:587 (STARTTLS)" or "the folder var/mail": for the start-up log.
  const std::string& description() const { return description_; }

 private:
  MailDelivery(Context& ctx, std::unique_ptr<mail::Transport> transport);
  void runJobs(Poco::Util::TimerTask& task);

  Context& ctx_;
  std::unique_ptr<mail::Transport> transport_;
  std::unique_ptr<mail::Sender> sender_;
  std::string description_;
  Poco::Util::Timer timer_;  // last: destroyed first, so no job runs while the rest goes
};

}  // namespace sv::app
