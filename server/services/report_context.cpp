#include "server/services/report_context.hpp"

#include "server/services/access.hpp"
#include "server/services/agendas.hpp"
#include "server/store/documents.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

std::string ReportService::documentOf(std::int64_t reportId) {
  return "reports/" + std::to_string(reportId) + "/report";
}

std::string ReportService::supplementDocumentOf(std::int64_t reportId, int number) {
  return "reports/" + std::to_string(reportId) + "/supplements/" + std::to_string(number);
}

std::string ReportContext::path(std::string_view extension) const {
  return document + "." + std::string(extension);
}

Result<ReportContext> readReportContext(store::Reading& c, const store::Principal& viewer,
                                        std::int64_t reportId) {
  return readReportContext(c, store::TenantScope::of(viewer), reportId);
}

Result<ReportContext> readReportContext(store::Reading& c, const store::TenantScope& scope,
                                        std::int64_t reportId) {
  auto row = store::findReport(c, scope, reportId);
  if (!row) return fail(Errc::NotFound, "no such report");
  auto contract = store::findContract(c, scope, row->contractId);
  if (!contract) return fail(Errc::NotFound, "no such report");
  ReportContext ctx;
  ctx.state = minutes::parseReportState(row->state).value_or(minutes::ReportState::Draft);
  ctx.row = std::move(*row);
  ctx.contract = std::move(*contract);
  ctx.repository = AgendaService::repositoryOf(ctx.contract.id);
  ctx.document = ReportService::documentOf(reportId);
  auto version = store::DocumentStore::currentVersionIn(c, ctx.repository, ctx.document);
  if (!version) return fail(Errc::Internal, "the report has no version in git");
  ctx.version = std::move(*version);
  return ctx;
}

Result<ReportContext> loadReportContext(store::Store& store, const store::Principal& viewer,
                                        std::int64_t reportId) {
  return store.read([&](store::Reading& c) { return readReportContext(c, viewer, reportId); });
}

bool mayWriteReport(const store::Principal& p, const ReportContext& ctx) {
  return managesContract(p, ctx.contract);
}

Status requireReportWriter(const store::Principal& p, const ReportContext& ctx,
                           const std::string& doing) {
  if (mayWriteReport(p, ctx)) return {};
  return fail(Errc::Forbidden, Reason::NotReportWriter,
              "only the authority's contract manager " + doing);
}

std::set<std::string> reportRolesOf(const store::Principal& p, const ReportContext& ctx) {
  // The authority's roles count only for its own contracts, the provider's for its own; an
  // administrator writes reports as the contract manager would.
  auto roles = accountRolesFor(p, ctx.contract);
  if (p.isAdmin()) roles.emplace("contract_manager");
  return roles;
}

minutes::ReportLifecycleFacts reportFactsIn(store::Reading& c, const ReportContext& ctx,
                                            const minutes::FollowUpReport& doc, TimePoint now) {
  minutes::ReportLifecycleFacts facts;
  for (const auto& area : doc.areas)
    if (area.assessment == minutes::Assessment::NotAssessed) {
      facts.unassessedArea = area.key;
      break;
    }
  facts.openComments =
      static_cast<int>(review::openComments(store::listReviewComments(c, ctx.reviewed())).size());
  facts.openSupplements = store::openSupplementCount(c, ctx.row.id);
  if (auto check = store::findFactCheck(c, ctx.row.id))
    if (auto due = parseDate(check->dueOn)) facts.factCheckDueOn = *due;
  facts.today = toStockholm(now).date;
  return facts;
}

ReportSummary summaryOf(const store::ReportRow& row) {
  ReportSummary s;
  s.id = row.id;
  s.contractId = row.contractId;
  s.contractTitle = row.contractTitle;
  s.providerName = row.providerName;
  s.year = row.year;
  s.kind = minutes::parseReportKind(row.kind).value_or(minutes::ReportKind::Operational);
  s.state = minutes::parseReportState(row.state).value_or(minutes::ReportState::Draft);
  s.registryNumber = row.registryNumber;
  s.factCheckDueOn = row.factCheckDueOn;
  s.updatedAt = row.updatedAt;
  return s;
}

store::DocumentCommit reportTextCommit(const ReportContext& ctx, const store::Principal& actor,
                                       const minutes::FollowUpReport& next, std::string message,
                                       TimePoint at) {
  store::DocumentCommit commit;
  commit.repository = ctx.repository;
  commit.document = ctx.document;
  commit.files = {{ctx.path("md"), minutes::renderReportMarkdown(next)},
                  {ctx.path("json"), minutes::toJson(next)}};
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = std::move(message);
  commit.at = at;
  commit.expectedVersion = ctx.version;
  return commit;
}

Status refuseRegistered(const ReportContext& ctx) {
  if (ctx.state == minutes::ReportState::Registered)
    return fail(Errc::Conflict, Reason::DocumentRegistered,
                "the report is registered and never changes again");
  return {};
}

}  // namespace sv::services
