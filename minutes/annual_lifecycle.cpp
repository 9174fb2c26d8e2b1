#include "minutes/annual_lifecycle.hpp"

#include "workflows/name_table.hpp"
#include "workflows/names.hpp"
#include "workflows/text.hpp"
#include "workflows/workflow_states.hpp"

namespace sv::minutes {

namespace {
constexpr NameTable<AnnualState, 4> kAnnualStates{{
    {AnnualState::Draft, "draft"},
    {AnnualState::Submitted, "submitted"},
    {AnnualState::Approved, "approved"},
    {AnnualState::Registered, "registered"},
}};
}  // namespace

std::string_view stateName(AnnualState s) {
  return nameIn(kAnnualStates, s, "draft");
}

std::optional<AnnualState> parseAnnualState(std::string_view name) {
  return valueIn(kAnnualStates, name);
}

Status checkAnnualStatesOf(const workflows::WorkflowDefinition& definition) {
  return workflows::checkStatesAgainst(definition, kAnnualStates, AnnualState::Draft,
                                       "yearly summary", "a yearly summary starts as a draft, not");
}

Result<AnnualState> knownAnnualState(const Result<std::string>& answered) {
  return workflows::knownStateIn(answered, kAnnualStates, "yearly summary");
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
