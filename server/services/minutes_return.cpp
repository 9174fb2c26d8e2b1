// The provider returns the minutes under review to the draft, with comments: the approvals given
// in the review stop counting, and the secretary and chair are told.
#include "server/services/minutes_notices.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"
#include "workflows/free_text.hpp"
#include "workflows/review_comments.hpp"

namespace sv::services {

Result<LifecycleView> MinutesService::returnMinutes(const store::Principal& actor,
                                                    std::int64_t meetingId,
                                                    const std::string& comment) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  return returnWith(actor, *ctx, comment, {}, {});
}

Result<LifecycleView> MinutesService::returnWith(const store::Principal& actor,
                                                 const MinutesContext& ctx,
                                                 const std::string& comment,
                                                 const std::vector<std::string>& sectionComments,
                                                 const ReturnRecord& more) {
  const std::int64_t meetingId = ctx.meeting.id;
  Step step;
  step.transition = "return";
  step.text = comment;
  step.record = [&](store::Writing& c,
                    const StepWrite& w) -> Result<std::pair<std::string, std::string>> {
    // After the role and the state were checked (roles before fields): the comment is text a
    // person reads on a page and in an e-mail.
    if (auto ok = text::checkFreeText(comment, "comment", "the comment",
                                      4 * review::kMaxCommentLength,  // characters, in bytes
                                      text::Lines::Many);
        !ok)
      return std::unexpected(ok.error());
    store::insertReturn(c, {0, meetingId, actor.userId, actor.name, w.current, comment, w.when});
    // Back to the draft: the approvals given in this review stop counting, so the minutes are
    // approved again only by both parties after the return.
    store::withdrawApprovals(c, meetingId, w.when);
    tellReturned(c, catalog_.mail, w.now, w.ctx, actor.name, comment, sectionComments);
    if (more) more(c, w);
    return std::pair<std::string, std::string>{"comment", comment};
  };
  if (auto ok = takeStep(actor, ctx, step); !ok) return std::unexpected(ok.error());
  return lifecycle(actor, meetingId);
}

}  // namespace sv::services
