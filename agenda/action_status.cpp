#include "agenda/action_status.hpp"

#include <array>
#include <utility>

namespace sv::agenda {
namespace {

constexpr std::array<std::pair<ActionStatus, std::string_view>, 4> kNames{{
    {ActionStatus::Open, "open"},
    {ActionStatus::Reported, "reported"},
    {ActionStatus::Accepted, "accepted"},
    {ActionStatus::Insufficient, "insufficient"},
}};

constexpr std::array<std::pair<ActionEventKind, std::string_view>, 4> kEventNames{{
    {ActionEventKind::Created, "created"},
    {ActionEventKind::Report, "report"},
    {ActionEventKind::Change, "change"},
    {ActionEventKind::Evaluation, "evaluation"},
}};

}  // namespace

std::string_view toString(ActionStatus status) {
  for (const auto& [s, name] : kNames)
    if (s == status) return name;
  return "open";
}

std::optional<ActionStatus> parseActionStatus(std::string_view text) {
  for (const auto& [s, name] : kNames)
    if (name == text) return s;
  return std::nullopt;
}

std::string_view toString(ActionEventKind kind) {
  for (const auto& [k, name] : kEventNames)
    if (k == kind) return name;
  return "change";
}

std::optional<ActionEventKind> parseActionEventKind(std::string_view text) {
  for (const auto& [k, name] : kEventNames)
    if (name == text) return k;
  return std::nullopt;
}

}  // namespace sv::agenda
