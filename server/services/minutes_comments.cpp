// The provider's comments per § when it returns the minutes, and the writer's word on how each was
// dealt with: the review comments of workflows/review_comments.hpp on the minutes' document.
#include <set>

#include "server/services/access.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/audit.hpp"
#include "server/store/review_comments.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::services {
namespace {

store::ReviewedDocument reviewedOf(const MinutesContext& ctx) {
  return {ctx.repository, ctx.document};
}

// The return's own comment when the provider wrote none besides those per §: the § numbers, so
// the history still says what the return was about.
std::string summaryOf(const std::vector<review::NewComment>& comments) {
  std::string out = "Synpunkter på";
  bool first = true;
  for (const auto& c : comments) {
    out += first ? " " : ", ";
    out += c.part.empty() ? std::string("protokollet som helhet") : "§ " + c.part;
    first = false;
  }
  return out + ".";
}

}  // namespace

Result<LifecycleView> MinutesService::returnMinutes(const store::Principal& actor,
                                                    std::int64_t meetingId,
                                                    const std::string& comment,
                                                    std::vector<review::NewComment> comments) {
  if (comments.empty()) return returnMinutes(actor, meetingId, comment);
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  // Roles and state first: someone who may not return the minutes learns nothing of their parts.
  if (auto may = catalog_.minutesWorkflow->mayTry("return", minutes::stateName(*ctx->state),
                                                  minutesRolesOf(actor, *ctx));
      !may)
    return std::unexpected(may.error());
  auto current = load(*ctx, *ctx->version);
  if (!current) return std::unexpected(current.error());
  std::set<std::string> parts;
  for (const auto& s : current->sections) parts.insert(std::to_string(s.number));
  auto checked = review::checkComments(std::move(comments), parts);
  if (!checked) return std::unexpected(checked.error());
  if (checked->empty()) return returnMinutes(actor, meetingId, comment);

  const std::string general = text::isBlank(comment) ? summaryOf(*checked) : comment;
  const Party party =
      actor.organizationKind == OrganizationKind::Authority ? Party::Authority : Party::Provider;
  std::vector<std::string> quoted;  // for the e-mail to the secretary: "§ 8: …"
  for (const auto& n : *checked)
    quoted.push_back((n.part.empty() ? std::string("Protokollet som helhet") : "§ " + n.part) +
                     ": " + n.text);
  return returnWith(actor, *ctx, general, quoted, [&](store::Writing& c, const StepWrite& w) {
    for (const auto& n : *checked) {
      review::Comment row;
      row.part = n.part;
      row.version = w.current;
      row.userId = actor.userId;
      row.party = party;
      row.text = n.text;
      row.createdAt = w.when;
      const auto id = store::insertReviewComment(c, reviewedOf(w.ctx), row);
      store::appendAudit(
          c,
          auditBy(&actor, "minutes.comment", "meeting", std::to_string(meetingId),
                  auditDetail(
                      {{"comment_id", std::to_string(id)}, {"section", n.part}, {"text", n.text}}),
                  w.current),
          w.now);
    }
  });
}

Result<std::vector<review::Comment>> MinutesService::comments(const store::Principal& viewer,
                                                              std::int64_t meetingId) {
  std::vector<review::Comment> out;
  auto ctx = store_.read([&](store::Reading& c) -> Result<MinutesContext> {
    auto read = readMinutesContext(c, viewer, meetingId);
    if (read && read->started()) out = store::listReviewComments(c, reviewedOf(*read));
    return read;
  });
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  return out;
}

Result<review::Comment> MinutesService::handleComment(const store::Principal& actor,
                                                      std::int64_t meetingId,
                                                      std::int64_t commentId,
                                                      const std::string& how) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  if (auto ok = requireMinutesWriter(actor, *ctx, "handles the comments"); !ok)
    return std::unexpected(ok.error());
  if (*ctx->state == minutes::MinutesState::Registered)
    return fail(Errc::Conflict, Reason::DocumentRegistered,
                "the minutes are registered; their review is closed");
  if (auto ok = review::checkHandling(how); !ok) return std::unexpected(ok.error());
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<review::Comment> {
    const auto doc = reviewedOf(*ctx);
    if (!store::findReviewComment(c, doc, commentId))
      return fail(Errc::NotFound, "no such comment on these minutes");
    if (!store::handleReviewComment(c, commentId,
                                    {actor.userId, actor.name, how, formatIsoUtc(now)}))
      return fail(Errc::Conflict, Reason::CommentHandled, "the comment is handled already");
    store::appendAudit(
        c,
        auditBy(&actor, "minutes.comment.handle", "meeting", std::to_string(meetingId),
                auditDetail({{"comment_id", std::to_string(commentId)}, {"how", how}})),
        now);
    return *store::findReviewComment(c, doc, commentId);
  });
}

}  // namespace sv::services
