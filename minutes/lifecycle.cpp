#include "minutes/lifecycle.hpp"

#include "workflows/name_table.hpp"
#include "workflows/names.hpp"
#include "workflows/text.hpp"
#include "workflows/workflow_states.hpp"

namespace sv::minutes {

namespace {
constexpr NameTable<MinutesState, 4> kMinutesStates{{
    {MinutesState::Draft, "draft"},
    {MinutesState::InReview, "in_review"},
    {MinutesState::Approved, "approved"},
    {MinutesState::Registered, "registered"},
}};
}  // namespace

std::string_view stateName(MinutesState s) {
  return nameIn(kMinutesStates, s, "draft");
}

std::optional<MinutesState> parseMinutesState(std::string_view name) {
  return valueIn(kMinutesStates, name);
}

Status checkStatesOf(const workflows::WorkflowDefinition& definition) {
  return workflows::checkStatesAgainst(definition, kMinutesStates, MinutesState::Draft, "minutes",
                                       "the minutes start as a draft, not");
}

bool bothPartiesApproved(const LifecycleFacts& facts) {
  bool authority = false;
  bool provider = false;
  for (const auto& a : facts.approvals) {
    if (a.version != facts.currentVersion) continue;
    (a.party == Party::Authority ? authority : provider) = true;
  }
  return authority && provider;
}

Result<MinutesState> knownState(const Result<std::string>& answered) {
  return workflows::knownStateIn(answered, kMinutesStates, "minutes");
}

workflows::GuardRegistry<LifecycleFacts> lifecycleGuards() {
  namespace g = workflows::guards;
  workflows::GuardRegistry<LifecycleFacts> guards;
  guards[std::string(g::kAdjustersSet)] = [](const LifecycleFacts& f) -> Status {
    if (!f.authorityAdjusterSet)
      return fail(Errc::Conflict, Reason::AuthorityAdjusterMissing,
                  "the authority has no adjuster for this meeting", "participants");
    if (!f.providerAdjusterSet)
      return fail(Errc::Conflict, Reason::ProviderAdjusterMissing,
                  "the provider has no adjuster for this meeting", "participants");
    return {};
  };
  guards[std::string(g::kApprovesCurrentVersion)] = [](const LifecycleFacts& f) -> Status {
    if (!f.approving || f.approving->empty())
      return fail(Errc::Invalid, Reason::VersionNotNamed, "name the version you approve",
                  "version");
    if (*f.approving != f.currentVersion)
      return fail(Errc::Conflict, Reason::VersionMovedOn,
                  "approval names an old version; the current one is " + f.currentVersion,
                  "version", f.currentVersion);
    return {};
  };
  guards[std::string(g::kBothPartiesApprovedCurrentVersion)] =
      [](const LifecycleFacts& f) -> Status {
    if (!bothPartiesApproved(f))
      return fail(Errc::Conflict, Reason::NotApprovedByBoth,
                  "both parties' adjusters must approve the current version first");
    return {};
  };
  guards[std::string(g::kCommentGiven)] = [](const LifecycleFacts& f) -> Status {
    if (text::isBlank(f.comment))
      return fail(Errc::Invalid, Reason::CommentMissing, "say what should be corrected", "comment");
    if (f.comment.size() > 20000)
      return fail(Errc::Invalid, Reason::TooLong, "at most 20 000 characters", "comment", "20000");
    return {};
  };
  return guards;
}

}  // namespace sv::minutes
