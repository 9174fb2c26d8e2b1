// "Mina inställningar": a person reads and sets which e-mail they get. The rules of what may be
// chosen are mail_kinds'; here they are applied to what was sent, all before anything is written.
#include "server/services/mail_choices.hpp"

#include <array>
#include <utility>

#include "server/services/access.hpp"
#include "server/store/audit.hpp"
#include "server/store/mail_preferences.hpp"

namespace sv::services {
namespace {

constexpr std::array kAllChoices{mail::Choice::Now, mail::Choice::Digest, mail::Choice::Never};

struct Checked {
  std::string key;
  mail::Choice choice;
};

// One entry of the form or body, or the error it earns; the field is the kind's key so that a
// page can mark the group that is wrong.
Result<Checked> checkChoice(const std::string& key, const std::string& name) {
  const auto kind = mail::parseKind(key);
  if (!kind) return fail(Errc::Invalid, Reason::UnknownChoice, "no such kind of e-mail", key, key);
  const auto choice = mail::parseChoice(name);
  if (!choice)
    return fail(Errc::Invalid, Reason::UnknownChoice, "the choice is now, digest or never", key,
                name);
  if (mail::ruleOf(*kind).required && *choice != mail::Choice::Now)
    return fail(Errc::Invalid, Reason::MailKindRequired, "this e-mail is always sent at once", key,
                name);
  if (!mail::allows(*kind, *choice))
    return fail(Errc::Invalid, Reason::ChoiceNotAllowed, "this kind does not offer that choice",
                key, name);
  return Checked{key, *choice};
}

}  // namespace

std::vector<MailChoiceView> mailChoicesOf(store::Store& store, const Principal& viewer) {
  const auto stored =
      store.read([&](store::Reading& c) { return store::mailChoices(c, viewer.userId); });
  std::vector<MailChoiceView> out;
  for (const auto& rule : mail::kindRules()) {
    MailChoiceView view{rule.kind, std::string(rule.key), rule.fallback, {}, rule.required};
    const auto it = stored.find(view.key);
    view.choice = mail::effectiveChoice(
        rule.kind, it == stored.end() ? std::nullopt : mail::parseChoice(it->second));
    for (const auto choice : kAllChoices)
      if (mail::allows(rule.kind, choice)) view.allowed.push_back(choice);
    out.push_back(std::move(view));
  }
  return out;
}

Status setMailChoices(store::Store& store, const TimeSource& time, const Principal& viewer,
                      const std::map<std::string, std::string>& choices) {
  // The viewer is the only person whose choices this touches: there is no user id to name, so
  // no one can set another's (an administrator included).
  std::vector<Checked> checked;
  for (const auto& [key, name] : choices) {
    auto one = checkChoice(key, name);
    if (!one) return std::unexpected(one.error());
    checked.push_back(std::move(*one));
  }
  const auto now = time.now();
  return store.write([&](store::Writing& c) -> Status {
    for (const auto& one : checked)
      store::setMailChoice(c, viewer.userId, one.key, std::string(mail::nameOf(one.choice)));
    std::string said;
    for (const auto& one : checked)
      said += (said.empty() ? "" : ",") + one.key + "=" + std::string(mail::nameOf(one.choice));
    store::appendAudit(c,
                       auditBy(&viewer, "mail.preferences", "user", std::to_string(viewer.userId),
                               auditDetail({{"choices", said}})),
                       now);
    return {};
  });
}

}  // namespace sv::services
