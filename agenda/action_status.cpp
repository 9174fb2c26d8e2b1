#include "agenda/action_status.hpp"

#include "workflows/name_table.hpp"

namespace sv::agenda {
namespace {

constexpr NameTable<ActionStatus, 4> kNames{{
    {ActionStatus::Open, "open"},
    {ActionStatus::Reported, "reported"},
    {ActionStatus::Accepted, "accepted"},
    {ActionStatus::Insufficient, "insufficient"},
}};

constexpr NameTable<ActionEventKind, 4> kEventNames{{
    {ActionEventKind::Created, "created"},
    {ActionEventKind::Report, "report"},
    {ActionEventKind::Change, "change"},
    {ActionEventKind::Evaluation, "evaluation"},
}};

}  // namespace

std::string_view toString(ActionStatus status) {
  return nameIn(kNames, status, "open");
}

std::optional<ActionStatus> parseActionStatus(std::string_view text) {
  return valueIn(kNames, text);
}

std::string_view toString(ActionEventKind kind) {
  return nameIn(kEventNames, kind, "change");
}

std::optional<ActionEventKind> parseActionEventKind(std::string_view text) {
  return valueIn(kEventNames, text);
}

}  // namespace sv::agenda
