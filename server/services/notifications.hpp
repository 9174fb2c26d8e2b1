// A person's notifications (a protocol to approve, one returned, one registered): written by the
// minutes' lifecycle in the transaction of its step, read here.
#pragma once

#include <vector>

#include "server/store/approvals.hpp"
#include "server/store/store.hpp"
#include "workflows/clock.hpp"
#include "workflows/principal.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// The reader's own notifications, newest first, `span` of them, and how many they have. Never
// fails: a person may always read their own.
store::Page<store::NotificationRow> notificationsOf(store::Store& store, const Principal& reader,
                                                    store::PageSpan span);

// The reader marks one of their own notifications read, with an audit entry. Marking it again
// changes nothing and succeeds.
// Errors: NotFound/None (no such notification of the reader's: another person's answers the same).
Status markNotificationRead(store::Store& store, const TimeSource& time, const Principal& reader,
                            std::int64_t id);

}  // namespace sv::services
