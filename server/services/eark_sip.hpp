// The E-ARK SIP inside the archival package (CSIP 2.1, https://earkcsip.dilcis.eu): a folder
// named by the package's OBJID with METS.xml, the description (Dublin Core and EAD 3), PREMIS with
// every save, approval, the registration and the e-seal, and the representation's files with
// SHA-256 checksums. BagIt (archive.hpp) stays the outer wrapper; an archive reading METS and one
// reading BagIt both find what they expect.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "server/services/archive.hpp"

namespace sv::services {

// Something that happened to the document, for PREMIS: who did it, when, to which version.
struct SipEvent {
  std::string type;       // PREMIS eventType: "modification", "approval", "registration", ...
  std::string at;         // as stored (ISO 8601)
  std::string agentName;  // a person's name or username
  std::string agentRole;  // e.g. "Avtalsansvarig", "Registrator"
  std::string detail;     // the version and what the action was, in words
  // PREMIS agentType: "person" for the people, "organization" for the authority whose e-seal
  // it is (the software, Samverkan, is an agent of every package already).
  std::string agentType = "person";
};

struct SipInput {
  std::string objid;  // the package identifier, e.g. the registry number as a file name
  // What the package holds, in METS's csip:OTHERCONTENTINFORMATIONTYPE ("Samverkan registered
  // minutes") and as the record's dc:type in Swedish ("Protokoll").
  std::string contentType;
  std::string documentType;
  std::string title;
  std::string registryNumber;
  std::string authority;                // the archive creator (arkivbildare)
  std::string date;                     // the document's date (registration), ISO 8601
  std::string createdAt;                // the package's creation, xsd:dateTime in UTC
  std::vector<BagFile> representation;  // the document's forms and attachments (rep1/data/)
  std::vector<BagFile> otherMetadata;   // JSON records kept beside (metadata/other/)
  std::vector<SipEvent> events;
};

// The SIP's files, every path under `objid`/.
std::vector<BagFile> writeSip(const SipInput& in);

// Checks each file the METS.xml at `metsPath` lists (fileSec and mdRef) against its SIZE and
// CHECKSUM. `files` are the package's files by path; returns the problems, none when all match.
std::vector<std::string> checkSip(const std::map<std::string, std::string>& files,
                                  const std::string& metsPath);

}  // namespace sv::services
