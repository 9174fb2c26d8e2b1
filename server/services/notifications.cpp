#include "server/services/notifications.hpp"

#include "server/services/access.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

std::vector<store::NotificationRow> notificationsOf(store::Store& store, const Principal& reader,
                                                    int limit) {
  return store.read(
      [&](store::Reading& c) { return store::listNotifications(c, reader.userId, limit); });
}

Status markNotificationRead(store::Store& store, const TimeSource& time, const Principal& reader,
                            std::int64_t id) {
  const auto now = time.now();
  return store.write([&](store::Writing& c) -> Status {
    if (!store::markNotificationRead(c, reader.userId, id, formatIsoUtc(now)))
      return fail(Errc::NotFound, "no such notification");
    store::appendAudit(c, auditBy(&reader, "notification.read", "notification", std::to_string(id)),
                       now);
    return {};
  });
}

}  // namespace sv::services
