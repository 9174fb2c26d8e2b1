// The authority answers each of the provider's fact-check comments (seed 004; the answer is part
// of the final record): once, by the report's writer, before the report is final.
#include "server/services/access.hpp"
#include "server/services/report_context.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<review::Comment> ReportService::answerComment(const store::Principal& actor,
                                                     std::int64_t reportId, std::int64_t commentId,
                                                     const std::string& answer) {
  auto ctx = loadReportContext(store_, actor, reportId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireReportWriter(actor, *ctx, "answers the fact-check's comments"); !ok)
    return std::unexpected(ok.error());
  if (auto ok = refuseRegistered(*ctx); !ok) return std::unexpected(ok.error());
  if (ctx->state == minutes::ReportState::Final)
    return fail(Errc::Conflict, Reason::TransitionNotAllowed,
                "the report is final; its fact-check is closed", "state", "answer_comment");
  if (auto ok = review::checkHandling(answer); !ok) return std::unexpected(ok.error());
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<review::Comment> {
    const auto doc = ctx->reviewed();
    if (!store::findReviewComment(c, doc, commentId))
      return fail(Errc::NotFound, "no such comment on this report");
    if (!store::handleReviewComment(c, commentId,
                                    {actor.userId, actor.name, answer, formatIsoUtc(now)}))
      return fail(Errc::Conflict, Reason::CommentHandled, "the comment is answered already");
    store::appendAudit(
        c,
        auditBy(&actor, "report.comment.answer", "report", std::to_string(reportId),
                auditDetail({{"comment_id", std::to_string(commentId)}, {"answer", answer}})),
        now);
    return *store::findReviewComment(c, doc, commentId);
  });
}

}  // namespace sv::services
