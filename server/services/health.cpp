#include "server/services/health.hpp"

namespace sv::services {

int liveSchemaVersion(store::Store& store) {
  return store.readSchemaVersion();
}

}  // namespace sv::services
