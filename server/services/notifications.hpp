// A person's notifications (a protocol to approve, one returned, one registered): written by the
// minutes' lifecycle in the transaction of its step, read here.
#pragma once

#include <vector>

#include "server/store/approvals.hpp"
#include "server/store/store.hpp"
#include "workflows/principal.hpp"

namespace sv::services {

// The reader's own notifications, newest first, at most `limit`. Never fails: a person may
// always read their own.
std::vector<store::NotificationRow> notificationsOf(store::Store& store, const Principal& reader,
                                                    int limit);

}  // namespace sv::services
