// The archival package of registered minutes: a BagIt bag (RFC 8493) in a zip, holding the
// protocol as Markdown, HTML and PDF/A, its metadata, the approvals and the document's audit
// entries, with SHA-256 manifests that anyone can check later (sha256sum -c manifest-sha256.txt).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "workflows/result.hpp"

namespace sv::services {

struct BagFile {
  std::string path;  // inside data/, e.g. "protocol.pdf"
  std::string bytes;
};

struct BagInfo {
  std::string sourceOrganization;
  std::string externalIdentifier;  // the registry number
  std::string baggingDate;         // YYYY-MM-DD
  std::string description;
};

// The bag as zip bytes; every file sits under the top folder `name`/.
std::string writeBag(const std::string& name, const BagInfo& info,
                     const std::vector<BagFile>& payload);

struct BagCheck {
  std::vector<std::string> problems;         // empty: every file is as the manifests say
  std::map<std::string, std::string> files;  // path inside the bag -> bytes, for further checks
};
// Reads a zip made by writeBag (or any BagIt zip with SHA-256 manifests) and checks it.
Result<BagCheck> checkBag(const std::string& zipBytes);

}  // namespace sv::services
