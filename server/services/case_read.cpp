// Reading cases: the list with its filters and deadlines, and one case with its timeline, who was
// told of it, the plan's rounds, the plan as it is now with the authority's comments, and the
// actions its accepted plans made.
#include "server/services/case_context.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

CasePage CaseService::list(const store::Principal& viewer, store::CaseQuery query) {
  const auto now = time_.now();
  query.today = formatDate(toStockholm(now).date);
  query.staleBefore = staleBefore(now, catalog_.caseStaleDays);
  return store_.read([&](store::Reading& c) {
    CasePage page;
    const auto scope = store::TenantScope::of(viewer);
    for (auto& row : store::listCases(c, scope, query))
      page.items.push_back(listItemOf(std::move(row), now, catalog_.caseStaleDays));
    page.total = store::countCases(c, scope, query);
    return page;
  });
}

int CaseService::overdueCount(const store::Principal& viewer) {
  const auto now = time_.now();
  return store_.read([&](store::Reading& c) {
    return store::overdueCaseCount(c, store::TenantScope::of(viewer),
                                   formatDate(toStockholm(now).date),
                                   staleBefore(now, catalog_.caseStaleDays));
  });
}

Result<CaseView> CaseService::get(const store::Principal& viewer, std::int64_t caseId) {
  return viewOf(viewer, caseId);
}

Result<std::optional<PlanView>> CaseService::currentPlan(const CaseContext& ctx) {
  const auto doc = ctx.plan();
  auto version = store_.read([&](store::Reading& c) {
    return store::DocumentStore::currentVersionIn(c, doc.repository, doc.document);
  });
  if (!version) return std::optional<PlanView>{};
  auto json = store_.documents().readFile(doc.repository, *version, doc.document + ".json");
  if (!json) return std::unexpected(json.error());
  auto plan = minutes::actionPlanFromJson(*json);
  if (!plan) return fail(Errc::Internal, "the stored action plan does not read: " + plan.error().detail);
  PlanView view{*version, std::move(*plan), {}};
  view.markdown = minutes::renderActionPlanMarkdown(view.plan);
  return std::optional<PlanView>{std::move(view)};
}

Result<CaseView> CaseService::viewOf(const store::Principal& viewer, std::int64_t caseId) {
  const auto now = time_.now();
  CaseView view;
  auto ctx = store_.read([&](store::Reading& c) -> Result<CaseContext> {
    auto found = readCaseContext(c, viewer, caseId);
    if (!found) return found;
    view.events = store::listCaseEvents(c, caseId);
    view.notices = store::listCaseNotices(c, caseId);
    view.plans = store::listCasePlans(c, caseId);
    view.planComments = store::listReviewComments(c, found->plan());
    view.actions = store::actionsOfCase(c, caseId);
    return found;
  });
  if (!ctx) return std::unexpected(ctx.error());
  auto plan = currentPlan(*ctx);
  if (!plan) return std::unexpected(plan.error());
  view.plan = std::move(*plan);
  view.mayWrite = mayWriteCase(viewer, *ctx) && refuseFinished(*ctx).has_value();
  view.mayWritePlan =
      mayWritePlan(viewer, *ctx) && ctx->state == minutes::CaseState::ActionPlanRequested;
  minutes::CaseLifecycleFacts facts;
  facts.feedbackGiven = ctx->row.feedbackGiven;
  facts.reportState = ctx->row.reportState;
  facts.today = toStockholm(now).date;
  // The steps whose guards need what the person types (an analysis, a date) are offered; the
  // guards judge it when the step is taken.
  facts.text = "offered";
  facts.planDueOn = facts.today;
  facts.planItems = view.plan ? static_cast<int>(view.plan->plan.items.size()) : 0;
  facts.planComments = 1;
  view.available = catalog_.caseWorkflow->available(minutes::stateName(ctx->state),
                                                    caseRolesOf(viewer, *ctx), facts);
  view.item = listItemOf(std::move(ctx->row), now, catalog_.caseStaleDays);
  return view;
}

Result<std::string> CaseService::planFileAtVersion(const store::Principal& viewer,
                                                   std::int64_t caseId, const std::string& version,
                                                   const std::string& extension) {
  if (extension != "md" && extension != "json")
    return fail(Errc::Invalid, Reason::UnknownChoice, "ask for md or json", "extension", extension);
  auto ctx = store_.read([&](store::Reading& c) { return readCaseContext(c, viewer, caseId); });
  if (!ctx) return std::unexpected(ctx.error());
  const auto doc = ctx->plan();
  if (!store_.documents().hasVersion(doc.repository, doc.document, version))
    return fail(Errc::NotFound, Reason::UnknownVersion, "no such version of the plan", "version",
                version);
  return store_.documents().readFile(doc.repository, version, doc.document + "." + extension);
}

}  // namespace sv::services
