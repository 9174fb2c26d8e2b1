#include "server/services/notifications.hpp"

namespace sv::services {

std::vector<store::NotificationRow> notificationsOf(store::Store& store, const Principal& reader,
                                                    int limit) {
  return store.read(
      [&](store::Reading& c) { return store::listNotifications(c, reader.userId, limit); });
}

}  // namespace sv::services
