// What the archival packages of the minutes and of the follow-up reports share.
#include "server/services/archive_parts.hpp"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

#include "workflows/text.hpp"

namespace sv::services {

std::string prettyJson(const Poco::JSON::Object& o) {
  std::ostringstream out;
  o.stringify(out, 2);
  return out.str() + "\n";
}

std::string prettyJson(const Poco::JSON::Array& a) {
  std::ostringstream out;
  a.stringify(out, 2);
  return out.str() + "\n";
}

Poco::JSON::Array auditJson(const std::vector<store::AuditRecord>& rows) {
  Poco::JSON::Array audit;
  Poco::JSON::Parser parser;
  for (const auto& r : rows) {
    Poco::JSON::Object e(Poco::JSON_PRESERVE_KEY_ORDER);
    e.set("id", r.id);
    e.set("at", r.at);
    e.set("actor", r.entry.actor);
    e.set("action", r.entry.action);
    e.set("version", r.entry.version);
    e.set("detail", parser.parse(r.entry.detail));
    e.set("hash", r.hash);
    audit.add(e);
  }
  return audit;
}

Result<Poco::JSON::Array> addAttachmentFiles(store::Store& st,
                                             const std::vector<store::AttachmentRow>& rows,
                                             std::vector<BagFile>& payload) {
  Poco::JSON::Array list;
  for (const auto& a : rows) {
    auto bytes = st.documents().readFile(a.repository, a.version, a.path);
    if (!bytes) return std::unexpected(bytes.error());
    // ASCII in the package: a zip without the UTF-8 flag (Poco's) is read in the unzip tool's
    // own code page, and BagIt percent-encodes '%'. bilagor.json keeps the name as uploaded.
    const std::string name = a.sha256 + "-" + text::asciiFileName(a.fileName);
    Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
    j.set("file", "bilagor/" + name);
    j.set("file_name", a.fileName);
    j.set("attached_to", a.document);
    j.set("content_type", a.contentType);
    j.set("size", a.size);
    j.set("sha256", a.sha256);
    j.set("git_blob", a.blobOid);
    j.set("uploaded_by", a.uploaderName);
    j.set("uploaded_at", a.uploadedAt);
    list.add(j);
    payload.push_back({"bilagor/" + name, std::move(*bytes)});
  }
  return list;
}

Poco::JSON::Object committedEntry(const std::string& path, const std::string& file) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("path", path);
  o.set("file", file);
  return o;
}

std::vector<SipEvent> auditEvents(const std::vector<store::AuditRecord>& audit) {
  std::vector<SipEvent> events;
  for (const auto& r : audit)
    events.push_back(
        {r.entry.action, r.at, r.entry.actor, "",
         r.entry.action + (r.entry.version.empty() ? "" : " version " + r.entry.version)});
  return events;
}

SipEvent registrationEvent(const std::string& at, const std::string& registrarName,
                           const std::string& number, const std::string& version) {
  return {"registration", at, registrarName, "registrator",
          "registered as " + number + " at version " + version};
}

std::optional<SipEvent> sealEvent(const pdf::SealKey* key, const std::string& at,
                                  const std::string& file) {
  if (key == nullptr) return std::nullopt;
  // PREMIS's own term (id.loc.gov/vocabulary/preservation/eventType), with the certificate's
  // subject as the agent: an archivist sees whose seal to expect without opening the PDF.
  return SipEvent{"digital signature generation",
                  at,
                  key->subject(),
                  "authority",
                  "PAdES baseline-B e-seal on representations/rep1/data/" + file +
                      ", certificate subject " + key->subject(),
                  "organization"};
}

std::pair<std::string, std::string> sipInBag(const std::string& name, const BagInfo& info,
                                             const SipInput& sip) {
  return {name + ".zip", writeBag(name, info, writeSip(sip))};
}

}  // namespace sv::services
