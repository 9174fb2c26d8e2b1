// The append-only audit log. Entries are written inside the same transaction as the change they
// record, so a change and its entry are acknowledged together or not at all. Each entry carries
// the SHA-256 of the previous one; audit_head names the last. That chain alone an attacker with
// the database file can recompute, so each entry is also sealed with a key kept outside the
// database, and its head anchored in a file beside the key (audit_seal.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/paging.hpp"
#include "server/store/principal.hpp"
#include "server/store/transaction.hpp"
#include "workflows/clock.hpp"

namespace sv::store {

class AuditSeal;
struct AnchorFile;

// The previous hash of the first entry.
inline constexpr const char* kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEntry {
  std::optional<std::int64_t> actorId;  // none for the system itself (start-up, repair)
  std::string actor;                    // username, kept even if the user is later renamed
  std::string action;                   // e.g. "user.create", "login.throttled"
  std::string objectType;
  std::string objectId;
  std::string version{};     // the document version (commit id) where there is one
  std::string detail{"{}"};  // JSON
};

struct AuditRecord {
  std::int64_t id;
  std::string at;
  AuditEntry entry;
  std::string hash;
};

// Must be called on the writer connection inside Database::write.
void appendAudit(Writing& conn, const AuditEntry& entry, TimePoint at);

struct AuditQuery {
  std::optional<std::string> objectType;
  std::optional<std::string> objectId;
  std::int64_t afterId = 0;
  int limit = 100;
  std::int64_t offset = 0;
  // Whose entries: the log is tenant data like the rest (TenantScope::auditEntries).
  TenantScope scope = TenantScope::system();
};
// Oldest first (by id): `limit` entries from `offset`.
std::vector<AuditRecord> listAudit(Reading& conn, const AuditQuery& query);
// How many entries `query` finds, whatever its limit and offset.
std::int64_t countAudit(Reading& conn, const AuditQuery& query);

struct AuditFinding {
  std::int64_t id;  // the entry that does not verify (0: the head record or the anchor itself)
  std::string problem;
};
struct AuditReport {
  std::vector<AuditFinding> findings;  // empty: every entry is as it was written, none is missing
  std::vector<std::string> notes;      // what was checked, how far it is sealed and anchored
};
// Walks the whole chain, each entry's seal under the key, and the anchor's lines against it. The
// anchor is read before the snapshot `conn` began (Store::verifyAudit), so a line appended by a
// commit after the snapshot cannot make an honest log look cut short.
AuditReport verifyAudit(Reading& conn, const AuditSeal& seal, const AnchorFile& anchor);

}  // namespace sv::store
