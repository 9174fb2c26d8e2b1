// Opening an event-driven case: the contract manager records what happened, when, what set the
// follow-up off and how urgent it is. In the same transaction the timeline starts, the provider's
// people are told, and for an acute case the director and the committee secretary at once.
#include "server/services/access.hpp"
#include "server/services/case_context.hpp"
#include "server/services/case_notices.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<CaseView> CaseService::open(const store::Principal& actor, const NewCase& what) {
  const auto now = time_.now();
  auto id = store_.write([&](store::Writing& c) -> Result<std::int64_t> {
    auto contract = contractFor(c, actor, what.contractId);
    if (!contract) return std::unexpected(contract.error());
    if (!managesContract(actor, *contract))
      return fail(Errc::Forbidden, Reason::NotCaseWriter,
                  "only the authority's contract manager opens a case");
    auto opening = minutes::checkCaseOpening(what.trigger, what.title, what.description,
                                             what.occurredOn, what.urgency,
                                             toStockholm(now).date);
    if (!opening) return std::unexpected(opening.error());
    const std::string when = formatIsoUtc(now);
    store::CaseRow row;
    row.contractId = contract->id;
    row.trigger = std::string(minutes::toString(opening->trigger));
    row.title = opening->title;
    row.description = opening->description;
    row.occurredOn = formatDate(opening->occurredOn);
    row.urgency = std::string(minutes::toString(opening->urgency));
    row.openedBy = actor.userId;
    row.openedAt = when;
    const auto caseId = store::insertCase(c, row);
    store::insertCaseEvent(c, {0, caseId, "opened", actor.userId, "", opening->description,
                               std::nullopt, std::nullopt, when});
    store::appendAudit(c,
                       auditBy(&actor, "case.open", "case", std::to_string(caseId),
                               auditDetail({{"contract", std::to_string(contract->id)},
                                            {"trigger", row.trigger},
                                            {"urgency", row.urgency}})),
                       now);
    auto ctx = readCaseContext(c, actor, caseId);
    if (!ctx) return std::unexpected(ctx.error());
    tellCaseOpened(c, catalog_.mail, now, *ctx);
    if (opening->urgency == minutes::CaseUrgency::Acute)
      tellCaseAcute(c, catalog_.mail, now, *ctx, opening->description);
    return caseId;
  });
  if (!id) return std::unexpected(id.error());
  return viewOf(actor, *id);
}

}  // namespace sv::services
