// Telling a person that something needs them: the notification on their start page and, as they
// have chosen (workflows/mail_kinds.hpp), an e-mail at once, a line in their daily digest, or
// nothing. Called inside the transaction of the change that causes it, so the notice and the
// outbox row are written with the change or not at all. Nobody is told what they may not see:
// the callers pick the recipients among the people of the contract's two parties.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/services/mail_policy.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"
#include "workflows/mail_kinds.hpp"
#include "workflows/mail_message.hpp"

namespace sv::services {

struct Notice {
  std::int64_t userId = 0;
  mail::Kind kind = mail::Kind::Reminder;
  std::optional<std::int64_t> meetingId;
  std::string notification;  // the start page's kind ("minutes.submitted"); empty: mail only
  std::string line;          // one sentence: the notification's text and the digest's line
  std::string subject;
  std::vector<std::string> paragraphs;  // the message after the greeting
  std::vector<std::string> quotes;      // quoted as they were written (a provider's comments)
  std::string path;                     // the page it is about, "/moten/42/protokoll"
  std::string linkText;                 // "Öppna protokollet"
  std::vector<std::pair<std::string, std::string>> moreLinks;  // text, path: "Protokollet som PDF"
  std::optional<mail::CalendarPart> calendar;
};

void tell(store::Writing& c, const MailPolicy& policy, TimePoint now, const Notice& notice);

// A message to one person in the server's voice: greeting, paragraphs, quotes, the link, and
// the footer with the unsubscribe link when there is one. Plain text and its HTML alternative.
struct Letter {
  std::string name;
  std::vector<std::string> paragraphs;
  std::vector<std::string> quotes;
  std::vector<std::pair<std::string, std::string>> links;  // text, absolute URL
  std::string unsubscribe;                                 // empty: the record needs this one
};
std::string letterText(const Letter& letter);
std::string letterHtml(const Letter& letter);

// A new Message-ID for the outbox: random, "<hex>@<domain>".
std::string newMessageId(const MailPolicy& policy);

}  // namespace sv::services
