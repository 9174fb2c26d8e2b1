// `samverkan verify`: an archival package checked offline against the data folder it came from.
// The bag's manifests and the SIP's METS checksums (archive.hpp, eark_sip.hpp); that the registry
// tag in the document's repository names the version the package says was registered, with the
// same committed file; and of the document's PDF, that it is still PDF/A as archived
// (pdf/pdfa_check.hpp) and that its e-seal verifies (seal.hpp). Minutes, follow-up and case
// reports and yearly summaries alike, and packages made before the SIP (a plain bag) too.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "workflows/result.hpp"

namespace sv::services {

struct PackageCheck {
  std::vector<std::string> problems;  // empty: the package is as registered
  std::vector<std::string> findings;  // what was shown, for the report: the seal, the PDF/A level
};

// Errors: those of reading the zip (checkBag). A package that reads but does not hold is not an
// error: its problems say why.
Result<PackageCheck> checkPackage(const std::filesystem::path& dataDir,
                                  const std::string& zipBytes);

}  // namespace sv::services
