#include "workflows/result.hpp"

namespace sv {

std::string_view reasonName(Reason reason) {
  switch (reason) {
    case Reason::None: return "";
    case Reason::Missing: return "missing";
    case Reason::TooLong: return "too-long";
    case Reason::NotOneLine: return "not-one-line";
    case Reason::ControlCharacter: return "control-character";
    case Reason::InvalidUtf8: return "invalid-utf8";
    case Reason::NotADate: return "not-a-date";
    case Reason::OutOfRange: return "out-of-range";
    case Reason::DuplicateKey: return "duplicate-key";
    case Reason::WrongCredentials: return "wrong-credentials";
    case Reason::LoginThrottled: return "login-throttled";
    case Reason::UsernameInvalid: return "username-invalid";
    case Reason::UsernameTaken: return "username-taken";
    case Reason::NameInvalid: return "name-invalid";
    case Reason::EmailInvalid: return "email-invalid";
    case Reason::PasswordTooShort: return "password-too-short";
    case Reason::NoRole: return "no-role";
    case Reason::RoleOfAuthority: return "role-of-authority";
    case Reason::RoleOfProvider: return "role-of-provider";
    case Reason::OrganizationKindInvalid: return "organization-kind-invalid";
    case Reason::OrganizationExists: return "organization-exists";
    case Reason::NoSuchOrganization: return "no-such-organization";
    case Reason::NotAdministrator: return "not-administrator";
    case Reason::NotContractManager: return "not-contract-manager";
    case Reason::NotAgendaEditor: return "not-agenda-editor";
    case Reason::NotMinutesWriter: return "not-minutes-writer";
    case Reason::NotAnAdjuster: return "not-an-adjuster";
    case Reason::RoleMissingForTransition: return "role-missing-for-transition";
    case Reason::YearPlannedOtherwise: return "year-planned-otherwise";
    case Reason::YearOutsideContract: return "year-outside-contract";
    case Reason::BeforeContractStart: return "before-contract-start";
    case Reason::AfterContractEnd: return "after-contract-end";
    case Reason::EndsBeforeStart: return "ends-before-start";
    case Reason::CancellationNeedsReason: return "cancellation-needs-reason";
    case Reason::MeetingCancelled: return "meeting-cancelled";
    case Reason::OneChair: return "one-chair";
    case Reason::OneSecretary: return "one-secretary";
    case Reason::OneAdjusterPerParty: return "one-adjuster-per-party";
    case Reason::NotAPartyMember: return "not-a-party-member";
    case Reason::NamedTwice: return "named-twice";
    case Reason::WrongParty: return "wrong-party";
    case Reason::AgendaPublished: return "agenda-published";
    case Reason::AgendaAlreadyPublished: return "agenda-already-published";
    case Reason::AgendaNotPublished: return "agenda-not-published";
    case Reason::TooManyAddedItems: return "too-many-added-items";
    case Reason::FixedItem: return "fixed-item";
    case Reason::DocumentBusy: return "document-busy";
    case Reason::VersionMovedOn: return "version-moved-on";
    case Reason::UnknownVersion: return "unknown-version";
    case Reason::VersionNotNamed: return "version-not-named";
    case Reason::DocumentRegistered: return "document-registered";
    case Reason::MinutesAlreadyStarted: return "minutes-already-started";
    case Reason::MinutesNotStarted: return "minutes-not-started";
    case Reason::FollowUpChanged: return "follow-up-changed";
    case Reason::AlreadyApproved: return "already-approved";
    case Reason::NotApprovedByBoth: return "not-approved-by-both";
    case Reason::AuthorityAdjusterMissing: return "authority-adjuster-missing";
    case Reason::ProviderAdjusterMissing: return "provider-adjuster-missing";
    case Reason::CommentMissing: return "comment-missing";
    case Reason::TransitionNotAllowed: return "transition-not-allowed";
    case Reason::ActionNeedsDueDate: return "action-needs-due-date";
    case Reason::AcceptedHasNoDueDate: return "accepted-has-no-due-date";
    case Reason::InsufficientNeedsDueDate: return "insufficient-needs-due-date";
    case Reason::ResponsiblePartyUnknown: return "responsible-party-unknown";
    case Reason::ReportMissing: return "report-missing";
    case Reason::ActionClosed: return "action-closed";
    case Reason::NotAuditReader: return "not-audit-reader";
  }
  return "";
}

}  // namespace sv
