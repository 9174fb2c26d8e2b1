// A person's e-mail choices, their unsubscribe token, the notices waiting for their daily digest,
// the reminders already given and the day each mail job last ran (migration 018). What the
// choices mean is workflows/mail_kinds.hpp's; these are the rows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "server/store/transaction.hpp"

namespace sv::store {

// The person's stored choices by kind key ("reminder" → "digest"); kinds without a row are absent.
std::map<std::string, std::string> mailChoices(Reading& c, std::int64_t userId);
std::optional<std::string> mailChoice(Reading& c, std::int64_t userId, const std::string& kind);
void setMailChoice(Writing& c, std::int64_t userId, const std::string& kind,
                   const std::string& choice);

// The person's unsubscribe token: the stored one, or `fresh` stored now when they have none.
std::string mailToken(Writing& c, std::int64_t userId, const std::string& fresh);
std::optional<std::int64_t> userOfMailToken(Reading& c, const std::string& token);

struct DigestItem {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::string kind;
  std::string text;  // one line of Swedish, as the digest lists it
  std::string link;  // an absolute URL to the page it is about
  std::int64_t createdAt = 0;
};
void addDigestItem(Writing& c, const DigestItem& item);
// People with notices not yet carried by a digest created at or before `until`.
std::vector<std::int64_t> peopleWithDigest(Reading& c, std::int64_t until);
// The person's notices not yet carried, oldest first.
std::vector<DigestItem> pendingDigest(Reading& c, std::int64_t userId, std::int64_t until);
// The notices up to `lastId` are carried by the message `messageId`.
void markDigested(Writing& c, std::int64_t userId, std::int64_t lastId,
                  const std::string& messageId);

// True the first time (key, person) is given; false when it was given before.
bool giveReminder(Writing& c, const std::string& key, std::int64_t userId, const std::string& day);

// The Swedish day (YYYY-MM-DD) a job last ran, or nothing; and setting it.
std::optional<std::string> mailJobDay(Reading& c, const std::string& job);
void setMailJobDay(Writing& c, const std::string& job, const std::string& day);

}  // namespace sv::store
