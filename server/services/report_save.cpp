// A save of a follow-up report, like the minutes' (minutes_save.cpp): the version the editor
// started from, the edit applied (merged area by area when others saved since), one commit by
// the author with the audit entry in its transaction. The text changes while the report is a
// draft and after the fact-check (answered), not while the provider checks it or once final.
#include "minutes/report.hpp"
#include "server/services/access.hpp"
#include "server/services/report_context.hpp"
#include "server/services/save_rounds.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

bool editable(minutes::ReportState s) {
  return s == minutes::ReportState::Draft || s == minutes::ReportState::Answered;
}

std::unexpected<Error> notEditable(minutes::ReportState s) {
  if (s == minutes::ReportState::Registered)
    return fail(Errc::Conflict, Reason::DocumentRegistered,
                "the report is registered and never changes again");
  return fail(Errc::Conflict, Reason::TransitionNotAllowed,
              "the report is not editable while " + std::string(minutes::stateName(s)), "state",
              "save");
}

// One line for the commit: which areas changed, or what else did.
std::string describe(const minutes::FollowUpReport& before, const minutes::FollowUpReport& after) {
  std::string areas;
  for (std::size_t i = 0; i < after.areas.size() && i < before.areas.size(); ++i)
    if (!(after.areas[i] == before.areas[i]))
      areas += (areas.empty() ? "" : ", ") + after.areas[i].title;
  std::string out;
  if (before.method != after.method || before.visits != after.visits) out = "Metod och besök";
  if (!areas.empty()) out += (out.empty() ? "" : "; ") + areas;
  return out.empty() ? "Rapporten sparad" : out + " ändrade";
}

}  // namespace

Status ReportService::mayEdit(const store::Principal& actor, std::int64_t reportId) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  return requireReportWriter(actor, *ctx, "writes the report");
}

Result<ReportSaveResult> ReportService::save(const store::Principal& actor, std::int64_t reportId,
                                             const std::string& ifMatch,
                                             const minutes::FollowUpReport& proposed) {
  const std::string startedFrom = versionOfTag(ifMatch);
  // As the minutes (MinutesService::save): a save that met another's is merged again with the
  // repository's lock held from its read to its commit.
  std::optional<store::DocumentStore::Locked> held;
  while (true) {
    bool known = false;
    auto ctx = store_.read([&](store::Reading& c) -> Result<ReportContext> {
      auto read = readReportContext(c, actor, reportId);
      if (read)
        known =
            store::DocumentStore::hasVersionIn(c, read->repository, read->document, startedFrom);
      return read;
    });
    if (!ctx) return std::unexpected(ctx.error());
    if (auto ok = requireReportWriter(actor, *ctx, "writes the report"); !ok)
      return std::unexpected(ok.error());
    if (!editable(ctx->state)) return notEditable(ctx->state);
    if (!known)
      return fail(Errc::Conflict, Reason::UnknownVersion,
                  "If-Match names no version of this report");
    auto current = load(*ctx, ctx->version);
    if (!current) return std::unexpected(current.error());

    ReportSaveResult result;
    minutes::FollowUpReport next;
    std::string message;
    if (startedFrom == ctx->version) {
      auto edited = minutes::applyReportEdit(*current, proposed);
      if (!edited) return std::unexpected(edited.error());
      next = std::move(*edited);
      message = describe(*current, next);
    } else {
      auto base = load(*ctx, startedFrom);
      if (!base) return std::unexpected(base.error());
      auto edited = minutes::applyReportEdit(*base, proposed);
      if (!edited) return std::unexpected(edited.error());
      auto outcome = minutes::mergeReports(*base, *current, *edited);
      if (!outcome.clean()) {
        result.conflict = ReportSaveConflict{ctx->version, std::move(outcome.conflicts)};
        return result;
      }
      next = std::move(*outcome.merged);
      // Two edits that each kept within the bound of the whole report can go over it together.
      if (auto within = minutes::checkReportFindings(next); !within)
        return std::unexpected(within.error());
      result.merged = true;
      message = describe(*current, next) + " (sammanfogad med version " +
                ctx->version.substr(0, 10) + ")";
    }
    if (next == *current) {
      auto view = viewOf(actor, *ctx);
      if (!view) return std::unexpected(view.error());
      result.saved = std::move(*view);
      return result;
    }
    const auto now = time_.now();
    const auto commit = reportTextCommit(*ctx, actor, next, message, now);
    const store::RecordInTransaction record = [&](store::Writing& c,
                                                  const std::string& v) -> Status {
      auto again = store::findReport(c, store::TenantScope::system(), reportId);
      const auto state = minutes::parseReportState(again ? again->state : "")
                             .value_or(minutes::ReportState::Registered);
      if (!editable(state)) return notEditable(state);
      store::touchReport(c, reportId, formatIsoUtc(now));
      store::appendAudit(
          c,
          auditBy(&actor, "report.save", "report", std::to_string(reportId),
                  auditDetail({{"message", message}, {"merged", result.merged ? "true" : "false"}}),
                  v),
          now);
      return {};
    };
    auto round = commitRound(store_.documents(), commit, record, held);
    if (!round) continue;  // another save came between: merge again, under the lock
    auto& version = *round;
    if (!version) return std::unexpected(version.error());
    held.reset();  // the view below reads without holding up other saves
    result.changed = true;
    parsed_.remember(ctx->repository, *version + ":" + ctx->path("json"), next);
    auto saved = loadReportContext(store_, actor, reportId);
    if (!saved) return std::unexpected(saved.error());
    auto view = viewOf(actor, *saved);
    if (!view) return std::unexpected(view.error());
    result.saved = std::move(*view);
    return result;
  }
}

}  // namespace sv::services
