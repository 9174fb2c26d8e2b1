// What a data folder starts with: the administrator from SAMVERKAN_ADMIN_PASSWORD on an empty
// folder, and the demo data behind --demo (README lists its names and passwords).
#pragma once

#include <string>

#include "server/services/services.hpp"
#include "workflows/result.hpp"

namespace sv::app {

inline constexpr const char* kDemoPassword = "samverkan-demo";

// Creates `admin` in `organizationName` if the folder has no user yet and a password is given.
Result<bool> bootstrapAdmin(services::Services& services, const std::string& organizationName,
                            const std::string& password);

// Loads the demo organisations, people and contract; running it again changes nothing.
Result<bool> loadDemoData(services::Services& services);

}  // namespace sv::app
