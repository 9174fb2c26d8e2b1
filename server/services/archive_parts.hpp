// What the archival packages of registered documents share (minutes_archive.cpp,
// report_outputs.cpp): JSON written for people, the audit entries of the document, and the
// attachments as files of the bag with the list of their checksums.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "server/services/archive.hpp"
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

}  // namespace sv::services
