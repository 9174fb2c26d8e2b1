#include "server/services/notices.hpp"

#include <Poco/Logger.h>

#include "minutes/escape.hpp"
#include "server/crypto/crypto.hpp"
#include "server/store/accounts.hpp"
#include "server/store/approvals.hpp"
#include "server/store/mail_preferences.hpp"
#include "server/store/outbox.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::string firstName(const std::string& name) {
  return name.substr(0, name.find(' '));
}

constexpr const char* kSignature =
    "Det här meddelandet skickades av Samverkan, där förvaltningen och utföraren följer upp "
    "avtalet. Svara inte på det: ingen läser svaren.";

}  // namespace

std::string newMessageId(const MailPolicy& policy) {
  return crypto::randomToken(18) + "@" + policy.messageIdDomain;
}

std::string letterText(const Letter& l) {
  std::string out = "Hej " + firstName(l.name) + "!\n\n";
  for (const auto& p : l.paragraphs) out += p + "\n\n";
  for (const auto& q : l.quotes) {
    std::string quoted = "> ";
    for (char ch : q) quoted += ch == '\n' ? std::string("\n> ") : std::string(1, ch);
    out += quoted + "\n\n";
  }
  for (const auto& [text, url] : l.links) out += text + ":\n" + url + "\n\n";
  out += "-- \n";
  out += kSignature;
  out += "\n";
  if (!l.unsubscribe.empty())
    out += "Vill du inte få sådana meddelanden? Avsluta dem här:\n" + l.unsubscribe + "\n";
  return out;
}

std::string letterHtml(const Letter& l) {
  using minutes::detail::escapeHtml;
  using minutes::detail::escapeHtmlLines;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Samverkan</title>"
      "</head><body>\n<p>Hej " +
      escapeHtml(firstName(l.name)) + "!</p>\n";
  for (const auto& p : l.paragraphs) out += "<p>" + escapeHtmlLines(p) + "</p>\n";
  for (const auto& q : l.quotes) out += "<blockquote>" + escapeHtmlLines(q) + "</blockquote>\n";
  for (const auto& [text, url] : l.links)
    out += "<p><a href=\"" + escapeHtml(url) + "\">" + escapeHtml(text) + "</a></p>\n";
  out += "<hr>\n<p><small>" + escapeHtml(kSignature);
  if (!l.unsubscribe.empty())
    out += " <a href=\"" + escapeHtml(l.unsubscribe) + "\">Avsluta sådana meddelanden</a>.";
  out += "</small></p>\n</body></html>\n";
  return out;
}

void tell(store::Writing& c, const MailPolicy& policy, TimePoint now, const Notice& n) {
  if (!n.notification.empty())
    store::insertNotification(
        c, {0, n.userId, n.meetingId, n.notification, n.line, formatIsoUtc(now), std::nullopt});
  const auto user = store::findUser(c, store::TenantScope::system(), n.userId);
  if (!user || !user->active || user->email.empty()) return;
  const std::string key(mail::keyOf(n.kind));
  const auto stored = store::mailChoice(c, n.userId, key);
  const auto choice = mail::effectiveChoice(
      n.kind, stored ? mail::parseChoice(*stored) : std::optional<mail::Choice>{});
  const std::string link = policy.publicUrl + n.path;
  if (choice == mail::Choice::Never) return;
  if (choice == mail::Choice::Digest) {
    store::addDigestItem(c, {0, n.userId, key, n.line, link, unixSeconds(now)});
    return;
  }
  std::string unsubscribe;
  if (!mail::ruleOf(n.kind).required)
    unsubscribe = policy.publicUrl + "/e-post/avsluta/" +
                  store::mailToken(c, n.userId, crypto::randomToken(24)) + "/" + key;
  Letter letter{user->name, n.paragraphs, n.quotes, {{n.linkText, link}}, unsubscribe};
  for (const auto& [text, path] : n.moreLinks)
    letter.links.emplace_back(text, policy.publicUrl + path);
  mail::Message m;
  m.messageId = newMessageId(policy);
  m.date = now;
  m.from = policy.from;
  m.to = {user->name, user->email};
  m.subject = n.subject;
  m.text = letterText(letter);
  m.html = letterHtml(letter);
  m.calendar = n.calendar;
  m.unsubscribe = unsubscribe;
  if (auto ok = mail::checkMessage(m); !ok) {
    // An address the mail cannot carry (the user's record is wrong): the change still counts,
    // the notification is on the start page, and the log says whose address to mend.
    Poco::Logger::get("samverkan.mail")
        .warning("no e-mail to user " + std::to_string(n.userId) + ": " + ok.error().detail);
    return;
  }
  store::enqueueMail(c,
                     {m.messageId, key, n.userId, user->email, mail::render(m), unixSeconds(now)});
}

}  // namespace sv::services
