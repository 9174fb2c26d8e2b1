#include "server/services/case_context.hpp"

#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

std::string CaseService::documentOf(std::int64_t caseId) {
  return "cases/" + std::to_string(caseId);
}

std::string CaseService::planDocumentOf(std::int64_t caseId) {
  return documentOf(caseId) + "/plan";
}

Result<CaseContext> readCaseContext(store::Reading& c, const store::Principal& viewer,
                                    std::int64_t caseId) {
  auto row = store::findCase(c, store::TenantScope::of(viewer), caseId);
  if (!row) return fail(Errc::NotFound, "no such case");
  auto contract = contractFor(c, viewer, row->contractId);
  if (!contract) return fail(Errc::NotFound, "no such case");
  CaseContext ctx;
  ctx.state = minutes::parseCaseState(row->state).value_or(minutes::CaseState::Collecting);
  ctx.row = std::move(*row);
  ctx.contract = std::move(*contract);
  ctx.repository = AgendaService::repositoryOf(ctx.contract.id);
  return ctx;
}

bool mayWriteCase(const store::Principal& p, const CaseContext& ctx) {
  return managesContract(p, ctx.contract);
}

Status requireCaseWriter(const store::Principal& p, const CaseContext& ctx,
                         const std::string& doing) {
  if (mayWriteCase(p, ctx)) return {};
  return fail(Errc::Forbidden, Reason::NotCaseWriter,
              "only the authority's contract manager " + doing);
}

bool mayWritePlan(const store::Principal& p, const CaseContext& ctx) {
  return p.organizationId == ctx.contract.providerId && p.has(store::Role::ProviderRep);
}

std::set<std::string> caseRolesOf(const store::Principal& p, const CaseContext& ctx) {
  auto roles = accountRolesFor(p, ctx.contract);
  if (p.isAdmin()) roles.emplace("contract_manager");
  return roles;
}

Status refuseFinished(const CaseContext& ctx) {
  if (ctx.state == minutes::CaseState::Reported || ctx.state == minutes::CaseState::Closed)
    return fail(Errc::Conflict, Reason::CaseClosed,
                "the case is reported to the committee and takes no more changes");
  return {};
}

std::string staleBefore(TimePoint now, int days) {
  return formatIsoUtc(now - std::chrono::days{days});
}

CaseListItem listItemOf(store::CaseRow row, TimePoint now, int staleDays) {
  CaseListItem item;
  item.state = minutes::parseCaseState(row.state).value_or(minutes::CaseState::Collecting);
  const Date today = toStockholm(now).date;
  std::optional<Date> due;
  if (row.planDueOn)
    if (auto d = parseDate(*row.planDueOn)) due = *d;
  item.planOverdue = minutes::isPlanOverdue(item.state, due, today);
  if (auto progressed = parseDateTime(row.progressedAt))
    item.stale =
        minutes::isStale(item.state, toStockholm(*progressed).date, today, staleDays);
  item.row = std::move(row);
  return item;
}

}  // namespace sv::services
