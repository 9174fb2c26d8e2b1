// Forms kept for a person whose session ended while they were typing (issue 19 point 5): the
// minutes form posted without a session is kept here under its owner, and given back to that
// owner alone after they log in again. The rules (who proves ownership, limits, expiry) are the
// service's (services/kept_forms.hpp); these are the rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/store/transaction.hpp"

namespace sv::store {

struct KeptForm {
  std::int64_t id = 0;
  std::int64_t userId = 0;
  std::int64_t meetingId = 0;
  std::string form;  // form-encoded fields
  std::int64_t keptAt = 0;
  std::int64_t expiresAt = 0;
};

// The active user named `username` if one of their sessions, seen at or after `seenSince`, was
// given `csrfToken`: proof that the posted form came from a page that person had open. Ended and
// expired sessions count (that is the point); a token of another user's session does not.
std::optional<std::int64_t> formOwner(Reading& c, const std::string& username,
                                      const std::string& csrfToken, std::int64_t seenSince);

// Stores the form and returns its id. Expired rows are removed first, and the owner keeps at
// most `perUser` unrestored forms (the oldest go), so that a loop of posts cannot fill the disk.
std::int64_t insertKeptForm(Writing& c, const KeptForm& form, int perUser, std::int64_t now);

// A form of `userId` not yet restored and not expired at `now`: by id, or the newest one of a
// meeting.
std::optional<KeptForm> findKeptForm(Reading& c, std::int64_t id, std::int64_t userId,
                                     std::int64_t now);
std::optional<KeptForm> newestKeptForm(Reading& c, std::int64_t userId, std::int64_t meetingId,
                                       std::int64_t now);

// Given back: the text is dropped (it is in the person's form now), the row stays for the audit.
void markKeptFormRestored(Writing& c, std::int64_t id, std::int64_t now);

}  // namespace sv::store
