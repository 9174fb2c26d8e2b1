// The daily digest: for each person, the notices they chose to get that way (and reminders,
// whose default it is), in one message; the notices are marked as carried by it in the same
// transaction, so each is in exactly one digest. And the daily run of both mail jobs.
#include "server/crypto/crypto.hpp"
#include "server/services/mail_jobs.hpp"
#include "server/services/notices.hpp"
#include "server/store/accounts.hpp"
#include "server/store/mail_preferences.hpp"
#include "server/store/outbox.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
std::size_t sendDigests(store::Store& store, const Catalog& catalog, TimePoint now) {
  const auto& policy = catalog.mail;
  const auto until = unixSeconds(now);
  const auto people =
      store.read([&](store::Reading& c) { return store::peopleWithDigest(c, until); });
  std::size_t sent = 0;
  for (auto person : people) {
    // One transaction a person: a failure for one (an address mail cannot carry) keeps the rest.
    sent += store.write([&](store::Writing& c) -> std::size_t {
      const auto items = store::pendingDigest(c, person, until);
      const auto user = store::findUser(c, store::TenantScope::system(), person);
      if (items.empty() || !user) return 0;
      Letter letter{user->name, {}, {}, {}, ""};
      letter.paragraphs.push_back(items.size() == 1
                                      ? "Det här har hänt i Samverkan sedan förra sammandraget:"
                                      : "Det här har hänt i Samverkan sedan förra sammandraget (" +
                                            std::to_string(items.size()) + " saker):");
      for (const auto& item : items) letter.links.emplace_back(item.text, item.link);
      letter.links.emplace_back("Välj vad du får och hur i Mina inställningar",
                                policy.publicUrl + "/installningar");
      mail::Message m;
      m.messageId = newMessageId(policy);
      m.date = now;
      m.from = policy.from;
      m.to = {user->name, user->email};
      m.subject = "Dagens sammandrag från Samverkan (" + formatDate(toStockholm(now).date) + ")";
      m.text = letterText(letter);
      m.html = letterHtml(letter);
      const std::string messageId = m.messageId;
      if (user->active && !user->email.empty() && mail::checkMessage(m))
        store::enqueueMail(c, {messageId, "digest", person, user->email, mail::render(m), until});
      // Carried either way: a person without a usable address keeps nothing waiting for ever.
      store::markDigested(c, person, items.back().id, messageId);
      return user->active && !user->email.empty() ? 1 : 0;
    });
  }
  return sent;
}

MailJobsRun runMailJobs(store::Store& store, const Catalog& catalog, const TimeSource& time) {
  const auto now = time.now();
  const auto local = toStockholm(now);
  const std::string today = formatDate(local.date);
  MailJobsRun run;
  if (local.timeOfDay < std::chrono::hours(catalog.mail.digestHour)) return run;
  if (store.read([](store::Reading& c) { return store::mailJobDay(c, "daily"); }) == today)
    return run;
  run.ran = true;
  run.reminders = giveReminders(store, catalog, now);
  run.digests = sendDigests(store, catalog, now);
  store.write([&](store::Writing& c) {
    store::setMailJobDay(c, "daily", today);
    return 0;
  });
  return run;
}

}  // namespace sv::services
