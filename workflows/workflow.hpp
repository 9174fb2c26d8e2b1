// The workflow engine: a validated definition (workflow_definition.hpp) plus the guards written in
// C++ for one kind of object. `Context` is whatever the guards need to decide (for the minutes:
// the current version, the approvals, the comment given); the engine only passes it through.
//
//   auto minutes = Workflow<MinutesFacts>::create(*definition, minutesGuards(), knownRoles());
//   auto next = minutes->take("approve", "in_review", actorRoles, facts);  // "approved" or …
//
// The engine keeps no state: the caller stores the state and passes it in. Taking a transition
// checks, in order: the transition exists (Errc::Invalid), the actor holds one of its roles
// (Forbidden/RoleMissingForTransition), it is possible from the current state
// (Conflict/TransitionNotAllowed; both with value = the transition's name), and each of its
// guards (the guard's own error, e.g. Conflict/VersionMovedOn "approval names an old version").
//
// The context describes the world as it will be once the transition is taken: for `approve` it
// includes the approval being given, so that the automatic `complete` sees both parties' approvals
// when take() settles. A caller that can only tell afterwards uses check(), applies the change,
// and then calls settle() with the new context.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "workflows/result.hpp"
#include "workflows/workflow_definition.hpp"

namespace sv::workflows {

// A named rule: success when the transition may be taken, otherwise the error the caller sees.
template <class Context>
using Guard = std::function<Status(const Context&)>;

template <class Context>
using GuardRegistry = std::map<std::string, Guard<Context>>;

template <class Context>
class Workflow {
 public:
  // Validates the definition against `knownRoles` and the names in `guards` (validateWorkflow's
  // errors), so a Workflow never names a guard it cannot call. An empty std::function in the
  // registry is Errc::Internal.
  static Result<Workflow> create(WorkflowDefinition definition, GuardRegistry<Context> guards,
                                 const std::set<std::string>& knownRoles);

  const WorkflowDefinition& definition() const { return definition_; }
  const std::string& name() const { return definition_.name; }
  const std::string& initial() const { return definition_.initial; }

  // The transition, when it exists, the actor holds one of its roles and the state allows it:
  // what a caller asks before it reads the input the guards will judge (roles before fields).
  // Errors: the first three of the list above.
  Result<const Transition*> mayTry(std::string_view transition, std::string_view currentState,
                                   const std::set<std::string>& actorRoles) const;

  // The state the transition leads to, before any automatic transition; errors as above.
  Result<std::string> check(std::string_view transition, std::string_view currentState,
                            const std::set<std::string>& actorRoles, const Context& ctx) const;

  // check(), then settle() from the state it leads to: the state to store.
  Result<std::string> take(std::string_view transition, std::string_view currentState,
                           const std::set<std::string>& actorRoles, const Context& ctx) const;

  // Takes automatic transitions from `state` while one's guards all hold (the first in the file
  // when several do). Validation forbids loops of automatic transitions; the walk stops after as
  // many steps as there are states in any case.
  std::string settle(std::string_view state, const Context& ctx) const;

  // The transitions (by name, in file order) that an actor with these roles could take now from
  // `state`: not automatic, possible from the state, a role held, every guard holding.
  std::vector<std::string> available(std::string_view state, const std::set<std::string>& roles,
                                     const Context& ctx) const;

 private:
  Workflow(WorkflowDefinition definition, GuardRegistry<Context> guards)
      : definition_(std::move(definition)), guards_(std::move(guards)) {}

  Status guardsHold(const Transition& t, const Context& ctx) const;
  static bool startsFrom(const Transition& t, std::string_view state);

  WorkflowDefinition definition_;
  GuardRegistry<Context> guards_;
};

template <class Context>
Result<Workflow<Context>> Workflow<Context>::create(WorkflowDefinition definition,
                                                    GuardRegistry<Context> guards,
                                                    const std::set<std::string>& knownRoles) {
  std::set<std::string> knownGuards;
  for (const auto& [name, guard] : guards) {
    if (!guard)
      return fail(Errc::Internal,
                  "workflow '" + definition.name + "': guard '" + name + "' has no function", name);
    knownGuards.insert(name);
  }
  if (auto ok = validateWorkflow(definition, knownRoles, knownGuards); !ok)
    return std::unexpected(ok.error());
  return Workflow(std::move(definition), std::move(guards));
}

template <class Context>
Result<const Transition*> Workflow<Context>::mayTry(std::string_view transition,
                                                    std::string_view currentState,
                                                    const std::set<std::string>& actorRoles) const {
  auto t = checkTransition(definition_, transition, currentState, actorRoles);
  if (!t) {
    // The two refusals a person meets, named by the transition so that a message can say which.
    Error e = t.error();
    if (e.code == Errc::Forbidden) e.reason = Reason::RoleMissingForTransition;
    if (e.code == Errc::Conflict) e.reason = Reason::TransitionNotAllowed;
    if (e.reason != Reason::None) e.value = std::string(transition);
    return std::unexpected(std::move(e));
  }
  return t;
}

template <class Context>
Result<std::string> Workflow<Context>::check(std::string_view transition,
                                             std::string_view currentState,
                                             const std::set<std::string>& actorRoles,
                                             const Context& ctx) const {
  auto t = mayTry(transition, currentState, actorRoles);
  if (!t) return std::unexpected(t.error());
  if (auto ok = guardsHold(**t, ctx); !ok) return std::unexpected(ok.error());
  return (*t)->to;
}

template <class Context>
Result<std::string> Workflow<Context>::take(std::string_view transition,
                                            std::string_view currentState,
                                            const std::set<std::string>& actorRoles,
                                            const Context& ctx) const {
  auto next = check(transition, currentState, actorRoles, ctx);
  if (!next) return next;
  return settle(*next, ctx);
}

template <class Context>
std::string Workflow<Context>::settle(std::string_view state, const Context& ctx) const {
  std::string current(state);
  for (std::size_t step = 0; step < definition_.states.size(); ++step) {
    const Transition* next = nullptr;
    for (const auto& t : definition_.transitions) {
      if (t.automatic && startsFrom(t, current) && guardsHold(t, ctx)) {
        next = &t;
        break;
      }
    }
    if (!next) break;
    current = next->to;
  }
  return current;
}

template <class Context>
std::vector<std::string> Workflow<Context>::available(std::string_view state,
                                                      const std::set<std::string>& roles,
                                                      const Context& ctx) const {
  std::vector<std::string> names;
  for (const auto& t : definition_.transitions)
    if (!t.automatic && startsFrom(t, state) && holdsRole(t, roles) && guardsHold(t, ctx))
      names.push_back(t.name);
  return names;
}

template <class Context>
Status Workflow<Context>::guardsHold(const Transition& t, const Context& ctx) const {
  for (const auto& name : t.guards) {
    const auto it = guards_.find(name);
    if (it == guards_.end())  // create() makes this impossible
      return fail(Errc::Internal, "workflow '" + definition_.name + "': no guard '" + name + "'");
    if (auto ok = it->second(ctx); !ok) return ok;
  }
  return {};
}

template <class Context>
bool Workflow<Context>::startsFrom(const Transition& t, std::string_view state) {
  for (const auto& from : t.from)
    if (from == state) return true;
  return false;
}

}  // namespace sv::workflows
