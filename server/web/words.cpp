#include "server/web/words.hpp"

#include <cctype>
#include <utility>

#include "workflows/stockholm_time.hpp"
#include "workflows/text.hpp"

namespace sv::web {

std::string minutesStateWord(minutes::MinutesState state) {
  switch (state) {
    case minutes::MinutesState::Draft:
      return "Utkast";
    case minutes::MinutesState::InReview:
      return "Under justering";
    case minutes::MinutesState::Approved:
      return "Justerat";
    case minutes::MinutesState::Registered:
      return "Diariefört";
  }
  return "Utkast";
}

std::string reportStateWord(minutes::ReportState state) {
  switch (state) {
    case minutes::ReportState::Draft:
      return "Utkast";
    case minutes::ReportState::FactCheck:
      return "Faktagranskning";
    case minutes::ReportState::Answered:
      return "Besvarad";
    case minutes::ReportState::Final:
      return "Slutlig";
    case minutes::ReportState::Registered:
      return "Diarieförd";
  }
  return "Utkast";
}

std::string reportKindWord(minutes::ReportKind kind) {
  return std::string(minutes::swedishKind(kind));
}

std::string assessmentWord(minutes::Assessment assessment) {
  switch (assessment) {
    case minutes::Assessment::Meets:
      return "Uppfyller kraven";
    case minutes::Assessment::PartlyMeets:
      return "Uppfyller delvis kraven";
    case minutes::Assessment::DoesNotMeet:
      return "Uppfyller inte kraven";
    case minutes::Assessment::NotAssessed:
      break;
  }
  return "Ännu inte bedömt";
}

std::string partyWord(minutes::Party party) {
  return party == minutes::Party::Provider ? "Utföraren" : "Förvaltningen";
}

std::string meetingRoleWord(minutes::Role role) {
  switch (role) {
    case minutes::Role::Chair:
      return "Ordförande";
    case minutes::Role::Secretary:
      return "Sekreterare";
    case minutes::Role::Adjuster:
      return "Justerare";
    case minutes::Role::Participant:
      break;
  }
  return "Deltagare";
}

std::string attendeeRolesWord(const minutes::Attendee& attendee) {
  std::string out;
  for (minutes::Role role : minutes::rolesOf(attendee)) {
    std::string word = meetingRoleWord(role);
    if (!out.empty()) {
      // After the first, in lower case as inside a sentence; the roles' words begin in ASCII.
      word.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(word.front())));
      out += ", ";
    }
    out += word;
  }
  return out.empty() ? meetingRoleWord(minutes::Role::Participant) : out;
}

std::string actionStatusWord(agenda::ActionStatus status) {
  switch (status) {
    case agenda::ActionStatus::Open:
      return "Öppen";
    case agenda::ActionStatus::Reported:
      return "Rapporterad";
    case agenda::ActionStatus::Accepted:
      return "Godtagen";
    case agenda::ActionStatus::Insufficient:
      break;
  }
  return "Otillräcklig";
}

std::string participantRoleInSentence(agenda::ParticipantRole role) {
  switch (role) {
    case agenda::ParticipantRole::Chair:
      return "ordförande";
    case agenda::ParticipantRole::Secretary:
      return "sekreterare";
    case agenda::ParticipantRole::Adjuster:
      return "justerare";
    case agenda::ParticipantRole::Participant:
      break;
  }
  return "deltagare";
}

std::string minutesStateInSentence(std::optional<minutes::MinutesState> state) {
  if (!state) return "inte påbörjat";
  switch (*state) {
    case minutes::MinutesState::Draft:
      return "ett utkast";
    case minutes::MinutesState::InReview:
      return "under granskning";
    case minutes::MinutesState::Approved:
      return "justerat";
    case minutes::MinutesState::Registered:
      return "diariefört";
  }
  return "ett utkast";
}

std::string previousMeetingSentence(const agenda::PreviousMeetingRef& previous, Date today) {
  const std::string date = formatDate(previous.date);
  const auto state = minutes::parseMinutesState(previous.minutesState);
  std::string text;
  if (previous.date < today)
    text = "Föregående möte hölls " + date + ". Protokollet är " + minutesStateInSentence(state);
  else if (previous.date == today)
    text = "Föregående möte hålls i dag, " + date + ". Protokollet är " +
           minutesStateInSentence(state);
  else if (state)
    text = "Föregående möte är planerat till " + date + ". Protokollet är " +
           minutesStateInSentence(state);
  else
    text = "Föregående möte är planerat till " + date + " och har ännu inget protokoll";
  if (previous.registryNumber && !previous.registryNumber->empty())
    text += ", diarienummer " + *previous.registryNumber;
  return text + ".";
}

std::string actionStatusInSentence(agenda::ActionStatus status) {
  switch (status) {
    case agenda::ActionStatus::Open:
      return "öppen";
    case agenda::ActionStatus::Reported:
      return "rapporterad";
    case agenda::ActionStatus::Insufficient:
      return "otillräcklig";
    case agenda::ActionStatus::Accepted:
      break;
  }
  return "godkänd";
}

std::string userRoleWord(Role role) {
  switch (role) {
    case Role::Admin:
      return "Administratör";
    case Role::ContractManager:
      return "Avtalsansvarig";
    case Role::ProviderRep:
      return "Utförarens representant";
    case Role::Registrar:
      return "Registrator";
    case Role::Director:
      return "Förvaltningschef";
    case Role::CommitteeSecretary:
      return "Nämndsekreterare";
    case Role::Reader:
      break;
  }
  return "Läsare";
}

std::string mailKindWord(mail::Kind kind) {
  switch (kind) {
    case mail::Kind::Invitation:
      return "Kallelser till möten (kalenderinbjudningar)";
    case mail::Kind::AgendaPublished:
      return "Publicerad dagordning";
    case mail::Kind::MinutesSubmitted:
      return "Protokoll att justera";
    case mail::Kind::MinutesReturned:
      return "Protokoll som skickats tillbaka";
    case mail::Kind::MinutesApproved:
      return "Protokoll att diarieföra";
    case mail::Kind::MinutesRegistered:
      return "Diariefört protokoll";
    case mail::Kind::ReportToCheck:
      return "Uppföljningsrapporter att faktagranska och kompletteringar att skicka";
    case mail::Kind::ReportAnswered:
      return "Svar på faktagranskning och inkomna kompletteringar";
    case mail::Kind::ReportFinal:
      return "Slutliga uppföljningsrapporter";
    case mail::Kind::CaseForProvider:
      return "Händelsestyrda uppföljningar: nya ärenden, åtgärdsplaner och återkoppling";
    case mail::Kind::CaseForAuthority:
      return "Inkomna åtgärdsplaner i händelsestyrda uppföljningar";
    case mail::Kind::CaseAcute:
      return "Akuta ärenden (förvaltningschef och nämndsekreterare)";
    case mail::Kind::AnnualReport:
      return "Nämndens årsrapport att godkänna, ändra eller diarieföra";
    case mail::Kind::Reminder:
      break;
  }
  return "Påminnelser";
}

std::string mailKindInSentence(mail::Kind kind) {
  std::string word = mailKindWord(kind);
  // Every label begins with an ASCII capital (K, P, D), so lowering one byte is enough.
  if (!word.empty() && word.front() >= 'A' && word.front() <= 'Z') word.front() += 'a' - 'A';
  return word;
}

std::string mailChoiceWord(mail::Choice choice) {
  switch (choice) {
    case mail::Choice::Now:
      return "Skicka direkt";
    case mail::Choice::Digest:
      return "Samla i ett dagligt sammandrag";
    case mail::Choice::Never:
      break;
  }
  return "Skicka inte";
}

std::string shortVersion(const std::string& version) {
  return version.substr(0, 7);
}

std::string multiLine(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string caseEventWord(std::string_view kind) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"opened", "Ärendet öppnades"},
      {"note", "Anteckning"},
      {"analysis_started", "Analysen påbörjades"},
      {"analysis_ok", "Analysen godtogs"},
      {"action_plan_requested", "Åtgärdsplan begärdes"},
      {"action_plan_submitted", "Åtgärdsplanen skickades"},
      {"action_plan_returned", "Åtgärdsplanen skickades tillbaka"},
      {"action_plan_accepted", "Åtgärdsplanen godtogs"},
      {"feedback", "Återkoppling till utföraren"},
      {"report_started", "Rapporten till nämnden påbörjades"},
      {"reported", "Rapporterad till nämnden"},
      {"closed", "Ärendet avslutades"},
      {"marked_acute", "Markerat som akut"},
  };
  for (const auto& [name, word] : kWords)
    if (name == kind) return std::string(word);
  return std::string(kind);
}

std::string caseLeaderRoleWord(std::string_view role) {
  if (role == "director") return "Förvaltningschef";
  if (role == "committee_secretary") return "Nämndsekreterare";
  return std::string(role);
}

std::string oneLine(const std::string& text) {
  std::string out;
  for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
  return text::trimmed(out);
}

std::string urlComponent(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace sv::web
