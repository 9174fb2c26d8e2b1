#include "minutes/annual_lifecycle.hpp"

#include <algorithm>

#include "workflows/name_table.hpp"
#include "workflows/names.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {

namespace {
constexpr NameTable<AnnualState, 4> kStates{{
    {AnnualState::Draft, "draft"},
    {AnnualState::Submitted, "submitted"},
    {AnnualState::Approved, "approved"},
    {AnnualState::Registered, "registered"},
}};
}  // namespace

std::string_view stateName(AnnualState s) {
  return nameIn(kStates, s, "draft");
}

std::optional<AnnualState> parseAnnualState(std::string_view name) {
  return valueIn(kStates, name);
}

Status checkAnnualStatesOf(const workflows::WorkflowDefinition& definition) {
  const auto unknown = [&](std::string_view state, std::string detail) -> Status {
    return fail(Errc::Invalid, Reason::UnknownChoice,
                "workflow '" + definition.name + "': " + std::move(detail), "states",
                std::string(state));
  };
  for (const auto& state : definition.states)
    if (!parseAnnualState(state))
      return unknown(state, "the server knows no yearly summary state '" + state + "'");
  for (const auto& [s, known] : kStates) {
    const auto name = std::string(known);
    if (std::find(definition.states.begin(), definition.states.end(), name) ==
        definition.states.end())
      return unknown(name, "the yearly summary state '" + name + "' is missing");
  }
  if (definition.initial != stateName(AnnualState::Draft))
    return unknown(definition.initial,
                   "a yearly summary starts as a draft, not '" + definition.initial + "'");
  return {};
}

Result<AnnualState> knownAnnualState(const Result<std::string>& answered) {
  if (!answered) return std::unexpected(answered.error());
  if (auto s = parseAnnualState(*answered)) return *s;
  return fail(Errc::Internal,
              "the yearly summary's workflow answered an unknown state '" + *answered + "'");
}

workflows::GuardRegistry<AnnualLifecycleFacts> annualLifecycleGuards() {
  namespace g = workflows::guards;
  workflows::GuardRegistry<AnnualLifecycleFacts> guards;
  guards[std::string(g::kNarrativeWritten)] = [](const AnnualLifecycleFacts& f) -> Status {
    if (f.missingPart)
      return fail(Errc::Conflict, Reason::NarrativeMissing,
                  "write the summary, the assessment and the proposal for decision first; '" +
                      *f.missingPart + "' is empty",
                  *f.missingPart, *f.missingPart);
    return {};
  };
  guards[std::string(g::kCommentGiven)] = [](const AnnualLifecycleFacts& f) -> Status {
    if (text::isBlank(f.comment))
      return fail(Errc::Invalid, Reason::CommentMissing, "say why the report goes back", "comment");
    return {};
  };
  guards[std::string(g::kApprovesCurrentVersion)] = [](const AnnualLifecycleFacts& f) -> Status {
    if (!f.approving || f.approving->empty())
      return fail(Errc::Invalid, Reason::VersionNotNamed, "name the version you approve",
                  "version");
    if (*f.approving != f.currentVersion)
      return fail(Errc::Conflict, Reason::VersionMovedOn,
                  "approval names an old version; the current one is " + f.currentVersion,
                  "version", f.currentVersion);
    return {};
  };
  return guards;
}

}  // namespace sv::minutes
