// The kinds of e-mail the server sends and what a person may choose for each (issue 12): at once,
// in the daily digest, or not at all. A calendar invitation cannot wait for a digest (Outlook
// files the iCalendar part of the message itself), and the notice that minutes are registered is
// part of the record: it always goes at once and carries no unsubscribe link.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace sv::mail {

enum class Kind {
  Invitation,         // a meeting's calendar invitation, its updates and its cancellation
  AgendaPublished,    // to the participants
  MinutesSubmitted,   // to the adjusters: the minutes wait for their approval
  MinutesReturned,    // to the secretary and chair, with the comments
  MinutesApproved,    // to the registrars: approved by both, waiting for registration
  MinutesRegistered,  // to the participants, with the registry number and the PDF
  ReportToCheck,      // to the provider: a follow-up report to fact-check, a supplement asked for
  ReportAnswered,     // to the report's writer: the provider answered, a supplement came in
  ReportFinal,        // to the provider (feedback) and the registrars: the report is final
  Reminder,           // minutes waiting, actions due or overdue, an agenda not published
  CaseForProvider,    // to the provider: a case opened, an action plan asked for or returned,
                      // the plan accepted, the authority's feedback
  CaseForAuthority,   // to the case's contract manager: the provider sent its action plan
  CaseAcute,          // to the director and committee secretary: an acute case, at once
  AnnualReport,       // the yearly summary: to the director for approval, back to its writer,
                      // to the registrars once approved, to its writer once registered
};

enum class Choice { Now, Digest, Never };

struct KindRule {
  Kind kind;
  std::string_view key;  // stored in mail_preferences and the outbox, and in unsubscribe links
  Choice fallback;       // without a choice of the person's
  bool digestAllowed;
  bool required;  // part of the record: always at once, never turned off
};

// Every kind, in the order a settings page lists them.
std::span<const KindRule> kindRules();
const KindRule& ruleOf(Kind kind);
std::optional<Kind> parseKind(std::string_view key);
std::string_view keyOf(Kind kind);

std::optional<Choice> parseChoice(std::string_view name);  // "now", "digest", "never"
std::string_view nameOf(Choice choice);

// Whether a person may choose this for the kind.
bool allows(Kind kind, Choice choice);
// What holds for a person: their stored choice when it is allowed, the kind's default otherwise.
Choice effectiveChoice(Kind kind, std::optional<Choice> stored);

}  // namespace sv::mail
