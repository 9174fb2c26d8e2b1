// The material of a case (seed 002: "Först inhämtas material"): notes on its timeline by the
// contract manager, and marking the case acute at any step before it is reported, which tells the
// authority's director and committee secretary at once.
#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/services/case_notices.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<CaseView> CaseService::addNote(const store::Principal& actor, std::int64_t caseId,
                                      const std::string& text) {
  const auto now = time_.now();
  auto ok = store_.write([&](store::Writing& c) -> Status {
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    if (auto w = requireCaseWriter(actor, *ctx, "adds material to a case"); !w) return w;
    if (auto f = refuseFinished(*ctx); !f) return f;
    if (auto t = minutes::checkCaseText(text, "text"); !t) return t;
    const std::string when = formatIsoUtc(now);
    store::insertCaseEvent(c, {0, caseId, "note", actor.userId, "", text, std::nullopt,
                               std::nullopt, when});
    store::touchCase(c, caseId, when);
    store::appendAudit(c, auditBy(&actor, "case.note", "case", std::to_string(caseId)), now);
    return {};
  });
  if (!ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

Result<CaseView> CaseService::markAcute(const store::Principal& actor, std::int64_t caseId,
                                        const std::string& text) {
  const auto now = time_.now();
  auto ok = store_.write([&](store::Writing& c) -> Status {
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    if (auto w = requireCaseWriter(actor, *ctx, "marks a case acute"); !w) return w;
    if (auto f = refuseFinished(*ctx); !f) return f;
    if (ctx->row.urgency == "acute")
      return fail(Errc::Conflict, Reason::AlreadyAcute, "the case is acute already");
    if (auto t = minutes::checkCaseText(text, "text"); !t) return t;
    const std::string when = formatIsoUtc(now);
    store::markCaseAcute(c, caseId, when);
    store::insertCaseEvent(c, {0, caseId, "marked_acute", actor.userId, "", text, std::nullopt,
                               std::nullopt, when});
    const int told = tellCaseAcute(c, catalog_.mail, now, *ctx, text);
    store::appendAudit(c,
                       auditBy(&actor, "case.mark_acute", "case", std::to_string(caseId),
                               auditDetail({{"told", std::to_string(told)}})),
                       now);
    return {};
  });
  if (!ok) return std::unexpected(ok.error());
  return viewOf(actor, caseId);
}

}  // namespace sv::services
