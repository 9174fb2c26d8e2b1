#include "server/services/notifications.hpp"

#include "server/services/access.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

store::Page<store::NotificationRow> notificationsOf(store::Store& store, const Principal& reader,
                                                    store::PageSpan span) {
  return store.read([&](store::Reading& c) {
    return store::Page<store::NotificationRow>{store::listNotifications(c, reader.userId, span),
                                               store::countNotifications(c, reader.userId)};
  });
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
