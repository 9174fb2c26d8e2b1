#include "server/services/actions.hpp"

#include "server/services/access.hpp"
#include "workflows/free_text.hpp"
#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::services {
namespace {

// The status an evaluation gives the action, as its history keeps it; none when not evaluated.
std::optional<agenda::ActionStatus> statusGiven(minutes::Outcome o) {
  if (o == minutes::Outcome::Accepted) return agenda::ActionStatus::Accepted;
  if (o == minutes::Outcome::Insufficient) return agenda::ActionStatus::Insufficient;
  return std::nullopt;
}

Status checkText(const std::string& text, const std::string& field, std::size_t max) {
  return text::checkFreeText(text, field, "'" + field + "'", max, text::Lines::Many,
                             text::Presence::Required);
}

Result<Date> dateField(const std::string& text, const std::string& field) {
  auto d = parseDate(text);
  if (!d) return fail(Errc::Invalid, Reason::NotADate, d.error().detail, field, "YYYY-MM-DD");
  return *d;
}

// The roles a person has for an action of this contract.
std::set<std::string> rolesFor(const store::Principal& p, const store::ContractRow& contract) {
  std::set<std::string> roles;
  if (p.has(store::Role::ContractManager) && p.organizationId == contract.authorityId)
    roles.insert("contract_manager");
  if (p.has(store::Role::ProviderRep) && p.organizationId == contract.providerId)
    roles.insert("provider_rep");
  return roles;
}

Status applyTransition(const Catalog& catalog, std::string_view transition, store::ActionRow& row,
                       const std::set<std::string>& roles, const minutes::ActionFacts& facts) {
  auto next = catalog.actionWorkflow->take(transition, agenda::toString(row.status), roles, facts);
  if (!next) return std::unexpected(next.error());
  const auto status = agenda::parseActionStatus(*next);
  // The workflow file and the enum name the same four states; loadCatalog reads the file.
  if (!status) return fail(Errc::Internal, "the action workflow has an unknown state " + *next);
  row.status = *status;
  return {};
}

// Accepted, or insufficient and open again with a new due date.
Status applyEvaluation(const Catalog& catalog, store::ActionRow& row, minutes::Outcome outcome,
                       const minutes::ActionFacts& facts, const std::set<std::string>& roles) {
  if (outcome == minutes::Outcome::Accepted)
    return applyTransition(catalog, "accept", row, roles, facts);
  if (outcome != minutes::Outcome::Insufficient)
    return fail(Errc::Invalid, Reason::UnknownChoice, "outcome is 'accepted' or 'insufficient'",
                "outcome");
  if (auto ok = applyTransition(catalog, "find_insufficient", row, roles, facts); !ok) return ok;
  if (auto ok = applyTransition(catalog, "reopen", row, roles, facts); !ok) return ok;
  row.dueOn = formatDate(*facts.newDueDate);
  return {};
}

// The action and its contract, as far as the person may see them.
struct ActionInContract {
  store::ActionRow action;
  store::ContractRow contract;
};

Result<ActionInContract> actionFor(store::Reading& c, const store::Principal& who,
                                   std::int64_t id) {
  const auto scope = store::TenantScope::of(who);
  auto row = store::findAction(c, scope, id);
  if (!row) return fail(Errc::NotFound, "no such action");
  auto contract = store::findContract(c, scope, row->contractId);
  if (!contract) return fail(Errc::NotFound, "no such action");
  return ActionInContract{std::move(*row), std::move(*contract)};
}

}  // namespace

std::string ActionService::originOf(const store::ActionRow& row) {
  if (row.originMeetingStartsAt) {
    std::string origin =
        "möte " + formatDate(toStockholm(*parseDateTime(*row.originMeetingStartsAt)).date);
    if (row.originSection) origin += " § " + std::to_string(*row.originSection);
    return origin;
  }
  // A follow-up report's required improvement: the report's final date and the improvement's id.
  if (row.originReportId)
    return "uppföljningsrapport " + row.agreedAt.substr(0, 10) + ", krav " +
           row.originItem.value_or("");
  // A point of an event-driven case's accepted action plan.
  if (row.originCaseId)
    return "åtgärdsplan i ärende " + std::to_string(*row.originCaseId) + ", punkt " +
           row.originItem.value_or("");
  return "överenskommen " + row.agreedAt.substr(0, 10);
}

ActionView ActionService::view(store::Reading& c, store::ActionRow row) const {
  auto events = store::listActionEvents(c, row.id);
  return view(std::move(row), std::move(events));
}

ActionView ActionService::view(store::ActionRow row,
                               std::vector<store::ActionEventRow> events) const {
  const Date today = toStockholm(time_.now()).date;
  ActionView v;
  const auto due = parseDate(row.dueOn);
  const std::string status(agenda::toString(row.status));
  v.overdue = due && minutes::isOverdue(status, *due, today);
  v.dueSoon = due && minutes::isDueSoon(status, *due, today);
  v.events = std::move(events);
  v.row = std::move(row);
  return v;
}

Result<std::vector<ActionView>> ActionService::list(const store::Principal& viewer,
                                                    const ActionFilter& filter) {
  auto listed = page(viewer, filter, {});
  if (!listed) return std::unexpected(listed.error());
  return std::move(listed->rows);
}

Result<store::Page<ActionView>> ActionService::page(const store::Principal& viewer,
                                                    const ActionFilter& filter,
                                                    store::PageSpan span) {
  store::ActionQuery q;
  q.limit = static_cast<int>(span.limit);
  q.offset = span.offset;
  q.contractId = filter.contractId;
  if (filter.status) {
    q.status = agenda::parseActionStatus(*filter.status);
    if (!q.status)
      return fail(Errc::Invalid, Reason::UnknownChoice,
                  "status is open, reported, accepted or insufficient", "status");
  }
  if (filter.overdueOnly) q.overdueOn = formatDate(toStockholm(time_.now()).date);
  if (filter.dueBefore) {
    auto d = dateField(*filter.dueBefore, "due_before");
    if (!d) return std::unexpected(d.error());
    q.dueBefore = formatDate(*d);
  }
  q.notAccepted = filter.openOnly;
  q.latestFirst = filter.latestFirst;
  return store_.read([&](store::Reading& c) {
    const auto scope = store::TenantScope::of(viewer);
    store::Page<ActionView> out;
    auto rows = store::listActions(c, scope, q);
    std::vector<std::int64_t> ids;
    for (const auto& row : rows) ids.push_back(row.id);
    auto events = store::listActionEvents(c, ids);
    for (auto& row : rows) {
      auto found = events.find(row.id);
      out.rows.push_back(view(std::move(row), found == events.end()
                                                  ? std::vector<store::ActionEventRow>{}
                                                  : std::move(found->second)));
    }
    out.total = store::countActions(c, scope, q);
    return out;
  });
}

Result<ActionView> ActionService::get(const store::Principal& viewer, std::int64_t id) {
  return store_.read([&](store::Reading& c) -> Result<ActionView> {
    auto row = store::findAction(c, store::TenantScope::of(viewer), id);
    if (!row) return fail(Errc::NotFound, "no such action");
    return view(c, std::move(*row));
  });
}

Result<ActionView> ActionService::create(const store::Principal& actor, const NewAction& in) {
  // Roles before fields: who may record an action in the contract is answered first.
  auto allowed = store_.read([&](store::Reading& c) -> Status {
    auto contract = contractFor(c, actor, in.contractId);
    if (!contract) return std::unexpected(contract.error());
    return requireManager(actor, *contract, "record an action");
  });
  if (!allowed) return std::unexpected(allowed.error());
  if (auto ok = checkText(in.text, "text", 10000); !ok) return std::unexpected(ok.error());
  const auto party = agenda::parseParty(in.responsibleParty);
  if (!party)
    return fail(Errc::Invalid, Reason::ResponsiblePartyUnknown,
                "responsible_party is 'authority' or 'provider'", "responsible_party");
  if (in.responsiblePerson.size() > 200)
    return fail(Errc::Invalid, Reason::TooLong, "at most 200 characters", "responsible_person",
                "200");
  auto due = dateField(in.dueOn, "due_on");
  if (!due) return std::unexpected(due.error());
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<ActionView> {
    auto contract = contractFor(c, actor, in.contractId);
    if (!contract) return std::unexpected(contract.error());
    if (auto ok = requireManager(actor, *contract, "record an action"); !ok)
      return std::unexpected(ok.error());
    store::ActionRow row;
    row.contractId = contract->id;
    row.text = in.text;
    row.responsibleParty = *party;
    row.responsiblePerson = in.responsiblePerson;
    row.dueOn = formatDate(*due);
    row.agreedAt = row.createdAt = row.updatedAt = formatIsoUtc(now);
    row.id = store::insertAction(c, row);
    store::insertActionEvent(
        c, {0, row.id, agenda::ActionEventKind::Created, actor.userId, "", std::nullopt, in.text,
            std::nullopt, row.dueOn, formatIsoUtc(now)});
    store::appendAudit(c,
                       auditBy(&actor, "action.create", "action", std::to_string(row.id),
                               auditDetail({{"contract_id", std::to_string(contract->id)},
                                            {"text", in.text},
                                            {"due_on", row.dueOn}})),
                       now);
    return view(c, *store::findAction(c, store::TenantScope::system(), row.id));
  });
}

Result<ActionView> ActionService::change(const store::Principal& actor, std::int64_t id,
                                         const ActionChange& change) {
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<ActionView> {
    auto found = actionFor(c, actor, id);
    if (!found) return std::unexpected(found.error());
    auto* row = &found->action;
    if (auto ok = requireManager(actor, found->contract, "change an action"); !ok)
      return std::unexpected(ok.error());
    if (row->status == agenda::ActionStatus::Accepted)
      return fail(Errc::Conflict, Reason::ActionClosed, "the action is accepted and closed");
    if (change.text) {
      if (auto ok = checkText(*change.text, "text", 10000); !ok) return std::unexpected(ok.error());
      row->text = *change.text;
    }
    if (change.responsiblePerson) row->responsiblePerson = *change.responsiblePerson;
    if (change.dueOn) {
      auto due = dateField(*change.dueOn, "due_on");
      if (!due) return std::unexpected(due.error());
      row->dueOn = formatDate(*due);
    }
    row->updatedAt = formatIsoUtc(now);
    store::updateAction(c, *row);
    store::insertActionEvent(
        c, {0, id, agenda::ActionEventKind::Change, actor.userId, "", std::nullopt, row->text,
            std::nullopt, row->dueOn, row->updatedAt});
    store::appendAudit(c,
                       auditBy(&actor, "action.change", "action", std::to_string(id),
                               auditDetail({{"text", row->text},
                                            {"responsible_person", row->responsiblePerson},
                                            {"due_on", row->dueOn}})),
                       now);
    return view(c, *row);
  });
}

Result<ActionView> ActionService::report(const store::Principal& actor, std::int64_t id,
                                         const std::string& text) {
  const auto now = time_.now();
  return store_.write([&](store::Writing& c) -> Result<ActionView> {
    auto found = actionFor(c, actor, id);
    if (!found) return std::unexpected(found.error());
    auto* row = &found->action;
    // The responsible party reports: the provider for its own actions, the authority for its own.
    auto roles = rolesFor(actor, found->contract);
    if (row->responsibleParty == Party::Provider) roles.erase("contract_manager");
    if (row->responsibleParty == Party::Authority) roles.erase("provider_rep");
    minutes::ActionFacts facts;
    facts.report = text;
    facts.today = toStockholm(now).date;
    if (auto ok = applyTransition(catalog_, "report", *row, roles, facts); !ok)
      return std::unexpected(ok.error());
    row->updatedAt = formatIsoUtc(now);
    store::updateAction(c, *row);
    store::insertActionEvent(c, {0, id, agenda::ActionEventKind::Report, actor.userId, "",
                                 std::nullopt, text, std::nullopt, std::nullopt, row->updatedAt});
    store::appendAudit(c,
                       auditBy(&actor, "action.report", "action", std::to_string(id),
                               auditDetail({{"text", text}})),
                       now);
    return view(c, *row);
  });
}

Result<ActionView> ActionService::evaluate(const store::Principal& actor, std::int64_t id,
                                           const std::string& outcome, const std::string& comment,
                                           const std::optional<std::string>& newDueDate) {
  const auto now = time_.now();
  minutes::ActionFacts facts;
  facts.comment = comment;
  facts.today = toStockholm(now).date;
  return store_.write([&](store::Writing& c) -> Result<ActionView> {
    auto found = actionFor(c, actor, id);
    if (!found) return std::unexpected(found.error());
    auto* row = &found->action;
    // Between meetings the evaluation is the authority's (the workflow says who); at a meeting it
    // is written into the minutes, which both parties approve.
    const auto verdict = minutes::parseOutcome(outcome).value_or(minutes::Outcome::None);
    const auto roles = rolesFor(actor, found->contract);
    // Roles and state before the fields: someone who may not evaluate learns nothing of what
    // they sent (an outcome that is neither is asked as an acceptance).
    if (auto may = catalog_.actionWorkflow->mayTry(
            verdict == minutes::Outcome::Insufficient ? "find_insufficient" : "accept",
            agenda::toString(row->status), roles);
        !may)
      return std::unexpected(may.error());
    if (newDueDate) {
      auto d = dateField(*newDueDate, "new_due_date");
      if (!d) return std::unexpected(d.error());
      facts.newDueDate = *d;
    }
    if (auto ok = applyEvaluation(catalog_, *row, verdict, facts, roles); !ok)
      return std::unexpected(ok.error());
    row->updatedAt = formatIsoUtc(now);
    store::updateAction(c, *row);
    store::insertActionEvent(
        c, {0, id, agenda::ActionEventKind::Evaluation, actor.userId, "", std::nullopt, comment,
            statusGiven(verdict),
            facts.newDueDate ? std::optional(formatDate(*facts.newDueDate)) : std::nullopt,
            row->updatedAt});
    store::appendAudit(c,
                       auditBy(&actor, "action.evaluate", "action", std::to_string(id),
                               auditDetail({{"outcome", outcome},
                                            {"comment", comment},
                                            {"status", std::string(agenda::toString(row->status))},
                                            {"due_on", row->dueOn}})),
                       now);
    return view(c, *row);
  });
}

Status ActionService::recordApprovedMinutes(store::Writing& c, const Catalog& catalog,
                                            const minutes::Minutes& doc,
                                            const store::ContractRow& contract,
                                            const store::MeetingRow& meeting, TimePoint now) {
  const std::string when = formatIsoUtc(now);
  const auto startsAt = parseDateTime(meeting.startsAt);
  const Date meetingDay = toStockholm(startsAt ? *startsAt : now).date;
  for (const auto& section : doc.sections) {
    for (const auto& a : section.actions) {
      // Approved once, an action lives its own life (reports, evaluations, changes); approving
      // revised minutes again adds the actions that are new and leaves the others as they are.
      if (store::actionFromMinutesExists(c, meeting.id, a.id)) continue;
      store::ActionRow row;
      row.contractId = contract.id;
      row.originMeetingId = meeting.id;
      row.originSection = section.number;
      row.originItem = a.id;
      row.text = a.text;
      row.responsibleParty = a.responsibleParty;
      row.responsiblePerson = a.responsiblePerson;
      row.dueOn = a.dueDate.ok() ? formatDate(a.dueDate) : formatDate(toStockholm(now).date);
      row.agreedAt = meeting.startsAt;
      row.updatedAt = when;
      const auto id = store::upsertActionFromMinutes(c, row);
      if (store::listActionEvents(c, id).empty()) {
        store::insertActionEvent(c, {0, id, agenda::ActionEventKind::Created, std::nullopt, "",
                                     meeting.id, a.text, std::nullopt, row.dueOn, when});
        // A state change like any other: in the audit log, by the approval (no single person).
        store::appendAudit(c,
                           auditBy(nullptr, "action.create", "action", std::to_string(id),
                                   auditDetail({{"contract_id", std::to_string(contract.id)},
                                                {"meeting_id", std::to_string(meeting.id)},
                                                {"section", std::to_string(section.number)},
                                                {"text", a.text},
                                                {"due_on", row.dueOn}})),
                           now);
      }
    }
    // The evaluations written in the minutes are the parties' joint decision at the meeting.
    for (const auto& e : section.evaluations) {
      if (e.outcome == minutes::Outcome::None) continue;
      auto row = store::findAction(c, store::TenantScope::system(), e.actionId);
      if (!row || row->contractId != contract.id) continue;
      // A meeting decides on an action once: approving its revised minutes again does not undo
      // what happened to the action since.
      bool decided = false;
      for (const auto& event : store::listActionEvents(c, row->id))
        decided = decided || (event.kind == agenda::ActionEventKind::Evaluation &&
                              event.meetingId == meeting.id);
      if (decided) continue;
      minutes::ActionFacts facts;
      facts.comment = e.comment.empty() ? std::string("Bedömd vid mötet") : e.comment;
      // Decided at the meeting: a new due date after the meeting stands however late the minutes
      // are approved.
      facts.today = meetingDay;
      facts.newDueDate = e.newDueDate;
      const std::string outcome = std::string(minutes::outcomeKey(e.outcome));
      if (!applyEvaluation(catalog, *row, e.outcome, facts, {"contract_manager"})) continue;
      row->updatedAt = when;
      store::updateAction(c, *row);
      store::insertActionEvent(
          c, {0, row->id, agenda::ActionEventKind::Evaluation, std::nullopt, "", meeting.id,
              e.comment, statusGiven(e.outcome),
              e.newDueDate ? std::optional(formatDate(*e.newDueDate)) : std::nullopt, when});
      store::appendAudit(
          c,
          auditBy(nullptr, "action.evaluate", "action", std::to_string(row->id),
                  auditDetail({{"meeting_id", std::to_string(meeting.id)},
                               {"outcome", outcome},
                               {"comment", e.comment},
                               {"status", std::string(agenda::toString(row->status))},
                               {"due_on", row->dueOn}})),
          now);
    }
  }
  return {};
}

}  // namespace sv::services
