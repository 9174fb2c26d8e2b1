// Domain values in the Swedish words the pages of the later journeys show (minutes, actions,
// registry, administration), and the small text helpers their forms share.
#pragma once

#include <string>
#include <string_view>

#include "agenda/action_status.hpp"
#include "agenda/agenda.hpp"
#include "agenda/meeting_rules.hpp"
#include "minutes/lifecycle.hpp"
#include "minutes/minutes.hpp"
#include "minutes/report.hpp"
#include "minutes/report_lifecycle.hpp"
#include "workflows/mail_kinds.hpp"
#include "workflows/principal.hpp"

namespace sv::web {

// "Utkast", "Under justering", "Justerat", "Diariefört".
std::string minutesStateWord(minutes::MinutesState state);
// "Förvaltningen", "Utföraren".
std::string partyWord(minutes::Party party);
// "Ordförande", "Sekreterare", "Justerare", "Deltagare".
std::string meetingRoleWord(minutes::Role role);
// Every role of an attendee, the main one first: "Ordförande, justerare"; "Deltagare".
std::string attendeeRolesWord(const minutes::Attendee& attendee);
// "Öppen", "Rapporterad", "Godtagen", "Otillräcklig".
std::string actionStatusWord(agenda::ActionStatus status);
// The same words inside a sentence of the meeting page: "ordförande", "deltagare"; "ett utkast",
// "justerat"; "öppen", "godkänd".
std::string participantRoleInSentence(agenda::ParticipantRole role);
std::string minutesStateInSentence(
    std::optional<minutes::MinutesState> state);  // none: "inte påbörjat"
std::string actionStatusInSentence(agenda::ActionStatus status);
// What the agenda's "Föregående mötes protokoll" says of the meeting before: "hölls" only for a
// meeting that took place (its day is before `today`; cancelled ones are never the previous
// meeting), "hålls i dag" or "är planerat till" otherwise, and always a status of its minutes.
std::string previousMeetingSentence(const agenda::PreviousMeetingRef& previous, Date today);
// "Utkast", "Faktagranskning", "Besvarad", "Slutlig", "Diarieförd": a follow-up report's state.
std::string reportStateWord(minutes::ReportState state);
// "Verksamhetsuppföljning", "Avtalsuppföljning".
std::string reportKindWord(minutes::ReportKind kind);
// "Uppfyller kraven", "Uppfyller delvis kraven", "Uppfyller inte kraven", "Ännu inte bedömt": the
// words of the city's template, longer than the record's short ones (swedishAssessment).
std::string assessmentWord(minutes::Assessment assessment);

// What happened on an event-driven case's timeline (migration 021's kinds): "Ärendet öppnades",
// "Anteckning", "Analysen påbörjades", …; the kind itself for one the pages do not know.
std::string caseEventWord(std::string_view kind);
// Who was told of an acute case, in the role they were told in: "Förvaltningschef",
// "Nämndsekreterare"; the role's own word otherwise.
std::string caseLeaderRoleWord(std::string_view role);

// "Administratör", "Avtalsansvarig", "Utförarens representant", "Registrator", "Läsare".
std::string userRoleWord(Role role);

// A kind of e-mail as "Mina inställningar" lists it: "Kallelser till möten
// (kalenderinbjudningar)", "Publicerad dagordning", …, "Påminnelser".
std::string mailKindWord(mail::Kind kind);
// The same inside "Du får inte längre e-post om …": "kallelser till möten", "påminnelser".
std::string mailKindInSentence(mail::Kind kind);
// "Skicka direkt", "Samla i ett dagligt sammandrag", "Skicka inte".
std::string mailChoiceWord(mail::Choice choice);

// The first seven characters of a commit id, as git shows it.
std::string shortVersion(const std::string& version);

// A textarea's text as stored: line breaks as "\n" (browsers send "\r\n").
std::string multiLine(const std::string& text);
// A one-line field's text: line breaks become spaces, ends trimmed.
std::string oneLine(const std::string& text);
// `value` as one part of a URL (a query value, a `next=` path): everything but letters, digits
// and "-_.~" percent-encoded, UTF-8 byte by byte.
std::string urlComponent(const std::string& value);

}  // namespace sv::web
