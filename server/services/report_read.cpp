// Reading follow-up reports: the list a person may see, the current version and any earlier
// one, their files as committed, the versions, the fact-check's comments and the supplements.
#include "server/services/report_context.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

std::unexpected<Error> unknownReportVersion() {
  return fail(Errc::NotFound, Reason::UnknownVersion, "no such version of this report");
}

// The report, read with the check that `version` is one of its versions, in one transaction.
// Errors: NotFound, NotFound/UnknownVersion.
Result<ReportContext> contextWithVersion(store::Store& store, const store::Principal& viewer,
                                         std::int64_t reportId, const std::string& version) {
  return store.read([&](store::Reading& c) -> Result<ReportContext> {
    auto ctx = readReportContext(c, viewer, reportId);
    if (!ctx) return std::unexpected(ctx.error());
    if (!store::DocumentStore::hasVersionIn(c, ctx->repository, ctx->document, version))
      return unknownReportVersion();
    return ctx;
  });
}

}  // namespace

minutes::SupplementEntry supplementEntryOf(const store::SupplementRow& row,
                                           const minutes::FollowUpReport& doc) {
  minutes::SupplementEntry e;
  e.number = row.number;
  e.areaKey = row.areaKey;
  for (const auto& area : doc.areas)
    if (area.key == row.areaKey) e.areaTitle = area.title;
  e.request = row.request;
  e.dueOn = parseDate(row.dueOn).value_or(Date{});
  e.requestedBy = row.requestedByName;
  e.requestedAt = row.requestedAt;
  e.response = row.response;
  e.respondedBy = row.respondedByName;
  e.respondedAt = row.respondedAt.value_or("");
  e.decided = row.decidedAt.has_value();
  e.before = minutes::parseAssessment(row.beforeAssessment.value_or(""))
                 .value_or(minutes::Assessment::NotAssessed);
  e.after = minutes::parseAssessment(row.afterAssessment.value_or(""))
                .value_or(minutes::Assessment::NotAssessed);
  e.reason = row.reason.value_or("");
  e.decidedBy = row.decidedByName;
  e.decidedAt = row.decidedAt.value_or("");
  return e;
}

Result<minutes::FollowUpReport> ReportService::load(const ReportContext& ctx,
                                                    const std::string& version) {
  const std::string path = ctx.path("json");
  minutes::FollowUpReport doc;
  if (auto known = parsed_.find(ctx.repository, version + ":" + path)) {
    doc = *known;
  } else {
    auto json = store_.documents().readFile(ctx.repository, version, path);
    if (!json) return std::unexpected(json.error());
    auto parsed = minutes::reportFromJson(*json);
    if (!parsed)
      return fail(Errc::Internal, "a stored report does not parse: " + parsed.error().detail);
    parsed_.remember(ctx.repository, version + ":" + path, *parsed);
    doc = std::move(*parsed);
  }
  // The number is the register's, not the text's: the registered version was committed before
  // it had one.
  doc.registryNumber = ctx.row.registryNumber;
  return doc;
}

Result<ReportView> ReportService::viewOf(const store::Principal& viewer, const ReportContext& ctx) {
  auto doc = load(ctx, ctx.version);
  if (!doc) return std::unexpected(doc.error());
  ReportView view;
  view.summary = summaryOf(ctx.row);
  view.version = ctx.version;
  view.markdown = minutes::renderReportMarkdown(*doc);
  const auto facts =
      store_.read([&](store::Reading& c) { return reportFactsIn(c, ctx, *doc, time_.now()); });
  view.available = catalog_.reportWorkflow->available(minutes::stateName(ctx.state),
                                                      reportRolesOf(viewer, ctx), facts);
  view.document = std::move(*doc);
  return view;
}

ReportPage ReportService::list(const store::Principal& viewer, const store::ReportQuery& query) {
  return store_.read([&](store::Reading& c) {
    const auto scope = store::TenantScope::of(viewer);
    ReportPage page;
    for (const auto& row : store::listReports(c, scope, query))
      page.items.push_back(summaryOf(row));
    page.total = store::countReports(c, scope, query);
    return page;
  });
}

Result<ReportView> ReportService::get(const store::Principal& viewer, std::int64_t reportId) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  return viewOf(viewer, *ctx);
}

Result<ReportView> ReportService::atVersion(const store::Principal& viewer, std::int64_t reportId,
                                            const std::string& version) {
  auto ctx = contextWithVersion(store_, viewer, reportId, version);
  if (!ctx) return std::unexpected(ctx.error());
  auto doc = load(*ctx, version);
  if (!doc) return std::unexpected(doc.error());
  ReportView view;
  view.summary = summaryOf(ctx->row);
  view.version = version;
  view.markdown = minutes::renderReportMarkdown(*doc);
  view.document = std::move(*doc);
  return view;
}

Result<std::string> ReportService::fileAtVersion(const store::Principal& viewer,
                                                 std::int64_t reportId, const std::string& version,
                                                 const std::string& extension) {
  if (extension != "md" && extension != "json")
    return fail(Errc::Invalid, Reason::UnknownChoice, "a report has report.md and report.json",
                "format", extension);
  auto ctx = contextWithVersion(store_, viewer, reportId, version);
  if (!ctx) return std::unexpected(ctx.error());
  return store_.documents().readFile(ctx->repository, version, ctx->path(extension));
}

Result<std::vector<store::DocumentVersion>> ReportService::versions(const store::Principal& viewer,
                                                                    std::int64_t reportId) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  return store_.documents().versions(ctx->repository, ctx->document);
}

Result<store::Page<store::DocumentVersion>> ReportService::versionPage(
    const store::Principal& viewer, std::int64_t reportId, store::PageSpan span) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  return store_.documents().versionPage(ctx->repository, ctx->document, span);
}

Result<std::vector<review::Comment>> ReportService::comments(const store::Principal& viewer,
                                                             std::int64_t reportId) {
  return store_.read([&](store::Reading& c) -> Result<std::vector<review::Comment>> {
    auto ctx = readReportContext(c, viewer, reportId);
    if (!ctx) return std::unexpected(ctx.error());
    return store::listReviewComments(c, ctx->reviewed());
  });
}

Result<std::vector<Supplement>> ReportService::supplements(const store::Principal& viewer,
                                                           std::int64_t reportId) {
  auto ctx = loadReportContext(store_, viewer, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  auto doc = load(*ctx, ctx->version);
  if (!doc) return std::unexpected(doc.error());
  const auto rows =
      store_.read([&](store::Reading& c) { return store::listSupplements(c, reportId); });
  std::vector<Supplement> out;
  for (const auto& row : rows) out.push_back({reportId, supplementEntryOf(row, *doc)});
  return out;
}

}  // namespace sv::services
