#include "server/store/audit.hpp"

#include "server/crypto/crypto.hpp"
#include "server/store/audit_seal.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::store {
namespace {

constexpr const char* kGenesis = kAuditGenesis;

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
  std::optional<std::string> mac;
  if (AuditSeal* seal = conn.auditSeal()) mac = seal->mac(AnchorLine::Kind::Head, id, hash);
  conn.prepare(
          "INSERT INTO audit_log (id, at, actor_id, actor, action, object_type, object_id, "
          "version, detail, prev_hash, hash, mac) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bindAll(id, when, entry.actorId, entry.actor, entry.action, entry.objectType, entry.objectId,
               entry.version, entry.detail, lastHash, hash, mac)
      .run();
  conn.prepare(
          "INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?1, ?2) "
          "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = "
          "excluded.last_hash")
      .bindAll(id, hash)
      .run();
  if (AuditSeal* seal = conn.auditSeal()) seal->written(id, *mac);
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

constexpr const char* kAuditColumns =
    "SELECT id, at, actor_id, actor, action, object_type, object_id, version, detail, prev_hash, "
    "hash FROM audit_log ";

// The conditions of a query, ?1-?3 its own and the scope's plain `?` numbered after them.
std::string auditWhere(const SqlFilter& scope) {
  // Typed where first tested for NULL: PostgreSQL cannot guess a parameter's type from that.
  return "WHERE id > ?1 AND (CAST(?2 AS TEXT) IS NULL OR object_type = ?2) AND "
         "(CAST(?3 AS TEXT) IS NULL OR object_id = ?3) AND " +
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
  auto stmt = conn.prepare(std::string(kAuditColumns) + auditWhere(scope) + " ORDER BY id" +
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

namespace {

// The anchor's own form: a Seal line first, then heads that only go up.
std::int64_t checkAnchorForm(const AnchorFile& anchor, AuditReport& report) {
  if (!anchor.exists) {
    report.findings.push_back({0, "the audit anchor is missing"});
    return 0;
  }
  for (const auto number : anchor.unreadable)
    report.findings.push_back(
        {0, "line " + std::to_string(number) + " of the audit anchor is not one the server wrote"});
  if (anchor.lines.empty()) {
    report.findings.push_back({0, "the audit anchor is empty"});
    return 0;
  }
  const auto& first = anchor.lines.front();
  std::int64_t sealedFrom = 0;
  if (first.kind == AnchorLine::Kind::Seal) {
    sealedFrom = first.id;
  } else if (first.kind == AnchorLine::Kind::Restart) {
    report.findings.push_back(
        {first.id,
         "the audit anchor was found missing and started again at this entry: entries "
         "removed before then cannot be found"});
  } else {
    report.findings.push_back({0, "the audit anchor does not begin with its seal"});
  }
  for (std::size_t i = 1; i < anchor.lines.size(); ++i) {
    const auto& line = anchor.lines[i];
    if (line.kind != AnchorLine::Kind::Head)
      report.findings.push_back({line.id, "the audit anchor was begun again in its middle"});
    if (line.id <= anchor.lines[i - 1].id)
      report.findings.push_back({line.id, "the audit anchor goes back to an earlier entry"});
  }
  return sealedFrom;
}

}  // namespace

AuditReport verifyAudit(Reading& conn, const AuditSeal& seal, const AnchorFile& anchor) {
  AuditReport report;
  auto& findings = report.findings;
  const std::int64_t sealedFrom = checkAnchorForm(anchor, report);
  const auto& lines = anchor.lines;
  std::size_t next = 0;  // the next anchor line to meet its entry
  const auto checkLine = [&](const AnchorLine& line, const std::string& hash) {
    if (seal.mac(line.kind, line.id, hash) != line.mac)
      findings.push_back({line.id, "differs from what the audit anchor recorded for it"});
  };
  for (; next < lines.size() && lines[next].id == 0; ++next) checkLine(lines[next], kGenesis);

  std::string expectedPrev = kGenesis;
  std::int64_t expectedId = 1;
  std::int64_t firstUnsealed = 0;
  {
    auto stmt = conn.prepare(
        "SELECT id, at, actor_id, actor, action, object_type, object_id, version, detail, "
        "prev_hash, hash, mac FROM audit_log ORDER BY id");
    while (stmt.step()) {
      const AuditRecord r = readRecord(stmt);
      const std::string prev = stmt.text(9);
      if (r.id != expectedId)
        findings.push_back({r.id, "entries before " + std::to_string(r.id) + " are missing"});
      if (prev != expectedPrev) findings.push_back({r.id, "does not follow the entry before it"});
      if (crypto::sha256Hex(canonical(r.id, r.at, r.entry, prev)) != r.hash)
        findings.push_back({r.id, "was changed after it was written"});
      for (; next < lines.size() && lines[next].id < r.id; ++next)
        findings.push_back({lines[next].id, "is in the audit anchor but missing from the log"});
      for (; next < lines.size() && lines[next].id == r.id; ++next) checkLine(lines[next], r.hash);
      if (auto mac = stmt.optionalText(11)) {
        if (seal.mac(AnchorLine::Kind::Head, r.id, r.hash) != *mac)
          findings.push_back({r.id, "its seal does not match: changed without the audit key"});
      } else if (r.id >= sealedFrom && firstUnsealed == 0) {
        firstUnsealed = r.id;
        findings.push_back({r.id, "has no seal, though the log was sealed before it"});
      }
      expectedPrev = r.hash;
      expectedId = r.id + 1;
    }
  }
  const std::int64_t lastId = expectedId - 1;
  auto head = conn.prepare("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
  if (head.step()) {
    if (head.int64(0) != lastId || head.text(1) != expectedPrev)
      findings.push_back({head.int64(0), "the log ends before its last recorded entry"});
  } else if (lastId != 0) {
    findings.push_back({0, "the record of the last entry is missing"});
  }
  if (next < lines.size())
    findings.push_back({lines.back().id, "the audit anchor records entries through " +
                                             std::to_string(lines.back().id) +
                                             ", but the log ends at " + std::to_string(lastId) +
                                             ": entries were removed"});

  report.notes.push_back(std::to_string(lastId) + " entries in the log");
  if (sealedFrom > 1)
    report.notes.push_back("entries 1-" + std::to_string(sealedFrom - 1) +
                           " were written before the audit key existed; entry " +
                           std::to_string(sealedFrom) +
                           ", written when it was made, seals them through the chain");
  else if (!lines.empty() && lines.front().kind == AnchorLine::Kind::Seal)
    report.notes.push_back("every entry is sealed with the audit key");
  const std::int64_t anchored = lines.empty() ? 0 : lines.back().id;
  report.notes.push_back("the audit anchor records entries through " + std::to_string(anchored));
  if (anchored < lastId)
    report.notes.push_back("entries " + std::to_string(anchored + 1) + "-" +
                           std::to_string(lastId) +
                           " were committed after the anchor's last line (a write under way, "
                           "or a crash before its line); their seals are checked");
  return report;
}

}  // namespace sv::store
