#include "server/store/audit.hpp"

#include "server/crypto/crypto.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::store {
namespace {

constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// Length-prefixed fields, so no two different entries serialise to the same bytes.
std::string canonical(std::int64_t id, const std::string& at, const AuditEntry& e,
                      const std::string& prevHash) {
  std::string out;
  auto field = [&out](const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
  };
  field(std::to_string(id));
  field(at);
  field(e.actorId ? std::to_string(*e.actorId) : std::string());
  field(e.actor);
  field(e.action);
  field(e.objectType);
  field(e.objectId);
  field(e.version);
  field(e.detail);
  field(prevHash);
  return out;
}

}  // namespace

void appendAudit(Writing& conn, const AuditEntry& entry, TimePoint at) {
  std::int64_t lastId = 0;
  std::string lastHash = kGenesis;
  {
    auto head = conn.prepare("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
    if (head.step()) {
      lastId = head.int64(0);
      lastHash = head.text(1);
    }
  }
  const std::int64_t id = lastId + 1;
  const std::string when = formatIsoUtc(at);
  const std::string hash = crypto::sha256Hex(canonical(id, when, entry, lastHash));
  conn.prepare(
          "INSERT INTO audit_log (id, at, actor_id, actor, action, object_type, object_id, "
          "version, detail, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
      .bindAll(id, when, entry.actorId, entry.actor, entry.action, entry.objectType, entry.objectId,
               entry.version, entry.detail, lastHash, hash)
      .run();
  conn.prepare(
          "INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?1, ?2) "
          "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = "
          "excluded.last_hash")
      .bindAll(id, hash)
      .run();
}

namespace {

AuditRecord readRecord(const Statement& row) {
  AuditRecord r{row.int64(0), row.text(1), {}, row.text(10)};
  r.entry.actorId = row.optionalInt64(2);
  r.entry.actor = row.text(3);
  r.entry.action = row.text(4);
  r.entry.objectType = row.text(5);
  r.entry.objectId = row.text(6);
  r.entry.version = row.text(7);
  r.entry.detail = row.text(8);
  return r;
}

constexpr const char* kColumns =
    "SELECT id, at, actor_id, actor, action, object_type, object_id, version, detail, prev_hash, "
    "hash FROM audit_log ";

}  // namespace

namespace {

// The conditions of a query, ?1-?3 its own and the scope's plain `?` numbered after them.
std::string auditWhere(const SqlFilter& scope) {
  return "WHERE id > ?1 AND (?2 IS NULL OR object_type = ?2) AND (?3 IS NULL OR object_id = ?3) "
         "AND " +
         scope.sql;
}

void bindAudit(Statement& stmt, const AuditQuery& query, const SqlFilter& scope) {
  stmt.bindAll(query.afterId, query.objectType, query.objectId);
  for (std::size_t i = 0; i < scope.params.size(); ++i)
    stmt.bind(4 + static_cast<int>(i), scope.params[i]);
}

}  // namespace

std::vector<AuditRecord> listAudit(Reading& conn, const AuditQuery& query) {
  const SqlFilter scope = query.scope.auditEntries("audit_log");
  auto stmt = conn.prepare(std::string(kColumns) + auditWhere(scope) + " ORDER BY id" +
                           limitClause({query.limit, query.offset}));
  bindAudit(stmt, query, scope);
  std::vector<AuditRecord> out;
  while (stmt.step()) out.push_back(readRecord(stmt));
  return out;
}

std::int64_t countAudit(Reading& conn, const AuditQuery& query) {
  const SqlFilter scope = query.scope.auditEntries("audit_log");
  auto stmt = conn.prepare("SELECT COUNT(*) FROM audit_log " + auditWhere(scope));
  bindAudit(stmt, query, scope);
  return stmt.step() ? stmt.int64(0) : 0;
}

std::vector<AuditFinding> verifyAudit(Reading& conn) {
  std::vector<AuditFinding> findings;
  std::string expectedPrev = kGenesis;
  std::int64_t expectedId = 1;
  {
    auto stmt = conn.prepare(std::string(kColumns) + "ORDER BY id");
    while (stmt.step()) {
      const AuditRecord r = readRecord(stmt);
      const std::string prev = stmt.text(9);
      if (r.id != expectedId)
        findings.push_back({r.id, "entries before " + std::to_string(r.id) + " are missing"});
      if (prev != expectedPrev) findings.push_back({r.id, "does not follow the entry before it"});
      if (crypto::sha256Hex(canonical(r.id, r.at, r.entry, prev)) != r.hash)
        findings.push_back({r.id, "was changed after it was written"});
      expectedPrev = r.hash;
      expectedId = r.id + 1;
    }
  }
  auto head = conn.prepare("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
  if (head.step()) {
    if (head.int64(0) != expectedId - 1 || head.text(1) != expectedPrev)
      findings.push_back({head.int64(0), "the log ends before its last recorded entry"});
  } else if (expectedId != 1) {
    findings.push_back({0, "the record of the last entry is missing"});
  }
  return findings;
}

}  // namespace sv::store
