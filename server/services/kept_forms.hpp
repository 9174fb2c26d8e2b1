// Typed text is never lost (issue 19 point 5): a minutes form posted after its session ended
// (30 idle minutes, or a logout in another tab) is kept for the person whose page it was, and
// given back to them, once, after they log in again. The post carries no session, so ownership
// is proven by the form itself: the username of the page's owner and the CSRF token of a session
// that person had (ended or not, seen within `keepFor`). A stranger who cannot log in as that
// person never reads it; a foreign site, which cannot know the token, cannot plant text for them.
// Every keep and restore is in the audit log.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct KeptFormRules {
  std::chrono::seconds keepFor{24 * 3600};  // a kept form, and the session that proves it
  std::size_t maxBytes = 1024 * 1024;       // the form as kept; minutes are far smaller
  int perUser = 5;                          // unrestored forms a person can have at once
};

struct KeptMinutesForm {
  std::int64_t id = 0;
  std::int64_t meetingId = 0;
  std::string form;  // the fields as posted, form-encoded, without a CSRF token
  TimePoint keptAt;
};

// Keeps the form of meeting `meetingId` for `username`, proven by `csrfToken`; the meeting must be
// one that person may see. Returns the kept form's id.
// Errors: Unauthenticated/KeptFormUnproven (no such person, no session of theirs with that token,
// or a meeting they may not see), Invalid/KeptFormTooLarge.
Result<std::int64_t> keepMinutesForm(store::Store& store, const TimeSource& time,
                                     std::int64_t meetingId, const std::string& username,
                                     const std::string& csrfToken, const std::string& form,
                                     const KeptFormRules& rules = {});

// The viewer's kept form `id` of meeting `meetingId`, given back: it is marked restored (it is
// not given twice) with an audit entry.
// Errors: NotFound (none, another person's, restored already, expired, another meeting's).
Result<KeptMinutesForm> restoreMinutesForm(store::Store& store, const TimeSource& time,
                                           const Principal& viewer, std::int64_t meetingId,
                                           std::int64_t id);

// The viewer's newest kept form of the meeting that has not been given back, if any: the edit
// page offers it when the person came back some other way than through the login.
std::optional<KeptMinutesForm> pendingMinutesForm(store::Store& store, const TimeSource& time,
                                                  const Principal& viewer, std::int64_t meetingId);

}  // namespace sv::services
