// The unsubscribe link of an optional message (RFC 8058 one-click, and a page for people): it
// works without a login, so the token in the link is the only proof of whose choice it changes.
// A wrong token and a wrong kind answer alike, so that guessing learns nothing.
#include "server/services/access.hpp"
#include "server/services/mail_choices.hpp"
#include "server/store/accounts.hpp"
#include "server/store/audit.hpp"
#include "server/store/mail_preferences.hpp"

namespace sv::services {
namespace {

struct Found {
  Principal person;
  mail::Kind kind;
};

// Inside the caller's transaction, so that the person found is the person changed.
Result<Found> findTarget(store::Reading& c, const std::string& token, const std::string& kindKey) {
  const auto kind = mail::parseKind(kindKey);
  const auto userId = token.empty() ? std::nullopt : store::userOfMailToken(c, token);
  // An inactive account loads no principal: its links stop working with it.
  auto person = userId ? store::loadPrincipal(c, *userId) : std::nullopt;
  if (!kind || !person) return fail(Errc::NotFound, "no such unsubscribe link");
  return Found{std::move(*person), *kind};
}

UnsubscribeTarget targetOf(const Found& found) {
  return UnsubscribeTarget{found.person.userId, found.person.name, found.kind};
}

}  // namespace

Result<UnsubscribeTarget> unsubscribeTarget(store::Store& store, const std::string& token,
                                            const std::string& kindKey) {
  return store.read([&](store::Reading& c) -> Result<UnsubscribeTarget> {
    auto found = findTarget(c, token, kindKey);
    if (!found) return std::unexpected(found.error());
    return targetOf(*found);
  });
}

Result<UnsubscribeTarget> unsubscribeByToken(store::Store& store, const TimeSource& time,
                                             const std::string& token, const std::string& kindKey) {
  const auto now = time.now();
  return store.write([&](store::Writing& c) -> Result<UnsubscribeTarget> {
    auto found = findTarget(c, token, kindKey);
    if (!found) return std::unexpected(found.error());
    const auto& rule = mail::ruleOf(found->kind);
    if (rule.required)
      return fail(Errc::Conflict, Reason::MailKindRequired,
                  "this e-mail is part of the record and always sent", "kind",
                  std::string(rule.key));
    const std::string key(rule.key);
    const std::string never(mail::nameOf(mail::Choice::Never));
    if (store::mailChoice(c, found->person.userId, key) != never) {
      store::setMailChoice(c, found->person.userId, key, never);
      store::appendAudit(
          c,
          auditBy(&found->person, "mail.unsubscribe", "user", std::to_string(found->person.userId),
                  auditDetail({{"kind", key}})),
          now);
    }
    return targetOf(*found);
  });
}

}  // namespace sv::services
