// Starting the minutes: the sections follow the meeting's published agenda, the attendance its
// participants, and every action not yet accepted comes to the follow-up item for evaluation.
#include <algorithm>
#include <map>

#include "agenda/agenda.hpp"
#include "minutes/annual_items.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/render_markdown.hpp"
#include "server/services/access.hpp"
#include "server/services/actions.hpp"
#include "server/services/minutes_rules.hpp"
#include "server/services/minutes_service.hpp"
#include "server/store/approvals.hpp"
#include "server/store/audit.hpp"
#include "server/store/minutes_items.hpp"

namespace sv::services {
namespace {

// One line a person, with every role they have at the meeting: the most significant one as the
// main role, the others after it (a chair who is also the adjuster is both in the minutes).
std::vector<minutes::Attendee> attendanceOf(const std::vector<store::ParticipantRow>& participants,
                                            const store::ContractRow& contract) {
  // Chair, secretary, adjuster, participant: the enum's order.
  auto rank = [](agenda::ParticipantRole role) { return static_cast<int>(role); };
  std::map<std::int64_t, std::vector<agenda::ParticipantRole>> roles;
  std::map<std::int64_t, const store::ParticipantRow*> first;
  std::vector<std::int64_t> order;
  for (const auto& p : participants) {
    if (first.emplace(p.userId, &p).second) order.push_back(p.userId);
    roles[p.userId].push_back(p.role);
  }
  std::vector<minutes::Attendee> out;
  for (auto id : order) {
    const auto& p = *first.at(id);
    auto& theirs = roles.at(id);
    std::ranges::sort(theirs, {}, rank);
    const auto roleOf = [](agenda::ParticipantRole r) {
      return minutes::parseRole(agenda::toString(r)).value_or(minutes::Role::Participant);
    };
    minutes::Attendee a{
        p.name,
        p.party == minutes::Party::Provider ? contract.providerName : contract.authorityName,
        p.party, roleOf(theirs.front()), true};
    for (std::size_t k = 1; k < theirs.size(); ++k)
      if (theirs[k] != theirs[k - 1] && theirs[k] != agenda::ParticipantRole::Participant)
        a.additionalRoles.push_back(roleOf(theirs[k]));
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<MinutesView> MinutesService::start(const store::Principal& actor, std::int64_t meetingId) {
  auto ctx = loadMinutesContext(store_, actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (auto ok = requireMinutesWriter(actor, *ctx, "writes the minutes"); !ok)
    return std::unexpected(ok.error());
  if (ctx->state)
    return fail(Errc::Conflict, Reason::MinutesAlreadyStarted,
                "the minutes of this meeting are already started");
  if (ctx->meeting.status == agenda::MeetingStatus::Cancelled)
    return fail(Errc::Conflict, Reason::MeetingCancelled, "the meeting is cancelled");
  if (!ctx->meeting.agendaPublishedVersion)
    return fail(Errc::Conflict, Reason::AgendaNotPublished,
                "publish the agenda first: the minutes follow the published agenda");
  auto agendaJson =
      store_.documents().readFile(ctx->repository, *ctx->meeting.agendaPublishedVersion,
                                  "meetings/" + std::to_string(meetingId) + "/agenda.json");
  if (!agendaJson) return std::unexpected(agendaJson.error());
  auto published = agenda::parseAgenda(*agendaJson);
  if (!published) return fail(Errc::Internal, "stored agenda does not parse");

  // Every action not yet accepted comes to this meeting for evaluation, under the follow-up item.
  const auto carried = store_.read([&](store::Reading& c) {
    std::vector<minutes::CarriedAction> out;
    for (const auto& row : store::actionsToFollowUp(c, ctx->contract.id, ctx->meeting.startsAt))
      out.push_back({row.id, row.text, row.responsibleParty, row.responsiblePerson,
                     *parseDate(row.dueOn), ActionService::originOf(row)});
    return out;
  });
  std::vector<minutes::SectionSeed> seeds;
  for (const auto& item : published->items) {
    seeds.push_back({item.key, item.title,
                     item.kind == agenda::ItemKind::ActionFollowup
                         ? carried
                         : std::vector<minutes::CarriedAction>{}});
    // Items added under Övriga frågor become sections of their own, right after it.
    for (const auto& added : item.addedItems) seeds.push_back({added.key, added.title, {}});
  }
  const minutes::MinutesHeader header{meetingId,
                                      ctx->contract.title,
                                      ctx->contract.reference,
                                      ctx->contract.authorityName,
                                      ctx->contract.providerName,
                                      *parseDateTime(ctx->meeting.startsAt),
                                      ctx->meeting.location};
  const auto doc = minutes::createMinutes(header, attendanceOf(ctx->participants, ctx->contract),
                                          std::move(seeds));
  const auto now = time_.now();
  std::string markdown = minutes::renderMarkdown(doc);
  store::DocumentCommit commit;
  commit.repository = ctx->repository;
  commit.document = ctx->document;
  commit.files = {{ctx->path("md"), markdown}, {ctx->path("json"), minutes::toJson(doc)}};
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = "Protokoll upprättat från den publicerade dagordningen";
  commit.at = now;
  commit.expectedVersion = "";
  auto version =
      store_.documents().commit(commit, [&](store::Writing& c, const std::string& v) -> Status {
        store::insertMinutes(c, meetingId, formatIsoUtc(now));
        store::recordMinutesItems(c, meetingId, v, minutes::agendaItemsOf(doc));
        store::appendAudit(
            c, auditBy(&actor, "minutes.start", "meeting", std::to_string(meetingId), "{}", v),
            now);
        return {};
      });
  if (!version) return std::unexpected(version.error());
  return MinutesView{meetingId, ctx->contract.id,   minutes::MinutesState::Draft, *version,
                     doc,       std::move(markdown)};
}

}  // namespace sv::services
