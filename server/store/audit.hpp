// The append-only audit log. Entries are written inside the same transaction as the change they
// record, so a change and its entry are acknowledged together or not at all. Each entry carries
// the SHA-256 of the previous one; audit_head names the last, so a truncated tail is found too.
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
  std::int64_t id;  // the first entry that does not verify (0: the head record)
  std::string problem;
};
// Walks the whole chain; an empty result means every entry is as it was written.
std::vector<AuditFinding> verifyAudit(Reading& conn);

}  // namespace sv::store
