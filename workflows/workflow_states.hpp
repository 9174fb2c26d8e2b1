// A lifecycle's states as the server knows them (an enum's NameTable) against a workflow file
// (config/workflows/*.workflow), checked at start-up, and a state the workflow engine answered
// read back as the enum: written once for the minutes', the follow-up reports', the cases' and
// the yearly summary's lifecycles, each of which names its states in its own words.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include "workflows/name_table.hpp"
#include "workflows/result.hpp"
#include "workflows/workflow_definition.hpp"

namespace sv::workflows {

// Invalid/UnknownChoice (field "states", value = the state) when the file names a state the table
// does not know, misses one of the table's, or starts elsewhere than in `initial`. `what` names
// the states in messages ("minutes", "report"); `startsAs` is the sentence about the start up to
// the state the file names ("the minutes start as a draft, not").
template <class E, std::size_t N>
Status checkStatesAgainst(const WorkflowDefinition& definition, const NameTable<E, N>& states,
                          E initial, std::string_view what, std::string_view startsAs) {
  const auto unknown = [&](std::string_view state, std::string detail) -> Status {
    return fail(Errc::Invalid, Reason::UnknownChoice,
                "workflow '" + definition.name + "': " + std::move(detail), "states",
                std::string(state));
  };
  const std::string kind(what);
  for (const auto& state : definition.states)
    if (!valueIn(states, state))
      return unknown(state, "the server knows no " + kind + " state '" + state + "'");
  for (const auto& [value, known] : states) {
    const auto name = std::string(known);
    if (std::find(definition.states.begin(), definition.states.end(), name) ==
        definition.states.end())
      return unknown(name, "the " + kind + " state '" + name + "' is missing");
  }
  if (definition.initial != nameIn(states, initial))
    return unknown(definition.initial, std::string(startsAs) + " '" + definition.initial + "'");
  return {};
}

// The state the engine answered, as the enum; Internal for a name the table does not know.
template <class E, std::size_t N>
Result<E> knownStateIn(const Result<std::string>& answered, const NameTable<E, N>& states,
                       std::string_view what) {
  if (!answered) return std::unexpected(answered.error());
  if (auto s = valueIn(states, *answered)) return *s;
  return fail(Errc::Internal, "the " + std::string(what) + " workflow answered an unknown state '" +
                                  *answered + "'");
}

}  // namespace sv::workflows
