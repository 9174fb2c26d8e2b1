// Fact-checking (faktagranskning, seed 004: "Den färdiga skriftliga rapporten delges utföraren
// för faktagranskning innan den blir slutlig"): the contract manager sends the assessed draft to
// the provider with a last day; the provider answers per area with a correction of fact, or with
// no comments; after the last day the system records that none came in.
#include <set>

#include "server/services/access.hpp"
#include "server/services/report_context.hpp"
#include "server/services/report_notices.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<ReportView> ReportService::sendForFactCheck(const store::Principal& actor,
                                                   std::int64_t reportId) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  Step step;
  step.transition = "send_for_fact_check";
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    store::FactCheckRow row;
    row.reportId = reportId;
    row.version = w.version;
    row.sentBy = actor.userId;
    row.sentAt = w.when;
    row.dueOn =
        formatDate(minutes::factCheckDueOn(toStockholm(w.now).date, catalog_.factCheckDays));
    store::insertFactCheck(c, row);
    tellFactCheckSent(c, catalog_.mail, w.now, w.ctx, row.dueOn);
    return std::pair<std::string, std::string>{"due_on", row.dueOn};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  return get(actor, reportId);
}

Result<ReportView> ReportService::answerFactCheck(const store::Principal& actor,
                                                  std::int64_t reportId,
                                                  std::vector<review::NewComment> comments) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  // Roles before fields: someone who may not answer learns that, not what is wrong with a text.
  if (auto may = catalog_.reportWorkflow->mayTry(
          "answer_fact_check", minutes::stateName(ctx->state), reportRolesOf(actor, *ctx));
      !may)
    return std::unexpected(may.error());
  auto doc = load(*ctx, ctx->version);
  if (!doc) return std::unexpected(doc.error());
  std::set<std::string> parts{""};
  for (const auto& area : doc->areas) parts.insert(area.key);
  auto checked = review::checkComments(std::move(comments), parts);
  if (!checked) return std::unexpected(checked.error());

  Step step;
  step.transition = "answer_fact_check";
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    auto check = store::findFactCheck(c, reportId);
    if (!check) return fail(Errc::Conflict, Reason::FactCheckNotOpen, "no fact-check is open");
    const auto outcome = checked->empty() ? minutes::FactCheckOutcome::NoComments
                                          : minutes::FactCheckOutcome::Commented;
    if (!store::endFactCheck(c, reportId, std::string(minutes::toString(outcome)), actor.userId,
                             w.when))
      return fail(Errc::Conflict, Reason::FactCheckNotOpen, "the fact-check has ended");
    std::vector<std::string> quoted;
    for (const auto& given : *checked) {
      review::Comment comment;
      comment.part = given.part;
      // On the version the provider was shown: what the answers and the changes are measured from.
      comment.version = check->version;
      comment.userId = actor.userId;
      comment.party = Party::Provider;
      comment.text = given.text;
      comment.createdAt = w.when;
      store::insertReviewComment(c, w.ctx.reviewed(), comment);
      std::string area = "Rapporten som helhet";
      for (const auto& a : doc->areas)
        if (a.key == given.part) area = a.title;
      quoted.push_back(area + ": " + given.text);
    }
    tellFactCheckEnded(c, catalog_.mail, w.now, w.ctx,
                       std::string(minutes::swedishOutcome(outcome)), quoted);
    return std::pair<std::string, std::string>{"comments", std::to_string(checked->size())};
  };
  if (auto ok = takeStep(actor, *ctx, step); !ok) return std::unexpected(ok.error());
  return get(actor, reportId);
}

int ReportService::closeOverdueFactChecks(TimePoint now) {
  const std::string today = formatDate(toStockholm(now).date);
  const std::string when = formatIsoUtc(now);
  const auto due =
      store_.read([&](store::Reading& c) { return store::overdueFactChecks(c, today, 500); });
  int closed = 0;
  for (auto reportId : due) {
    auto done = store_.write([&](store::Writing& c) -> Result<bool> {
      auto ctx = readReportContext(c, store::TenantScope::system(), reportId);
      if (!ctx) return std::unexpected(ctx.error());
      auto doc = load(*ctx, ctx->version);
      if (!doc) return std::unexpected(doc.error());
      const auto from = std::string(minutes::stateName(ctx->state));
      const auto to = catalog_.reportWorkflow->settle(from, reportFactsIn(c, *ctx, *doc, now));
      if (to == from) return false;
      if (!store::endFactCheck(
              c, reportId,
              std::string(minutes::toString(minutes::FactCheckOutcome::DeadlinePassed)),
              std::nullopt, when))
        return false;
      store::setReportState(c, reportId, to, when);
      store::appendAudit(
          c,
          auditBy(nullptr, "report.deadline_passed", "report", std::to_string(reportId),
                  auditDetail({{"from", from}, {"to", to}}), ctx->version),
          now);
      tellFactCheckEnded(
          c, catalog_.mail, now, *ctx,
          std::string(minutes::swedishOutcome(minutes::FactCheckOutcome::DeadlinePassed)), {});
      return true;
    });
    if (done && *done) ++closed;
  }
  return closed;
}

}  // namespace sv::services
