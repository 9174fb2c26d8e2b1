#include "server/services/notifications.hpp"

namespace sv::services {

std::vector<store::NotificationRow> notificationsOf(store::Store& store, const Principal& reader,
                                                    int limit) {
  return store.db().read(
      [&](store::Connection& c) { return store::listNotifications(c, reader.userId, limit); });
}

}  // namespace sv::services
