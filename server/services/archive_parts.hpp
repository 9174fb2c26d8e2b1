// What the archival packages of registered documents share (minutes_archive.cpp,
// report_outputs.cpp): JSON written for people, the audit entries of the document, and the
// attachments as files of the bag with the list of their checksums.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/pdf/seal.hpp"
#include "server/services/archive.hpp"
#include "server/services/eark_sip.hpp"
#include "server/store/attachments.hpp"
#include "server/store/audit.hpp"
#include "server/store/store.hpp"
#include "workflows/result.hpp"

namespace sv::services {

// Indented by two, with a trailing newline.
std::string prettyJson(const Poco::JSON::Object& o);
std::string prettyJson(const Poco::JSON::Array& a);

// The audit entries with their hashes, as audit.json holds them.
Poco::JSON::Array auditJson(const std::vector<store::AuditRecord>& rows);

// The attachments as files of the bag under bilagor/ (their checksums go into the bag's manifest
// like every file's), and the list of them with the checksums they were uploaded with.
// Errors: those of reading the bytes from git.
Result<Poco::JSON::Array> addAttachmentFiles(store::Store& st,
                                             const std::vector<store::AttachmentRow>& rows,
                                             std::vector<BagFile>& payload);

// A case's report takes its case along (case_archive.cpp): arende.json (facts, timeline, who was
// told of it, the plan's rounds), arende-audit.json, atgardsplan.md/.json as last saved (sealed
// with the report), added to `payload`; returns the case's attachments for the bag's bilagor/.
// Errors: those of reading git, Internal when the case is gone.
Result<std::vector<store::AttachmentRow>> addCaseFiles(store::Store& st,
                                                       const std::string& repository,
                                                       std::int64_t caseId,
                                                       std::vector<BagFile>& payload);

// metadata.json's "committed": the document's file in git at the registered version (`path`)
// and its copy in the package (`file`, under metadata/other/), which `samverkan verify` compares.
Poco::JSON::Object committedEntry(const std::string& path, const std::string& file);

// PREMIS events every package has: each audited action on the document by its actor (saves with
// their version), then the registration by the registrar.
std::vector<SipEvent> auditEvents(const std::vector<store::AuditRecord>& audit);
SipEvent registrationEvent(const std::string& at, const std::string& registrarName,
                           const std::string& number, const std::string& version);
// The e-seal put on `file` (the PDF in the representation) by the authority whose certificate
// `key` holds; none when the PDF is not sealed (a service without a key, as in some tests).
std::optional<SipEvent> sealEvent(const pdf::SealKey* key, const std::string& at,
                                  const std::string& file);

// The package as a client downloads it: `sip` as an E-ARK SIP (writeSip) in the BagIt bag `name`.
std::pair<std::string, std::string> sipInBag(const std::string& name, const BagInfo& info,
                                             const SipInput& sip);

}  // namespace sv::services
