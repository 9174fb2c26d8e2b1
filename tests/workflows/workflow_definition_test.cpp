#include <catch2/catch.hpp>

#include "workflows/names.hpp"
#include "workflows/workflow_definition.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::workflows;

namespace {

// A small but complete lifecycle to break one rule at a time. Transition lines are 5..8.
const std::string kBase =
    "name: minutes\n"
    "subject: the minutes are\n"
    "initial: draft\n"
    "states: draft, in_review, approved, registered\n"
    "transition: submit | draft -> in_review | roles: secretary, chair | guards: adjusters_set\n"
    "transition: approve | in_review -> in_review | roles: authority_adjuster, provider_adjuster "
    "| guards: approves_current_version\n"
    "automatic: complete | in_review -> approved | guards: both_parties_approved_current_version\n"
    "transition: register | approved -> registered | roles: registrar\n";

// `text` with `from` (which must occur exactly once) replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::string edited(const std::string& from, const std::string& to) {
  return replaced(kBase, from, to);
}

Status validate(const std::string& text) {
  auto parsed = parseWorkflow(text);
  INFO((parsed ? std::string() : parsed.error().detail));
  REQUIRE(parsed);
  return validateWorkflow(*parsed, knownRoles(), minutesGuardNames());
}

}  // namespace

TEST_CASE("a workflow file is read into states and transitions in file order", "[workflows]") {
  auto d = parseWorkflow(
      "\xEF\xBB\xBF# Protokollets livscykel; kommentarer får stå var som helst.\r\n"
      "name: minutes   # namnet används i felmeddelanden\r\n"
      "initial: draft\n"
      "\n"
      "states: draft ,in_review,  approved\n"
      "transition: submit | draft -> in_review\n"
      "  | roles: secretary, chair\n"
      "  # en kommentar mitt i en övergång\n"
      "  | guards: adjusters_set, comment_given\n"
      "automatic: complete|in_review->approved|guards: both_parties_approved_current_version\n"
      "transition: withdraw | in_review, approved -> draft | roles: chair\n");
  INFO((d ? std::string() : d.error().detail));
  REQUIRE(d);
  CHECK(d->name == "minutes");
  CHECK(d->subject.empty());
  CHECK(d->initial == "draft");
  CHECK(d->states == std::vector<std::string>{"draft", "in_review", "approved"});
  REQUIRE(d->transitions.size() == 3);

  const Transition& submit = d->transitions[0];
  CHECK(submit.name == "submit");
  CHECK(submit.from == std::vector<std::string>{"draft"});
  CHECK(submit.to == "in_review");
  CHECK(submit.roles == std::vector<std::string>{"secretary", "chair"});
  CHECK(submit.guards == std::vector<std::string>{"adjusters_set", "comment_given"});
  CHECK_FALSE(submit.automatic);
  CHECK(submit.line == 6);

  const Transition& complete = d->transitions[1];
  CHECK(complete.name == "complete");
  CHECK(complete.automatic);
  CHECK(complete.roles.empty());
  CHECK(complete.guards == std::vector<std::string>{"both_parties_approved_current_version"});
  CHECK(complete.line == 10);

  const Transition& withdraw = d->transitions[2];
  CHECK(withdraw.from == std::vector<std::string>{"in_review", "approved"});
  CHECK(withdraw.to == "draft");
  CHECK(withdraw.guards.empty());

  CHECK(validateWorkflow(*d, knownRoles(), minutesGuardNames()));
  CHECK(findTransition(*d, "withdraw") == &d->transitions[2]);
  CHECK(findTransition(*d, "nope") == nullptr);
  CHECK(hasState(*d, "approved"));
  CHECK_FALSE(hasState(*d, "registered"));
}

TEST_CASE("the base definition of these tests is valid", "[workflows]") {
  auto ok = validate(kBase);
  INFO((ok ? std::string() : ok.error().detail));
  CHECK(ok);
}

TEST_CASE("a workflow file that cannot be read is refused with the line", "[workflows][parse]") {
  struct Case {
    const char* what;
    std::string text;
    const char* detail;
  };
  const Case cases[] = {
      {"a line without a colon", edited("states:", "submit draft in_review\nstates:"),
       "line 4: expected 'name:', 'subject:', 'initial:', 'states:', 'transition:' or "
       "'automatic:', or a line that starts with '|'"},
      {"an unknown setting", edited("initial: draft", "start: draft"),
       "line 3: unknown setting 'start' (name, subject, initial, states, transition or "
       "automatic)"},
      {"a setting given twice", kBase + "initial: in_review\n",
       "line 9: 'initial:' is set twice (first on line 3)"},
      {"a state that is not a name", edited("in_review, approved", "In Review, approved"),
       "line 4: 'In Review' is not a name; names are written with a-z, 0-9 and _"},
      {"a workflow name that is not a name", edited("name: minutes", "name: Protokoll"),
       "line 1: 'Protokoll' is not a name; names are written with a-z, 0-9 and _"},
      {"a transition name that is not a name", edited("transition: submit", "transition: sub-mit"),
       "line 5: 'sub-mit' is not a name; names are written with a-z, 0-9 and _"},
      {"an empty name between commas", edited("secretary, chair", "secretary,, chair"),
       "line 5: 'roles:' of transition 'submit' has an empty name between commas"},
      {"an empty states list", edited("states: draft, in_review, approved, registered", "states:"),
       "line 4: 'states:' lists nothing"},
      {"an empty roles part", edited("roles: registrar", "roles:"),
       "line 8: 'roles:' of transition 'register' lists nothing"},
      {"a transition with a name only",
       edited("transition: register | approved -> registered "
              "| roles: registrar",
              "transition: register"),
       "line 8: a transition is written 'transition: name | from -> to | roles: … | guards: …'"},
      {"a transition without an arrow", edited("draft -> in_review", "draft in_review"),
       "line 5: transition 'submit' needs 'from -> to' after its name, not 'draft in_review'"},
      {"a transition without a target", edited("draft -> in_review", "draft ->"),
       "line 5: transition 'submit' leads to no state after '->'"},
      {"a transition without a source", edited("draft -> in_review", "-> in_review"),
       "line 5: the 'from' side of transition 'submit' lists nothing"},
      {"a misspelt part", edited("guards: adjusters_set", "guard: adjusters_set"),
       "line 5: transition 'submit': expected 'roles: …' or 'guards: …', not 'guard: "
       "adjusters_set'"},
      {"a part given twice", edited("roles: registrar", "roles: registrar | roles: admin"),
       "line 8: transition 'register' has two 'roles:' parts"},
      {"a continuation before any transition", "| roles: chair\n" + kBase,
       "line 1: a line that starts with '|' continues a transition, but no transition comes "
       "before it"},
      {"a continuation after a setting", edited("initial: draft", "initial: draft\n  | x"),
       "line 4: a line that starts with '|' continues a transition, but no transition comes "
       "before it"},
      {"a subject with odd characters", edited("the minutes are", "the <minutes> are"),
       "line 2: 'subject:' is a short English phrase such as 'the minutes are' (letters, digits, "
       "spaces, ' and -)"},
      {"no name", edited("name: minutes\n", ""), "the workflow has no 'name:' line"},
      {"no initial state", edited("initial: draft\n", ""), "the workflow has no 'initial:' line"},
      {"no states", edited("states: draft, in_review, approved, registered\n", ""),
       "the workflow has no 'states:' line"},
      {"an empty file", "", "the workflow has no 'name:' line"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto d = parseWorkflow(c.text);
    REQUIRE_FALSE(d);
    CHECK(d.error().code == Errc::Malformed);
    CHECK(d.error().detail == c.detail);
  }
}

TEST_CASE("an error in a split transition names the line where it starts", "[workflows][parse]") {
  auto d = parseWorkflow(
      "name: minutes\ninitial: draft\nstates: draft, in_review\n"
      "transition: submit | draft -> in_review\n"
      "  | roles: chair\n"
      "  | guards: Adjusters\n");
  REQUIRE_FALSE(d);
  CHECK(d.error().code == Errc::Malformed);
  CHECK(d.error().detail ==
        "line 4: 'Adjusters' is not a name; names are written with a-z, 0-9 and _");
}

TEST_CASE("a definition that names what does not exist is stopped with a message that names it",
          "[workflows][validate]") {
  struct Case {
    const char* what;
    std::string text;
    const char* detail;
    const char* field;
  };
  const Case cases[] = {
      {"an unknown target state", edited("draft -> in_review", "draft -> in_reveiw"),
       "workflow 'minutes': transition 'submit' names unknown state 'in_reveiw'", "in_reveiw"},
      {"an unknown source state", edited("approved -> registered", "aproved -> registered"),
       "workflow 'minutes': transition 'register' names unknown state 'aproved'", "aproved"},
      {"an unknown role", edited("roles: registrar", "roles: registrator"),
       "workflow 'minutes': transition 'register' names unknown role 'registrator'", "registrator"},
      {"an unknown guard", edited("guards: adjusters_set", "guards: adjuster_set"),
       "workflow 'minutes': transition 'submit' names unknown guard 'adjuster_set'",
       "adjuster_set"},
      {"an unknown guard of an automatic transition",
       edited("guards: both_parties_approved_current_version", "guards: both_approved"),
       "workflow 'minutes': automatic transition 'complete' names unknown guard 'both_approved'",
       "both_approved"},
      {"a state nothing reaches", edited("registered\n", "registered, archived\n"),
       "workflow 'minutes': state 'archived' cannot be reached from the initial state 'draft'",
       "archived"},
      {"two states nothing reaches",
       replaced(edited("registered\n", "registered, archived\n"),
                "transition: register | approved -> registered | roles: registrar\n", ""),
       "workflow 'minutes': states 'registered' and 'archived' cannot be reached from the initial "
       "state 'draft'",
       "registered"},
      {"a state listed twice", edited("registered\n", "registered, draft\n"),
       "workflow 'minutes': state 'draft' is listed twice", "draft"},
      {"a transition written twice",
       kBase + "transition: submit | approved -> in_review | roles: "
               "chair\n",
       "workflow 'minutes': transition 'submit' is written twice (lines 5 and 9)", "submit"},
      {"an initial state that is not a state", edited("initial: draft", "initial: drafts"),
       "workflow 'minutes': initial state 'drafts' is not among its states", "drafts"},
      {"an automatic transition with roles",
       edited("in_review -> approved |", "in_review -> approved | roles: chair |"),
       "workflow 'minutes': automatic transition 'complete' names roles; the engine takes it by "
       "itself",
       "complete"},
      {"a transition nobody may take", edited(" | roles: registrar", ""),
       "workflow 'minutes': transition 'register' names no roles, so nobody could take it",
       "register"},
      {"a role named twice", edited("secretary, chair", "secretary, chair, secretary"),
       "workflow 'minutes': transition 'submit' names role 'secretary' twice", "secretary"},
      {"a guard named twice",
       edited("guards: adjusters_set", "guards: adjusters_set, adjusters_set"),
       "workflow 'minutes': transition 'submit' names guard 'adjusters_set' twice",
       "adjusters_set"},
      {"a source state named twice", edited("draft -> in_review", "draft, draft -> in_review"),
       "workflow 'minutes': transition 'submit' names state 'draft' twice", "draft"},
      {"automatic transitions in a loop",
       kBase + "automatic: reopen | approved -> in_review | guards: adjusters_set\n",
       "workflow 'minutes': automatic transitions 'complete' and 'reopen' go round in a loop "
       "(in_review -> approved -> in_review); the engine would never settle",
       "complete"},
      {"an automatic transition back to its own state",
       kBase + "automatic: stay | registered -> registered | guards: adjusters_set\n",
       "workflow 'minutes': automatic transition 'stay' goes round in a loop (registered -> "
       "registered); the engine would never settle",
       "stay"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto ok = validate(c.text);
    REQUIRE_FALSE(ok);
    CHECK(ok.error().code == Errc::Invalid);
    CHECK(ok.error().detail == c.detail);
    CHECK(ok.error().field == c.field);
  }
}

TEST_CASE("a definition made in code is validated the same way", "[workflows][validate]") {
  WorkflowDefinition d{"case", "", "collecting", {"collecting", "analysis"}, {}};
  auto ok = validateWorkflow(d, knownRoles(), {});
  REQUIRE_FALSE(ok);
  CHECK(ok.error().detail ==
        "workflow 'case': state 'analysis' cannot be reached from the initial state 'collecting'");

  d.transitions.push_back({"analyse", {"collecting"}, "analysis", {"contract_manager"}, {}});
  d.transitions.push_back({"analyse", {"analysis"}, "analysis", {"contract_manager"}, {}});
  ok = validateWorkflow(d, knownRoles(), {});
  REQUIRE_FALSE(ok);
  CHECK(ok.error().detail == "workflow 'case': transition 'analyse' is written twice");

  d.transitions.pop_back();
  CHECK(validateWorkflow(d, knownRoles(), {}));

  CHECK(validateWorkflow(WorkflowDefinition{}, {}, {}).error().detail == "a workflow has no name");
  CHECK(validateWorkflow(WorkflowDefinition{"empty", "", "x", {}, {}}, {}, {}).error().detail ==
        "workflow 'empty': it has no states");
}

TEST_CASE("a huge definition is refused before it is walked", "[workflows][validate]") {
  std::string text = "name: big\ninitial: s0\nstates: s0";
  for (int i = 1; i <= 100; ++i) text += ", s" + std::to_string(i);
  text += "\n";
  for (int i = 0; i < 100; ++i)
    text += "automatic: t" + std::to_string(i) + " | s" + std::to_string(i) + " -> s" +
            std::to_string(i + 1) + "\n";
  auto d = parseWorkflow(text);
  REQUIRE(d);
  CHECK(validateWorkflow(*d, {}, {}).error().detail ==
        "workflow 'big': it has more than 100 states");
  d->states.pop_back();
  d->transitions.pop_back();
  CHECK(validateWorkflow(*d, {}, {}));  // a chain of 99 automatic transitions is fine
  d->transitions.resize(501, d->transitions.front());
  CHECK(validateWorkflow(*d, {}, {}).error().detail ==
        "workflow 'big': it has more than 500 transitions");
}

TEST_CASE("readWorkflow parses and validates in one step", "[workflows]") {
  CHECK(readWorkflow(kBase, knownRoles(), minutesGuardNames()));
  CHECK(readWorkflow("name: x", knownRoles(), minutesGuardNames()).error().code == Errc::Malformed);
  CHECK(readWorkflow(kBase, knownRoles(), actionGuardNames()).error().detail ==
        "workflow 'minutes': transition 'submit' names unknown guard 'adjusters_set'");
}

}  // namespace SV_TEST_FILE
