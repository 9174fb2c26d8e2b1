// The agenda as the Swedish document people read and git keeps (agenda.md).
#include <string>

#include "agenda/agenda.hpp"
#include "agenda/markdown_escape.hpp"
#include "workflows/text.hpp"

namespace sv::agenda {
namespace {

using markdown::escapeInline;
using markdown::escapeLine;

std::string_view partyInSwedish(Party party) {
  return party == Party::Authority ? "förvaltningen" : "utföraren";
}

std::string minutesStateInSwedish(std::string_view state) {
  if (state == "draft") return "utkast";
  if (state == "in_review") return "under granskning";
  if (state == "returned") return "återsänt för rättelse";
  if (state == "approved") return "justerat";
  if (state == "registered") return "diariefört";
  return escapeInline(state);
}

std::string actionStatusInSwedish(ActionStatus status) {
  switch (status) {
    case ActionStatus::Open:
      return "öppen";
    case ActionStatus::Reported:
      return "återrapporterad";
    case ActionStatus::Insufficient:
      return "otillräcklig, åter öppen";
    case ActionStatus::Accepted:
      break;
  }
  return "godkänd";
}

// Text followed by more sentences ends with a full stop.
std::string sentence(std::string_view text) {
  std::string out = escapeInline(text::trim(text));
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}

// Writes the lines of a block of text at an indentation, keeping its paragraphs apart.
void appendParagraphs(std::string& out, std::string_view text, const std::string& indent) {
  bool pendingBreak = false;
  bool wroteAny = false;
  for (const auto& line : text::splitLines(text)) {
    const std::string escaped = escapeLine(line.text);
    if (escaped.empty()) {
      pendingBreak = wroteAny;
      continue;
    }
    if (pendingBreak) out += '\n';
    out += indent + escaped + '\n';
    pendingBreak = false;
    wroteAny = true;
  }
}

void appendMeta(std::string& out, const Agenda& agenda) {
  const MeetingInfo& m = agenda.meeting;
  out += "# Dagordning\n\n";
  out += "Samverkansmöte mellan " + escapeInline(m.authorityName) + " och " +
         escapeInline(m.providerName) + ".\n\n";
  out += "- Avtal: " + escapeInline(m.contractTitle) + '\n';
  if (!m.contractReference.empty())
    out += "- Avtalsnummer: " + escapeInline(m.contractReference) + '\n';
  out += "- Utförare: " + escapeInline(m.providerName) + '\n';
  out += "- Förvaltning: " + escapeInline(m.authorityName) + '\n';
  out += "- Tid: " + formatSwedishDateTime(m.startsAt) + '\n';
  out += "- Plats: " + (m.location.empty() ? std::string("ej angiven") : escapeInline(m.location)) +
         '\n';
  out += "- Fastställd agenda: " + escapeInline(agenda.templateName) + ", version " +
         escapeInline(agenda.templateVersion) + '\n';
  out += std::string("- Status: ") + (agenda.published ? "publicerad" : "utkast, ej publicerad") +
         "\n\n";
}

void appendPreviousMeeting(std::string& out, const Agenda& agenda, const std::string& indent) {
  if (!agenda.previousMeeting) {
    out += indent + "Inget tidigare möte.\n";
    return;
  }
  const PreviousMeetingRef& prev = *agenda.previousMeeting;
  out += indent + "Protokoll från mötet " + formatDate(prev.date);
  if (prev.registryNumber && !prev.registryNumber->empty()) {
    out += " (diarienummer " + escapeInline(*prev.registryNumber) + ")\n";
  } else {
    out += " (ej diariefört)";
    if (!prev.minutesState.empty())
      out += ". Protokollets status: " + minutesStateInSwedish(prev.minutesState) + '.';
    out += '\n';
  }
}

void appendOpenActions(std::string& out, const Agenda& agenda, const std::string& indent) {
  if (agenda.openActions.empty()) {
    out += indent + "Inga öppna åtgärder.\n";
    return;
  }
  const Date meetingDay = toStockholm(agenda.meeting.startsAt).date;
  for (const auto& action : agenda.openActions) {
    out += indent + "- Åtgärd " + escapeInline(action.id) + ": " + sentence(action.text) +
           " Ansvarig: " + std::string(partyInSwedish(action.responsibleParty));
    if (!action.responsiblePerson.empty())
      out += " (" + escapeInline(action.responsiblePerson) + ")";
    out += ". Klar senast " + formatDate(action.due);
    if (std::chrono::sys_days{action.due} < std::chrono::sys_days{meetingDay}) out += " (försenad)";
    out += ". Status: " + actionStatusInSwedish(action.status) + '.';
    if (!action.origin.empty()) out += " Från " + escapeInline(action.origin) + '.';
    out += '\n';
  }
}

// The template key of the authority's follow-up item, under which the open event-driven cases
// are listed; it is a fixed item, so its kind does not say so.
constexpr std::string_view kAuthorityFollowUp = "authority_followup";

// One line per open case; none at all when there is none, since the item has its own text.
void appendOpenCases(std::string& out, const Agenda& agenda, const std::string& indent) {
  if (agenda.openCases.empty()) return;
  out += '\n';
  for (const auto& c : agenda.openCases) {
    out += indent + "- Ärende " + escapeInline(c.id) + ": " + escapeInline(c.title) + " (" +
           escapeInline(c.trigger) + "; " + escapeInline(c.state) + "; öppnat " +
           formatDate(c.openedOn) + ")";
    if (c.acute) out += " **Akut**";
    out += '\n';
  }
}

// An item added under Övriga frågor is a point of its own right after it, numbered as its § in
// the minutes will be (sectionNumbers); one list with consecutive numbers, so that a Markdown
// renderer shows the same numbers as the text.
void appendAddedItem(std::string& out, const AddedItem& added, int number) {
  const std::string marker = std::to_string(number) + ". ";
  const std::string indent(marker.size(), ' ');
  out += marker + escapeLine(added.title) + " (övrig fråga, föreslagen av " +
         escapeInline(added.proposedBy) + ", " +
         std::string(partyInSwedish(added.proposedByParty)) + ")\n";
  if (!added.description.empty()) {
    out += '\n';
    appendParagraphs(out, added.description, indent);
  }
}

void appendItem(std::string& out, const Agenda& agenda, const AgendaItem& item, int number) {
  const std::string marker = std::to_string(number) + ". ";
  const std::string indent(marker.size(), ' ');
  out += marker + escapeLine(item.title) + '\n';
  if (!item.description.empty()) {
    out += '\n';
    appendParagraphs(out, item.description, indent);
  }
  switch (item.kind) {
    case ItemKind::PreviousMinutes:
      out += '\n';
      appendPreviousMeeting(out, agenda, indent);
      break;
    case ItemKind::ActionFollowup:
      out += '\n';
      appendOpenActions(out, agenda, indent);
      break;
    case ItemKind::Fixed:
      if (item.key == kAuthorityFollowUp) appendOpenCases(out, agenda, indent);
      break;
    case ItemKind::OtherQuestions:
      break;
  }
}

}  // namespace

std::string renderAgendaMarkdown(const Agenda& agenda) {
  std::string out;
  appendMeta(out, agenda);
  out += "## Punkter\n";
  const auto numbers = sectionNumbers(agenda);
  for (const auto& item : agenda.items) {
    out += '\n';
    appendItem(out, agenda, item, numbers.at(item.key));
    for (const auto& added : item.addedItems) {
      out += '\n';
      appendAddedItem(out, added, numbers.at(added.key));
    }
  }
  return out;
}

}  // namespace sv::agenda
