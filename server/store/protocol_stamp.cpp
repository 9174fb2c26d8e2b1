#include "server/store/protocol_stamp.hpp"

namespace sv::store {

std::optional<ProtocolStamp> protocolStamp(Reading& c, const TenantScope& scope,
                                           std::int64_t meetingId, std::int64_t contractId,
                                           const std::string& repository,
                                           const std::string& document) {
  const auto filter = scope.contracts("c");
  // The scope's own `?` parameters come after ?1 … ?4, so they are numbered from 5.
  auto s = c.prepare(
      "SELECT (SELECT v.version FROM document_versions v WHERE v.repository = ?3 AND "
      "v.document = ?4 ORDER BY v.id DESC LIMIT 1), "
      "(SELECT COUNT(*) FROM minutes_approvals a WHERE a.meeting_id = m.id), "
      "(SELECT COALESCE(MAX(a.id), 0) FROM minutes_approvals a WHERE a.meeting_id = m.id), "
      "(SELECT COUNT(*) FROM minutes_approvals a WHERE a.meeting_id = m.id AND "
      "a.superseded_at IS NOT NULL), "
      "(SELECT r.number FROM registry r WHERE r.meeting_id = m.id), "
      "(SELECT COUNT(*) FROM attachments t WHERE t.meeting_id = m.id AND t.removed_at IS NULL), "
      "(SELECT COALESCE(MAX(t.id), 0) FROM attachments t WHERE t.meeting_id = m.id) "
      "FROM meetings m JOIN contracts c ON c.id = m.contract_id "
      "WHERE m.id = ?1 AND m.contract_id = ?2 AND " +
      filter.sql);
  s.bindAll(meetingId, contractId, repository, document);
  int index = 5;
  for (const auto p : filter.params) s.bind(index++, p);
  if (!s.step()) return std::nullopt;
  return ProtocolStamp{s.optionalText(0), s.int64(1), s.int64(2), s.int64(3),
                       s.optionalText(4), s.int64(5), s.int64(6)};
}

}  // namespace sv::store
