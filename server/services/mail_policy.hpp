// What the server's e-mail says about itself and when reminders fall due: from the properties
// (samverkan.mail.*, samverkan.public_url), held by the catalog, since every use case that causes
// mail holds the catalog already. The delivery settings (SMTP host, TLS, password) are not here:
// the use cases only write the outbox, server/mail delivers it.
#pragma once

#include <string>

#include "workflows/mail_message.hpp"

namespace sv::services {

struct MailPolicy {
  std::string publicUrl = "http://localhost:8080";  // links in messages: <publicUrl>/moten/42
  mail::Mailbox from{"Samverkan", "samverkan@localhost"};
  std::string messageIdDomain = "localhost";  // the part after @ in every Message-ID
  int alarmMinutes = 60;                      // the invitation's reminder in the calendar
  // Reminders: minutes waiting this many days for an approval; actions due within this many
  // days (and overdue); a meeting this many days away whose agenda is not published.
  int minutesWaitingDays = 5;
  int actionDueDays = 7;
  int agendaDays = 10;
  int digestHour = 7;  // Swedish time: reminders and the daily digest go out after this hour
};

}  // namespace sv::services
