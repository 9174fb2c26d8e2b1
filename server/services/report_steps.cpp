// The one transaction every step of a report's lifecycle takes (ReportService::takeStep): the
// report read again inside it, the workflow asked with the facts as they are, the step's own
// record, the new state and the audit entry. A step that commits files (finalize) does all of it
// inside the commit's transaction, so the new version and the new state are one acknowledgement.
#include "server/services/access.hpp"
#include "server/services/report_context.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Status ReportService::takeStep(const store::Principal& actor, const ReportContext& before,
                               const Step& step) {
  const auto roles = reportRolesOf(actor, before);
  const auto now = time_.now();
  const std::string when = formatIsoUtc(now);
  auto inTransaction = [&](store::Writing& c) -> Status {
    auto ctx = readReportContext(c, actor, before.row.id);
    if (!ctx) return std::unexpected(ctx.error());
    auto doc = load(*ctx, ctx->version);
    if (!doc) return std::unexpected(doc.error());
    const auto facts = reportFactsIn(c, *ctx, *doc, now);
    auto next = minutes::knownReportState(catalog_.reportWorkflow->take(
        step.transition, minutes::stateName(ctx->state), roles, facts));
    if (!next) return std::unexpected(next.error());
    auto extra = step.record ? step.record(c, StepWrite{*ctx, ctx->version, now, when})
                             : Result<std::pair<std::string, std::string>>{};
    if (!extra) return std::unexpected(extra.error());
    store::setReportState(c, ctx->row.id, std::string(minutes::stateName(*next)), when);
    const std::string from(minutes::stateName(ctx->state));
    const std::string to(minutes::stateName(*next));
    const std::string detail =
        extra->first.empty()
            ? auditDetail({{"from", from}, {"to", to}})
            : auditDetail({{"from", from}, {"to", to}, {extra->first.c_str(), extra->second}});
    store::appendAudit(c,
                       auditBy(&actor, "report." + step.transition, "report",
                               std::to_string(ctx->row.id), detail, ctx->version),
                       now);
    return {};
  };
  if (step.files.empty()) return store_.write(inTransaction);

  store::DocumentCommit commit;
  commit.repository = before.repository;
  commit.document = before.document;
  for (const auto& [path, bytes] : step.files) commit.files.push_back({path, bytes});
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = step.message;
  commit.at = now;
  commit.expectedVersion = before.version;
  auto version = store_.documents().commit(
      commit, [&](store::Writing& c, const std::string&) { return inTransaction(c); });
  if (!version) return std::unexpected(version.error());
  return {};
}

}  // namespace sv::services
