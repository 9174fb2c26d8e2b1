#include "server/services/agendas.hpp"

#include "minutes/case_lifecycle.hpp"
#include "minutes/follow_up_case.hpp"
#include "server/store/cases.hpp"

#include "server/services/access.hpp"
#include "server/services/actions.hpp"
#include "server/services/meeting_notices.hpp"
#include "server/store/actions.hpp"
#include "server/store/approvals.hpp"
#include "server/store/contracts.hpp"
#include "workflows/stockholm_time.hpp"

namespace sv::services {
namespace {

// The agenda keeps the previous minutes' state as text ("registered"); empty when none started.
std::string minutesStateName(const std::optional<minutes::MinutesState>& state) {
  return state ? std::string(minutes::stateName(*state)) : std::string();
}

struct Loaded {
  store::MeetingRow meeting;
  store::ContractRow contract;
  AgendaView view;
};

std::string agendaFolder(std::int64_t meetingId) {
  return "meetings/" + std::to_string(meetingId);
}

agenda::MeetingInfo infoOf(const store::MeetingRow& m, const store::ContractRow& c) {
  return {c.title,   c.reference, c.providerName, c.authorityName, *parseDateTime(m.startsAt),
          m.location};
}

std::optional<agenda::PreviousMeetingRef> previousOf(store::Reading& c,
                                                     const store::MeetingRow& m) {
  auto prev = store::previousMeeting(c, m.contractId, m.startsAt, m.id);
  if (!prev) return std::nullopt;
  std::optional<std::string> number;
  if (auto reg = store::registryOfMeeting(c, prev->id)) number = reg->number;
  return agenda::PreviousMeetingRef{toStockholm(*parseDateTime(prev->startsAt)).date,
                                    minutesStateName(store::minutesState(c, prev->id)), number};
}

// The parts of an unpublished agenda that follow the data rather than the editors.
void refresh(store::Reading& c, agenda::Agenda& a, const store::MeetingRow& m,
             const store::ContractRow& contract) {
  a.meeting = infoOf(m, contract);
  a.previousMeeting = previousOf(c, m);
  a.openActions.clear();
  for (const auto& row : store::actionsToFollowUp(c, contract.id, m.startsAt))
    a.openActions.push_back({std::to_string(row.id), row.text, row.responsibleParty,
                             row.responsiblePerson, *parseDate(row.dueOn), row.status,
                             ActionService::originOf(row)});
  // Open event-driven cases come up under the authority's follow-up item (issue 14).
  a.openCases.clear();
  store::CaseQuery open;
  open.contractId = contract.id;
  open.openOnly = true;
  open.limit = 100;
  for (const auto& row : store::listCases(c, store::TenantScope::system(), open)) {
    const auto trigger =
        minutes::parseCaseTrigger(row.trigger).value_or(minutes::CaseTrigger::Other);
    const auto state = minutes::parseCaseState(row.state).value_or(minutes::CaseState::Collecting);
    const auto opened = parseDateTime(row.openedAt);
    a.openCases.push_back({std::to_string(row.id), row.title,
                           std::string(minutes::swedishTrigger(trigger)),
                           std::string(minutes::swedishCaseState(state)), row.urgency == "acute",
                           opened ? toStockholm(*opened).date : Date{}});
  }
}

}  // namespace

std::string AgendaService::repositoryOf(std::int64_t contractId) {
  return "contract-" + std::to_string(contractId);
}

std::string AgendaService::documentOf(std::int64_t meetingId) {
  return agendaFolder(meetingId) + "/agenda";
}

namespace {

Result<Loaded> loadAgenda(store::Store& st, const store::Principal& viewer,
                          std::int64_t meetingId) {
  Loaded loaded;
  auto found = st.read([&](store::Reading& c) { return meetingFor(c, viewer, meetingId); });
  if (!found) return std::unexpected(found.error());
  loaded.meeting = std::move(found->meeting);
  loaded.contract = std::move(found->contract);
  auto& view = loaded.view;
  view.meetingId = meetingId;
  view.contractId = loaded.contract.id;
  view.publishedVersion = loaded.meeting.agendaPublishedVersion;
  const auto repo = AgendaService::repositoryOf(loaded.contract.id);
  view.version = st.documents().currentVersion(repo, AgendaService::documentOf(meetingId));
  if (view.version) {
    auto json =
        st.documents().readFile(repo, *view.version, agendaFolder(meetingId) + "/agenda.json");
    if (!json) return std::unexpected(json.error());
    auto parsed = agenda::parseAgenda(*json);
    if (!parsed)
      return fail(Errc::Internal, "stored agenda does not parse: " + parsed.error().detail);
    view.agenda = std::move(*parsed);
  } else {
    auto tmpl = agenda::parseAgendaTemplate(loaded.meeting.templateId, loaded.meeting.templateText);
    if (!tmpl)
      return fail(Errc::Internal, "stored template does not parse: " + tmpl.error().detail);
    view.agenda =
        agenda::generateAgenda(*tmpl, infoOf(loaded.meeting, loaded.contract), std::nullopt, {});
  }
  if (!view.agenda.published)
    st.read([&](store::Reading& c) {
      refresh(c, view.agenda, loaded.meeting, loaded.contract);
      return 0;
    });
  view.markdown = agenda::renderAgendaMarkdown(view.agenda);
  return loaded;
}

}  // namespace

Result<AgendaView> AgendaService::get(const store::Principal& viewer, std::int64_t meetingId) {
  auto loaded = loadAgenda(store_, viewer, meetingId);
  if (!loaded) return std::unexpected(loaded.error());
  return loaded->view;
}

Result<AgendaView> AgendaService::modify(const store::Principal& actor, std::int64_t meetingId,
                                         const std::string& action, const std::string& message,
                                         const Change& change, bool publishing) {
  // A concurrent change by someone else makes the save fail its version check; the change is
  // then applied again to what they saved.
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto loaded = loadAgenda(store_, actor, meetingId);
    if (!loaded) return std::unexpected(loaded.error());
    if (loaded->meeting.status == agenda::MeetingStatus::Cancelled)
      return fail(Errc::Conflict, Reason::MeetingCancelled, "the meeting is cancelled");
    const auto party = partyOf(actor, loaded->contract);
    const bool manager = managesContract(actor, loaded->contract);
    const bool providerRep =
        party == agenda::Party::Provider && actor.has(store::Role::ProviderRep);
    if (publishing ? !manager : !(manager || providerRep))
      return fail(Errc::Forbidden,
                  publishing ? Reason::NotContractManager : Reason::NotAgendaEditor,
                  publishing ? "only the authority's contract manager publishes the agenda"
                             : "only the parties' contract manager or representative "
                               "change the agenda");
    auto changed = change(loaded->view.agenda);
    if (!changed) return std::unexpected(changed.error());

    const std::string folder = agendaFolder(meetingId);
    store::DocumentCommit commit;
    commit.repository = repositoryOf(loaded->contract.id);
    commit.document = documentOf(meetingId);
    commit.files = {{folder + "/agenda.md", agenda::renderAgendaMarkdown(*changed)},
                    {folder + "/agenda.json", agenda::serializeAgenda(*changed)}};
    commit.author = {actor.name, actor.email};
    commit.authorId = actor.userId;
    commit.message = message;
    commit.at = time_.now();
    commit.expectedVersion = loaded->view.version.value_or("");
    auto version =
        store_.documents().commit(commit, [&](store::Writing& c, const std::string& v) -> Status {
          if (publishing) {
            store::setAgendaPublished(c, meetingId, v, formatIsoUtc(commit.at));
            // The participants as they are now, in the transaction that publishes.
            tellAgendaPublished(
                c, catalog_.mail, commit.at,
                {loaded->meeting, loaded->contract, store::listParticipants(c, meetingId)});
          }
          store::appendAudit(c,
                             auditBy(&actor, action, "meeting", std::to_string(meetingId),
                                     auditDetail({{"message", message}}), v),
                             commit.at);
          return {};
        });
    if (!version) {
      const auto reason = version.error().reason;
      if (reason == Reason::VersionMovedOn || reason == Reason::DocumentBusy) continue;
      return std::unexpected(version.error());
    }
    AgendaView view = loaded->view;
    view.agenda = std::move(*changed);
    view.version = *version;
    if (publishing) view.publishedVersion = *version;
    view.markdown = agenda::renderAgendaMarkdown(view.agenda);
    return view;
  }
  return fail(Errc::Conflict, Reason::DocumentBusy,
              "the agenda is being changed by others; try again");
}

Result<AgendaView> AgendaService::addItem(const store::Principal& actor, std::int64_t meetingId,
                                          const std::string& title,
                                          const std::string& description) {
  return modify(
      actor, meetingId, "agenda.item.add",
      "Dagordning: punkt \"" + title + "\" tillagd under Övriga frågor av " + actor.name,
      [&](agenda::Agenda a) -> Result<agenda::Agenda> {
        agenda::NewItem item{title, description, actor.name, agenda::Party::Authority};
        // The proposer's party is the one their organisation is in.
        item.proposedByParty = actor.organizationKind == store::OrganizationKind::Provider
                                   ? agenda::Party::Provider
                                   : agenda::Party::Authority;
        return agenda::addItem(std::move(a), std::move(item));
      },
      false);
}

Result<AgendaView> AgendaService::removeItem(const store::Principal& actor, std::int64_t meetingId,
                                             const std::string& key) {
  auto found = store_.read([&](store::Reading& c) { return meetingFor(c, actor, meetingId); });
  if (!found) return std::unexpected(found.error());
  const bool manager = managesContract(actor, found->contract);
  const auto party = partyOf(actor, found->contract);
  return modify(
      actor, meetingId, "agenda.item.remove",
      "Dagordning: punkt " + key + " borttagen av " + actor.name,
      [&](agenda::Agenda a) -> Result<agenda::Agenda> {
        // The party that proposed an item removes it; the contract manager may remove any
        // (modify's audit entry names who did).
        if (!manager)
          for (const auto& item : a.items)
            for (const auto& added : item.addedItems)
              if (added.key == key && party != added.proposedByParty)
                return fail(Errc::Forbidden, Reason::NotItemProposer,
                            "only the party that proposed the item, or the contract manager, "
                            "removes it");
        return agenda::removeItem(std::move(a), key);
      },
      false);
}

Result<AgendaView> AgendaService::moveItem(const store::Principal& actor, std::int64_t meetingId,
                                           const std::string& key, int position) {
  return modify(
      actor, meetingId, "agenda.item.move",
      "Dagordning: punkt " + key + " flyttad till plats " + std::to_string(position) + " av " +
          actor.name,
      [&](agenda::Agenda a) { return agenda::moveItem(std::move(a), key, position); }, false);
}

Result<AgendaView> AgendaService::publish(const store::Principal& actor, std::int64_t meetingId) {
  return modify(
      actor, meetingId, "agenda.publish", "Dagordning fastställd och skickad av " + actor.name,
      [](agenda::Agenda a) { return agenda::publish(std::move(a)); }, true);
}

Result<std::vector<store::DocumentVersion>> AgendaService::history(const store::Principal& viewer,
                                                                   std::int64_t meetingId) {
  auto page = historyPage(viewer, meetingId, {});
  if (!page) return std::unexpected(page.error());
  return std::move(page->rows);
}

Result<store::Page<store::DocumentVersion>> AgendaService::historyPage(
    const store::Principal& viewer, std::int64_t meetingId, store::PageSpan span) {
  auto loaded = loadAgenda(store_, viewer, meetingId);
  if (!loaded) return std::unexpected(loaded.error());
  return store_.documents().versionPage(repositoryOf(loaded->contract.id), documentOf(meetingId),
                                        span);
}

}  // namespace sv::services
