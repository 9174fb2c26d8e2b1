// Which e-mail a person gets (issue 12): their choice per kind, read and set by themselves
// ("Mina inställningar"), and the unsubscribe link of a message, which works without a login
// because the link's token proves whose it is. What the kinds and choices mean, and which are
// allowed, is workflows/mail_kinds.hpp's; this is the use case around it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/mail_kinds.hpp"
#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct MailChoiceView {
  mail::Kind kind;
  std::string key;                    // mail::keyOf(kind)
  mail::Choice choice;                // what holds now: the stored choice or the kind's default
  std::vector<mail::Choice> allowed;  // in the order now, digest, never
  bool required = false;              // always sent at once; the person cannot change it
};

// The viewer's own choices, one per kind in mail::kindRules() order. Never fails: every person
// logged in may read their own, and nobody reads another's.
std::vector<MailChoiceView> mailChoicesOf(store::Store& store, const Principal& viewer);

// The viewer sets their own choices, kind key → choice name ("reminder" → "digest"); kinds not
// named keep theirs. All or nothing: one wrong entry and nothing is written. One audit entry
// ("mail.preferences", user, the viewer's id) with the choices set.
// Errors (field = the kind key, value = the text sent):
//   Invalid/UnknownChoice (a key that is no kind, or a choice that is not now/digest/never),
//   Invalid/MailKindRequired (anything but "now" for a kind that is always sent),
//   Invalid/ChoiceNotAllowed (a choice the kind does not offer, e.g. a digest of invitations).
Status setMailChoices(store::Store& store, const TimeSource& time, const Principal& viewer,
                      const std::map<std::string, std::string>& choices);

// Whom an unsubscribe link is for, for its confirmation page.
struct UnsubscribeTarget {
  std::int64_t userId = 0;
  std::string name;  // the person's name
  mail::Kind kind;
};

// Errors: NotFound/None (no such token, an inactive person, or no such kind: one answer for all,
// so that a link tells nothing about what else exists).
Result<UnsubscribeTarget> unsubscribeTarget(store::Store& store, const std::string& token,
                                            const std::string& kindKey);

// The person of the token gets no more mail of the kind ("never"), with an audit entry by them
// ("mail.unsubscribe", user, their id). Unsubscribing twice succeeds and changes nothing more.
// Errors: NotFound/None (as unsubscribeTarget), Conflict/MailKindRequired (a kind always sent).
Result<UnsubscribeTarget> unsubscribeByToken(store::Store& store, const TimeSource& time,
                                             const std::string& token, const std::string& kindKey);

}  // namespace sv::services
