// Liveness: what /healthz answers. A server that cannot read its database is not alive, so the
// check reads it rather than repeating what start-up found.
#pragma once

#include "server/store/store.hpp"

namespace sv::services {

// The schema version the database holds now. Throws store::DatabaseError when it cannot be read
// (the HTTP edge answers 500).
int liveSchemaVersion(store::Store& store);

}  // namespace sv::services
