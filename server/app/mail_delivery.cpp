#include "server/app/mail_delivery.hpp"

#include <Poco/Logger.h>
#include <Poco/Util/TimerTaskAdapter.h>

#include <fstream>
#include <sstream>

#include "server/mail/folder_transport.hpp"
#include "server/mail/smtp_transport.hpp"
#include "server/services/mail_jobs.hpp"

namespace sv::app {
namespace {

Result<std::string> readPassword(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return fail(Errc::Internal, "cannot read the mail password file " + file.string());
  std::string password;
  std::getline(in, password);
  return password;
}

}  // namespace

MailDelivery::MailDelivery(Context& ctx, std::unique_ptr<mail::Transport> transport)
    : ctx_(ctx), transport_(std::move(transport)) {}

Result<std::unique_ptr<MailDelivery>> MailDelivery::start(const Settings& settings, Context& ctx) {
  const auto& m = settings.mail;
  std::unique_ptr<mail::Transport> transport;
  std::string description;
  if (m.smtp.host.empty()) {
    std::error_code error;
    std::filesystem::create_directories(m.folder, error);
    if (error)
      return fail(Errc::Internal,
                  "cannot make the mail folder " + m.folder.string() + ": " + error.message());
    transport = std::make_unique<mail::FolderTransport>(m.folder);
    description = "the folder " + m.folder.string();
  } else {
    auto smtp = m.smtp;
    if (!m.passwordFile.empty()) {
      auto password = readPassword(m.passwordFile);
      if (!password) return std::unexpected(password.error());
      smtp.password = *password;
    }
    description = "SMTP " + smtp.host + ":" + std::to_string(smtp.port) +
                  (smtp.startTls ? " (STARTTLS)" : "");
    transport = std::make_unique<mail::SmtpTransport>(std::move(smtp));
  }
  std::unique_ptr<MailDelivery> out(new MailDelivery(ctx, std::move(transport)));
  out->description_ = std::move(description);
  out->sender_ = std::make_unique<mail::Sender>(*ctx.store, *out->transport_, ctx.time, m.backoff);
  out->sender_->start(std::chrono::duration_cast<std::chrono::milliseconds>(m.pollInterval));
  // Every minute: the jobs themselves decide whether their hour has come and whether they ran
  // today, so a restart or a changed clock never sends a day's reminders twice.
  out->timer_.schedule(new Poco::Util::TimerTaskAdapter<MailDelivery>(*out, &MailDelivery::runJobs),
                       1000, 60000);
  return out;
}

MailDelivery::~MailDelivery() {
  timer_.cancel(true);
}

void MailDelivery::runJobs(Poco::Util::TimerTask&) {
  try {
    const auto run = services::runMailJobs(*ctx_.store, ctx_.catalog, ctx_.time);
    // Fact-checks past their last day close on the same minute's round; their notices are mail.
    const int closed = ctx_.reports ? ctx_.reports->closeOverdueFactChecks(ctx_.time.now()) : 0;
    if (closed > 0)
      Poco::Logger::get("samverkan.reports")
          .information("%d fact-checks past their last day", closed);
    if (run.ran || closed > 0) {
      Poco::Logger::get("samverkan.mail")
          .information("daily mail: %z reminders, %z digests", run.reminders, run.digests);
      sender_->wake();
    }
  } catch (const std::exception& e) {
    Poco::Logger::get("samverkan.mail").error(std::string("the daily mail failed: ") + e.what());
  }
}

}  // namespace sv::app
