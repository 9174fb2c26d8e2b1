// What a data folder starts with: the administrator from SAMVERKAN_ADMIN_PASSWORD on an empty
// folder, and the demo data behind --demo (README lists its names and passwords).
#pragma once

#include <string>

#include "server/app/settings.hpp"
#include "server/services/seal.hpp"
#include "server/services/services.hpp"
#include "workflows/result.hpp"

namespace sv::app {

inline constexpr const char* kDemoPassword = "samverkan-demo";

// Creates `admin` in `organizationName` if the folder has no user yet and a password is given.
Result<bool> bootstrapAdmin(services::Services& services, const std::string& organizationName,
                            const std::string& password);

// The e-seal's key as the settings name it: samverkan.seal.pkcs12_file, or seal.p12 in the data
// folder, made as a demo certificate for samverkan.bootstrap.organization when the folder has
// none; the password from samverkan.seal.pkcs12_password_file (its first line) or else the
// environment's SAMVERKAN_SEAL_PASSWORD (empty when neither). services::loadSealKey's errors,
// and Invalid when the password file cannot be read.
Result<services::LoadedSealKey> prepareSeal(const Settings& settings, TimePoint now);

// Loads the demo organisations, people and contract; running it again changes nothing.
Result<bool> loadDemoData(services::Services& services);

}  // namespace sv::app
