// The service fixture with what the e-mail tests look at: a person's stored choices, the choices
// that hold, their unsubscribe token and the audit entries on their user.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/services/mail_choices.hpp"
#include "server/store/audit.hpp"
#include "server/store/mail_preferences.hpp"
#include "service_fixture.hpp"

namespace sv::test {

struct MailFixture : ServiceFixture {
  std::map<std::string, std::string> stored(const Principal& who) {
    return store->read([&](store::Reading& c) { return store::mailChoices(c, who.userId); });
  }

  std::string tokenOf(const Principal& who) {
    return store->write(
        [&](store::Writing& c) { return store::mailToken(c, who.userId, "t-" + who.username); });
  }

  // The e-mail entries only: creating the person wrote one on their user too.
  std::vector<store::AuditEntry> auditOf(const Principal& who) {
    std::vector<store::AuditEntry> out;
    for (const auto& r : store->auditEntries(
             {.objectType = "user", .objectId = std::to_string(who.userId), .limit = 100}))
      if (r.entry.action.starts_with("mail.")) out.push_back(r.entry);
    return out;
  }

  std::map<std::string, mail::Choice> effective(const Principal& who) {
    std::map<std::string, mail::Choice> out;
    for (const auto& v : services::mailChoicesOf(*store, who)) out[v.key] = v.choice;
    return out;
  }
};

}  // namespace sv::test
