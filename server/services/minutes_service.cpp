#include "server/services/minutes_service.hpp"

#include <algorithm>

#include "agenda/agenda.hpp"
#include "minutes/diff.hpp"
#include "minutes/edit.hpp"
#include "minutes/minutes_json.hpp"
#include "minutes/registry_number.hpp"
#include "minutes/render_html.hpp"
#include "minutes/render_markdown.hpp"
#include "server/services/access.hpp"
#include "server/services/actions.hpp"
#include "server/services/agendas.hpp"
#include "server/store/contracts.hpp"
#include "server/store/protocol_stamp.hpp"
#include "server/web/protocol_page.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {

struct MinutesService::Context {
  store::MeetingRow meeting;
  store::ContractRow contract;
  std::vector<store::ParticipantRow> participants;
  std::optional<std::string> state;  // none until the minutes are started
  std::optional<std::string> version;
  std::string repository;
};

namespace {

using store::Connection;

std::string folderOf(std::int64_t meetingId) {
  return "meetings/" + std::to_string(meetingId);
}

// One line a person, in the most significant of their roles.
std::vector<minutes::Attendee> attendanceOf(const std::vector<store::ParticipantRow>& participants,
                                            const store::ContractRow& contract) {
  // Chair, secretary, adjuster, participant: the enum's order.
  auto rank = [](agenda::ParticipantRole role) { return static_cast<int>(role); };
  std::map<std::int64_t, const store::ParticipantRow*> best;
  std::vector<std::int64_t> order;
  for (const auto& p : participants) {
    auto [it, inserted] = best.emplace(p.userId, &p);
    if (inserted)
      order.push_back(p.userId);
    else if (rank(p.role) < rank(it->second->role))
      it->second = &p;
  }
  std::vector<minutes::Attendee> out;
  for (auto id : order) {
    const auto& p = *best.at(id);
    const auto party = p.party;
    out.push_back(
        {p.name, party == minutes::Party::Provider ? contract.providerName : contract.authorityName,
         party, minutes::parseRole(agenda::toString(p.role)).value_or(minutes::Role::Participant),
         true});
  }
  return out;
}

bool mayWrite(const store::Principal& p, const store::ContractRow& contract,
              const std::vector<store::ParticipantRow>& participants) {
  if (managesContract(p, contract)) return true;
  for (const auto& part : participants)
    if (part.userId == p.userId && part.party == Party::Authority &&
        (part.role == agenda::ParticipantRole::Secretary ||
         part.role == agenda::ParticipantRole::Chair))
      return true;
  return false;
}

bool seenBy(const std::vector<store::TenantScope>& scopes, const store::TenantScope& scope) {
  return std::ranges::find(scopes, scope) != scopes.end();
}

std::string stripQuotes(std::string tag) {
  if (tag.starts_with("W/")) tag = tag.substr(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  return tag;
}

}  // namespace

std::string MinutesService::documentOf(std::int64_t meetingId) {
  return folderOf(meetingId) + "/minutes";
}

Result<MinutesService::Context> MinutesService::context(const store::Principal& viewer,
                                                        std::int64_t meetingId) {
  auto ctx = store_.db().read([&](Connection& c) -> Result<Context> {
    const auto scope = store::TenantScope::of(viewer);
    auto meeting = store::findMeeting(c, scope, meetingId);
    if (!meeting) return fail(Errc::NotFound, "no such meeting");
    Context out;
    out.meeting = *meeting;
    out.contract = *store::findContract(c, scope, meeting->contractId);
    out.participants = store::listParticipants(c, meetingId);
    auto s = c.prepare("SELECT state FROM minutes WHERE meeting_id = ?1");
    s.bind(1, meetingId);
    if (s.step()) out.state = s.text(0);
    return out;
  });
  if (!ctx) return ctx;
  ctx->repository = AgendaService::repositoryOf(ctx->contract.id);
  ctx->version = store_.documents().currentVersion(ctx->repository, documentOf(meetingId));
  return ctx;
}

Result<minutes::Minutes> MinutesService::load(const Context& ctx, const std::string& version) {
  const std::string path = folderOf(ctx.meeting.id) + "/minutes.json";
  if (auto known = parsed_.find(ctx.repository, version + ":" + path)) return *known;
  auto json = store_.documents().readFile(ctx.repository, version, path);
  if (!json) return std::unexpected(json.error());
  auto doc = minutes::fromJson(*json);
  if (!doc) return fail(Errc::Internal, "stored minutes do not parse: " + doc.error().detail);
  parsed_.remember(ctx.repository, version + ":" + path, *doc);
  return doc;
}

Result<MinutesView> MinutesService::start(const store::Principal& actor, std::int64_t meetingId) {
  auto ctx = context(actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!mayWrite(actor, ctx->contract, ctx->participants))
    return fail(Errc::Forbidden,
                "only the meeting's secretary or chair, or the contract manager, "
                "writes the minutes");
  if (ctx->state) return fail(Errc::Conflict, "the minutes of this meeting are already started");
  if (ctx->meeting.status == agenda::MeetingStatus::Cancelled)
    return fail(Errc::Conflict, "the meeting is cancelled");
  if (!ctx->meeting.agendaPublishedVersion)
    return fail(Errc::Conflict,
                "publish the agenda first: the minutes follow the published agenda");
  auto agendaJson = store_.documents().readFile(
      ctx->repository, *ctx->meeting.agendaPublishedVersion, folderOf(meetingId) + "/agenda.json");
  if (!agendaJson) return std::unexpected(agendaJson.error());
  auto published = agenda::parseAgenda(*agendaJson);
  if (!published) return fail(Errc::Internal, "stored agenda does not parse");

  // Every action not yet accepted comes to this meeting for evaluation, under the follow-up item.
  const auto carried = store_.db().read([&](Connection& c) {
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
  store::DocumentCommit commit;
  commit.repository = ctx->repository;
  commit.document = documentOf(meetingId);
  commit.files = {{folderOf(meetingId) + "/minutes.md", minutes::renderMarkdown(doc)},
                  {folderOf(meetingId) + "/minutes.json", minutes::toJson(doc)}};
  commit.author = {actor.name, actor.email};
  commit.authorId = actor.userId;
  commit.message = "Protokoll upprättat från den publicerade dagordningen";
  commit.at = now;
  commit.expectedVersion = "";
  auto version =
      store_.documents().commit(commit, [&](Connection& c, const std::string& v) -> Status {
        c.prepare(
             "INSERT INTO minutes (meeting_id, state, created_at, updated_at) VALUES (?1, 'draft', "
             "?2, ?2)")
            .bindAll(meetingId, formatIsoUtc(now))
            .run();
        store::appendAudit(
            c, auditBy(&actor, "minutes.start", "meeting", std::to_string(meetingId), "{}", v),
            now);
        return {};
      });
  if (!version) return std::unexpected(version.error());
  return MinutesView{
      meetingId, ctx->contract.id, "draft", *version, doc, minutes::renderMarkdown(doc)};
}

Result<MinutesView> MinutesService::get(const store::Principal& viewer, std::int64_t meetingId) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!ctx->state || !ctx->version)
    return fail(Errc::NotFound, "the minutes of this meeting are not started");
  return atVersion(viewer, meetingId, *ctx->version);
}

Result<MinutesView> MinutesService::atVersion(const store::Principal& viewer,
                                              std::int64_t meetingId, const std::string& version) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!store_.documents().hasVersion(ctx->repository, documentOf(meetingId), version))
    return fail(Errc::NotFound, "no such version of these minutes");
  auto doc = load(*ctx, version);
  if (!doc) return std::unexpected(doc.error());
  auto markdown =
      store_.documents().readFile(ctx->repository, version, folderOf(meetingId) + "/minutes.md");
  if (!markdown) return std::unexpected(markdown.error());
  return MinutesView{meetingId, ctx->contract.id, ctx->state.value_or("draft"),
                     version,   std::move(*doc),  std::move(*markdown)};
}

Result<std::string> MinutesService::fileAtVersion(const store::Principal& viewer,
                                                  std::int64_t meetingId,
                                                  const std::string& version,
                                                  const std::string& extension) {
  if (extension != "md" && extension != "json")
    return fail(Errc::Invalid, "format is md or json", "format");
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!store_.documents().hasVersion(ctx->repository, documentOf(meetingId), version))
    return fail(Errc::NotFound, "no such version of these minutes");
  return store_.documents().readFile(ctx->repository, version,
                                     folderOf(meetingId) + "/minutes." + extension);
}

Result<SaveResult> MinutesService::save(const store::Principal& actor, std::int64_t meetingId,
                                        const std::string& ifMatch,
                                        const std::string& documentJson) {
  auto proposed = minutes::fromJson(documentJson);
  if (!proposed) return std::unexpected(proposed.error());
  const std::string startedFrom = stripQuotes(ifMatch);
  // Someone else's save between our read and our commit makes the commit fail its version check;
  // the save is then merged again against what they saved.
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto ctx = context(actor, meetingId);
    if (!ctx) return std::unexpected(ctx.error());
    if (!ctx->state || !ctx->version)
      return fail(Errc::NotFound, "the minutes of this meeting are not started");
    if (!mayWrite(actor, ctx->contract, ctx->participants))
      return fail(Errc::Forbidden,
                  "only the meeting's secretary or chair, or the contract "
                  "manager, changes the minutes");
    if (*ctx->state == "registered")
      return fail(Errc::Conflict, "the minutes are registered and never change again");
    if (!store_.documents().hasVersion(ctx->repository, documentOf(meetingId), startedFrom))
      return fail(Errc::Conflict, "If-Match names no version of these minutes");
    auto current = load(*ctx, *ctx->version);
    if (!current) return std::unexpected(current.error());

    SaveResult result;
    minutes::Minutes next;
    std::string message;
    if (startedFrom == *ctx->version) {
      auto edited = minutes::applyEdit(*current, *proposed);
      if (!edited) return std::unexpected(edited.error());
      next = std::move(*edited);
      message = minutes::describeChanges(*current, next);
    } else {
      auto base = load(*ctx, startedFrom);
      if (!base) return std::unexpected(base.error());
      auto edited = minutes::applyEdit(*base, *proposed);
      if (!edited) return std::unexpected(edited.error());
      auto outcome = minutes::mergeMinutes(*base, *current, *edited);
      if (!outcome.clean()) {
        result.conflict = SaveConflict{*ctx->version, std::move(outcome.conflicts)};
        return result;
      }
      next = std::move(*outcome.merged);
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
    store::DocumentCommit commit;
    commit.repository = ctx->repository;
    commit.document = documentOf(meetingId);
    const std::string markdown = minutes::renderMarkdown(next);
    commit.files = {{folderOf(meetingId) + "/minutes.md", markdown},
                    {folderOf(meetingId) + "/minutes.json", minutes::toJson(next)}};
    commit.author = {actor.name, actor.email};
    commit.authorId = actor.userId;
    commit.message = message;
    commit.at = now;
    commit.expectedVersion = *ctx->version;
    auto version =
        store_.documents().commit(commit, [&](Connection& c, const std::string& v) -> Status {
          // Read once: a second live Statement of the same SQL would share the cached handle
          // (Connection::prepare) and its bind fail with SQLITE_MISUSE.
          const std::string stateNow = store::minutesState(c, meetingId).value_or("draft");
          if (stateNow == "registered")
            return fail(Errc::Conflict, "the minutes are registered and never change again");
          c.prepare("UPDATE minutes SET updated_at = ?2 WHERE meeting_id = ?1")
              .bindAll(meetingId, formatIsoUtc(now))
              .run();
          // A new version: approvals of earlier ones stop counting (they stay, marked), and
          // approved minutes go back to review.
          store::supersedeApprovals(c, meetingId, v, formatIsoUtc(now));
          if (stateNow == "approved") {
            minutes::LifecycleFacts facts;
            facts.currentVersion = v;
            auto revised =
                catalog_.minutesWorkflow->take("revise", stateNow, rolesIn(actor, *ctx), facts);
            if (!revised) return std::unexpected(revised.error());
            store::setMinutesState(c, meetingId, *revised, formatIsoUtc(now));
            store::appendAudit(
                c,
                auditBy(&actor, "minutes.revise", "meeting", std::to_string(meetingId),
                        auditDetail({{"from", stateNow}, {"to", *revised}}), v),
                now);
          }
          store::appendAudit(c,
                             auditBy(&actor, "minutes.save", "meeting", std::to_string(meetingId),
                                     auditDetail({{"message", message},
                                                  {"merged", result.merged ? "true" : "false"}}),
                                     v),
                             now);
          return {};
        });
    if (!version) {
      if (version.error().reason == Reason::VersionMovedOn) continue;
      return std::unexpected(version.error());
    }
    result.changed = true;
    // What was written is what the next save reads back as its current version.
    parsed_.remember(ctx->repository, *version + ":" + folderOf(meetingId) + "/minutes.json", next);
    result.saved =
        MinutesView{meetingId, ctx->contract.id, *ctx->state, *version, std::move(next), markdown};
    return result;
  }
  return fail(Errc::Conflict, "the minutes are being saved by others; try again");
}

Result<std::vector<store::DocumentVersion>> MinutesService::versions(const store::Principal& viewer,
                                                                     std::int64_t meetingId) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  return store_.documents().versions(ctx->repository, documentOf(meetingId));
}

Result<MinutesDiff> MinutesService::diff(const store::Principal& viewer, std::int64_t meetingId,
                                         const std::string& from, const std::string& to) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  for (const auto& v : {from, to})
    if (!store_.documents().hasVersion(ctx->repository, documentOf(meetingId), v))
      return fail(Errc::NotFound, "no such version of these minutes: " + v);
  auto a = load(*ctx, from);
  if (!a) return std::unexpected(a.error());
  auto b = load(*ctx, to);
  if (!b) return std::unexpected(b.error());
  const std::string folder = folderOf(meetingId);
  auto unified = store_.documents().diff(ctx->repository, from, to,
                                         {folder + "/minutes.md", folder + "/minutes.json"});
  if (!unified) return std::unexpected(unified.error());
  MinutesDiff out{from, to, std::move(*unified), {}, {}};
  for (const auto& change : minutes::summarizeChanges(*a, *b)) {
    out.summary.push_back(change.text);
    if (change.unit == minutes::ChangeUnit::Section)
      out.sections.emplace_back(change.number, change.title);
  }
  return out;
}

Result<ProtocolPage> MinutesService::html(const store::Principal& viewer, std::int64_t meetingId) {
  const auto scope = store::TenantScope::of(viewer);
  // Read before the stamp: a write that ends after this makes the check below count as old.
  const std::uint64_t writes = store_.db().writes();
  std::optional<std::int64_t> knownContract;
  {
    std::shared_lock lock(pagesMutex_);
    if (auto it = pages_.find(meetingId); it != pages_.end()) {
      const auto& entry = it->second;
      if (entry.checkedAt == writes && seenBy(entry.checkedFor, scope))
        return ProtocolPage{entry.key, entry.page};
      knownContract = entry.contractId;
    }
  }
  const std::string document = documentOf(meetingId);
  auto stampIn = [&](std::int64_t contractId) {
    return store_.db().read([&](Connection& c) {
      return store::protocolStamp(c, scope, meetingId, contractId,
                                  AgendaService::repositoryOf(contractId), document);
    });
  };
  std::optional<store::ProtocolStamp> stamp;
  if (knownContract) stamp = stampIn(*knownContract);
  std::int64_t contractId = knownContract.value_or(0);
  if (!stamp) {
    // Not rendered yet, or not visible to this viewer: the full check answers which.
    auto ctx = context(viewer, meetingId);
    if (!ctx) return std::unexpected(ctx.error());
    contractId = ctx->contract.id;
    stamp = stampIn(contractId);
    if (!stamp) return fail(Errc::NotFound, "no such meeting");
  }
  if (!stamp->version) return fail(Errc::NotFound, "the minutes of this meeting are not started");
  // The page shows the signature block too, so it changes with approvals as well as versions.
  const std::string key = *stamp->version + ":" + std::to_string(stamp->approvals) + ":" +
                          std::to_string(stamp->lastApprovalId) + ":" +
                          std::to_string(stamp->superseded) +
                          (stamp->registryNumber ? ":" + *stamp->registryNumber : "");
  {
    std::lock_guard lock(pagesMutex_);
    if (auto it = pages_.find(meetingId); it != pages_.end() && it->second.key == key) {
      auto& entry = it->second;
      if (writes > entry.checkedAt) {
        entry.checkedAt = writes;
        entry.checkedFor = {scope};
      } else if (writes == entry.checkedAt && !seenBy(entry.checkedFor, scope)) {
        entry.checkedFor.push_back(scope);
      }
      return ProtocolPage{key, entry.page};
    }
  }
  // Rendered from what is stored now, which is at least as new as the stamp: a page is never
  // older than the key it is kept under, and a newer one is rendered again on the next request.
  auto doc = signedDocument(viewer, meetingId);
  if (!doc) return std::unexpected(doc.error());
  auto page = std::make_shared<const std::string>(
      web::protocolPage("Protokoll " + doc->header.contractTitle + " " +
                            formatDate(toStockholm(doc->header.startsAt).date),
                        minutes::renderHtml(*doc)));
  std::lock_guard lock(pagesMutex_);
  if (pages_.size() >= kRenderedPages && !pages_.contains(meetingId)) pages_.erase(pages_.begin());
  pages_.insert_or_assign(meetingId, RenderedPage{contractId, key, page, writes, {scope}});
  return ProtocolPage{key, std::move(page)};
}

}  // namespace sv::services

namespace sv::services {
namespace {

using store::Connection;

minutes::Party partyOfRow(const std::string& party) {
  return party == "provider" ? minutes::Party::Provider : minutes::Party::Authority;
}

std::int64_t registrationYear(TimePoint now) {
  return static_cast<int>(toStockholm(now).date.year());
}

}  // namespace

std::set<std::string> MinutesService::rolesIn(const store::Principal& p, const Context& ctx) const {
  std::set<std::string> roles;
  for (auto r : p.roles) roles.emplace(store::roleName(r));
  // The authority's roles count only for its own contracts, the provider's for its own.
  if (p.organizationId != ctx.contract.authorityId) {
    roles.erase("contract_manager");
    roles.erase("registrar");
    roles.erase("reader");
  }
  if (p.organizationId != ctx.contract.providerId) roles.erase("provider_rep");
  for (const auto& part : ctx.participants) {
    if (part.userId != p.userId) continue;
    if (part.role == agenda::ParticipantRole::Adjuster)
      roles.insert(part.party == Party::Provider ? "provider_adjuster" : "authority_adjuster");
    else if (part.role == agenda::ParticipantRole::Chair ||
             part.role == agenda::ParticipantRole::Secretary)
      roles.insert(std::string(agenda::toString(part.role)));
  }
  return roles;
}

Result<minutes::Minutes> MinutesService::decorate(Connection& c, const Context& ctx,
                                                  minutes::Minutes doc) const {
  doc.signatures.clear();
  doc.disagreements.clear();
  for (const auto& a : store::listApprovals(c, ctx.meeting.id)) {
    auto at = parseDateTime(a.approvedAt);
    doc.signatures.push_back({partyOfRow(a.party), a.userName, a.version, at ? *at : TimePoint{},
                              a.supersededAt.has_value()});
    if (!a.note.empty() && !a.supersededAt)
      doc.disagreements.push_back({partyOfRow(a.party), a.userName, a.note});
  }
  if (auto reg = store::registryOfMeeting(c, ctx.meeting.id)) doc.registryNumber = reg->number;
  return doc;
}

Result<minutes::Minutes> MinutesService::signedDocument(const store::Principal& viewer,
                                                        std::int64_t meetingId) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!ctx->version) return fail(Errc::NotFound, "the minutes of this meeting are not started");
  auto doc = load(*ctx, *ctx->version);
  if (!doc) return doc;
  return store_.db().read([&](Connection& c) { return decorate(c, *ctx, std::move(*doc)); });
}

Result<LifecycleView> MinutesService::lifecycle(const store::Principal& viewer,
                                                std::int64_t meetingId) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!ctx->state || !ctx->version)
    return fail(Errc::NotFound, "the minutes of this meeting are not started");
  LifecycleView view;
  view.meetingId = meetingId;
  view.state = *ctx->state;
  view.version = *ctx->version;
  minutes::LifecycleFacts facts;
  facts.currentVersion = *ctx->version;
  store_.db().read([&](Connection& c) {
    view.approvals = store::listApprovals(c, meetingId);
    view.returns = store::listReturns(c, meetingId);
    view.registration = store::registryOfMeeting(c, meetingId);
    return 0;
  });
  for (const auto& p : ctx->participants)
    if (p.role == agenda::ParticipantRole::Adjuster)
      (p.party == Party::Provider ? facts.providerAdjusterSet : facts.authorityAdjusterSet) = true;
  for (const auto& a : view.approvals)
    if (!a.supersededAt) facts.approvals.push_back({partyOfRow(a.party), a.version});
  // What the caller could do now, as far as the facts known without their input tell.
  facts.approving = facts.currentVersion;
  facts.comment = "-";
  view.available = catalog_.minutesWorkflow->available(view.state, rolesIn(viewer, *ctx), facts);
  return view;
}

Result<LifecycleView> MinutesService::transition(const store::Principal& actor,
                                                 std::int64_t meetingId, const std::string& name,
                                                 const std::string& version,
                                                 const std::string& text) {
  auto ctx = context(actor, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (!ctx->state || !ctx->version)
    return fail(Errc::NotFound, "the minutes of this meeting are not started");
  const auto roles = rolesIn(actor, *ctx);
  const auto& workflow = *catalog_.minutesWorkflow;
  const auto now = time_.now();
  const std::string when = formatIsoUtc(now);
  const std::string id = std::to_string(meetingId);
  std::optional<std::pair<std::string, std::string>> tagToMake;  // (tag, registry number)

  auto done = store_.db().write([&](Connection& c) -> Status {
    // Read again inside the transaction: the state and version are what this write acts on.
    const auto state = store::minutesState(c, meetingId).value_or("draft");
    const auto current =
        store::DocumentStore::currentVersionIn(c, ctx->repository, documentOf(meetingId));
    if (!current) return fail(Errc::NotFound, "the minutes of this meeting are not started");
    minutes::LifecycleFacts facts;
    facts.currentVersion = *current;
    for (const auto& p : ctx->participants)
      if (p.role == agenda::ParticipantRole::Adjuster)
        (p.party == Party::Provider ? facts.providerAdjusterSet : facts.authorityAdjusterSet) =
            true;
    for (const auto& a : store::listApprovals(c, meetingId))
      if (!a.supersededAt) facts.approvals.push_back({partyOfRow(a.party), a.version});
    facts.comment = text;

    std::string party;
    if (name == "approve") {
      facts.approving = version;
      party = roles.contains("provider_adjuster") ? "provider" : "authority";
      facts.approvals.push_back({partyOfRow(party), version});
    }
    auto next = workflow.take(name, state, roles, facts);
    if (!next) return std::unexpected(next.error());

    if (name == "submit") {
      for (const auto& p : ctx->participants)
        if (p.role == agenda::ParticipantRole::Adjuster)
          store::insertNotification(
              c, {0, p.userId, meetingId, "minutes.submitted",
                  "Protokollet från mötet " +
                      formatSwedishDateTime(*parseDateTime(ctx->meeting.startsAt)) + " (" +
                      ctx->contract.title + ") väntar på din justering.",
                  when, std::nullopt});
    } else if (name == "approve") {
      if (text.size() > 20000) return fail(Errc::Invalid, "at most 20 000 characters", "note");
      // One approval a party and version: a second would sign the protocol twice.
      for (const auto& a : store::listApprovals(c, meetingId))
        if (!a.supersededAt && a.party == party && a.version == version)
          return fail(Errc::Conflict, "the " + party + " has already approved this version",
                      "version");
      store::insertApproval(
          c, {0, meetingId, party, actor.userId, actor.name, version, text, when, std::nullopt});
    } else if (name == "return") {
      store::insertReturn(c, {0, meetingId, actor.userId, actor.name, *current, text, when});
      // Back to the draft: the approvals given in this review stop counting, so the minutes are
      // approved again only by both parties after the return.
      store::withdrawApprovals(c, meetingId, when);
      std::set<std::int64_t> told;  // the chair may be the secretary too: one notice a person
      for (const auto& p : ctx->participants)
        if ((p.role == agenda::ParticipantRole::Secretary ||
             p.role == agenda::ParticipantRole::Chair) &&
            told.insert(p.userId).second)
          store::insertNotification(
              c, {0, p.userId, meetingId, "minutes.returned",
                  actor.name + " har skickat tillbaka protokollet med synpunkter.", when,
                  std::nullopt});
    } else if (name == "register") {
      const int year = static_cast<int>(registrationYear(now));
      const int seq = store::nextRegistrySeq(c, ctx->contract.authorityId, year);
      const std::string number =
          catalog_.registryFormatFor(ctx->contract.authorityName).format(year, seq);
      store::RegistryRow row;
      row.authorityId = ctx->contract.authorityId;
      row.year = year;
      row.seq = seq;
      row.number = number;
      row.meetingId = meetingId;
      row.contractId = ctx->contract.id;
      row.repository = ctx->repository;
      row.version = *current;
      row.tag = minutes::tagNameOf(number);
      row.registeredBy = actor.userId;
      row.registeredAt = when;
      store::insertRegistry(c, row);
      store::DocumentStore::seal(c, ctx->repository, documentOf(meetingId),
                                 "registered as " + number, now);
      tagToMake = std::pair{row.tag, number};
    }
    store::setMinutesState(c, meetingId, *next, when);
    std::string detail = auditDetail({{"from", state}, {"to", *next}});
    if (name == "register")
      detail = auditDetail({{"from", state}, {"to", *next}, {"number", tagToMake->second}});
    if (name == "return") detail = auditDetail({{"from", state}, {"to", *next}, {"comment", text}});
    if (name == "approve" && !text.empty())
      detail = auditDetail({{"from", state}, {"to", *next}, {"note", text}});
    store::appendAudit(c,
                       auditBy(&actor, "minutes." + name, "meeting", id, detail,
                               name == "approve" ? version : *current),
                       now);
    if (state != "approved" && *next == "approved") {
      store::appendAudit(c, auditBy(nullptr, "minutes.approved", "meeting", id, "{}", *current),
                         now);
      // The approved minutes are what the parties agreed: their actions start here.
      auto json = store_.documents().readFile(ctx->repository, *current,
                                              folderOf(meetingId) + "/minutes.json");
      if (!json) return std::unexpected(json.error());
      auto agreed = minutes::fromJson(*json);
      if (!agreed) return fail(Errc::Internal, "stored minutes do not parse");
      if (auto ok = ActionService::recordApprovedMinutes(c, catalog_, *agreed, ctx->contract,
                                                         ctx->meeting, now);
          !ok)
        return ok;
    }
    return {};
  });
  if (!done) return std::unexpected(done.error());

  // The tag follows the acknowledged registration; should this fail, start-up puts it back.
  if (tagToMake) {
    const auto& [tag, number] = *tagToMake;
    const auto version2 = store_.documents().currentVersion(ctx->repository, documentOf(meetingId));
    (void)store_.documents().withRepository(ctx->repository, [&](git_repository* repo) {
      return store::git::createTag(repo, tag, *version2, {actor.name, actor.email},
                                   "Diarieförd som " + number + " av " + actor.name, now);
    });
  }
  return lifecycle(actor, meetingId);
}

Result<LifecycleView> MinutesService::submit(const store::Principal& actor,
                                             std::int64_t meetingId) {
  return transition(actor, meetingId, "submit", "", "");
}

Result<LifecycleView> MinutesService::approve(const store::Principal& actor, std::int64_t meetingId,
                                              const std::string& version, const std::string& note) {
  return transition(actor, meetingId, "approve", version, note);
}

Result<LifecycleView> MinutesService::returnMinutes(const store::Principal& actor,
                                                    std::int64_t meetingId,
                                                    const std::string& comment) {
  return transition(actor, meetingId, "return", "", comment);
}

Result<LifecycleView> MinutesService::registerMinutes(const store::Principal& actor,
                                                      std::int64_t meetingId) {
  return transition(actor, meetingId, "register", "", "");
}

std::vector<store::RegistryRow> MinutesService::registry(const store::Principal& viewer,
                                                         const store::RegistryQuery& query) {
  return store_.db().read(
      [&](Connection& c) { return store::findRegistry(c, store::TenantScope::of(viewer), query); });
}

std::vector<store::AwaitingRegistrationRow> MinutesService::awaitingRegistration(
    const store::Principal& viewer) {
  return store_.db().read([&](Connection& c) {
    return store::approvedAwaitingRegistration(c, store::TenantScope::of(viewer));
  });
}

}  // namespace sv::services

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "server/pdf/protocol_pdf.hpp"
#include "server/services/archive.hpp"
#include "server/services/pdfa.hpp"

namespace sv::services {
namespace {

std::string stringify(const Poco::JSON::Object& o) {
  std::ostringstream out;
  o.stringify(out, 2);
  return out.str() + "\n";
}

std::string documentTitle(const minutes::Minutes& doc) {
  return "Protokoll, samverkansmöte " + formatDate(toStockholm(doc.header.startsAt).date) + " – " +
         doc.header.contractTitle;
}

}  // namespace

Result<std::string> MinutesService::pdf(const store::Principal& viewer, std::int64_t meetingId) {
  auto doc = signedDocument(viewer, meetingId);
  if (!doc) return std::unexpected(doc.error());
  return pdf::renderProtocolPdf(*doc, {documentTitle(*doc), time_.now()});
}

Result<std::pair<std::string, std::string>> MinutesService::archive(const store::Principal& viewer,
                                                                    std::int64_t meetingId) {
  auto ctx = context(viewer, meetingId);
  if (!ctx) return std::unexpected(ctx.error());
  if (ctx->state != "registered")
    return fail(Errc::Conflict, "only registered minutes have an archival package");
  auto doc = signedDocument(viewer, meetingId);
  if (!doc) return std::unexpected(doc.error());
  const auto reg =
      store_.db().read([&](Connection& c) { return *store::registryOfMeeting(c, meetingId); });
  auto pdfBytes =
      pdf::renderProtocolPdf(*doc, {documentTitle(*doc), *parseDateTime(reg.registeredAt)});
  if (!pdfBytes) return std::unexpected(pdfBytes.error());
  auto pdfa = convertToPdfA(*pdfBytes, documentTitle(*doc));
  if (!pdfa) return std::unexpected(pdfa.error());
  auto committedJson = store_.documents().readFile(ctx->repository, reg.version,
                                                   folderOf(meetingId) + "/minutes.json");
  if (!committedJson) return std::unexpected(committedJson.error());
  auto committedMd = store_.documents().readFile(ctx->repository, reg.version,
                                                 folderOf(meetingId) + "/minutes.md");
  if (!committedMd) return std::unexpected(committedMd.error());

  Poco::JSON::Object meta(Poco::JSON_PRESERVE_KEY_ORDER);
  meta.set("registry_number", reg.number);
  meta.set("registered_at", reg.registeredAt);
  meta.set("registered_by", reg.registeredByName);
  meta.set("approved_version", reg.version);
  meta.set("repository", reg.repository);
  meta.set("tag", reg.tag);
  Poco::JSON::Object contract(Poco::JSON_PRESERVE_KEY_ORDER);
  contract.set("id", ctx->contract.id);
  contract.set("title", ctx->contract.title);
  contract.set("reference", ctx->contract.reference);
  contract.set("service_area", ctx->contract.serviceArea);
  contract.set("authority", ctx->contract.authorityName);
  contract.set("provider", ctx->contract.providerName);
  meta.set("contract", contract);
  Poco::JSON::Object meeting(Poco::JSON_PRESERVE_KEY_ORDER);
  meeting.set("id", meetingId);
  meeting.set("starts_at", ctx->meeting.startsAt);
  meeting.set("location", ctx->meeting.location);
  meta.set("meeting", meeting);

  Poco::JSON::Array approvals;
  Poco::JSON::Array audit;
  store_.db().read([&](Connection& c) {
    for (const auto& a : store::listApprovals(c, meetingId)) {
      Poco::JSON::Object aj(Poco::JSON_PRESERVE_KEY_ORDER);
      aj.set("party", a.party);
      aj.set("name", a.userName);
      aj.set("version", a.version);
      aj.set("approved_at", a.approvedAt);
      aj.set("note", a.note);
      aj.set("superseded_at",
             a.supersededAt ? Poco::Dynamic::Var(*a.supersededAt) : Poco::Dynamic::Var());
      approvals.add(aj);
    }
    store::AuditQuery q;
    q.objectType = "meeting";
    q.objectId = std::to_string(meetingId);
    q.limit = 100000;
    Poco::JSON::Parser parser;
    for (const auto& r : store::listAudit(c, q)) {
      Poco::JSON::Object e(Poco::JSON_PRESERVE_KEY_ORDER);
      e.set("id", r.id);
      e.set("at", r.at);
      e.set("actor", r.entry.actor);
      e.set("action", r.entry.action);
      e.set("version", r.entry.version);
      e.set("detail", parser.parse(r.entry.detail));
      e.set("hash", r.hash);
      audit.add(e);
    }
    return 0;
  });
  std::ostringstream approvalsText;
  approvals.stringify(approvalsText, 2);
  std::ostringstream auditText;
  audit.stringify(auditText, 2);

  const std::string name = minutes::tagNameOf(reg.number);
  BagInfo info{ctx->contract.authorityName, reg.number, formatDate(toStockholm(time_.now()).date),
               documentTitle(*doc)};
  std::string page = web::protocolPage(documentTitle(*doc), minutes::renderHtml(*doc));
  std::string zip = writeBag(name, info,
                             {{"protocol.md", minutes::renderMarkdown(*doc)},
                              {"protocol.html", page},
                              {"protocol.pdf", *pdfa},
                              {"minutes.md", *committedMd},
                              {"minutes.json", *committedJson},
                              {"metadata.json", stringify(meta)},
                              {"approvals.json", approvalsText.str() + "\n"},
                              {"audit.json", auditText.str() + "\n"}});
  return std::pair{name + ".zip", std::move(zip)};
}

}  // namespace sv::services
