// Where the minutes are in their lifecycle, and the one transaction each step takes
// (minutes_submit.cpp, minutes_approve.cpp, minutes_return.cpp, minutes_register.cpp).
#include "server/services/access.hpp"
#include "server/services/actions.hpp"
#include "server/services/minutes_notices.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"
#include "server/store/audit.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

Result<LifecycleView> MinutesService::lifecycle(const store::Principal& viewer,
                                                std::int64_t meetingId) {
  LifecycleView view;
  auto ctx = store_.read([&](store::Reading& c) -> Result<MinutesContext> {
    auto read = readMinutesContext(c, viewer, meetingId);
    if (!read || !read->started()) return read;
    view.approvals = store::listApprovals(c, meetingId);
    view.returns = store::listReturns(c, meetingId);
    view.registration = store::registryOfMeeting(c, meetingId);
    return read;
  });
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
  view.meetingId = meetingId;
  view.state = *ctx->state;
  view.version = *ctx->version;
  auto facts = lifecycleFactsOf(*ctx, *ctx->version, view.approvals);
  // What the caller could do now, as far as the facts known without their input tell.
  facts.approving = facts.currentVersion;
  facts.comment.assign(1, '-');  // not `= "-"`: g++ 12 warns falsely (-Wrestrict)
  view.available = catalog_.minutesWorkflow->available(minutes::stateName(view.state),
                                                       minutesRolesOf(viewer, *ctx), facts);
  // A cancelled meeting's minutes are not registered (the store refuses it too).
  if (ctx->meeting.status == agenda::MeetingStatus::Cancelled)
    std::erase(view.available, std::string("register"));
  return view;
}

Status MinutesService::takeStep(const store::Principal& actor, const MinutesContext& ctx,
                                const Step& step) {
  const auto roles = minutesRolesOf(actor, ctx);
  const auto now = time_.now();
  const std::string id = std::to_string(ctx.meeting.id);
  return store_.write([&](store::Writing& c) -> Status {
    // Read again inside the transaction: the state and version are what this write acts on.
    const auto state =
        store::minutesState(c, ctx.meeting.id).value_or(minutes::MinutesState::Draft);
    const auto current = store::DocumentStore::currentVersionIn(c, ctx.repository, ctx.document);
    if (!current)
      return fail(Errc::NotFound, Reason::MinutesNotStarted,
                  "the minutes of this meeting are not started");
    auto facts = lifecycleFactsOf(ctx, *current, store::listApprovals(c, ctx.meeting.id));
    facts.comment = step.text;
    if (step.approving) {
      // The world as it will be: the approval being given counts for the automatic `complete`.
      facts.approving = *step.approving;
      facts.approvals.push_back({step.party.value_or(Party::Authority), *step.approving});
    }
    auto next = minutes::knownState(
        catalog_.minutesWorkflow->take(step.transition, minutes::stateName(state), roles, facts));
    if (!next) return std::unexpected(next.error());

    auto extra = step.record ? step.record(c, StepWrite{ctx, *current, now, formatIsoUtc(now)})
                             : Result<std::pair<std::string, std::string>>{};
    if (!extra) return std::unexpected(extra.error());
    store::setMinutesState(c, ctx.meeting.id, *next, formatIsoUtc(now));
    const std::string from(minutes::stateName(state));
    const std::string to(minutes::stateName(*next));
    const std::string detail =
        extra->first.empty()
            ? auditDetail({{"from", from}, {"to", to}})
            : auditDetail({{"from", from}, {"to", to}, {extra->first.c_str(), extra->second}});
    store::appendAudit(
        c, auditBy(&actor, "minutes." + step.transition, "meeting", id, detail, *current), now);
    if (state != minutes::MinutesState::Approved && *next == minutes::MinutesState::Approved) {
      store::appendAudit(c, auditBy(nullptr, "minutes.approved", "meeting", id, "{}", *current),
                         now);
      // The approved minutes are what the parties agreed: their actions start here.
      auto agreed = load(ctx, *current);
      if (!agreed) return std::unexpected(agreed.error());
      if (auto ok = ActionService::recordApprovedMinutes(c, catalog_, *agreed, ctx.contract,
                                                         ctx.meeting, now);
          !ok)
        return ok;
      // The registrar has nothing else that says approved minutes wait for them.
      tellApproved(c, catalog_.mail, now, ctx);
    }
    return {};
  });
}

}  // namespace sv::services
