// A save of the minutes, in one pass: one read transaction (the meeting, the state, the current
// version and the one the editor started from), the versions read from the parse cache or git,
// the edit applied (and merged when others saved since), and one write: DocumentStore::commit
// with the state, the supersession of earlier approvals and the audit entry in its transaction.
#include "minutes/annual_items.hpp"
#include "minutes/diff.hpp"
#include "minutes/edit.hpp"
#include "minutes/merge.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_markdown.hpp"
#include "server/services/access.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/services/save_rounds.hpp"
#include "server/store/approvals.hpp"
#include "server/store/audit.hpp"
#include "server/store/minutes_items.hpp"

namespace sv::services {
namespace {

std::unexpected<Error> registered() {
  return fail(Errc::Conflict, Reason::DocumentRegistered,
              "the minutes are registered and never change again");
}

}  // namespace

Status MinutesService::mayEdit(const store::Principal& actor, std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireStarted(*ctx); !ok) return ok;
  return requireMinutesWriter(actor, *ctx, "changes the minutes");
}

Result<SaveResult> MinutesService::save(const store::Principal& actor, std::int64_t meetingId,
                                        const std::string& ifMatch,
                                        const minutes::Minutes& proposed) {
  const std::string startedFrom = versionOfTag(ifMatch);
  // Someone else's save between our read and our commit makes the commit fail its version check;
  // the save is then merged again against what they saved, this time with the repository's lock
  // held from the read to the commit, so that no third save can come between (every writer of the
  // repository, in any process, takes it). The first round goes without: most saves meet no one.
  std::optional<store::DocumentStore::Locked> held;
  while (true) {
    bool known = false;
    auto ctx = store_.read([&](store::Reading& c) -> Result<MinutesContext> {
      auto read = readMinutesContext(c, actor, meetingId);
      if (read)
        known =
            store::DocumentStore::hasVersionIn(c, read->repository, read->document, startedFrom);
      return read;
    });
    if (!ctx) return std::unexpected(ctx.error());
    if (auto ok = requireStarted(*ctx); !ok) return std::unexpected(ok.error());
    if (auto ok = requireMinutesWriter(actor, *ctx, "changes the minutes"); !ok)
      return std::unexpected(ok.error());
    if (*ctx->state == minutes::MinutesState::Registered) return registered();
    if (!known)
      return fail(Errc::Conflict, Reason::UnknownVersion,
                  "If-Match names no version of these minutes");
    auto current = load(*ctx, *ctx->version);
    if (!current) return std::unexpected(current.error());

    SaveResult result;
    minutes::Minutes next;
    std::string message;
    if (startedFrom == *ctx->version) {
      auto edited = minutes::applyEdit(*current, proposed);
      if (!edited) return std::unexpected(edited.error());
      next = std::move(*edited);
      message = minutes::describeChanges(*current, next);
    } else {
      auto base = load(*ctx, startedFrom);
      if (!base) return std::unexpected(base.error());
      auto edited = minutes::applyEdit(*base, proposed);
      if (!edited) return std::unexpected(edited.error());
      auto outcome = minutes::mergeMinutes(*base, *current, *edited);
      if (!outcome.clean()) {
        result.conflict = SaveConflict{*ctx->version, std::move(outcome.conflicts)};
        return result;
      }
      next = std::move(*outcome.merged);
      // Two edits that each kept within the bound of the whole protocol can go over it together.
      if (auto within = minutes::checkDocumentNotes(next); !within)
        return std::unexpected(within.error());
      result.merged = true;
      message = minutes::describeChanges(*current, next) + " (sammanfogad med version " +
                ctx->version->substr(0, 10) + ")";
    }
    if (next == *current) {
      result.saved = MinutesView{meetingId,   ctx->contract.id,
                                 *ctx->state, *ctx->version,
                                 next,        minutes::renderMarkdown(next)};
      return result;
    }
    const auto now = time_.now();
    const std::string when = formatIsoUtc(now);
    store::DocumentCommit commit;
    commit.repository = ctx->repository;
    commit.document = ctx->document;
    std::string markdown = minutes::renderMarkdown(next);
    commit.files = {{ctx->path("md"), markdown}, {ctx->path("json"), minutes::toJson(next)}};
    commit.author = {actor.name, actor.email};
    commit.authorId = actor.userId;
    commit.message = message;
    commit.at = now;
    commit.expectedVersion = *ctx->version;
    const store::RecordInTransaction record = [&](store::Writing& c,
                                                  const std::string& v) -> Status {
      // Read once: a second live Statement of the same SQL would share the cached handle
      // (Connection::prepare) and its bind fail with SQLITE_MISUSE.
      const auto stateNow =
          store::minutesState(c, meetingId).value_or(minutes::MinutesState::Draft);
      if (stateNow == minutes::MinutesState::Registered) return registered();
      store::touchMinutes(c, meetingId, when);
      // The yearly summary counts observations per agenda item from these rows.
      store::recordMinutesItems(c, meetingId, v, minutes::agendaItemsOf(next));
      // A new version: approvals of earlier ones stop counting (they stay, marked), and
      // approved minutes go back to review.
      store::supersedeApprovals(c, meetingId, v, when);
      if (stateNow == minutes::MinutesState::Approved) {
        minutes::LifecycleFacts facts;
        facts.currentVersion = v;
        auto revised = minutes::knownState(catalog_.minutesWorkflow->take(
            "revise", minutes::stateName(stateNow), minutesRolesOf(actor, *ctx), facts));
        if (!revised) return std::unexpected(revised.error());
        store::setMinutesState(c, meetingId, *revised, when);
        store::appendAudit(c,
                           auditBy(&actor, "minutes.revise", "meeting", std::to_string(meetingId),
                                   auditDetail({{"from", std::string(minutes::stateName(stateNow))},
                                                {"to", std::string(minutes::stateName(*revised))}}),
                                   v),
                           now);
      }
      store::appendAudit(
          c,
          auditBy(&actor, "minutes.save", "meeting", std::to_string(meetingId),
                  auditDetail({{"message", message}, {"merged", result.merged ? "true" : "false"}}),
                  v),
          now);
      return {};
    };
    auto round = commitRound(store_.documents(), commit, record, held);
    if (!round) continue;  // another save came between: merge again, under the lock
    auto& version = *round;
    if (!version) return std::unexpected(version.error());
    result.changed = true;
    // What was written is what the next save reads back as its current version.
    parsed_.remember(ctx->repository, *version + ":" + ctx->path("json"), next);
    result.saved = MinutesView{meetingId, ctx->contract.id, *ctx->state,
                               *version,  std::move(next),  std::move(markdown)};
    return result;
  }
}

}  // namespace sv::services
