// The shared vocabulary of the domain: errors as values. Every domain function returns
// Result<T>; the HTTP edge (server/http/problem.cpp) is the only place that maps Errc to a status.
//
// An error has a code (what kind of failure: the HTTP status follows from it) and, for each
// failure a caller or a person is expected to meet, a Reason (which rule said no), in the style of
// libgit2's GIT_EMODIFIED / GIT_EEXISTS. Callers, the problem+json map and the Swedish messages of
// the web pages branch on the reason, never on `detail`, which is English for people and logs.
// A function's header lists the reasons it returns; tests assert them exactly.
#pragma once

#include <expected>
#include <string>
#include <string_view>
#include <utility>

namespace sv {

enum class Errc {
  Invalid,          // the input breaks a rule; `field` names the part that is wrong
  Malformed,        // the input cannot be read at all (syntax, wrong type)
  NotFound,         // no such object, or not one the caller may know of
  Conflict,         // the object's state or version does not allow it now
  Forbidden,        // the caller is known but lacks the role
  Unauthenticated,  // no valid login
  Throttled,        // too many attempts; try later
  Internal,         // a broken invariant or a failing dependency; detail is for the log only
};

// Which rule said no. `None` where the code says all there is (a malformed body, an unknown id).
// Grouped by the part of the domain that gives them; `value` of the Error carries the number or
// date a message needs (a limit, a contract's first day, a transition's name).
enum class Reason {
  None,
  // Text fields (one validation for every free-text field).
  Missing,           // a required field is empty
  TooLong,           // value: the limit in characters
  NotOneLine,        // a title or name with a line break
  ControlCharacter,  // NUL or another control character
  InvalidUtf8,
  NotADate,      // value: the expected form, e.g. YYYY-MM-DD
  OutOfRange,    // a number or year outside what is allowed
  DuplicateKey,  // an id or key named twice in one document
  // Logins and accounts.
  WrongCredentials,
  LoginThrottled,
  UsernameInvalid,
  UsernameTaken,
  NameInvalid,
  EmailInvalid,
  PasswordTooShort,  // value: the least length
  NoRole,
  RoleOfAuthority,  // value: the role
  RoleOfProvider,   // value: the role
  OrganizationKindInvalid,
  OrganizationExists,
  NoSuchOrganization,
  // Who may do what (Forbidden).
  NotAdministrator,
  NotContractManager,
  NotAgendaEditor,
  NotMinutesWriter,
  NotAnAdjuster,
  RoleMissingForTransition,  // value: the transition, e.g. "approve"
  // Contracts and the meeting year.
  YearPlannedOtherwise,
  YearOutsideContract,
  BeforeContractStart,  // value: the contract's first day
  AfterContractEnd,     // value: the contract's last day
  EndsBeforeStart,
  CancellationNeedsReason,
  MeetingCancelled,
  // Participants.
  OneChair,
  OneSecretary,
  OneAdjusterPerParty,
  NotAPartyMember,
  NamedTwice,
  WrongParty,
  // The agenda.
  AgendaPublished,
  AgendaAlreadyPublished,
  AgendaNotPublished,
  TooManyAddedItems,  // value: the limit
  FixedItem,          // value: the fixed item's key
  // Documents and versions.
  DocumentBusy,        // another save of the same document is half-way; try again
  VersionMovedOn,      // the version named (If-Match, an approval) is no longer the current one
  UnknownVersion,      // the version named is not a version of this document
  VersionNotNamed,     // an approval that names no version
  DocumentRegistered,  // a registered document never changes again
  // The minutes and their lifecycle.
  MinutesAlreadyStarted,
  MinutesNotStarted,
  FollowUpChanged,
  AlreadyApproved,
  NotApprovedByBoth,
  AuthorityAdjusterMissing,
  ProviderAdjusterMissing,
  CommentMissing,
  TransitionNotAllowed,  // value: the transition, e.g. "submit"
  // Actions.
  ActionNeedsDueDate,
  AcceptedHasNoDueDate,
  InsufficientNeedsDueDate,
  ResponsiblePartyUnknown,
  ReportMissing,
  ActionClosed,
  // Appended (issue 11): the archival package exists for registered minutes only.
  MinutesNotRegistered,
  // Contracts (added by the store/services split, issue 11).
  ContractReferenceTaken,  // the authority has another contract with that reference number
  ContractPartiesFixed,    // the parties of a contract never change
  UnknownChoice,           // a value that is not one of the listed ones (a service area, a status)
  // Appended (the order above is kept): who may read the audit log (Forbidden).
  NotAuditReader,
  // Appended (issue 19, points 1 and 2: a record that cannot contradict itself).
  MeetingOfRegisteredMinutes,  // the minutes are registered: nothing about their meeting changes
  MeetingOfMinutesInReview,    // minutes in review or approved: time, place and participants stay
  MeetingHasMinutes,           // a meeting with minutes is not cancelled
  NotItemProposer,  // (Forbidden) an added agenda item is removed by its party or the manager
  // Issue 19 point 5 (typed text kept after the session ended): a form posted without a session
  // whose owner could not be proven (Unauthenticated); a kept form over its size (Invalid).
  KeptFormUnproven,
  KeptFormTooLarge,
  // Review comments (issue 19 point 8).
  CommentHandled,  // the comment was handled already
  // Attendance as it happened (issue 19 point 9): a person listed twice in the minutes'
  // attendance (the same name for the same party), such as a guest who is there already.
  AttendeeListedTwice,
  // E-mail choices (issue 12): a choice the kind does not offer (a digest of calendar
  // invitations); a kind that is part of the record and always sent, so never turned off.
  ChoiceNotAllowed,  // value: the choice
  MailKindRequired,
  // Attachments (issue 13 point 5): a file whose content is not one of the allowed types (value:
  // what it was, e.g. "html", "executable"); a file over the size limit (value: the limit in
  // bytes); the same file under the same name listed twice on a document; a removal by someone
  // who neither uploaded it nor manages the contract (Forbidden); an upload by someone who does
  // not take part in the meeting (Forbidden).
  AttachmentTypeNotAllowed,
  AttachmentTooLarge,
  AttachmentExists,
  NotAttachmentOwner,
  NotMeetingParticipant,
  // Follow-up reports (issue 13): one report of a kind per contract and year (Conflict); an area
  // without an assessment (value: its key); comments of the fact-check not yet answered and
  // supplements not yet decided (value: how many); a report not registered has no archive; the
  // writer of a report is the authority's contract manager (Forbidden); a supplement answered or
  // decided already; a step on a report whose fact-check is not open.
  ReportExists,
  AreaNotAssessed,
  CommentsOpen,
  SupplementsOpen,
  ReportNotRegistered,
  NotReportWriter,
  SupplementAnswered,
  SupplementDecided,
  FactCheckNotOpen,
  // Event-driven cases (issue 14): the case is closed and takes no more steps or material; the
  // writer of a case is the authority's contract manager, of an action plan the provider's people
  // (Forbidden); an action plan with no actions cannot be sent; a case's report exists already,
  // or is not registered yet (value: its state) when the case is reported to the committee; the
  // feedback to the provider is not given yet; the case is acute already.
  CaseClosed,
  NotCaseWriter,
  NotPlanWriter,
  PlanEmpty,
  CaseReportExists,
  CaseReportNotRegistered,
  FeedbackMissing,
  AlreadyAcute,
  // The yearly summary (issue 15): a part of its text (summary, assessment, proposal for
  // decision) is not written yet (value: the part); its writer is the authority's contract
  // manager (Forbidden).
  NarrativeMissing,
  NotAnnualWriter,
  // The notes of all sections of the minutes, or the findings of all areas of a report, together
  // are longer than the document may hold (hardening finding 5; value: the limit in bytes, field:
  // the section or area that went over it).
  NotesTooLong,
  // The e-seal on registered PDFs (server/pdf/seal.hpp): the PKCS#12 file cannot be opened with
  // its password or lacks a key or certificate; a PDF has no seal; a seal does not verify.
  SealKeyUnreadable,
  SealMissing,
  SealBroken,
  // OpenID Connect (issue 17, server/oidc): the ID token refused, one reason per check; the
  // provider refused the code, or its discovery document cannot be used; a login's state is
  // unknown, used already or expired; the person is not known here, or is deactivated; their
  // organisation has turned password login off.
  IdTokenMalformed,
  IdTokenAlgorithm,
  IdTokenUnknownKey,
  IdTokenSignature,
  IdTokenIssuer,
  IdTokenAudience,
  IdTokenAuthorizedParty,
  IdTokenExpired,
  IdTokenNotYetValid,
  IdTokenNonce,
  ProviderRefused,
  ProviderMetadataInvalid,
  LoginStateUnknown,
  PersonUnknown,
  PersonDeactivated,
  PasswordLoginOff,
};

// The reason as problem+json names it ("version-moved-on"); empty for None.
std::string_view reasonName(Reason reason);

struct Error {
  Errc code;
  Reason reason = Reason::None;
  std::string detail{};  // English, for programmers and logs; never branched on
  std::string field{};   // the request field that is wrong, e.g. "sections[2].notes"
  std::string value{};   // what a message needs besides the reason (see Reason)
};

template <class T>
using Result = std::expected<T, Error>;

// Result<void> needs a value to return on success.
using Status = std::expected<void, Error>;

// Whether a step succeeded, without the value it gave: its error, or success.
template <class T>
Status statusOf(const Result<T>& r) {
  return r ? Status{} : Status{std::unexpected(r.error())};
}

inline std::unexpected<Error> fail(Errc code, std::string detail, std::string field = {}) {
  return std::unexpected(Error{code, Reason::None, std::move(detail), std::move(field)});
}

inline std::unexpected<Error> fail(Errc code, Reason reason, std::string detail,
                                   std::string field = {}, std::string value = {}) {
  return std::unexpected(
      Error{code, reason, std::move(detail), std::move(field), std::move(value)});
}

}  // namespace sv
