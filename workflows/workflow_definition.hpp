// A lifecycle as data (DESIGN.md, "Workflows are data"): the states a document or case can be in,
// the named transitions between them, the roles allowed to take each, and the named guards
// (written in C++, see workflow.hpp) that must hold. Definitions live in config/workflows/; the
// server reads the file and passes its text here, then validates the definition against the role
// and guard names it knows (names.hpp) and refuses to start when anything is wrong.
//
// File format (UTF-8, line based; '#' starts a comment that runs to the end of the line, and blank
// lines are ignored, so Swedish explanations can sit anywhere):
//
//   name: minutes                          the workflow's name, used in messages
//   subject: the minutes are               optional; starts the "wrong state" message
//   initial: draft                         the state a new document starts in
//   states: draft, in_review, approved     every state, comma separated
//
//   transition: submit | draft -> in_review | roles: secretary, chair | guards: adjusters_set
//   transition: withdraw | in_review, approved -> draft | roles: chair
//   automatic: complete | in_review -> approved | guards: both_parties_approved_current_version
//
// Names (of the workflow, states, transitions, roles and guards) are [a-z0-9_]+. Each setting is
// given once, in any order. A transition line is `name | from, from -> to` followed by optional
// `roles: …` and `guards: …` parts, each at most once; a line that starts with '|' continues the
// transition above it, so a long one can be split:
//
//   transition: register | approved -> registered
//     | roles: registrar
//     | guards: both_parties_approved_current_version
//
// A person takes a `transition:` when they hold at least one of its roles and all its guards hold.
// The engine takes an `automatic:` transition by itself, after every transition and whenever it
// settles a state, as soon as all its guards hold; when several could be taken from one state the
// first in the file wins. `subject:` is an English phrase ("the minutes are", "the action is"),
// default "the <name> is"; the message is "the minutes are approved; 'approve' is possible from:
// in_review".
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/result.hpp"

namespace sv::workflows {

struct Transition {
  std::string name;
  std::vector<std::string> from;    // the states it may be taken from (at least one)
  std::string to;                   // the state it leads to (may be one of `from`)
  std::vector<std::string> roles;   // any one of them suffices; empty for automatic transitions
  std::vector<std::string> guards;  // all must hold, checked in this order
  bool automatic = false;
  int line = 0;  // where it is written in the file, 0 for definitions made in code
};

struct WorkflowDefinition {
  std::string name;
  std::string subject;  // "the minutes are"; empty means "the <name> is"
  std::string initial;
  std::vector<std::string> states;      // in the order written
  std::vector<Transition> transitions;  // in the order written
};

// Reads the text of a .workflow file. Checks the syntax only; the names are checked by
// validateWorkflow. Errors:
//   Errc::Malformed  a line that cannot be read, a name that is not [a-z0-9_]+, a setting given
//                    twice, a transition without `from -> to`; detail "line N: …". A missing
//                    name:, initial: or states: line: detail "the workflow has no 'name:' line".
Result<WorkflowDefinition> parseWorkflow(std::string_view text);

// Checks that a definition makes sense and names only what exists. Errc::Invalid, the detail names
// the workflow and what is wrong, `field` the offending name:
//   "workflow 'minutes': state 'draft' is listed twice"
//   "workflow 'minutes': initial state 'drafts' is not among its states"
//   "workflow 'minutes': transition 'approve' is written twice (lines 14 and 17)"
//   "workflow 'minutes': transition 'submit' names unknown state 'in_reveiw'"
//   "workflow 'minutes': transition 'register' names unknown role 'registrator'"
//   "workflow 'minutes': transition 'submit' names unknown guard 'adjuster_set'"
//   "workflow 'minutes': transition 'submit' names role 'chair' twice" (also states, guards)
//   "workflow 'minutes': transition 'submit' names no roles, so nobody could take it"
//   "workflow 'minutes': automatic transition 'complete' names roles; the engine takes it by
//    itself"
//   "workflow 'minutes': state 'archived' cannot be reached from the initial state 'draft'"
//   "workflow 'minutes': automatic transitions 'a' and 'b' go round in a loop (x -> y -> x)"
// Also a workflow without a name or states, or with more than 100 states or 500 transitions.
// The first problem found is reported.
Status validateWorkflow(const WorkflowDefinition& definition,
                        const std::set<std::string>& knownRoles,
                        const std::set<std::string>& knownGuards);

// parseWorkflow, then validateWorkflow: the check the server runs on each file at start-up.
Result<WorkflowDefinition> readWorkflow(std::string_view text,
                                        const std::set<std::string>& knownRoles,
                                        const std::set<std::string>& knownGuards);

// The transition with this name, or nullptr (pointer into `definition`).
const Transition* findTransition(const WorkflowDefinition& definition, std::string_view name);
bool hasState(const WorkflowDefinition& definition, std::string_view state);
// True when the actor holds at least one of the transition's roles.
bool holdsRole(const Transition& transition, const std::set<std::string>& actorRoles);

// Everything about taking a transition by hand except its guards, in this order:
//   Errc::Invalid    no such transition (field "transition"), or an automatic one
//   Errc::Internal   `currentState` is not a state of the workflow (the stored data is wrong)
//   Errc::Forbidden  the actor holds none of its roles: "'register' needs one of the roles:
//                    registrar"
//   Errc::Conflict   not possible from the current state: "the minutes are approved; 'approve'
//                    is possible from: in_review"
// Returns a pointer into `definition`. Workflow<Context>::check adds the guards.
Result<const Transition*> checkTransition(const WorkflowDefinition& definition,
                                          std::string_view transition,
                                          std::string_view currentState,
                                          const std::set<std::string>& actorRoles);

}  // namespace sv::workflows
