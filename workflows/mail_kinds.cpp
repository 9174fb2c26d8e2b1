#include "workflows/mail_kinds.hpp"

#include <array>

namespace sv::mail {
namespace {

// Notices that ask for something at once by default; reminders are gathered in the digest,
// since several tend to fall due on the same day.
constexpr std::array<KindRule, 14> kRules{{
    {Kind::Invitation, "invitation", Choice::Now, false, false},
    {Kind::AgendaPublished, "agenda_published", Choice::Now, true, false},
    {Kind::MinutesSubmitted, "minutes_submitted", Choice::Now, true, false},
    {Kind::MinutesReturned, "minutes_returned", Choice::Now, true, false},
    {Kind::MinutesApproved, "minutes_approved", Choice::Now, true, false},
    {Kind::MinutesRegistered, "minutes_registered", Choice::Now, false, true},
    {Kind::ReportToCheck, "report_to_check", Choice::Now, true, false},
    {Kind::ReportAnswered, "report_answered", Choice::Now, true, false},
    // The feedback to the provider is part of the follow-up (seed 000): always sent.
    {Kind::ReportFinal, "report_final", Choice::Now, false, true},
    {Kind::CaseForProvider, "case_for_provider", Choice::Now, true, false},
    {Kind::CaseForAuthority, "case_for_authority", Choice::Now, true, false},
    // Seed 002 § 8.2: acute and serious deficiencies are told to the director and the committee
    // at once; no one may turn that off or wait for a digest.
    {Kind::CaseAcute, "case_acute", Choice::Now, false, true},
    {Kind::AnnualReport, "annual_report", Choice::Now, true, false},
    {Kind::Reminder, "reminder", Choice::Digest, true, false},
}};

}  // namespace

std::span<const KindRule> kindRules() {
  return kRules;
}

const KindRule& ruleOf(Kind kind) {
  for (const auto& r : kRules)
    if (r.kind == kind) return r;
  return kRules.front();  // unreachable: every Kind has a rule
}

std::optional<Kind> parseKind(std::string_view key) {
  for (const auto& r : kRules)
    if (r.key == key) return r.kind;
  return std::nullopt;
}

std::string_view keyOf(Kind kind) {
  return ruleOf(kind).key;
}

std::optional<Choice> parseChoice(std::string_view name) {
  if (name == "now") return Choice::Now;
  if (name == "digest") return Choice::Digest;
  if (name == "never") return Choice::Never;
  return std::nullopt;
}

std::string_view nameOf(Choice choice) {
  switch (choice) {
    case Choice::Now:
      return "now";
    case Choice::Digest:
      return "digest";
    case Choice::Never:
      break;
  }
  return "never";
}

bool allows(Kind kind, Choice choice) {
  const auto& rule = ruleOf(kind);
  if (rule.required) return choice == Choice::Now;
  return choice != Choice::Digest || rule.digestAllowed;
}

Choice effectiveChoice(Kind kind, std::optional<Choice> stored) {
  if (stored && allows(kind, *stored)) return *stored;
  return ruleOf(kind).fallback;
}

}  // namespace sv::mail
