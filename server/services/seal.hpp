// The authority's e-seal around the PDFs the services hand out: the key loaded once at start (a
// PKCS#12 file named in the properties, or a demo certificate made on an empty data folder),
// registered documents sealed with it, and a package's PDF checked against its seal offline.
// The signature itself is server/pdf/seal.hpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "server/pdf/seal.hpp"
#include "workflows/clock.hpp"
#include "workflows/result.hpp"

namespace sv::services {

struct SealKeySource {
  std::filesystem::path pkcs12File;  // samverkan.seal.pkcs12_file; default seal.p12 in the folder
  std::string password;              // from samverkan.seal.pkcs12_password_file or the environment
  // Whether the file is the data folder's own default: only then is a missing one made (a demo
  // certificate); a file named in the properties that is missing stops the start.
  bool madeIfMissing = false;
  std::string organization;  // samverkan.bootstrap.organization, in the demo certificate's subject
};

struct LoadedSealKey {
  pdf::SealKey key;
  bool demoMade = false;  // a demo certificate was made now (the start logs it)
};

// The key from `source`, or on an empty data folder a new demo certificate written there first
// (mode 0600, synced). Errors: Invalid/SealKeyUnreadable (SealKey::fromPkcs12), NotFound (a named
// file that is not there), Internal (the file cannot be written).
Result<LoadedSealKey> loadSealKey(const SealKeySource& source, TimePoint now);

// `pdf` sealed with `key` at `at`, the /Reason naming the registry number; without a key (a
// service built without one, as in some tests) the PDF as it is.
Result<std::string> sealRegistered(const pdf::SealKey* key, std::string pdf,
                                   const std::string& registryNumber, TimePoint at);

// The seal of a PDF taken from an archival package, checked offline (pdf::verifySeal): the subject
// of the certificate that sealed it, or Invalid/SealMissing, Invalid/SealBroken.
Result<pdf::SealCheck> checkSealOf(std::string_view pdf);

}  // namespace sv::services
