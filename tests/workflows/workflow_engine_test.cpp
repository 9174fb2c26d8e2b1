#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "workflows/names.hpp"
#include "workflows/workflow.hpp"

namespace SV_TEST_FILE {  // this file's own names in a batch of test files (tests/README.md)

using namespace sv;
using namespace sv::workflows;

namespace {

// A file of the source tree. CTest sets SAMVERKAN_SOURCE_DIR; a run by hand finds the tree from
// this file's own path.
std::string readSourceFile(const std::string& relative) {
  std::vector<std::filesystem::path> roots;
  if (const char* root = std::getenv("SAMVERKAN_SOURCE_DIR")) roots.emplace_back(root);
  const std::filesystem::path here(__FILE__);  // <root>/tests/workflows/workflow_engine_test.cpp
  if (here.is_absolute()) roots.push_back(here.parent_path().parent_path().parent_path());
  for (const auto& root : roots) {
    std::ifstream in(root / relative, std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  FAIL("cannot find " << relative << "; set SAMVERKAN_SOURCE_DIR to the source tree");
  return {};
}

WorkflowDefinition shipped(const std::string& file, const std::set<std::string>& guards) {
  auto d = readWorkflow(readSourceFile("config/workflows/" + file), knownRoles(), guards);
  INFO(file << ": " << (d ? std::string() : d.error().detail));
  REQUIRE(d);
  return *d;
}

// What the minutes guards look at, as the server would gather it for one command. The approval
// being given is already among `approvals`, so that `complete` sees it when take() settles.
struct MinutesFacts {
  bool adjustersSet = true;
  std::string currentVersion = "c2";
  std::string approving;                         // the version the approval being given names
  std::map<std::string, std::string> approvals;  // party -> version approved
  std::string comment;
};

Status conflict(const char* detail) {
  return fail(Errc::Conflict, detail);
}

GuardRegistry<MinutesFacts> minutesGuards() {
  return {
      {"adjusters_set",
       [](const MinutesFacts& f) -> Status {
         if (f.adjustersSet) return {};
         return conflict("each party needs an adjuster before the minutes go to review");
       }},
      {"approves_current_version",
       [](const MinutesFacts& f) -> Status {
         if (f.approving == f.currentVersion) return {};
         return conflict("approval names an old version");
       }},
      {"both_parties_approved_current_version",
       [](const MinutesFacts& f) -> Status {
         for (const char* party : {"authority", "provider"}) {
           const auto it = f.approvals.find(party);
           if (it == f.approvals.end() || it->second != f.currentVersion)
             return conflict("both parties have not approved the current version");
         }
         return {};
       }},
      {"comment_given",
       [](const MinutesFacts& f) -> Status {
         if (!f.comment.empty()) return {};
         return fail(Errc::Invalid, "a comment is needed", "comment");
       }},
  };
}

Workflow<MinutesFacts> minutesWorkflow() {
  auto w = Workflow<MinutesFacts>::create(shipped("minutes.workflow", minutesGuardNames()),
                                          minutesGuards(), knownRoles());
  INFO((w ? std::string() : w.error().detail));
  REQUIRE(w);
  return *w;
}

using Roles = std::set<std::string>;
const Roles kSecretary{"contract_manager", "secretary"};
const Roles kAuthorityAdjuster{"contract_manager", "authority_adjuster"};
const Roles kProviderAdjuster{"provider_rep", "provider_adjuster"};
const Roles kProviderRep{"provider_rep"};
const Roles kRegistrar{"registrar"};
const Roles kReader{"reader"};

// The provider's adjuster approving version `version` after the authority approved `authority`.
MinutesFacts providerApproves(const std::string& version, const std::string& authority = "c2") {
  MinutesFacts f;
  f.approving = version;
  f.approvals = {{"authority", authority}, {"provider", version}};
  return f;
}

MinutesFacts bothApproved() {
  return providerApproves("c2");
}

void checkError(const Result<std::string>& r, Errc code, const std::string& detail) {
  REQUIRE_FALSE(r);
  CHECK(r.error().code == code);
  CHECK(r.error().detail == detail);
}

}  // namespace

TEST_CASE("the shipped minutes workflow is the lifecycle of DESIGN.md", "[workflows][config]") {
  const WorkflowDefinition d = shipped("minutes.workflow", minutesGuardNames());
  CHECK(d.name == "minutes");
  CHECK(d.initial == "draft");
  CHECK(d.states == std::vector<std::string>{"draft", "in_review", "approved", "registered"});

  struct Expected {
    const char* name;
    std::vector<std::string> from;
    const char* to;
    std::vector<std::string> roles;
    std::vector<std::string> guards;
    bool automatic;
  };
  const Expected expected[] = {
      {"submit",
       {"draft"},
       "in_review",
       {"secretary", "chair", "contract_manager"},
       {"adjusters_set"},
       false},
      {"approve",
       {"in_review"},
       "in_review",
       {"authority_adjuster", "provider_adjuster"},
       {"approves_current_version"},
       false},
      {"complete", {"in_review"}, "approved", {}, {"both_parties_approved_current_version"}, true},
      {"return",
       {"in_review"},
       "draft",
       {"provider_adjuster", "provider_rep"},
       {"comment_given"},
       false},
      {"revise", {"approved"}, "in_review", {"secretary", "chair", "contract_manager"}, {}, false},
      {"register",
       {"approved"},
       "registered",
       {"registrar"},
       {"both_parties_approved_current_version"},
       false},
  };
  REQUIRE(d.transitions.size() == std::size(expected));
  for (std::size_t i = 0; i < d.transitions.size(); ++i) {
    const Transition& t = d.transitions[i];
    INFO(expected[i].name);
    CHECK(t.name == expected[i].name);
    CHECK(t.from == expected[i].from);
    CHECK(t.to == expected[i].to);
    CHECK(t.roles == expected[i].roles);
    CHECK(t.guards == expected[i].guards);
    CHECK(t.automatic == expected[i].automatic);
  }
}

TEST_CASE("the shipped action workflow is the lifecycle of DESIGN.md", "[workflows][config]") {
  const WorkflowDefinition d = shipped("action.workflow", actionGuardNames());
  CHECK(d.name == "action");
  CHECK(d.initial == "open");
  CHECK(d.states == std::vector<std::string>{"open", "reported", "accepted", "insufficient"});
  std::vector<std::string> lines;
  for (const auto& t : d.transitions) {
    std::string from;
    for (const auto& f : t.from) from += (from.empty() ? "" : ", ") + f;
    std::string line = t.name + ": " + from + " -> " + t.to + " by";
    for (const auto& r : t.roles) line += " " + r;
    for (const auto& g : t.guards) line += " if " + g;
    lines.push_back(line);
  }
  CHECK(lines == std::vector<std::string>{
                     "report: open -> reported by provider_rep contract_manager if report_given",
                     "accept: open, reported -> accepted by contract_manager",
                     "find_insufficient: open, reported -> insufficient by contract_manager if "
                     "comment_given",
                     "reopen: insufficient -> open by contract_manager if new_due_date_given",
                 });
}

TEST_CASE("every guard name the server knows is used by a shipped workflow",
          "[workflows][config]") {
  const std::pair<const char*, std::set<std::string>> files[] = {
      {"minutes.workflow", minutesGuardNames()}, {"action.workflow", actionGuardNames()}};
  for (const auto& [file, names] : files) {
    std::set<std::string> used;
    for (const auto& t : shipped(file, names).transitions)
      used.insert(t.guards.begin(), t.guards.end());
    INFO(file);
    CHECK(used == names);
  }
  CHECK(knownRoles().size() == kUserRoles.size() + kMeetingRoles.size());
}

TEST_CASE("minutes go from draft to registered", "[workflows][engine]") {
  const auto w = minutesWorkflow();
  CHECK(w.initial() == "draft");
  CHECK(w.take("submit", "draft", kSecretary, {}) == "in_review");

  MinutesFacts authorityFirst;
  authorityFirst.approving = "c2";
  authorityFirst.approvals = {{"authority", "c2"}};
  CHECK(w.take("approve", "in_review", kAuthorityAdjuster, authorityFirst) == "in_review");

  CHECK(w.take("approve", "in_review", kProviderAdjuster, bothApproved()) == "approved");
  CHECK(w.take("register", "approved", kRegistrar, bothApproved()) == "registered");
}

TEST_CASE("only the roles a transition names may take it", "[workflows][engine]") {
  const auto w = minutesWorkflow();
  checkError(w.take("submit", "draft", kReader, {}), Errc::Forbidden,
             "'submit' needs one of the roles: secretary, chair, contract_manager");
  checkError(w.take("submit", "draft", {}, {}), Errc::Forbidden,
             "'submit' needs one of the roles: secretary, chair, contract_manager");
  checkError(w.take("approve", "in_review", kRegistrar, bothApproved()), Errc::Forbidden,
             "'approve' needs one of the roles: authority_adjuster, provider_adjuster");
  checkError(w.take("register", "approved", kSecretary, bothApproved()), Errc::Forbidden,
             "'register' needs one of the roles: registrar");
  // The provider's representative may return the minutes, but not approve them.
  checkError(w.take("approve", "in_review", kProviderRep, bothApproved()), Errc::Forbidden,
             "'approve' needs one of the roles: authority_adjuster, provider_adjuster");
  MinutesFacts withComment;
  withComment.comment = "§ 4: fel datum";
  CHECK(w.take("return", "in_review", kProviderRep, withComment) == "draft");
  // The role is checked before the state: a reader learns nothing about where the minutes are.
  checkError(w.take("register", "registered", kReader, {}), Errc::Forbidden,
             "'register' needs one of the roles: registrar");
}

TEST_CASE("a transition is refused from a state it does not leave", "[workflows][engine]") {
  const auto w = minutesWorkflow();
  const Roles everyone{
      "admin", "contract_manager", "provider_rep",       "registrar",        "reader",
      "chair", "secretary",        "authority_adjuster", "provider_adjuster"};
  checkError(w.take("approve", "approved", everyone, bothApproved()), Errc::Conflict,
             "the minutes are approved; 'approve' is possible from: in_review");
  checkError(w.take("register", "in_review", kRegistrar, bothApproved()), Errc::Conflict,
             "the minutes are in_review; 'register' is possible from: approved");
  checkError(w.take("submit", "registered", kSecretary, {}), Errc::Conflict,
             "the minutes are registered; 'submit' is possible from: draft");
  checkError(w.take("revise", "registered", kSecretary, {}), Errc::Conflict,
             "the minutes are registered; 'revise' is possible from: approved");
  checkError(w.take("register", "registered", kRegistrar, bothApproved()), Errc::Conflict,
             "the minutes are registered; 'register' is possible from: approved");
}

TEST_CASE("a failing guard answers with the guard's own error", "[workflows][engine]") {
  const auto w = minutesWorkflow();
  MinutesFacts noAdjusters;
  noAdjusters.adjustersSet = false;
  checkError(w.take("submit", "draft", kSecretary, noAdjusters), Errc::Conflict,
             "each party needs an adjuster before the minutes go to review");

  checkError(w.take("approve", "in_review", kProviderAdjuster, providerApproves("c1")),
             Errc::Conflict, "approval names an old version");

  auto returned = w.take("return", "in_review", kProviderAdjuster, {});
  REQUIRE_FALSE(returned);
  CHECK(returned.error().code == Errc::Invalid);
  CHECK(returned.error().detail == "a comment is needed");
  CHECK(returned.error().field == "comment");

  // register re-checks the approvals, in case the minutes changed since they were approved.
  checkError(w.take("register", "approved", kRegistrar, providerApproves("c2", "c1")),
             Errc::Conflict, "both parties have not approved the current version");
}

TEST_CASE("unknown transitions and states are named", "[workflows][engine]") {
  const auto w = minutesWorkflow();
  auto r = w.take("aprove", "in_review", kAuthorityAdjuster, bothApproved());
  checkError(r, Errc::Invalid, "workflow 'minutes' has no transition 'aprove'");
  CHECK(r.error().field == "transition");
  checkError(w.take("complete", "in_review", kAuthorityAdjuster, bothApproved()), Errc::Invalid,
             "workflow 'minutes': 'complete' is taken automatically, not by hand");
  checkError(w.take("approve", "signed", kAuthorityAdjuster, bothApproved()), Errc::Internal,
             "workflow 'minutes' has no state 'signed'");
}

TEST_CASE("minutes become approved only when both parties approved the current version",
          "[workflows][engine][settle]") {
  const auto w = minutesWorkflow();
  // The authority approved an older version; the provider's approval of c2 is not enough.
  CHECK(w.take("approve", "in_review", kProviderAdjuster, providerApproves("c2", "c1")) ==
        "in_review");
  CHECK(w.take("approve", "in_review", kProviderAdjuster, providerApproves("c2", "c2")) ==
        "approved");

  CHECK(w.settle("in_review", bothApproved()) == "approved");
  CHECK(w.settle("in_review", MinutesFacts{}) == "in_review");
  CHECK(w.settle("draft", bothApproved()) == "draft");
  CHECK(w.settle("registered", bothApproved()) == "registered");

  // An edit after approval makes a new version; the old approvals no longer count.
  MinutesFacts edited = bothApproved();
  edited.currentVersion = "c3";
  CHECK(w.take("revise", "approved", kSecretary, edited) == "in_review");
  // check() stops before the automatic transitions.
  CHECK(w.check("approve", "in_review", kProviderAdjuster, bothApproved()) == "in_review");
}

TEST_CASE("available lists what the actor could do now", "[workflows][engine][available]") {
  const auto w = minutesWorkflow();
  using Names = std::vector<std::string>;
  CHECK(w.available("draft", kSecretary, {}) == Names{"submit"});
  MinutesFacts noAdjusters;
  noAdjusters.adjustersSet = false;
  CHECK(w.available("draft", kSecretary, noAdjusters).empty());
  CHECK(w.available("draft", kProviderAdjuster, {}).empty());

  MinutesFacts current;
  current.approving = "c2";
  CHECK(w.available("in_review", kProviderAdjuster, current) == Names{"approve"});
  current.comment = "Se § 3";
  CHECK(w.available("in_review", kProviderAdjuster, current) == Names{"approve", "return"});
  CHECK(w.available("in_review", kProviderRep, current) == Names{"return"});
  CHECK(w.available("in_review", kAuthorityAdjuster, current) == Names{"approve"});
  CHECK(w.available("in_review", kReader, current).empty());

  CHECK(w.available("approved", kRegistrar, bothApproved()) == Names{"register"});
  CHECK(w.available("approved", kSecretary, bothApproved()) == Names{"revise"});
  const Roles all{"registrar", "secretary", "provider_rep", "provider_adjuster", "admin"};
  CHECK(w.available("registered", all, bothApproved()).empty());
}

TEST_CASE("an action is reported, judged and reopened with a new due date", "[workflows][engine]") {
  struct ActionFacts {
    std::string report;
    std::string comment;
    bool newDueDate = false;
  };
  auto given = [](bool ok, const char* detail) -> Status {
    if (ok) return {};
    return fail(Errc::Invalid, detail);
  };
  GuardRegistry<ActionFacts> guards{
      {"report_given",
       [&](const ActionFacts& f) { return given(!f.report.empty(), "a report is needed"); }},
      {"comment_given",
       [&](const ActionFacts& f) { return given(!f.comment.empty(), "a comment is needed"); }},
      {"new_due_date_given",
       [&](const ActionFacts& f) { return given(f.newDueDate, "a new due date is needed"); }},
  };
  auto w = Workflow<ActionFacts>::create(shipped("action.workflow", actionGuardNames()), guards,
                                         knownRoles());
  REQUIRE(w);
  const Roles provider{"provider_rep"};
  const Roles manager{"contract_manager"};

  checkError(w->take("report", "open", provider, {}), Errc::Invalid, "a report is needed");
  CHECK(w->take("report", "open", provider, {.report = "Rutinen är klar"}) == "reported");
  checkError(w->take("accept", "reported", provider, {}), Errc::Forbidden,
             "'accept' needs one of the roles: contract_manager");
  checkError(w->take("find_insufficient", "reported", manager, {}), Errc::Invalid,
             "a comment is needed");
  CHECK(w->take("find_insufficient", "reported", manager, {.comment = "Saknar datum"}) ==
        "insufficient");
  checkError(w->take("reopen", "insufficient", manager, {}), Errc::Invalid,
             "a new due date is needed");
  CHECK(w->take("reopen", "insufficient", manager, {.newDueDate = true}) == "open");
  CHECK(w->take("accept", "reported", manager, {}) == "accepted");
  checkError(w->take("report", "accepted", provider, {.report = "igen"}), Errc::Conflict,
             "the action is accepted; 'report' is possible from: open");
  CHECK(w->available("reported", manager, {}) == std::vector<std::string>{"accept"});
  // At a meeting the parties may evaluate an action the provider reported there and then.
  CHECK(w->take("accept", "open", manager, {}) == "accepted");
}

TEST_CASE("a workflow is built only with a function for every guard it names",
          "[workflows][engine]") {
  auto guards = minutesGuards();
  guards.erase("adjusters_set");
  auto w = Workflow<MinutesFacts>::create(shipped("minutes.workflow", minutesGuardNames()), guards,
                                          knownRoles());
  REQUIRE_FALSE(w);
  CHECK(w.error().code == Errc::Invalid);
  CHECK(w.error().detail ==
        "workflow 'minutes': transition 'submit' names unknown guard 'adjusters_set'");

  guards["adjusters_set"] = nullptr;
  w = Workflow<MinutesFacts>::create(shipped("minutes.workflow", minutesGuardNames()), guards,
                                     knownRoles());
  REQUIRE_FALSE(w);
  CHECK(w.error().code == Errc::Internal);
  CHECK(w.error().detail == "workflow 'minutes': guard 'adjusters_set' has no function");

  auto noChair = knownRoles();
  noChair.erase("chair");
  w = Workflow<MinutesFacts>::create(shipped("minutes.workflow", minutesGuardNames()),
                                     minutesGuards(), noChair);
  REQUIRE_FALSE(w);
  CHECK(w.error().detail == "workflow 'minutes': transition 'submit' names unknown role 'chair'");
}

TEST_CASE("guards run in the order written and settle chains automatic transitions",
          "[workflows][engine][settle]") {
  struct Flags {
    bool a = false;
    bool b = false;
  };
  auto flag = [](bool Flags::*member, const char* name) {
    return [member, name](const Flags& f) -> Status {
      if (f.*member) return {};
      return fail(Errc::Conflict, std::string(name) + " does not hold");
    };
  };
  auto d = parseWorkflow(
      "name: case\n"
      "initial: collecting\n"
      "states: collecting, analysis, ok, feedback, reported\n"
      "transition: analyse | collecting -> analysis | roles: contract_manager | guards: a, b\n"
      "automatic: judge | analysis -> ok | guards: a\n"
      "automatic: give_feedback | ok -> feedback | guards: b\n"
      "automatic: report | feedback -> reported\n"
      "transition: restart | ok, feedback, reported -> collecting | roles: contract_manager\n");
  REQUIRE(d);
  auto w = Workflow<Flags>::create(*d, {{"a", flag(&Flags::a, "a")}, {"b", flag(&Flags::b, "b")}},
                                   knownRoles());
  INFO((w ? std::string() : w.error().detail));
  REQUIRE(w);
  const Roles manager{"contract_manager"};
  checkError(w->take("analyse", "collecting", manager, {}), Errc::Conflict, "a does not hold");
  checkError(w->take("analyse", "collecting", manager, {.a = true}), Errc::Conflict,
             "b does not hold");
  // Three automatic steps in a row, the last one without guards.
  CHECK(w->take("analyse", "collecting", manager, {.a = true, .b = true}) == "reported");
  CHECK(w->settle("analysis", {.a = true}) == "ok");
  CHECK(w->settle("feedback", {}) == "reported");
  // A transition from several states.
  CHECK(w->take("restart", "ok", manager, {}) == "collecting");
  CHECK(w->take("restart", "reported", manager, {}) == "collecting");
  checkError(w->take("restart", "analysis", manager, {}), Errc::Conflict,
             "the case is analysis; 'restart' is possible from: ok, feedback, reported");
}

}  // namespace SV_TEST_FILE
