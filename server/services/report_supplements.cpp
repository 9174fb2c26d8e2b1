// Supplements (kompletteringar, seed 004): the contract manager asks for one on an area with a
// last day, the provider sends it (text here, files as the supplement's attachments), and the
// manager decides what it makes of the area's assessment and why. The decision writes the new
// assessment to the report as a version of its own, in the transaction that records it.
#include "minutes/report_supplement.hpp"
#include "server/services/access.hpp"
#include "server/services/report_context.hpp"
#include "server/services/report_notices.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

// Asked for while the report is being written or after the fact-check, not while the provider
// checks it nor once it is final.
bool mayRequest(minutes::ReportState s) {
  return s == minutes::ReportState::Draft || s == minutes::ReportState::Answered;
}

std::unexpected<Error> notNow(const ReportContext& ctx, const char* what) {
  if (auto ok = refuseRegistered(ctx); !ok) return std::unexpected(ok.error());
  return fail(Errc::Conflict, Reason::TransitionNotAllowed,
              "not while the report is " + std::string(minutes::stateName(ctx.state)), "state",
              what);
}

bool speaksForProvider(const store::Principal& p, const ReportContext& ctx) {
  return p.organizationId == ctx.contract.providerId && p.has(store::Role::ProviderRep);
}

}  // namespace

Result<Supplement> ReportService::requestSupplement(const store::Principal& actor,
                                                    std::int64_t reportId,
                                                    const SupplementRequest& request) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireReportWriter(actor, *ctx, "asks for supplements"); !ok)
    return std::unexpected(ok.error());
  if (!mayRequest(ctx->state)) return notNow(*ctx, "request_supplement");
  auto doc = load(*ctx, ctx->version);
  if (!doc) return std::unexpected(doc.error());
  const auto now = time_.now();
  auto checked = minutes::checkSupplementRequest(*doc, request.areaKey, request.request,
                                                 request.dueOn, toStockholm(now).date);
  if (!checked) return std::unexpected(checked.error());
  return store_.write([&](store::Writing& c) -> Result<Supplement> {
    auto again = readReportContext(c, actor, reportId);
    if (!again) return std::unexpected(again.error());
    if (!mayRequest(again->state)) return notNow(*again, "request_supplement");
    store::SupplementRow row;
    row.reportId = reportId;
    row.areaKey = checked->areaKey;
    row.request = checked->request;
    row.dueOn = formatDate(checked->dueOn);
    row.requestedBy = actor.userId;
    row.requestedByName = actor.name;
    row.requestedAt = formatIsoUtc(now);
    row = store::insertSupplement(c, row);
    const auto entry = supplementEntryOf(row, *doc);
    store::appendAudit(
        c,
        auditBy(&actor, "report.supplement.request", "report", std::to_string(reportId),
                auditDetail({{"number", std::to_string(row.number)},
                             {"area", row.areaKey},
                             {"due_on", row.dueOn}}),
                again->version),
        now);
    tellSupplementRequested(c, catalog_.mail, now, *again, entry);
    return Supplement{reportId, entry};
  });
}

Result<Supplement> ReportService::sendSupplement(const store::Principal& actor,
                                                 std::int64_t reportId, int number,
                                                 const std::string& text) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  auto found =
      store_.read([&](store::Reading& c) { return store::findSupplement(c, reportId, number); });
  if (!found) return fail(Errc::NotFound, "no such supplement");
  if (!speaksForProvider(actor, *ctx))
    return fail(Errc::Forbidden, Reason::RoleMissingForTransition,
                "only the provider sends a supplement", "", "send_supplement");
  if (found->decidedAt)
    return fail(Errc::Conflict, Reason::SupplementDecided, "the supplement is decided");
  if (found->response)
    return fail(Errc::Conflict, Reason::SupplementAnswered, "the supplement is sent already");
  if (auto ok = minutes::checkSupplementText(text); !ok) return std::unexpected(ok.error());
  auto doc = load(*ctx, ctx->version);
  if (!doc) return std::unexpected(doc.error());
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<Supplement> {
    if (!store::answerSupplement(c, found->id, text, actor.userId, formatIsoUtc(now)))
      return fail(Errc::Conflict, Reason::SupplementAnswered, "the supplement is sent already");
    auto row = store::findSupplement(c, reportId, number);
    const auto entry = supplementEntryOf(*row, *doc);
    store::appendAudit(c,
                       auditBy(&actor, "report.supplement.send", "report", std::to_string(reportId),
                               auditDetail({{"number", std::to_string(number)}})),
                       now);
    tellSupplementSent(c, catalog_.mail, now, *ctx, entry);
    return Supplement{reportId, entry};
  });
}

Result<Supplement> ReportService::decideSupplement(const store::Principal& actor,
                                                   std::int64_t reportId, int number,
                                                   const SupplementDecision& decision) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto ctx = loadReportContext(store_, actor, reportId);
    if (!ctx) return std::unexpected(ctx.error());
    auto found =
        store_.read([&](store::Reading& c) { return store::findSupplement(c, reportId, number); });
    if (!found) return fail(Errc::NotFound, "no such supplement");
    if (auto ok = requireReportWriter(actor, *ctx, "decides on supplements"); !ok)
      return std::unexpected(ok.error());
    if (!mayRequest(ctx->state)) return notNow(*ctx, "decide_supplement");
    if (found->decidedAt)
      return fail(Errc::Conflict, Reason::SupplementDecided, "the supplement is decided already");
    auto to = minutes::checkSupplementDecision(decision.assessment, decision.reason);
    if (!to) return std::unexpected(to.error());
    auto current = load(*ctx, ctx->version);
    if (!current) return std::unexpected(current.error());
    minutes::Assessment before = minutes::Assessment::NotAssessed;
    for (const auto& area : current->areas)
      if (area.key == found->areaKey) before = area.assessment;
    const auto next = minutes::withAssessment(*current, found->areaKey, *to);
    const auto now = time_.now();
    std::optional<Supplement> decided;
    auto inTransaction = [&](store::Writing& c, const std::string& version) -> Status {
      // Read again: a report sent for fact-checking in between takes no decision.
      auto again = store::findReport(c, store::TenantScope::system(), reportId);
      const auto state = minutes::parseReportState(again ? again->state : "")
                             .value_or(minutes::ReportState::Registered);
      if (!mayRequest(state)) return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                                          "the report moved on", "state", "decide_supplement");
      store::SupplementRow row = *found;
      row.beforeAssessment = std::string(minutes::toString(before));
      row.afterAssessment = std::string(minutes::toString(*to));
      row.reason = decision.reason;
      row.decidedBy = actor.userId;
      row.decidedAt = formatIsoUtc(now);
      row.decidedVersion = version;
      if (!store::decideSupplement(c, row))
        return fail(Errc::Conflict, Reason::SupplementDecided, "the supplement is decided already");
      store::touchReport(c, reportId, formatIsoUtc(now));
      store::appendAudit(
          c,
          auditBy(&actor, "report.supplement.decide", "report", std::to_string(reportId),
                  auditDetail({{"number", std::to_string(number)},
                               {"area", found->areaKey},
                               {"from", row.beforeAssessment.value_or("")},
                               {"to", row.afterAssessment.value_or("")},
                               {"reason", decision.reason}}),
                  version),
          now);
      decided = Supplement{reportId,
                           supplementEntryOf(*store::findSupplement(c, reportId, number), next)};
      return {};
    };
    if (next == *current) {
      // The assessment stays: the decision and its reason are recorded on the current version.
      auto ok = store_.write([&](store::Writing& c) { return inTransaction(c, ctx->version); });
      if (!ok) return std::unexpected(ok.error());
      return *decided;
    }
    const auto commit = reportTextCommit(
        *ctx, actor, next,
        "Komplettering " + std::to_string(number) + ": bedömningen ändrad. " + decision.reason,
        now);
    auto version = store_.documents().commit(commit, inTransaction);
    if (!version) {
      if (version.error().reason == Reason::VersionMovedOn) continue;
      return std::unexpected(version.error());
    }
    parsed_.remember(ctx->repository, *version + ":" + ctx->path("json"), next);
    return *decided;
  }
  return fail(Errc::Conflict, Reason::DocumentBusy,
              "the report is being saved by others; try again");
}

}  // namespace sv::services
