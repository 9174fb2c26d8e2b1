#include "workflows/workflow_definition.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "workflows/text.hpp"

namespace sv::workflows {
namespace {

constexpr std::size_t kMaxNameLength = 64;
constexpr std::size_t kMaxSubjectLength = 100;
// Far more than any lifecycle needs; keeps the checks (one recursive) small whatever the input.
constexpr std::size_t kMaxStates = 100;
constexpr std::size_t kMaxTransitions = 500;

std::string at(int line) {
  return "line " + std::to_string(line) + ": ";
}

std::string quoted(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// 'a', 'a' and 'b', 'a', 'b' and 'c'
std::string joinQuoted(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += quoted(names[i]);
  }
  return out;
}

std::string join(const std::vector<std::string>& names, std::string_view separator) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += separator;
    out += name;
  }
  return out;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::ranges::find(names, name) != names.end();
}

using text::trim;

bool isName(std::string_view s) {
  if (s.empty() || s.size() > kMaxNameLength) return false;
  return std::ranges::all_of(
      s, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// English words for a message: letters, digits, spaces, apostrophes and hyphens.
bool isSubject(std::string_view s) {
  if (s.empty() || s.size() > kMaxSubjectLength) return false;
  return std::ranges::all_of(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
           c == '\'' || c == '-';
  });
}

std::string notAName(int line, std::string_view text) {
  return at(line) + quoted(text) + " is not a name; names are written with a-z, 0-9 and _";
}

// One setting after comments are removed and continuation lines joined; `line` is where it starts.
struct Setting {
  int line;
  std::string key;
  std::string value;
};

bool isTransitionKey(std::string_view key) {
  return key == "transition" || key == "automatic";
}

Result<std::vector<Setting>> readSettings(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Setting> settings;
  int number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    if (line.front() == '|') {
      if (settings.empty() || !isTransitionKey(settings.back().key))
        return fail(Errc::Malformed,
                    at(number) +
                        "a line that starts with '|' continues a transition, but no "
                        "transition comes before it");
      settings.back().value += ' ';
      settings.back().value += line;
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
      return fail(Errc::Malformed,
                  at(number) +
                      "expected 'name:', 'subject:', 'initial:', 'states:', "
                      "'transition:' or 'automatic:', or a line that starts with '|'");
    settings.push_back({number, std::string(trim(line.substr(0, colon))),
                        std::string(trim(line.substr(colon + 1)))});
  }
  return settings;
}

// "a, b, c" in a part called `what` ("'states:'", "the roles of transition 'submit'").
Result<std::vector<std::string>> readNames(std::string_view list, int line, std::string_view what) {
  std::vector<std::string> names;
  if (trim(list).empty())
    return fail(Errc::Malformed, at(line) + std::string(what) + " lists nothing");
  while (true) {
    const auto comma = list.find(',');
    const std::string_view name = trim(list.substr(0, comma));
    if (name.empty())
      return fail(Errc::Malformed,
                  at(line) + std::string(what) + " has an empty name between commas");
    if (!isName(name)) return fail(Errc::Malformed, notAName(line, name));
    names.emplace_back(name);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return names;
}

Result<Transition> readTransition(const Setting& setting) {
  const int line = setting.line;
  std::vector<std::string_view> parts;
  std::string_view rest = setting.value;
  while (true) {
    const auto bar = rest.find('|');
    parts.push_back(trim(rest.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  if (parts.size() < 2)
    return fail(Errc::Malformed, at(line) + "a transition is written '" + setting.key +
                                     ": name | from -> to | roles: … | guards: …'");

  Transition t;
  t.line = line;
  t.automatic = setting.key == "automatic";
  if (!isName(parts[0])) return fail(Errc::Malformed, notAName(line, parts[0]));
  t.name = parts[0];
  const std::string what = "transition " + quoted(t.name);

  const std::string_view move = parts[1];
  const auto arrow = move.find("->");
  if (arrow == std::string_view::npos)
    return fail(Errc::Malformed,
                at(line) + what + " needs 'from -> to' after its name, not " + quoted(move));
  auto from = readNames(move.substr(0, arrow), line, "the 'from' side of " + what);
  if (!from) return std::unexpected(from.error());
  t.from = std::move(*from);
  const std::string_view to = trim(move.substr(arrow + 2));
  if (to.empty()) return fail(Errc::Malformed, at(line) + what + " leads to no state after '->'");
  if (!isName(to)) return fail(Errc::Malformed, notAName(line, to));
  t.to = to;

  bool sawRoles = false;
  bool sawGuards = false;
  for (std::size_t i = 2; i < parts.size(); ++i) {
    const std::string_view part = parts[i];
    const auto colon = part.find(':');
    const std::string_view key = trim(part.substr(0, colon));
    if (colon == std::string_view::npos || (key != "roles" && key != "guards"))
      return fail(Errc::Malformed,
                  at(line) + what + ": expected 'roles: …' or 'guards: …', not " + quoted(part));
    bool& seen = key == "roles" ? sawRoles : sawGuards;
    if (seen)
      return fail(Errc::Malformed, at(line) + what + " has two '" + std::string(key) + ":' parts");
    seen = true;
    auto names = readNames(part.substr(colon + 1), line, "'" + std::string(key) + ":' of " + what);
    if (!names) return std::unexpected(names.error());
    (key == "roles" ? t.roles : t.guards) = std::move(*names);
  }
  return t;
}

Status invalid(const WorkflowDefinition& d, const std::string& what, const std::string& field) {
  return fail(Errc::Invalid, "workflow " + quoted(d.name) + ": " + what, field);
}

std::string subjectOf(const WorkflowDefinition& d) {
  if (!d.subject.empty()) return d.subject;
  std::string noun = d.name;
  std::ranges::replace(noun, '_', ' ');
  return "the " + noun + " is";
}

// The first name that occurs twice, if any.
std::optional<std::string> firstRepeated(const std::vector<std::string>& names) {
  std::set<std::string_view> seen;
  for (const auto& name : names)
    if (!seen.insert(name).second) return name;
  return std::nullopt;
}

Status checkTransitionNames(const WorkflowDefinition& d, const Transition& t,
                            const std::set<std::string>& knownRoles,
                            const std::set<std::string>& knownGuards) {
  const std::string kind = t.automatic ? "automatic transition " : "transition ";
  const std::string what = kind + quoted(t.name);
  if (auto twice = firstRepeated(t.from))
    return invalid(d, what + " names state " + quoted(*twice) + " twice", *twice);
  std::vector<std::string> touched = t.from;
  touched.push_back(t.to);
  for (const auto& state : touched)
    if (!contains(d.states, state))
      return invalid(d, what + " names unknown state " + quoted(state), state);
  if (t.automatic && !t.roles.empty())
    return invalid(d, what + " names roles; the engine takes it by itself", t.name);
  if (!t.automatic && t.roles.empty())
    return invalid(d, what + " names no roles, so nobody could take it", t.name);
  if (auto twice = firstRepeated(t.roles))
    return invalid(d, what + " names role " + quoted(*twice) + " twice", *twice);
  for (const auto& role : t.roles)
    if (!knownRoles.contains(role))
      return invalid(d, what + " names unknown role " + quoted(role), role);
  if (auto twice = firstRepeated(t.guards))
    return invalid(d, what + " names guard " + quoted(*twice) + " twice", *twice);
  for (const auto& guard : t.guards)
    if (!knownGuards.contains(guard))
      return invalid(d, what + " names unknown guard " + quoted(guard), guard);
  return {};
}

Status checkReachable(const WorkflowDefinition& d) {
  std::set<std::string> reached{d.initial};
  std::vector<std::string> frontier{d.initial};
  while (!frontier.empty()) {
    const std::string state = std::move(frontier.back());
    frontier.pop_back();
    for (const auto& t : d.transitions)
      if (contains(t.from, state) && reached.insert(t.to).second) frontier.push_back(t.to);
  }
  std::vector<std::string> unreached;
  for (const auto& state : d.states)
    if (!reached.contains(state)) unreached.push_back(state);
  if (unreached.empty()) return {};
  const bool one = unreached.size() == 1;
  return invalid(d,
                 (one ? "state " : "states ") + joinQuoted(unreached) +
                     " cannot be reached from the initial state " + quoted(d.initial),
                 unreached.front());
}

// Automatic transitions that lead back to where they started would keep settle() going for ever
// (it stops after as many steps as there are states, but the result would be arbitrary).
Status checkNoAutomaticLoop(const WorkflowDefinition& d) {
  enum class Mark { New, OnPath, Done };
  std::map<std::string, Mark, std::less<>> marks;
  struct Step {
    std::string state;
    const Transition* via;  // the transition that led here, nullptr for the start
  };
  std::vector<Step> path;

  // Depth first over the automatic edges; a state met again while on the path closes a loop.
  auto visit = [&](auto& self, const std::string& state) -> Status {
    marks[state] = Mark::OnPath;
    for (const auto& t : d.transitions) {
      if (!t.automatic || !contains(t.from, state)) continue;
      path.push_back({t.to, &t});
      if (marks[t.to] == Mark::OnPath) {
        const auto start = std::ranges::find(path, t.to, &Step::state);
        std::vector<std::string> names;
        std::vector<std::string> states{t.to};
        for (auto it = std::next(start); it != path.end(); ++it) {
          names.push_back(it->via->name);
          states.push_back(it->state);
        }
        const bool one = names.size() == 1;
        return invalid(d,
                       (one ? "automatic transition " : "automatic transitions ") +
                           joinQuoted(names) + (one ? " goes" : " go") + " round in a loop (" +
                           join(states, " -> ") + "); the engine would never settle",
                       names.front());
      }
      if (marks[t.to] == Mark::New)
        if (auto ok = self(self, t.to); !ok) return ok;
      path.pop_back();
    }
    marks[state] = Mark::Done;
    return {};
  };
  for (const auto& state : d.states) {
    if (marks[state] != Mark::New) continue;
    path.assign(1, {state, nullptr});
    if (auto ok = visit(visit, state); !ok) return ok;
  }
  return {};
}

}  // namespace

Result<WorkflowDefinition> parseWorkflow(std::string_view text) {
  auto settings = readSettings(text);
  if (!settings) return std::unexpected(settings.error());

  WorkflowDefinition d;
  std::map<std::string, int, std::less<>> firstLine;
  for (const auto& s : *settings) {
    if (isTransitionKey(s.key)) {
      auto t = readTransition(s);
      if (!t) return std::unexpected(t.error());
      d.transitions.push_back(std::move(*t));
      continue;
    }
    if (s.key != "name" && s.key != "subject" && s.key != "initial" && s.key != "states")
      return fail(Errc::Malformed,
                  at(s.line) + "unknown setting " + quoted(s.key) +
                      " (name, subject, initial, states, transition or automatic)");
    if (auto [it, fresh] = firstLine.emplace(s.key, s.line); !fresh)
      return fail(Errc::Malformed, at(s.line) + "'" + s.key + ":' is set twice (first on line " +
                                       std::to_string(it->second) + ")");
    if (s.key == "states") {
      auto states = readNames(s.value, s.line, "'states:'");
      if (!states) return std::unexpected(states.error());
      d.states = std::move(*states);
    } else if (s.key == "subject") {
      if (!isSubject(s.value))
        return fail(Errc::Malformed,
                    at(s.line) +
                        "'subject:' is a short English phrase such as 'the minutes are' "
                        "(letters, digits, spaces, ' and -)");
      d.subject = s.value;
    } else {
      if (!isName(s.value)) return fail(Errc::Malformed, notAName(s.line, s.value));
      (s.key == "name" ? d.name : d.initial) = s.value;
    }
  }
  for (std::string_view required : {"name", "initial", "states"})
    if (!firstLine.contains(required))
      return fail(Errc::Malformed, "the workflow has no '" + std::string(required) + ":' line");
  return d;
}

Status validateWorkflow(const WorkflowDefinition& d, const std::set<std::string>& knownRoles,
                        const std::set<std::string>& knownGuards) {
  if (d.name.empty()) return fail(Errc::Invalid, "a workflow has no name", "name");
  if (d.states.empty()) return invalid(d, "it has no states", "states");
  if (d.states.size() > kMaxStates)
    return invalid(d, "it has more than " + std::to_string(kMaxStates) + " states", "states");
  if (d.transitions.size() > kMaxTransitions)
    return invalid(d, "it has more than " + std::to_string(kMaxTransitions) + " transitions",
                   "transitions");
  if (auto twice = firstRepeated(d.states))
    return invalid(d, "state " + quoted(*twice) + " is listed twice", *twice);
  if (!contains(d.states, d.initial))
    return invalid(d, "initial state " + quoted(d.initial) + " is not among its states", d.initial);

  std::map<std::string_view, int> lineOf;
  for (const auto& t : d.transitions) {
    if (auto [it, fresh] = lineOf.emplace(t.name, t.line); !fresh) {
      const std::string lines =
          it->second > 0 && t.line > 0
              ? " (lines " + std::to_string(it->second) + " and " + std::to_string(t.line) + ")"
              : "";
      return invalid(d, "transition " + quoted(t.name) + " is written twice" + lines, t.name);
    }
    if (auto ok = checkTransitionNames(d, t, knownRoles, knownGuards); !ok) return ok;
  }
  if (auto ok = checkReachable(d); !ok) return ok;
  return checkNoAutomaticLoop(d);
}

Result<WorkflowDefinition> readWorkflow(std::string_view text,
                                        const std::set<std::string>& knownRoles,
                                        const std::set<std::string>& knownGuards) {
  auto d = parseWorkflow(text);
  if (!d) return d;
  if (auto ok = validateWorkflow(*d, knownRoles, knownGuards); !ok)
    return std::unexpected(ok.error());
  return d;
}

const Transition* findTransition(const WorkflowDefinition& d, std::string_view name) {
  const auto it = std::ranges::find(d.transitions, name, &Transition::name);
  return it == d.transitions.end() ? nullptr : &*it;
}

bool hasState(const WorkflowDefinition& d, std::string_view state) {
  return contains(d.states, state);
}

bool holdsRole(const Transition& t, const std::set<std::string>& actorRoles) {
  return std::ranges::any_of(t.roles,
                             [&](const std::string& role) { return actorRoles.contains(role); });
}

Result<const Transition*> checkTransition(const WorkflowDefinition& d, std::string_view transition,
                                          std::string_view currentState,
                                          const std::set<std::string>& actorRoles) {
  const Transition* t = findTransition(d, transition);
  if (!t)
    return fail(Errc::Invalid,
                "workflow " + quoted(d.name) + " has no transition " + quoted(transition),
                "transition");
  if (t->automatic)
    return fail(Errc::Invalid,
                "workflow " + quoted(d.name) + ": " + quoted(transition) +
                    " is taken automatically, not by hand",
                "transition");
  if (!hasState(d, currentState))
    return fail(Errc::Internal,
                "workflow " + quoted(d.name) + " has no state " + quoted(currentState));
  if (!holdsRole(*t, actorRoles))
    return fail(Errc::Forbidden,
                quoted(transition) + " needs one of the roles: " + join(t->roles, ", "));
  if (!contains(t->from, currentState))
    return fail(Errc::Conflict, subjectOf(d) + " " + std::string(currentState) + "; " +
                                    quoted(transition) +
                                    " is possible from: " + join(t->from, ", "));
  return t;
}

}  // namespace sv::workflows
